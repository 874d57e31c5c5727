// Figures as the report prints them (vi-VN): 509.591; 8,7%; 99,35%; 49.875.000đ; 118/100; 3,2.
import { displayFormat, type CatalogueElement, type DisplayFormat } from '../../core/catalogue';
import type { Figure } from '../../core/figures';
import {
  formatFixed,
  formatMoney,
  formatNumber,
  formatPer100,
  formatPercent,
  formatPercentFixed,
} from '../../core/format';
import type { FigureRef, Resolved } from './template';

/** How a table cell prints: an element's own format, or "% of plan" (one fixed decimal: 7,0%). */
export type CellFormat = DisplayFormat | 'pct1';

export interface Cell {
  text: string;
  /** The number behind the text (null when missing), for spreadsheets. */
  value: number | null;
  format: CellFormat;
}

export function formatValue(v: number, format: CellFormat, padBelow10 = false): string {
  switch (format) {
    case 'percent':
      return formatPercent(v, 'vi', 1);
    case 'percent2':
      return formatPercentFixed(v, 2, 'vi');
    case 'pct1':
      return formatPercentFixed(v, 1, 'vi');
    case 'money':
      return formatMoney(v, 'vi');
    case 'per100':
      return formatPer100(v, 'vi');
    case 'fixed1':
      return formatFixed(v, 1, 'vi');
    case 'number':
      // Administrative documents write small counts with two digits: "01 bệnh nhân", "02 công ty".
      if (padBelow10 && Number.isInteger(v) && v >= 1 && v <= 9) return `0${v}`;
      return formatNumber(v, 'vi', 2);
  }
}

export function cell(v: number | null, format: CellFormat, missingText: string): Cell {
  return { text: v === null ? missingText : formatValue(v, format), value: v, format };
}

/** A derived figure is unavailable (not missing) when its denominator adds up to 0. */
function zeroDenominator(e: CatalogueElement, field: 'value' | 'ytd' | 'lastYear', byCode: ReadonlyMap<string, Figure>): boolean {
  if (!e.derived) return false;
  const dens = e.derived.denominator.map((c) => byCode.get(c)?.[field] ?? null);
  return dens.every((d) => d !== null) && dens.reduce<number>((a, b) => a + (b ?? 0), 0) === 0;
}

/** Resolves one placeholder of a sentence against the figures model. */
export function resolveFigure(
  ref: FigureRef,
  byCode: ReadonlyMap<string, Figure>,
  elements: ReadonlyMap<string, CatalogueElement>,
  padBelow10: boolean,
): Resolved {
  const f = byCode.get(ref.element);
  const e = elements.get(ref.element);
  if (!f || !e) return { ok: false, reason: 'missing' };
  const fmt = displayFormat(e);
  switch (ref.field) {
    case 'pctOfPlan':
    case 'ytdPctOfPlan': {
      const base = ref.field === 'pctOfPlan' ? f.value : f.ytd;
      if (base === null) return { ok: false, reason: 'dependent' };
      if (f.plan === null) return { ok: false, reason: 'noPlan' };
      if (f.plan === 0) return { ok: false, reason: 'zeroPlan' };
      const pct = f[ref.field];
      return pct === null ? { ok: false, reason: 'missing' } : { ok: true, text: formatValue(pct, 'pct1') };
    }
    case 'plan':
      return f.plan === null ? { ok: false, reason: 'noPlan' } : { ok: true, text: formatValue(f.plan, fmt, padBelow10) };
    default: {
      const v = f[ref.field];
      if (v !== null) return { ok: true, text: formatValue(v, fmt, padBelow10) };
      return { ok: false, reason: zeroDenominator(e, ref.field, byCode) ? 'zeroDenominator' : 'missing' };
    }
  }
}
