#!/usr/bin/env node
// Entry point of the `thongke` command. The CLI is TypeScript run through tsx's loader,
// so `npx thongke` works right after `npm install` without a build step.
import { register } from 'tsx/esm/api';

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
