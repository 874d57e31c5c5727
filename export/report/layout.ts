// Page layout shared by the DOCX and the print HTML, per Decree 30/2020/NĐ-CP: A4, margins
// top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman 13–14 pt.
import type { CommuneGrid, GridColumn } from './appendix';

export const LAYOUT = {
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  bodyPt: 14,
  tablePt: 11,
  gridPt: 10,
  /** Element columns per commune table on a landscape page; wider grids continue in the next table. */
  gridColumns: 8,
  font: 'Times New Roman',
} as const;

/** Indicator columns per table of Phụ lục III on a landscape page. */
export const INDICATOR_COLUMNS = 6;

/** The grid's columns in groups that fit one landscape table. */
export function columnChunks(g: CommuneGrid, size: number = LAYOUT.gridColumns): GridColumn[][] {
  const out: GridColumn[][] = [];
  for (let i = 0; i < g.columns.length; i += size) out.push(g.columns.slice(i, i + size));
  return out;
}
