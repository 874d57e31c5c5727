// Where a month stands on the entry screen (`entry.progress`): for the unit and the units below
// it active in the month, how many of the values they are expected to enter are filled, per
// programme and per unit, counted as the month's checks count completeness (core/rules/
// completeness.ts: a 0 is filled, a cleared cell is not, a district-level element once per
// district, held by the district or one of its facilities); and the report's deadline
// under the rule the province judges by (setting `status.deadline`, core/deadline.ts), with the
// days left counted on Vietnam's calendar by the service's clock (a test clock in the tests).
import type { EntryProgress, Handlers } from '../core/api';
import { deadlineOf, VN_OFFSET_HOURS } from '../core/deadline';
import { completeness } from '../core/rules/completeness';
import { DEFAULT_DEADLINE } from '../core/settings';
import type { Lang } from '../core/format';
import { parseLang, translator } from '../core/i18n';
import { getSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { getValues } from '../db/values.repo';
import { clockOf, type ServiceContext } from './data';
import { ruleText } from './status';

const DAY_MS = 86_400_000;

/** Whole calendar days from `now`'s day in Vietnam to `date` (YYYY-MM-DD). */
export function daysUntil(date: string, now: Date): number {
  const vn = new Date(now.getTime() + VN_OFFSET_HOURS * 3_600_000);
  const today = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate());
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - today) / DAY_MS);
}

export function entryProgress(store: Store, unit: string, period: string, now: Date, lang: Lang): EntryProgress {
  store.unit(unit);
  // One read of the unit's subtree; the counting is the month's checks' own (core/rules/completeness.ts).
  const held = new Set(getValues(store, unit, period).filter((v) => v.value !== null).map((v) => `${v.unit}|${v.element}`));
  const c = completeness(store.catalogue, store.tree(), unit, period, (u, e) => held.has(`${u}|${e}`));
  const byProgramme = new Map(c.byProgramme.map((p) => [p.programme, p]));
  const rule = getSetting(store, 'status.deadline') ?? DEFAULT_DEADLINE;
  const deadline = deadlineOf(period, rule);
  return {
    unit,
    period,
    total: { filled: c.filled, expected: c.expected },
    programmes: store.catalogue.programmes.map((p) => ({ programme: p.code, filled: byProgramme.get(p.code)?.filled ?? 0, expected: byProgramme.get(p.code)?.expected ?? 0 })),
    units: c.byUnit.map((u) => ({ unit: u.unit, name: u.name, level: u.level, filled: u.filled, expected: u.expected })),
    deadline: { rule, ruleText: ruleText(rule, translator(lang)), date: deadline.date, daysLeft: daysUntil(deadline.date, now), unknownHolidayYears: deadline.unknownHolidayYears },
    asOf: now.toISOString(),
  };
}

export function entryHandlers(ctx: ServiceContext): Pick<Handlers, 'entry.progress'> {
  const now = clockOf(ctx);
  return {
    'entry.progress': (a) => entryProgress(ctx.store, a.unit, a.period, now(), a.lang ?? parseLang(getSetting(ctx.store, 'ui.lang') ?? 'vi')),
  };
}
