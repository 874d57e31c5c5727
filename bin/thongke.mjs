#!/usr/bin/env node
// Entry point of the `thongke` command: runs the prebuilt bundle dist/cli/thongke.mjs
// (scripts/build-cli.mjs, made by `npm install` through the `prepare` script and by `npm run build`).
// In a developer's checkout the bundle may be missing or older than the sources: it is rebuilt
// first (esbuild, well under a second), so the command never runs stale code.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// V8 keeps the compiled bundle on disk (Node's own cache, in the temp folder): later runs skip
// compiling ≈ 1.7 MB of JavaScript, the largest part of a start.
enableCompileCache?.();

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/thongke.mjs', root);

/** True when the bundle is missing or a source it was built from changed since. */
function stale() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
  } catch {
    return true;
  }
  for (const p of inputs) {
    try {
      if (statSync(new URL(p, root)).mtimeMs > built) return true;
    } catch {
      return true; // a source was removed or renamed
    }
  }
  return false;
}

if (stale()) {
  const builder = new URL('scripts/build-cli.mjs', root);
  let buildCli = null;
  try {
    if (existsSync(new URL('node_modules/esbuild/package.json', root))) ({ buildCli } = await import(builder.href));
  } catch {
    buildCli = null;
  }
  if (buildCli) {
    await buildCli();
  } else if (!existsSync(bundle)) {
    process.stderr.write(
      'Lệnh thongke chưa được dựng: chạy "npm install" (hoặc "npm run build:cli") trong thư mục của ứng dụng.\n' +
        'The thongke command is not built: run "npm install" (or "npm run build:cli") in the app folder.\n',
    );
    process.exit(1);
  } else {
    process.stderr.write(
      `Cảnh báo: ${fileURLToPath(bundle)} cũ hơn mã nguồn; chạy "npm run build:cli". / ` +
        'Warning: the command bundle is older than the sources; run "npm run build:cli".\n',
    );
  }
}

const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
