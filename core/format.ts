// Numbers as Vietnamese documents print them: 1.234.567; 8,7%; 49.875.000đ; "118/100".
// English is the second language and uses its own separators.

export type Lang = 'vi' | 'en';

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    cache.set(key, f);
  }
  return f;
}

/** A count or measure: up to `maxDecimals` decimals, no trailing zeros. */
export function formatNumber(value: number, lang: Lang = 'vi', maxDecimals = 2): string {
  return nf(lang, 0, maxDecimals).format(value);
}

/** A fixed number of decimals: 3,2 lần. */
export function formatFixed(value: number, decimals: number, lang: Lang = 'vi'): string {
  return nf(lang, decimals, decimals).format(value);
}

/** A percentage already multiplied by 100: formatPercent(8.72) → "8,7%". */
export function formatPercent(value: number, lang: Lang = 'vi', decimals = 1): string {
  return `${nf(lang, 0, decimals).format(value)}%`;
}

/** A percentage always with `decimals` decimals: 99,35%; 7,0%. */
export function formatPercentFixed(value: number, decimals: number, lang: Lang = 'vi'): string {
  return `${nf(lang, decimals, decimals).format(value)}%`;
}

/** Money in đồng: 49.875.000đ. */
export function formatMoney(value: number, lang: Lang = 'vi'): string {
  const n = nf(lang, 0, 0).format(value);
  return lang === 'vi' ? `${n}đ` : `${n} VND`;
}

/** A sex ratio: boys per 100 girls, as the reports print it ("118/100"): whole boys, truncated. */
export function formatPer100(value: number, lang: Lang = 'vi'): string {
  return `${nf(lang, 0, 0).format(Math.floor(value))}/100`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month as people read it: "tháng 5/2024", "May 2024" (never "2024-05"). */
export function formatMonth(period: string, lang: Lang = 'vi'): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  return lang === 'vi' ? `tháng ${month}/${m[1]}` : `${EN_MONTHS[month - 1] ?? m[2]} ${m[1]}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Any period as people read it: a month as formatMonth; "quý II/2024" / "Q2 2024"; "6 tháng đầu
 * năm 2024" / "first half of 2024"; "9 tháng năm 2024" / "first nine months of 2024"; "năm 2024" /
 * "2024". Anything else is returned as it is.
 */
export function formatPeriod(spec: string, lang: Lang = 'vi'): string {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-(H1)|-(9M))?$/.exec(spec);
  if (!m) return spec;
  const vi = lang === 'vi';
  const year = m[1]!;
  if (m[2]) return formatMonth(spec, lang);
  if (m[3]) return vi ? `quý ${ROMAN[Number(m[3]) - 1]!}/${year}` : `Q${m[3]} ${year}`;
  if (m[4]) return vi ? `6 tháng đầu năm ${year}` : `the first half of ${year}`;
  if (m[5]) return vi ? `9 tháng năm ${year}` : `the first nine months of ${year}`;
  return vi ? `năm ${year}` : year;
}

