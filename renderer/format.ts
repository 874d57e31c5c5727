// Figures as the report prints them, by the element's display format (core/format.ts).
import type { DataElement } from '../core/catalogue';
import { displayFormat } from '../core/catalogue-kinds';
import { formatFixed, formatMoney, formatNumber, formatPer100, formatPercent, formatPercentFixed, type Lang } from '../core/format';

export function formatFigure(value: number | null, e: Pick<DataElement, 'format' | 'valueType'>, lang: Lang): string {
  if (value === null) return '';
  switch (displayFormat(e)) {
    case 'percent':
      return formatPercent(value, lang, 1);
    case 'percent2':
      return formatPercentFixed(value, 2, lang);
    case 'money':
      return formatMoney(value, lang);
    case 'per100':
      return formatPer100(value, lang);
    case 'fixed1':
      return formatFixed(value, 1, lang);
    default:
      return formatNumber(value, lang, 2);
  }
}

/** % of plan, always one decimal as the report prints it: "8,7%", "7,0%". */
export function formatPct(value: number | null, lang: Lang): string {
  return value === null ? '' : formatPercentFixed(value, 1, lang);
}

/** A file size: "850 KB", "10,3 MB". */
export function formatBytes(bytes: number, lang: Lang): string {
  return bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, lang, 0)} KB` : `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

/** A stored ISO time as the user reads it: "10/06/2024 08:00". */
export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "2024-06-10" ↔ "10/06/2024": the date as Vietnamese paperwork writes it, whatever the browser's locale. */
export function isoToDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

export function dmyToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
