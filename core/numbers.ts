// Reading numbers typed or pasted by users. Two notations are accepted: plain (1234.5) and
// Vietnamese (1.234,5), plus thousands grouped by spaces (12 345). A string that reads as two
// different numbers under them ("1.234", "12,345") is refused, never guessed: a wrong guess is a
// silent thousand-fold error. Where the element takes whole numbers only (counts, money) there
// is no second reading: "1.234" can only be 1234, as the grid itself displays it.
import type { ValueType } from './catalogue';

export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'ambiguous' };

const DIGITS = /^\d+$/;
const PLAIN_INT = /^(0|[1-9]\d{0,14})$/;
// Any Unicode space: a typed space, a no-break space (U+00A0) and the narrow no-break space
// (U+202F) that Intl and word processors put between groups of thousands.
const SPACE = /\s/u;
// Thousands grouped by spaces: a head of 1–3 digits (not starting with 0), then groups of 3;
// an optional decimal part after "," or ".".
const SPACE_GROUPED = /^([1-9]\d{0,2}(?:\s\d{3})+)(?:([.,])(\d+))?$/u;

/** One way of reading a numeral; `grouped` when a "." or "," was read as a thousands separator. */
interface Reading {
  value: number;
  grouped: boolean;
}

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
  if (!head || !/^[1-9]\d{0,2}$/.test(head)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return Number(groups.join('') + (frac !== undefined ? '.' + frac : ''));
}

/** Every reading of an unsigned numeral without spaces under the notations we accept. */
function readings(s: string): Reading[] {
  const out: Reading[] = [];
  const plain = plainOrNull(s);
  if (plain !== null) out.push({ value: plain, grouped: false });
  // Vietnamese: "." groups thousands, "," is the decimal mark.
  if (/^\d+,\d+$/.test(s)) out.push({ value: Number(s.replace(',', '.')), grouped: false });
  const viGrouped = groupedOrNull(s, '.', ',');
  if (viGrouped !== null) out.push({ value: viGrouped, grouped: true });
  // The English grouping (1,234.5) as Excel writes it in an English locale.
  const enGrouped = groupedOrNull(s, ',', '.');
  if (enGrouped !== null) out.push({ value: enGrouped, grouped: true });
  return out;
}

/**
 * Readings of a numeral with spaces: the spaces must group thousands exactly ("12 345",
 * "1 234 567,5"); "1 2" or "36 00" is no number at all. A decimal part of exactly three digits
 * ("1 234.567") may also be one more group, so it reads both ways.
 */
function spacedReadings(s: string): Reading[] {
  const m = SPACE_GROUPED.exec(s);
  if (!m) return [];
  const int = m[1]!.replace(/\s/gu, '');
  const frac = m[3];
  if (frac === undefined) return [{ value: Number(int), grouped: false }];
  const out: Reading[] = [{ value: Number(`${int}.${frac}`), grouped: false }];
  if (frac.length === 3) out.push({ value: Number(int + frac), grouped: true });
  return out;
}

/** Whether an element of this type takes whole numbers only. */
export function wholeNumbersOnly(valueType: ValueType | null): boolean {
  return valueType === 'count' || valueType === 'money';
}

/**
 * Parses a number as a user typed it, for an element of `valueType` (null when the element is
 * not known: then every ambiguity is refused). Surrounding spaces, a trailing "%" or "đ" and a
 * leading minus sign are allowed; whether a negative or fractional value fits the element is
 * checked elsewhere (checkValue), so "8,5" in a count column reads 8.5 and is refused there
 * with the element's name.
 */
export function parseUserNumber(raw: string, valueType: ValueType | null): ParsedNumber {
  // The common case on bulk paths: plain digits, nothing to disambiguate.
  if (PLAIN_INT.test(raw)) return { ok: true, value: Number(raw) };
  let s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  s = s.replace(/\s*(%|đ|₫|VND|VNĐ)$/iu, '');
  let sign = 1;
  const signed = /^[-−]\s*/u.exec(s);
  if (signed) {
    sign = -1;
    s = s.slice(signed[0].length);
  }
  if (s === '') return { ok: false, reason: 'not-a-number' };
  let found = SPACE.test(s) ? spacedReadings(s) : readings(s);
  // A whole-number element has no decimal reading of "1.234" or "12,345": the separator groups.
  if (wholeNumbersOnly(valueType) && found.some((r) => r.grouped)) found = found.filter((r) => r.grouped);
  const values = [...new Set(found.map((r) => r.value))];
  if (values.length === 0) return { ok: false, reason: 'not-a-number' };
  if (values.length > 1) return { ok: false, reason: 'ambiguous' };
  const value = sign * values[0]!;
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  return { ok: true, value: value === 0 ? 0 : value };
}
