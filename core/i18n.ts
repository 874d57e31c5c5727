// Messages and labels in Vietnamese first, English second. The texts live in
// resources/i18n/{vi,en}.json; this module only wires them into i18next.
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import enCommon from '../resources/i18n/en/common.json';
import viCommon from '../resources/i18n/vi/common.json';
import enUi from '../resources/i18n/en/ui.json';
import viUi from '../resources/i18n/vi/ui.json';
import enQuality from '../resources/i18n/en/quality.json';
import viQuality from '../resources/i18n/vi/quality.json';
import enReport from '../resources/i18n/en/report.json';
import viReport from '../resources/i18n/vi/report.json';
import enFiles from '../resources/i18n/en/files.json';
import viFiles from '../resources/i18n/vi/files.json';
import enBundle from '../resources/i18n/en/bundle.json';
import viBundle from '../resources/i18n/vi/bundle.json';
import enWorkbook from '../resources/i18n/en/workbook.json';
import viWorkbook from '../resources/i18n/vi/workbook.json';
import enStatus from '../resources/i18n/en/status.json';
import viStatus from '../resources/i18n/vi/status.json';
import enDhis2 from '../resources/i18n/en/dhis2.json';
import viDhis2 from '../resources/i18n/vi/dhis2.json';
import enIndicators from '../resources/i18n/en/indicators.json';
import viIndicators from '../resources/i18n/vi/indicators.json';
import enUnits from '../resources/i18n/en/units.json';
import viUnits from '../resources/i18n/vi/units.json';
import enUnits2 from '../resources/i18n/en/units2.json';
import viUnits2 from '../resources/i18n/vi/units2.json';
import enPlans from '../resources/i18n/en/plans.json';
import viPlans from '../resources/i18n/vi/plans.json';
import { formatMonth, formatPeriod, type Lang } from './format';
import { levelParams } from './levels';
import { clipParams, type UserError } from './errors';

export const LANGS: readonly Lang[] = ['vi', 'en'];

// One file per area of the app; each is merged into one resource tree per language.
// Add a new file to both lists (Vietnamese first).
const vi = { ...viCommon, ...viUi, ...viQuality, ...viReport, ...viFiles, ...viBundle, ...viWorkbook, ...viStatus, ...viDhis2, ...viIndicators, ...viUnits, ...viUnits2, ...viPlans };
const en = { ...enCommon, ...enUi, ...enQuality, ...enReport, ...enFiles, ...enBundle, ...enWorkbook, ...enStatus, ...enDhis2, ...enIndicators, ...enUnits, ...enUnits2, ...enPlans };
export const messages = { vi, en } as const;

const instances = new Map<Lang, TFunction>();

/**
 * Formats a message may ask for, so that a code stored as data reads as people read it in the
 * message's language, wherever the message was built: `{{period, month}}` turns "2024-05" into
 * "tháng 5/2024" / "May 2024" (an error raised where the language is not known carries the raw
 * month, and is worded when it is shown); `{{period, period}}` does the same for any period. The service's and the UI's instances both have them.
 */
export function addFormats(inst: I18n): void {
  inst.services.formatter?.add('month', (value: unknown, lng: string | undefined) => (typeof value === 'string' ? formatMonth(value, parseLang(lng)) : String(value)));
  // `{{period, period}}`: any period ("2024-Q2" → "quý II/2024", "Q2 2024").
  inst.services.formatter?.add('period', (value: unknown, lng: string | undefined) => (typeof value === 'string' ? formatPeriod(value, parseLang(lng)) : String(value)));
}

/** A translate function for one language; `{{name}}` placeholders are filled from params. */
export function translator(lang: Lang): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const inst = i18next.createInstance();
    void inst.init({
      lng: lang,
      fallbackLng: 'vi',
      initAsync: false,
      resources: { vi: { translation: vi }, en: { translation: en } },
      // A text naming a level ({{commune}}…) reads the default names unless its caller passes the province's (core/levels.ts).
      interpolation: { escapeValue: false, defaultVariables: levelParams(null, lang) },
      returnNull: false,
    });
    addFormats(inst);
    t = inst.t.bind(inst);
    instances.set(lang, t);
  }
  return t;
}

/** A user error's message; long input in its parameters is cut (errors.ts, MAX_ECHO_CHARS). */
export function userMessage(e: Pick<UserError, 'key' | 'params'>, lang: Lang): string {
  return translator(lang)(e.key, clipParams(e.params));
}

export function parseLang(s: string | undefined): Lang {
  return s === 'en' ? 'en' : 'vi';
}
