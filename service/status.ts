// The provincial office's operations (issue 11): the units it expects (registered from a CSV
// file), who reported each month and when, and the reminders to send.
//
// "On time" is judged on the bundle's signed send time (its header's `created`, covered by the
// sender's signature), not on when the province imported it: a bundle travels on a USB stick,
// by e-mail or Zalo and may wait days in an inbox before someone at the province imports it;
// the district is not late for that. Both times are returned. The first revision accepted for a
// month decides: a correction sent after the deadline does not make an on-time report late.
import type { Handlers, MonthReport, MonthTotals, RegisteredUnit, RemindersResult, StatusResult, UnitsImportResult, UnitStatus } from '../core/api';
import { parseCsv } from '../core/csv';
import { deadlineOf, timelinessOf, viDate, viDateTime, type Deadline } from '../core/deadline';
import { FileRejectedError, UserError, type LineProblem } from '../core/errors';
import type { Lang } from '../core/format';
import { formatMonth, formatPercent } from '../core/format';
import { parseLang, translator } from '../core/i18n';
import { DEFAULT_LEVEL_NAMES, ORG_UNIT_LEVELS, isActiveIn, subtree, type OrgUnitLevel } from '../core/orgunit';
import { parseLevel } from '../core/levels';
import { makeMonth } from '../core/period';
import { DEFAULT_DEADLINE, type DeadlineRule } from '../core/settings';
import { assertIntact } from '../db/open';
import { getSetting } from '../db/settings.repo';
import { receivedRows, registerUnits, registeredUnits, type ReceivedRow } from '../db/status.repo';
import type { Store } from '../db/store';
import { CODE_MAX } from '../core/api/data';
import type { ServiceContext } from './data';

export type StatusOperation = 'units.importCsvText' | 'status.get' | 'status.reminders';

const UNITS_HEADER = ['code', 'name', 'level', 'parent'] as const;
const NAME_MAX = 200;

// ---- units import ----------------------------------------------------------------------------

interface UnitLine extends RegisteredUnit {
  line: number;
}

/**
 * Reads and checks a units file; every bad line is reported with its number, and nothing is
 * written unless every line is good (then the new units in one transaction, parents first).
 */
export function importUnitsCsv(store: Store, text: string, file: string, dryRun: boolean, at: string): UnitsImportResult {
  assertIntact(store.db, store.file);
  const parsed = parseCsv(text);
  if (parsed.header.length === 0 || (parsed.header.length === 1 && parsed.header[0] === '')) throw new UserError('error.emptyFile', { file });
  if (parsed.header.length !== UNITS_HEADER.length || parsed.header.some((h, i) => h !== UNITS_HEADER[i])) {
    throw new UserError('error.badHeader', { file, expected: UNITS_HEADER.join(parsed.delimiter), got: parsed.header.join(parsed.delimiter).slice(0, 120) });
  }
  if (parsed.rows.length === 0) throw new UserError('error.emptyFile', { file });
  const problems: LineProblem[] = parsed.broken.map((b) => ({ line: b.line, key: 'error.unterminatedQuote', params: {} }));
  const bad = (line: number, key: string, params: Record<string, string | number> = {}) => problems.push({ line, key, params });
  const tree = store.tree();
  const home = getSetting(store, 'unit.home');
  const mine = home && tree.units.has(home) ? new Set(subtree(tree, home)) : null;
  const lines = new Map<string, UnitLine>();
  const levelNames = getSetting(store, 'units.levelNames') ?? DEFAULT_LEVEL_NAMES;
  let unchanged = 0;
  for (const { line, fields } of parsed.rows) {
    if (fields.length !== UNITS_HEADER.length) {
      bad(line, 'error.badColumnCount', { expected: UNITS_HEADER.length, got: fields.length });
      continue;
    }
    const [code = '', name = '', levelText = '', parent = ''] = fields;
    const before = problems.length;
    if (!/^[\p{L}\p{N}_.-]+$/u.test(code) || code.length > CODE_MAX) bad(line, 'status.unitsImport.badCode', { code, max: CODE_MAX });
    if (name === '' || name.length > NAME_MAX) bad(line, 'status.unitsImport.badName', { max: NAME_MAX });
    // A level by its key (commune) or by the province's name for it (Xã, Trung tâm Y tế khu vực).
    const level = parseLevel(levelText, levelNames) ?? '';
    if (level === '') bad(line, 'status.unitsImport.badLevel', { level: levelText, levels: ORG_UNIT_LEVELS.map((l) => `${levelNames[l]} (${l})`).join(', ') });
    if (parent === '') bad(line, 'status.unitsImport.noParent', { code });
    else if (parent === code) bad(line, 'status.unitsImport.cycle', { code, chain: `${code} → ${code}` });
    const other = lines.get(code);
    if (other) bad(line, 'status.unitsImport.duplicate', { code, other: other.line });
    if (problems.length > before) continue;
    const held = tree.units.get(code);
    if (held) {
      if (held.name === name && held.parent === parent && held.level === level) unchanged++;
      else {
        bad(line, 'status.unitsImport.differs', {
          code, name, parent, level: levelNames[level as OrgUnitLevel], heldName: held.name, heldParent: held.parent ?? '—', heldLevel: levelNames[held.level],
        });
      }
      lines.set(code, { line, code, name, level: level as OrgUnitLevel, parent });
      continue;
    }
    lines.set(code, { line, code, name, level: level as OrgUnitLevel, parent });
  }
  // Parents: held here (inside this installation's tree) or new in the same file; no cycle.
  const added: UnitLine[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = (u: UnitLine, chain: string[]): boolean => {
    const s = state.get(u.code);
    if (s === 'done') return true;
    if (s === 'bad') return false;
    if (s === 'visiting') {
      // Every unit of the loop gets its line.
      const loop = chain.slice(chain.indexOf(u.code));
      loop.forEach((c, i) => {
        const around = [...loop.slice(i), ...loop.slice(0, i), c];
        bad(lines.get(c)!.line, 'status.unitsImport.cycle', { code: c, chain: around.join(' → ') });
      });
      return false;
    }
    state.set(u.code, 'visiting');
    let ok = true;
    const fromFile = tree.units.has(u.parent) ? undefined : lines.get(u.parent);
    if (tree.units.has(u.parent)) {
      if (mine && !mine.has(u.parent)) {
        bad(u.line, 'status.unitsImport.outside', { code: u.code, parent: u.parent, home: tree.units.get(home!)!.name });
        ok = false;
      }
    } else if (!fromFile) {
      bad(u.line, 'status.unitsImport.unknownParent', { code: u.code, parent: u.parent });
      ok = false;
    } else ok = visit(fromFile, [...chain, u.code]);
    state.set(u.code, ok ? 'done' : 'bad');
    if (ok && !tree.units.has(u.code)) added.push(u);
    return ok;
  };
  for (const u of lines.values()) if (!tree.units.has(u.code)) visit(u, []);
  if (problems.length > 0) {
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const k = `${p.line}|${p.key}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    throw new FileRejectedError(file, unique.sort((a, b) => a.line - b.line));
  }
  const result = added.map(({ code, name, level, parent }) => ({ code, name, level, parent }));
  if (!dryRun && result.length > 0) registerUnits(store, result, at);
  return { dryRun, added: result, unchanged };
}

// ---- reporting status -----------------------------------------------------------------------

function ruleOf(store: Store): DeadlineRule {
  return getSetting(store, 'status.deadline') ?? DEFAULT_DEADLINE;
}

function homeOf(store: Store): string {
  const home = getSetting(store, 'unit.home');
  if (!home || !store.tree().units.has(home)) throw new UserError('status.noHome');
  return home;
}

function monthReport(period: string, deadline: Deadline & { endsAtMs: number }, row: ReceivedRow | undefined, now: Date, labels: Record<MonthReport['state'], string>): MonthReport {
  const state: MonthReport['state'] = timelinessOf(row ? (row.firstSentAt ?? row.firstReceivedAt ?? row.receivedAt) : null, deadline.endsAt, now);
  const sentAt = row ? row.firstSentAt : null;
  return {
    period,
    state,
    label: labels[state],
    deadline: deadline.date,
    revision: row?.revision ?? null,
    sentAt,
    receivedAt: row ? (row.firstReceivedAt ?? row.receivedAt) : null,
    lastSentAt: row && row.sentAt !== sentAt ? row.sentAt : null,
    complete: row ? row.status === 'complete' : null,
    unexplained: row ? row.unexplained : null,
  };
}

const rate = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

export function reportingStatus(ctx: ServiceContext, year: number, month: number | undefined, lang: Lang): StatusResult {
  const { store } = ctx;
  const now = ctx.now ? ctx.now() : new Date();
  const t = translator(lang);
  const home = homeOf(store);
  const tree = store.tree();
  const rule = ruleOf(store);
  const periods = month === undefined ? Array.from({ length: 12 }, (_, i) => makeMonth(year, i + 1)) : [makeMonth(year, month)];
  const deadlines = new Map(periods.map((p) => [p, { ...deadlineOf(p, rule), endsAtMs: Date.parse(deadlineOf(p, rule).endsAt) }]));
  const warnings = [...new Set([...deadlines.values()].flatMap((d) => d.unknownHolidayYears))].map((y) => t('status.warn.noHolidays', { year: y }));
  const children = (tree.children.get(home) ?? []).map((c) => tree.units.get(c)!);
  const rows = receivedRows(store, children.map((c) => c.code), periods[0]!, periods[periods.length - 1]!);
  const byKey = new Map(rows.map((r) => [`${r.unit}|${r.period}`, r]));
  const registered = registeredUnits(store);
  const labels = { 'on-time': t('status.state.on-time'), late: t('status.state.late'), missing: t('status.state.missing'), 'not-due': t('status.state.not-due') };
  const totals = new Map<string, MonthTotals>(
    periods.map((p) => [p, { period: p, deadline: deadlines.get(p)!.date, expected: 0, received: 0, onTime: 0, late: 0, missing: 0, notDue: 0, reportingRate: null, onTimeRate: null }]),
  );
  const units: UnitStatus[] = [];
  for (const u of children) {
    const months: MonthReport[] = [];
    for (const p of periods) {
      if (!isActiveIn(u, p)) continue;
      const m = monthReport(p, deadlines.get(p)!, byKey.get(`${u.code}|${p}`), now, labels);
      months.push(m);
      const tot = totals.get(p)!;
      tot.expected++;
      if (m.revision !== null) tot.received++;
      if (m.state === 'on-time') tot.onTime++;
      else if (m.state === 'late') tot.late++;
      else if (m.state === 'missing') tot.missing++;
      else tot.notDue++;
    }
    if (months.length > 0) units.push({ unit: u.code, name: u.name, level: u.level, registered: registered.has(u.code), months });
  }
  for (const tot of totals.values()) {
    tot.reportingRate = rate(tot.received, tot.expected);
    tot.onTimeRate = rate(tot.onTime, tot.expected);
  }
  return {
    year, home, homeName: tree.units.get(home)!.name, rule, ruleText: ruleText(rule, t), asOf: now.toISOString(),
    units, totals: [...totals.values()], warnings,
  };
}

export function ruleText(rule: DeadlineRule, t: ReturnType<typeof translator>): string {
  return rule.rule === 'dayOfNextMonth' ? t('status.rule.dayOfNextMonth', { day: rule.day }) : t('status.rule.workingDays', { days: rule.days });
}

/** The missing and late units of a month, and a message to paste into an e-mail or Zalo. */
export function reminders(ctx: ServiceContext, year: number, month: number, lang: Lang): RemindersResult {
  const s = reportingStatus(ctx, year, month, lang);
  const t = translator(lang);
  const period = makeMonth(year, month);
  const deadline = s.totals[0]!.deadline;
  const missing: RemindersResult['missing'] = [];
  const late: RemindersResult['late'] = [];
  for (const u of s.units) {
    const m = u.months[0]!;
    if (m.state === 'missing') missing.push({ unit: u.unit, name: u.name });
    if (m.state === 'late') late.push({ unit: u.unit, name: u.name, sentAt: m.sentAt });
  }
  const when = (iso: string) => (lang === 'vi' ? viDateTime(iso) : iso.slice(0, 16).replace('T', ' ') + ' UTC');
  const params = { home: s.homeName, month: lang === 'vi' ? `${month}/${year}` : formatMonth(makeMonth(year, month), 'en'), deadline: viDate(deadline), asOf: when(s.asOf) };
  const lines: string[] = [];
  if (missing.length > 0 || late.length > 0) {
    lines.push(t('status.remind.greeting'), '');
    if (missing.length > 0) {
      lines.push(t('status.remind.missing', { ...params, count: missing.length }));
      for (const u of missing) lines.push(`- ${u.name}`);
      lines.push('', t('status.remind.ask', params), '');
    }
    if (late.length > 0) {
      lines.push(t('status.remind.late', { ...params, count: late.length }));
      for (const u of late) lines.push(`- ${u.name}${u.sentAt ? t('status.remind.sentAt', { at: when(u.sentAt) }) : ''}`);
      lines.push('', t('status.remind.lateAsk', params), '');
    }
    lines.push(t('status.remind.rate', { ...params, received: s.totals[0]!.received, expected: s.totals[0]!.expected, rate: formatPercent(s.totals[0]!.reportingRate ?? 0, lang) }));
    lines.push(t('status.remind.signature', params));
  }
  return { period, deadline, missing, late, text: lines.join('\n') };
}

export function statusHandlers(ctx: ServiceContext): Pick<Handlers, StatusOperation> {
  const { store } = ctx;
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? parseLang(getSetting(store, 'ui.lang') ?? 'vi');
  return {
    'units.importCsvText': (a) => importUnitsCsv(store, a.text, a.fileName, a.dryRun ?? false, (ctx.now ? ctx.now() : new Date()).toISOString()),
    'status.get': (a) => reportingStatus(ctx, a.year, a.month, langOf(a)),
    'status.reminders': (a) => reminders(ctx, a.year, a.month, langOf(a)),
  };
}
