// Figures as the report prints them, by the element's display format (core/format.ts).
import { displayFormat, type DataElement } from '../core/catalogue';
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
