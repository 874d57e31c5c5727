// Where a month stands on the entry screen (`entry.progress`): for the unit and every unit right
// below it active in the month, how many of the cells that take a value (the grid's own rule,
// core/catalogue.ts takesEntry; a district-level element once per district, held by the district
// or one of its facilities) hold one, per programme and per unit; and the report's deadline
// under the rule the province judges by (setting `status.deadline`, core/deadline.ts), with the
// days left counted on Vietnam's calendar by the service's clock (a test clock in the tests).
import type { EntryProgress, Handlers, ProgressCount } from '../core/api';
import { takesEntry } from '../core/catalogue';
import { deadlineOf, VN_OFFSET_HOURS } from '../core/deadline';
import { isActiveIn, type OrgUnit } from '../core/orgunit';
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
  const self = store.unit(unit);
  const tree = store.tree();
  const kids = (u: string) => (tree.children.get(u) ?? []).map((c) => tree.units.get(c)!).filter((c) => isActiveIn(c, period));
  // A district-level element is reported once for the district: by the district itself or by
  // one of its facilities (the methadone clinic its own figures), so a district's row counts
  // its facilities' values, and a facility is no row of its own.
  const counted = [self, ...kids(unit).filter((u) => u.level !== 'facility')];
  const { elements, programmes } = store.catalogue;
  const held = new Set(getValues(store, unit, period).filter((v) => v.value !== null).map((v) => `${v.unit}|${v.element}`));
  const holds = (u: OrgUnit, element: string): boolean =>
    held.has(`${u.code}|${element}`) || (u.level === 'district' && kids(u.code).some((f) => f.level === 'facility' && held.has(`${f.code}|${element}`)));
  const byProgramme = new Map<string, ProgressCount>(programmes.map((p) => [p.code, { filled: 0, expected: 0 }]));
  const total: ProgressCount = { filled: 0, expected: 0 };
  const units = counted.map((u) => {
    const c: ProgressCount = { filled: 0, expected: 0 };
    for (const e of elements) {
      if (!takesEntry(e, u.level)) continue;
      const filled = holds(u, e.code) ? 1 : 0;
      const p = byProgramme.get(e.programme)!;
      for (const x of [c, p, total]) {
        x.expected++;
        x.filled += filled;
      }
    }
    return { unit: u.code, name: u.name, level: u.level, ...c };
  });
  const rule = getSetting(store, 'status.deadline') ?? DEFAULT_DEADLINE;
  const deadline = deadlineOf(period, rule);
  return {
    unit,
    period,
    total,
    programmes: programmes.map((p) => ({ programme: p.code, ...byProgramme.get(p.code)! })),
    units,
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
