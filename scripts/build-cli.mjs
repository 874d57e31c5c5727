// Bundles the `thongke` command with esbuild into dist/cli/thongke.mjs, so a run loads one
// prebuilt JavaScript file instead of compiling TypeScript (issue 9: `help` went from ≈ 1.3 s
// through tsx to a few tens of milliseconds).
// - better-sqlite3 is native and loads from node_modules; the report stack (playwright-core,
//   exceljs, docx) stays in node_modules too and is imported only when a report is made
//   (export/report/render.ts and pdf.ts import it dynamically; `splitting` puts that code in a
//   chunk of its own that other commands never load).
// - dist/cli/inputs.json lists our source files, so bin/thongke.mjs can tell a bundle older
//   than the sources (a developer's checkout) and rebuild it first.
// Every file is written under a temporary name and renamed into place, chunks before the entry:
// commands started at the same time (tests, scripts in a loop) never load a half-written file.
// Run: npm run build:cli (also run by `npm install` through the `prepare` script).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'dist', 'cli');
/** Packages loaded from node_modules at run time instead of being bundled. */
export const CLI_EXTERNAL = ['better-sqlite3', 'playwright-core', 'exceljs', 'docx', '@resvg/resvg-js'];

export async function buildCli() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { thongke: 'cli/main.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: CLI_EXTERNAL,
    // Bundled CommonJS packages (papaparse) call require(): give the ES module one.
    banner: { js: "import { createRequire as __thongkeRequire } from 'node:module'; const require = __thongkeRequire(import.meta.url);" },
    metafile: true,
    write: false,
    // Smaller text is faster to read and decode at every start; names stay for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const tmp = (p) => `${p}.${process.pid}.tmp`;
  const entry = join(OUT, 'thongke.mjs');
  const files = [...result.outputFiles].sort((a, b) => (a.path === entry ? 1 : 0) - (b.path === entry ? 1 : 0));
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  inputs.push('package.json', 'scripts/build-cli.mjs');
  const all = [{ path: join(OUT, 'inputs.json'), contents: JSON.stringify(inputs) }, ...files];
  for (const f of all) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(tmp(f.path), f.contents);
    renameSync(tmp(f.path), f.path);
  }
  // Chunks of earlier builds (their names carry a content hash) go.
  const current = new Set(files.map((f) => f.path));
  const chunks = join(OUT, 'chunks');
  for (const name of readdirSync(chunks)) {
    if (name.endsWith('.mjs') && !current.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
  }
  return relative(root, entry);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await buildCli());
}
