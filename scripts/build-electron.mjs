// Bundles the main process and the preload with esbuild into dist/electron/*.cjs.
// Main bundles our own code only: every package in "dependencies" stays in node_modules
// (electron-builder packs them; better-sqlite3 is native and must load from disk anyway).
// electron is provided by the runtime.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  absWorkingDir: root,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // export/report/fonts.ts finds resources/fonts/ through __dirname in this CommonJS bundle and
  // through import.meta.url only when run as ESM (tsx, vitest).
  logOverride: { 'empty-import-meta': 'silent' },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', ...dependencies] }),
  // A sandboxed preload may only require('electron'): everything else is inside the bundle.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('dist/electron/main.cjs, dist/electron/preload.cjs');
