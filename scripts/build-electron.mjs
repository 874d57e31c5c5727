// Bundles the main process and the preload with esbuild into dist/electron/*.cjs.
// Main bundles our own code only: every package in "dependencies" stays in node_modules
// (electron-builder packs them; better-sqlite3 is native and must load from disk anyway).
// electron is provided by the runtime.
// The app prints with Electron's printToPDF (electron/pdf.ts), so the main bundle never loads
// playwright-core: export/report/pdf.ts (its only importer) is replaced by a stub that says so.
// The document libraries (docx, exceljs) are imported by export/report/render.ts only when a
// document is made; electron/main-bundle.test.ts checks both on the built file.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

const noPlaywright = {
  name: 'no-playwright-in-main',
  setup(b) {
    const pdf = join(root, 'export', 'report', 'pdf');
    b.onResolve({ filter: /pdf$/ }, (args) =>
      resolve(args.resolveDir, args.path) === pdf ? { path: 'export/report/pdf', namespace: 'no-playwright' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-playwright' }, () => ({
      loader: 'js',
      contents: `
        const refuse = () => { throw new Error('The app renders PDF with printToPDF (electron/pdf.ts).'); };
        export const htmlToPdf = refuse;
        export const findChromium = () => null;
        export const closePdfBrowser = async () => {};`,
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  absWorkingDir: root,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', ...dependencies], plugins: [noPlaywright] }),
  // A sandboxed preload may only require('electron'): everything else is inside the bundle.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('dist/electron/main.cjs, dist/electron/preload.cjs');
