// thongke report settings: one unit's own report settings (issue 13) — shown, or changed with
// --set key=value (several allowed). Lists (recipients, signerTitle) take their lines separated
// by "|"; an empty value goes back to the level's default. A refusal leaves the file unchanged.
import { UNIT_SETTING_FIELDS, UNIT_SETTING_LISTS, type UnitSettingField, type UnitSettingsView } from '../../core/api/unit-settings';
import { UserError } from '../../core/errors';
import { translator } from '../../core/i18n';
import { isPeriodSpec } from '../../core/period';
import type { UnitReportSettings } from '../../core/settings';
import { parse, UsageError, type Command } from '../args';
import { withService } from '../service';

const isField = (k: string): k is UnitSettingField => (UNIT_SETTING_FIELDS as readonly string[]).includes(k);

/** "--set recipients=A|B" → { recipients: ['A', 'B'] }; an unknown key is the user's mistake. */
export function parseSets(sets: readonly string[]): UnitReportSettings {
  const out: Record<string, string | string[]> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    const key = (eq < 0 ? s : s.slice(0, eq)).trim();
    if (eq < 0 || !isField(key)) throw new UserError('unitSettings.badKey', { key, keys: UNIT_SETTING_FIELDS.join(', ') });
    const value = s.slice(eq + 1);
    out[key] = UNIT_SETTING_LISTS.includes(key) ? (value.trim() === '' ? [] : value.split('|').map((l) => l.trim())) : value;
  }
  return out;
}

function print(v: UnitSettingsView, lang: 'vi' | 'en', out: (s: string) => void) {
  const t = translator(lang);
  for (const f of UNIT_SETTING_FIELDS) {
    const own = v.own[f];
    const shown = (x: string | string[]) => (Array.isArray(x) ? x.join(' | ') : x);
    const field = t(`unitSettings.field.${f}`);
    const fallback = shown(v.defaults[f]);
    out(
      own !== undefined
        ? t('unitSettings.cli.own', { field, value: shown(own) })
        : fallback.trim() === ''
          ? t('unitSettings.cli.unset', { field })
          : t('unitSettings.cli.default', { field, value: fallback }),
    );
  }
}

export const reportSettingsCommand: Command = {
  name: 'report settings',
  usage:
    'thongke report settings <db> --unit CODE [--set parentBody|unitName|unitShort|place|recipients|signerTitle|signerName=VALUE ...] [--period YYYY-MM] [--json]',
  summaryVi: 'Xem hoặc đặt thiết lập báo cáo riêng của một đơn vị (cơ quan chủ quản, tên, ký hiệu, địa danh, nơi nhận, người ký).',
  summaryEn: "Show or set one unit's own report settings (parent body, name, symbol, place, recipients, signer).",
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { unit: { type: 'string' }, set: { type: 'string', multiple: true }, period: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1, usage: this.usage },
    );
    const unit = values.unit;
    if (!unit) throw new UsageError(this.usage);
    if (values.period !== undefined && !isPeriodSpec(values.period)) throw new UserError('error.badPeriodSpec', { period: values.period });
    const sets = values.set ? parseSets(values.set) : null;
    const period = values.period !== undefined ? { period: values.period } : {};
    const v = await withService(positionals[0]!, io, (s) =>
      sets ? s.call('report.setUnitSettings', { unit, values: sets, ...period }) : s.call('report.unitSettings', { unit, ...period }),
    );
    if (values.json) {
      io.out(JSON.stringify(v));
      return 0;
    }
    if (sets) io.out(translator(io.lang)('unitSettings.cli.saved', { unit, count: Object.keys(sets).length }));
    print(v, io.lang, io.out);
    return 0;
  },
};
