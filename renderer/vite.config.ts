// The renderer bundle: React + ag-grid, built to dist/renderer and loaded from file://
// by Electron (and by the end-to-end tests in Chromium). Relative paths (`base: './'`)
// because there is no web server in the app.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// import.meta.dirname: vite keeps the config's own folder when it bundles the config.
const root = import.meta.dirname;

/**
 * The app loads its page from file:// (Electron, and the end-to-end tests), where Chromium
 * refuses module scripts and crossorigin loads (origin "null"). So the bundle is one classic
 * deferred script: same code, no CORS.
 */
function classicScript(): Plugin {
  return {
    name: 'thongke-classic-script',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin/g, '<script defer').replace(/ crossorigin(="[^"]*")?/g, ''),
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), classicScript()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    // One script and one stylesheet: a desktop app loads from disk, chunking buys nothing.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: { output: { format: 'iife' } },
  },
});
