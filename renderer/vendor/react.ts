// The first of the two vendor scripts (assets/vendor-react.js, see vite.config.ts): React for the
// grid's script and the app's, which read it from these globals. The browser reads and compiles
// the three scripts at once, on both cores, instead of one 1,4 MB script on one.
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import { VENDOR_GLOBALS } from './globals';

const w = window as unknown as Record<string, unknown>;
w[VENDOR_GLOBALS.react] = react;
w[VENDOR_GLOBALS['react-dom']] = reactDom;
w[VENDOR_GLOBALS['react-dom/client']] = reactDomClient;
w[VENDOR_GLOBALS['react/jsx-runtime']] = jsxRuntime;
