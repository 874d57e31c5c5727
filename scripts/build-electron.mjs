// Bundles the main process and the preload with esbuild into dist/electron/*.cjs.
// Main bundles our code and the small pure-JavaScript packages it uses at start (kysely, zod,
// i18next, papaparse: loading kysely's and zod's many files from node_modules took ≈ 350 ms of
// the ≈ 580 ms the bundle took to load, issue 9). External, loaded from node_modules (which
// electron-builder packs): better-sqlite3 (native), the document libraries (docx, exceljs,
// loaded only when a document is made) and playwright-core (never, see below).
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
/** Packages main loads from node_modules instead of bundling them. */
const MAIN_EXTERNAL = ['better-sqlite3', 'docx', 'exceljs', 'playwright-core', '@resvg/resvg-js', 'echarts'];
for (const name of MAIN_EXTERNAL) if (!dependencies.includes(name)) throw new Error(`${name} is not a dependency`);

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
  // Less text to read and compile at every start; names stay for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // export/report/fonts.ts finds resources/fonts/ through __dirname in this CommonJS bundle and
  // through import.meta.url only when run as ESM (tsx, vitest).
  logOverride: { 'empty-import-meta': 'silent' },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', ...MAIN_EXTERNAL], plugins: [noPlaywright] }),
  // A sandboxed preload may only require('electron'): everything else is inside the bundle.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('dist/electron/main.cjs, dist/electron/preload.cjs');
