// Loads ECharts (assets/echarts.js, see echarts-lib.ts) once, on the first chart shown. The
// script sits beside the main bundle, so the page's policy (script-src 'self') allows it.
import type * as Echarts from 'echarts/core';

export type EchartsCore = typeof Echarts;

/** Where the build puts the script, relative to index.html (renderer/vite.config.ts). */
export const ECHARTS_SCRIPT = './assets/echarts.js';

const loaded = () => (window as unknown as { __thongkeEcharts?: EchartsCore }).__thongkeEcharts;

let pending: Promise<EchartsCore> | null = null;

export function loadEcharts(): Promise<EchartsCore> {
  const ready = loaded();
  if (ready) return Promise.resolve(ready);
  pending ??= new Promise<EchartsCore>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ECHARTS_SCRIPT;
    script.onload = () => {
      const lib = loaded();
      if (lib) resolve(lib);
      else reject(new Error(`${ECHARTS_SCRIPT} did not define ECharts`));
    };
    script.onerror = () => {
      // A later chart tries again.
      pending = null;
      script.remove();
      reject(new Error(`${ECHARTS_SCRIPT} did not load`));
    };
    document.head.append(script);
  });
  return pending;
}
