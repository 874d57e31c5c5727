// The installation's settings: a map of known keys, each with its type. The database keeps
// them as key → JSON; reads are checked against these schemas (a value of the wrong type reads
// as missing), and `settings.set` accepts only these keys with values of their type.
import { z } from 'zod';

const line = z.string().max(300);
const lines = z.array(line).max(30);

/**
 * When a month's report is due at the level above (issue 11): by default before the end of the
 * 12th of the following month (seed 001); another day of the following month; or N working days
 * after the month (TT 37/2019's way: weekends and the public holidays of resources/holidays).
 */
export const deadlineRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('dayOfNextMonth'), day: z.number().int().min(1).max(28) }).strict(),
  z.object({ rule: z.literal('workingDays'), days: z.number().int().min(1).max(40) }).strict(),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;
export const DEFAULT_DEADLINE: DeadlineRule = { rule: 'dayOfNextMonth', day: 12 };
/** One unit's own report settings; what is left out comes from the unit's level (report templates). */
export const unitReportSettings = z
  .object({
    parentBody: line,
    unitName: line,
    unitShort: line,
    place: line,
    signerTitle: lines,
    signerName: line,
    recipients: lines,
  })
  .partial()
  .strict();
export type UnitReportSettings = z.infer<typeof unitReportSettings>;

export const settingSchemas = {
  /** The unit this installation reports for (its code). */
  'unit.home': z.string().min(1).max(64),
  /** Recorded as who made every change. */
  'user.name': line,
  'ui.lang': z.enum(['vi', 'en']),
  'report.parentBody': line,
  'report.unitName': line,
  'report.unitShort': line,
  'report.place': line,
  'report.signerTitle': lines,
  'report.signerName': line,
  'report.recipients': lines,
  /** The monthly report's deadline at the level above (default: DEFAULT_DEADLINE). */
  'status.deadline': deadlineRuleSchema,
  /** Per unit code: that unit's own report settings. The report.* keys above are the home unit's (unit.home). */
  'report.units': z.record(z.string().min(1).max(64), unitReportSettings),
  /** What the levels are called here, e.g. after 2025 "Trung tâm Y tế khu vực" for `district` and "Điểm trạm" for `facility`. */
  'units.levelNames': z.object({ province: line.min(1), district: line.min(1), commune: line.min(1), facility: line.min(1) }).strict(),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;
export type Settings = { [K in SettingKey]?: SettingValue<K> };

export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** A stored value of `key`, or undefined when it is not of the key's type. */
export function readSetting<K extends SettingKey>(key: K, value: unknown): SettingValue<K> | undefined {
  const r = settingSchemas[key].safeParse(value);
  return r.success ? (r.data as SettingValue<K>) : undefined;
}

/** The known keys of `raw` whose values have their type; everything else is left out. */
export function readSettings(raw: Readonly<Record<string, unknown>>): Settings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const v = readSetting(key, raw[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** `settings.set`'s argument: a known key and a value of its type. */
export const settingEntry = z
  .object({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), value: z.unknown() })
  .strict()
  .superRefine((a, ctx) => {
    const r = settingSchemas[a.key].safeParse(a.value);
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['value'], message: r.error.issues[0]?.message ?? 'wrong type' });
  });
