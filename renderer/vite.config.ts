// The renderer bundle: React + ag-grid, built to dist/renderer and loaded from file://
// by Electron (and by the end-to-end tests in Chromium). Relative paths (`base: './'`)
// because there is no web server in the app.
import react from '@vitejs/plugin-react';
import { build as esbuild, type Plugin as EsbuildPlugin } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { REACT_PACKAGES, VENDOR_GLOBALS } from './vendor/globals';

// import.meta.dirname: vite keeps the config's own folder when it bundles the config.
const root = import.meta.dirname;

/**
 * The app loads its page from file:// (Electron, and the end-to-end tests), where Chromium
 * refuses module scripts and crossorigin loads (origin "null"). So the bundle is a classic
 * deferred script: same code, no CORS. Before it: the boot script (bootScript), then the two
 * vendor scripts (vendorScripts), run in this order.
 */
function classicScript(): Plugin {
  return {
    name: 'thongke-classic-script',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/(\s*)<script type="module" crossorigin/, ['$1<script src="./assets/boot.js"></script>', ...VENDOR_SCRIPTS.map((f) => `$1<script defer src="./${f}"></script>`), '$1<script defer'].join('')).replace(/ crossorigin(="[^"]*")?/g, ''),
    },
  };
}

/** The packages given as `globals` are read from the window (set by an earlier vendor script). */
function fromGlobals(packages: readonly (keyof typeof VENDOR_GLOBALS)[]): EsbuildPlugin {
  const filter = new RegExp(`^(${packages.map((p) => p.replace(/[/.-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'thongke-from-globals',
    setup(b) {
      b.onResolve({ filter }, (a) => ({ path: a.path, namespace: 'thongke-global' }));
      b.onLoad({ filter: /.*/, namespace: 'thongke-global' }, (a) => ({
        contents: `module.exports = window[${JSON.stringify(VENDOR_GLOBALS[a.path as keyof typeof VENDOR_GLOBALS])}];`,
        loader: 'js',
      }));
    },
  };
}

/** A script of its own, bundled by esbuild as one classic script (no module: file:// loads it). */
function classicAsset(entry: string, fileName: string, globals: readonly (keyof typeof VENDOR_GLOBALS)[] = []): Plugin {
  return {
    name: `thongke-asset-${fileName}`,
    apply: 'build',
    async generateBundle() {
      const out = await esbuild({
        entryPoints: [`${root}/${entry}`],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'chrome140',
        write: false,
        legalComments: 'none',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
        plugins: globals.length > 0 ? [fromGlobals(globals)] : [],
      });
      this.emitFile({ type: 'asset', fileName, source: out.outputFiles[0]!.text });
    },
  };
}

/**
 * ECharts as a second classic script, assets/echarts.js (renderer/charts/echarts-lib.ts), which
 * renderer/charts/load-echarts.ts adds to the page on the first chart. The format 'iife' cannot
 * split chunks, and ES module chunks do not load from file:// in Chromium (origin "null"); a
 * second classic script loads exactly as the first, in Electron and in the end-to-end tests.
 * ECharts is only in this script: the main bundle imports its types alone.
 */
const echartsScript = (): Plugin => classicAsset('charts/echarts-lib.ts', 'assets/echarts.js');

/**
 * The boot script (renderer/boot.ts), before the app's deferred script: a blocking script of a
 * few hundred bytes that asks the service for the first screen while the browser still reads and
 * compiles the app's script (0,3–0,4 s here), so its answer is waiting when the app starts.
 */
const bootScript = (): Plugin => classicAsset('boot.ts', 'assets/boot.js');

/**
 * React and ag-grid as two classic scripts of their own (renderer/vendor/*.ts), before the app's:
 * the browser streams and compiles each script on a background thread, so three scripts (0,2,
 * 0,8 and 0,4 MB) are read at once on both cores instead of one of 1,4 MB on one; they then run
 * in order (defer). The app's imports of these packages read the globals the vendor scripts set
 * (rolldown's `external` and `globals`), and the grid's script reads React's the same way, so
 * there is one React. Tree-shaking is kept: the grid's script exports only what the app imports.
 */
const VENDOR_SCRIPTS = ['assets/vendor-react.js', 'assets/vendor-grid.js'];
const vendorScripts = (): Plugin[] => [classicAsset('vendor/react.ts', VENDOR_SCRIPTS[0]!), classicAsset('vendor/grid.ts', VENDOR_SCRIPTS[1]!, REACT_PACKAGES)];

export default defineConfig({
  root,
  base: './',
  plugins: [react(), classicScript(), echartsScript(), bootScript(), ...vendorScripts()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    // One script for the app and one for ECharts (echartsScript), loaded when a chart is first shown.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { external: Object.keys(VENDOR_GLOBALS), output: { format: 'iife', globals: VENDOR_GLOBALS } },
  },
});
