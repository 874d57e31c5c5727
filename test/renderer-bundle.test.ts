// What the renderer's main bundle pulls in (the entry screen's first load parses all of it):
// not zod (the API's schemas are the service's; the renderer imports their types and the
// zod-free constants), and not ECharts (loaded as assets/echarts.js on the first chart,
// renderer/charts/load-echarts.ts). The module graph is read with esbuild from the sources, so
// this runs without a build; a new value import that drags either back in fails here.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VENDOR_GLOBALS } from '../renderer/vendor/globals';

const ROOT = resolve(import.meta.dirname, '..');

async function inputs(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs);
}

describe('the renderer bundle', () => {
  it('leaves zod and ECharts out of the main bundle; ECharts is in its own script', async () => {
    const main = await inputs('renderer/main.tsx');
    expect(main.some((f) => f.includes('renderer/screens/EntryScreen.tsx'))).toBe(true);
    expect(main.filter((f) => /node_modules\/(zod|echarts|zrender)\//.test(f))).toEqual([]);
    const charts = await inputs('renderer/charts/echarts-lib.ts');
    expect(charts.some((f) => f.includes('node_modules/echarts/'))).toBe(true);
  }, 60_000);
});

/** Every value import of `renderer/` (not type-only), by module: what the scripts must provide. */
function valueImports(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const files = readdirSync(resolve(ROOT, 'renderer'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.startsWith('vendor'));
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(resolve(ROOT, 'renderer', f), 'utf8'), ts.ScriptTarget.Latest);
    for (const st of src.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue;
      const names = out.get(st.moduleSpecifier.text) ?? new Set<string>();
      const b = st.importClause?.namedBindings;
      if (b && ts.isNamedImports(b)) for (const e of b.elements) if (!e.isTypeOnly) names.add((e.propertyName ?? e.name).text);
      if (b && ts.isNamespaceImport(b)) names.add('*');
      if (st.importClause?.name) names.add('default');
      out.set(st.moduleSpecifier.text, names);
    }
  }
  return out;
}

describe('the vendor scripts (React and ag-grid apart from the app, vite.config.ts)', () => {
  it('hold every name the app imports from ag-grid, and the app imports React and ag-grid only by the paths they provide', () => {
    const imports = valueImports();
    const grid = readFileSync(resolve(ROOT, 'renderer/vendor/grid.ts'), 'utf8');
    for (const pkg of ['ag-grid-community', 'ag-grid-react']) {
      for (const name of imports.get(pkg) ?? []) expect(grid, `${name} of ${pkg}`).toMatch(new RegExp(`\\b${name}\\b[^]*w\\[VENDOR_GLOBALS\\['${pkg}'\\]\\] = \\{[^}]*\\b${name}\\b`));
    }
    expect(imports.get('ag-grid-community')?.has('ModuleRegistry')).toBe(true);
    // A deeper path (react-dom/server, ag-grid-community/…) would be bundled into the app: a
    // second copy of React or of ag-grid.
    const vendorish = [...imports.keys()].filter((m) => /^(react|react-dom|ag-grid-[a-z]+|ag-stack)(\/|$)/.test(m));
    expect(vendorish.filter((m) => !(m in VENDOR_GLOBALS))).toEqual([]);
  });
});
