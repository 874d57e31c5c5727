#!/usr/bin/env node
// Entry point of the `thongke` command. The CLI is TypeScript run through tsx's loader,
// so `npx thongke` works right after `npm install` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
