// The report's charts as ECharts draws them on the server: well-formed SVG text (parsed by a
// real XML parser), every label in the report's font family, the target line and its label,
// one bar per unit coloured by on track or not, and the PNG fallback drawn from the same SVG
// by resvg at 1.5 times the size.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './chart-png';
import { CHART_FONT, niceMax, renderChartSvg, type IndicatorChartSpec, type TimelinessChartSpec } from './charts';

const INDICATOR: IndicatorChartSpec = {
  kind: 'indicator',
  categories: ['Huyện Hoằng Hóa', 'Huyện Bá Thước', 'Thị xã Nghi Sơn'],
  values: [20, 5, null],
  onTrack: [false, true, null],
  target: 8,
  targetLabel: 'Kế hoạch < 8‰',
  unit: '‰',
  legend: { onTrack: 'Đạt kế hoạch', offTrack: 'Chưa đạt kế hoạch' },
};

const TIMELINESS: TimelinessChartSpec = {
  kind: 'timeliness',
  categories: ['T1', 'T2', 'T3'],
  series: [
    { name: 'Đúng hạn', state: 'on-time', values: [20, 25, 28] },
    { name: 'Muộn', state: 'late', values: [8, 3, 1] },
    { name: 'Chưa gửi', state: 'missing', values: [2, 2, 1] },
  ],
};

/** Every <text> element's content and style, and every filled path's colour. */
function read(svg: string): { texts: { text: string; style: string }[]; fills: string[]; root: Record<string, unknown> } {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false, parseTagValue: false }).parse(svg) as unknown[];
  const texts: { text: string; style: string }[] = [];
  const fills: string[] = [];
  let root: Record<string, unknown> = {};
  const walk = (nodes: unknown[]) => {
    for (const n of nodes as Record<string, unknown>[]) {
      const attrs = (n[':@'] ?? {}) as Record<string, string>;
      if ('svg' in n) root = attrs;
      if ('text' in n) texts.push({ text: ((n.text as { '#text'?: unknown }[])[0]?.['#text'] ?? '') as string, style: attrs.style ?? '' });
      if ('path' in n && attrs.fill && attrs.fill !== 'none') fills.push(attrs.fill);
      for (const [k, v] of Object.entries(n)) if (k !== ':@' && Array.isArray(v)) walk(v);
    }
  };
  walk(doc);
  return { texts, fills, root };
}

describe('report charts (ECharts SSR)', () => {
  it('draws an indicator chart: units, the target line with its label, bars coloured by on track, the legend in words', () => {
    const c = renderChartSvg(INDICATOR);
    expect(c.width).toBe(640);
    const { texts, fills, root } = read(c.svg);
    expect(root).toMatchObject({ width: '640', height: String(c.height) });
    const words = texts.map((t) => t.text);
    for (const w of ['Huyện Hoằng Hóa', 'Huyện Bá Thước', 'Thị xã Nghi Sơn', 'Kế hoạch < 8‰', 'Đạt kế hoạch', 'Chưa đạt kế hoạch', '20', '5', '‰']) expect(words).toContain(w);
    // Every text in the report's family, shipped Liberation Serif among the fallbacks.
    for (const t of texts) expect(t.style).toContain(`font-family:${CHART_FONT}`);
    expect(CHART_FONT).toContain('Liberation Serif');
    // One red bar (off track), one green (on track), and the legend's swatches of both.
    expect(fills.filter((f) => f === '#c62828').length).toBeGreaterThanOrEqual(2);
    expect(fills.filter((f) => f === '#2e7d32').length).toBeGreaterThanOrEqual(2);
    // The target line is dashed.
    expect(c.svg).toMatch(/stroke-dasharray/);
  });

  it('draws the timeliness chart: months, stacked counts, the three states in words', () => {
    const c = renderChartSvg(TIMELINESS);
    const words = read(c.svg).texts.map((t) => t.text);
    for (const w of ['T1', 'T2', 'T3', 'Đúng hạn', 'Muộn', 'Chưa gửi', '20', '8', '28']) expect(words).toContain(w);
  });

  it('grows with the number of units, so 30 districts keep readable rows', () => {
    const many = { ...INDICATOR, categories: Array.from({ length: 30 }, (_, i) => `Huyện ${i + 1}`), values: Array.from({ length: 30 }, (_, i) => i), onTrack: Array.from({ length: 30 }, (_, i) => i < 8) };
    expect(renderChartSvg(many).height).toBeGreaterThanOrEqual(30 * 20);
  });

  it('ends the value axis at a round number above the largest value and the target', () => {
    expect(niceMax(20)).toBe(25);
    expect(niceMax(0.45)).toBe(0.5);
    expect(niceMax(98)).toBe(200);
    expect(niceMax(0)).toBe(1);
  });

  it('rasterises the same SVG to a PNG at 1.5 times its size (the DOCX fallback)', async () => {
    const c = renderChartSvg(INDICATOR);
    const png = await svgToPng(c.svg, c.width);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(960);
    expect(view.getUint32(20)).toBe(Math.round(c.height * 1.5));
  });
});
