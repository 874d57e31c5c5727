// Reading numbers typed or pasted by users. Two notations are accepted: plain (1234.5) and
// Vietnamese (1.234,5). A string that reads as two different numbers under them ("1.234",
// "12,345") is refused, never guessed: a wrong guess is a silent thousand-fold error.

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'ambiguous' };

const DIGITS = /^\d+$/;
const PLAIN_INT = /^(0|[1-9]\d{0,14})$/;

function plainOrNull(s: string): number | null {
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function groupedOrNull(s: string, group: '.' | ',', decimal: '.' | ','): number | null {
  const [intPart, frac, extra] = s.split(decimal);
  if (extra !== undefined || intPart === undefined) return null;
  if (frac !== undefined && !DIGITS.test(frac)) return null;
  const groups = intPart.split(group);
  if (groups.length < 2) return null;
  const [head, ...rest] = groups;
  if (!head || !/^\d{1,3}$/.test(head) || (head.startsWith('0') && head.length > 0 && head !== '0')) return null;
  if (head === '0') return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return Number(groups.join('') + (frac !== undefined ? '.' + frac : ''));
}

/** Every reading of an unsigned numeral under the notations we accept. */
function readings(s: string): number[] {
  const out = new Set<number>();
  const plain = plainOrNull(s);
  if (plain !== null) out.add(plain);
  // Vietnamese: "." groups thousands, "," is the decimal mark.
  const viDecimal = /^\d+,\d+$/.test(s) ? Number(s.replace(',', '.')) : null;
  if (viDecimal !== null) out.add(viDecimal);
  const viGrouped = groupedOrNull(s, '.', ',');
  if (viGrouped !== null) out.add(viGrouped);
  // The English grouping (1,234.5) as Excel writes it in an English locale.
  const enGrouped = groupedOrNull(s, ',', '.');
  if (enGrouped !== null) out.add(enGrouped);
  return [...out];
}

/**
 * Parses a number as a user typed it. Surrounding spaces, a trailing "%" or "đ" and a leading
 * minus sign are allowed; whether a negative or fractional value fits the element is checked
 * elsewhere (validateValue).
 */
export function parseUserNumber(raw: string): ParsedNumber {
  // The common case on bulk paths: plain digits, nothing to disambiguate.
  if (PLAIN_INT.test(raw)) return { ok: true, value: Number(raw) };
  let s = raw.replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  s = s.replace(/(%|đ|₫|VND|VNĐ)$/i, '');
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  }
  if (s === '') return { ok: false, reason: 'not-a-number' };
  const found = readings(s);
  if (found.length === 0) return { ok: false, reason: 'not-a-number' };
  if (found.length > 1) return { ok: false, reason: 'ambiguous' };
  const value = sign * found[0]!;
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  return { ok: true, value: value === 0 ? 0 : value };
}
