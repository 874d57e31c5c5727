// The renderer bundle: React + ag-grid, built to dist/renderer and loaded from file://
// by Electron (and by the end-to-end tests in Chromium). Relative paths (`base: './'`)
// because there is no web server in the app.
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

// import.meta.dirname: vite keeps the config's own folder when it bundles the config.
const root = import.meta.dirname;

/**
 * The app loads its page from file:// (Electron, and the end-to-end tests), where Chromium
 * refuses module scripts and crossorigin loads (origin "null"). So the bundle is one classic
 * deferred script: same code, no CORS. The boot script (bootScript) comes before it.
 */
function classicScript(): Plugin {
  return {
    name: 'thongke-classic-script',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/(\s*)<script type="module" crossorigin/, '$1<script src="./assets/boot.js"></script>$1<script defer').replace(/ crossorigin(="[^"]*")?/g, ''),
    },
  };
}

/** A script of its own, bundled by esbuild as one classic script (no module: file:// loads it). */
function classicAsset(entry: string, fileName: string): Plugin {
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

export default defineConfig({
  root,
  base: './',
  plugins: [react(), classicScript(), echartsScript(), bootScript()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    // One script for the app and one for ECharts (echartsScript), loaded when a chart is first shown.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { output: { format: 'iife' } },
  },
});
