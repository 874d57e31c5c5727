// The words and numbers of a plan indicator as people read them: "8,7‰", "< 8‰", "✓ Đạt",
// "Thiếu số liệu mẫu số: Số trẻ đẻ sống". Shared by the screen, its chart and (if wanted) the
// printed report, so all say the same thing.
import { formatNumber, type Lang } from '../format';
import { translator } from '../i18n';
import type { IndicatorDef, IndicatorDirection, IndicatorValue } from '../indicators';

const SIGNS: Record<IndicatorDirection, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** ">=" → "≥", "<=" → "≤". */
export function directionSign(d: IndicatorDirection): string {
  return SIGNS[d];
}

type Units = Pick<IndicatorDef, 'unitVi' | 'unitEn'>;

/** The unit the definition says: "%" and "‰" stick to the number, a word follows a space. */
export function withUnit(text: string, def: Units, lang: Lang): string {
  const u = lang === 'vi' ? def.unitVi : def.unitEn;
  if (!u) return text;
  return /^[%‰]$/.test(u) ? `${text}${u}` : `${text} ${u}`;
}

/** An indicator's value: "8‰", "0,3%", "9,53 bác sĩ" (vi-VN numbers, at most 2 decimals). */
export function formatIndicatorValue(value: number, def: Units, lang: Lang): string {
  return withUnit(formatNumber(value, lang, 2), def, lang);
}

/** A target with its direction: "< 8‰", "≥ 98%". */
export function formatTarget(target: number, direction: IndicatorDirection, def: Units, lang: Lang): string {
  return `${directionSign(direction)} ${formatIndicatorValue(target, def, lang)}`;
}

export interface Verdict {
  /** ✓ on track, ✗ not on track, – no verdict. */
  sign: '✓' | '✗' | '–';
  /** "Đạt", "Chưa đạt", or why there is no verdict, in words. */
  word: string;
  state: 'on-track' | 'off-track' | 'none';
}

/**
 * On track or not, as a sign and a word (never colour alone); without a verdict, the reason:
 * the missing elements by their names (`elementName`), or what the catalogue lacks.
 */
export function indicatorVerdict(i: IndicatorValue, lang: Lang, elementName: (code: string) => string): Verdict {
  const t = translator(lang);
  if (i.onTrack !== null) {
    return i.onTrack ? { sign: '✓', word: t('indicators.onTrack'), state: 'on-track' } : { sign: '✗', word: t('indicators.notOnTrack'), state: 'off-track' };
  }
  return { sign: '–', word: indicatorGapText(i, lang, elementName), state: 'none' };
}

/** Why an indicator has no value or no verdict, in words. */
export function indicatorGapText(i: Pick<IndicatorValue, 'gap' | 'missing'>, lang: Lang, elementName: (code: string) => string): string {
  const t = translator(lang);
  const what = i.gap === 'notInCatalogue' ? i.missing.map((m) => t(`indicators.needs.${m}`)).join(', ') : i.missing.map(elementName).join(', ');
  return t(`indicators.gap.${i.gap ?? 'noTarget'}`, { what });
}
