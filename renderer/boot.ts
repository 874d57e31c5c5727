// The boot script: a few lines loaded before the app's script (assets/boot.js, see
// vite.config.ts). While the browser still reads and compiles the app's 1,4 MB, it asks the
// service for the first screen (session.open: the units, the catalogue and the entry grid's
// month with its values), so the answer is there when the app starts: invoke (renderer/api.ts)
// takes it for the session's first call of the same operation and arguments.
import { askEarly } from './api';
import { OPEN_ON_START } from './stores/session-open';

askEarly('session.open', OPEN_ON_START);
