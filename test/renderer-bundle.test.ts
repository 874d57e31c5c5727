// What the renderer's main bundle pulls in (the entry screen's first load parses all of it):
// not zod (the API's schemas are the service's; the renderer imports their types and the
// zod-free constants), and not ECharts (loaded as assets/echarts.js on the first chart,
// renderer/charts/load-echarts.ts). The module graph is read with esbuild from the sources, so
// this runs without a build; a new value import that drags either back in fails here.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
