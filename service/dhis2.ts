// The DHIS2 bridge's operations (core/api/dhis2.ts): export of a unit's period as a DHIS2
// dataValueSet or an ADX message, and import of a dataValueSet, all or nothing, through the
// same checks as every other way values come in (db/values.repo.ts resolveInput).
import type { Args, Dhis2ExportResult, Dhis2ImportResult, Dhis2Results, ServiceHandlers } from '../core/api';
import { UserError, isUserError, type LineProblem } from '../core/errors';
import { valueOverMonths } from '../core/figures';
import { completeDate, subtreeValues, type StoredValue } from '../db/dhis2.repo';
import { assertIntact } from '../db/open';
import { prepared } from '../db/query';
import { resolveInput, writeBulk, type Resolved } from '../db/values.repo';
import { parseMapping } from '../export/dhis2/mapping';
import { dataValueSet, resolveIds, type ExportInput, type ExportRow } from '../export/dhis2/model';
import { dhis2Period, type Dhis2PeriodType } from '../export/dhis2/period';
import { readDataValueSet } from '../export/dhis2/read';
import { clockOf, currentUser, type ServiceContext } from './data';

/** The data set's code when none is given: one per DHIS2 period type, as a data set has one. */
export const DEFAULT_DATA_SETS: Readonly<Record<Dhis2PeriodType, string>> = {
  Monthly: 'THONGKE_MONTHLY',
  Quarterly: 'THONGKE_QUARTERLY',
  SixMonthly: 'THONGKE_SIXMONTHLY',
  Yearly: 'THONGKE_YEARLY',
};

/**
 * A longer period's values: each unit's own months aggregated by the element's kind, as the
 * figures model does (core/figures.ts valueOverMonths): flows add up; stocks, cumulative totals
 * and rates take the last month's value (none when the last month has none). Comments belong to
 * a month and stay out; storedBy and lastUpdated are the latest change's.
 */
function aggregated(ctx: ServiceContext, stored: readonly StoredValue[], months: readonly string[]): ExportRow[] {
  const out: ExportRow[] = [];
  let i = 0;
  while (i < stored.length) {
    const first = stored[i]!;
    const byMonth = new Map<string, number>();
    let latest = first;
    for (; i < stored.length && stored[i]!.unit === first.unit && stored[i]!.element === first.element; i++) {
      const v = stored[i]!;
      byMonth.set(v.period, v.value);
      if (v.lastUpdated > latest.lastUpdated) latest = v;
    }
    const e = ctx.store.catalogue.byCode.get(first.element);
    if (!e || e.kind === 'derived') continue;
    const value = valueOverMonths(e.kind, months, byMonth);
    if (value === null) continue;
    out.push({ unit: first.unit, element: first.element, value, comment: null, storedBy: latest.storedBy, lastUpdated: latest.lastUpdated });
  }
  return out;
}

export async function exportDhis2(ctx: ServiceContext, a: Args<'dhis2.export'>): Promise<Dhis2ExportResult> {
  const { store } = ctx;
  const unit = store.unit(a.unit);
  const period = dhis2Period(a.period);
  const mapping = a.mapping ? parseMapping(a.mapping.text, a.mapping.fileName) : null;
  const months = period.resolved.months;
  const stored = subtreeValues(store, unit.code, months, a.format === 'json');
  // A month: the stored rows as they are (one per unit and element).
  const rows: ExportRow[] = period.type === 'Monthly' ? stored : aggregated(ctx, stored, months);
  if (rows.length === 0) throw new UserError('dhis2.export.empty', { unit: unit.name, period: period.spec });
  const dataSet = a.dataSet ?? DEFAULT_DATA_SETS[period.type];
  const input: ExportInput = { dataSet, period, root: unit.code, completeDate: completeDate(store, unit.code, months), rows, mapping };
  const ids = resolveIds(input);
  if (ids.rows.length === 0) throw new UserError('dhis2.export.allUnmapped', { count: rows.length });
  // The XML writer loads only when an ADX is made (the CLI bundle keeps it in a chunk of its own).
  const text =
    a.format === 'json'
      ? `${JSON.stringify(dataValueSet(input, ids))}\n`
      : (await import('../export/dhis2/adx')).adxDocument(input, ids, clockOf(ctx)());
  return {
    format: a.format,
    text,
    fileName: `${unit.code}_${period.id}.${a.format === 'json' ? 'json' : 'adx.xml'}`,
    period: period.id,
    periodSpec: period.spec,
    adxPeriod: period.adx,
    periodType: period.type,
    dataSet,
    idScheme: mapping ? 'UID' : 'CODE',
    values: ids.rows.length,
    orgUnits: new Set(ids.rows.map((r) => r.orgUnitId)).size,
    completeDate: input.completeDate,
    unmapped: ids.unmapped,
  };
}

/** A file refused with every bad value, numbered by its place in `dataValues`. */
class Dhis2FileRejected extends UserError {
  constructor(
    file: string,
    readonly problems: LineProblem[],
  ) {
    super('dhis2.import.refused', { file, count: problems.length });
  }
}

const CURRENT = 'SELECT value, comment FROM data_value WHERE unit_id = ? AND period = ? AND element_id = ?';

export function importDhis2(ctx: ServiceContext, a: Args<'dhis2.import'>): Dhis2ImportResult {
  const { store } = ctx;
  const now = clockOf(ctx)();
  const mapping = a.mapping ? parseMapping(a.mapping.text, a.mapping.fileName) : null;
  const read = readDataValueSet(a.text, a.fileName, mapping);
  const problems = [...read.problems];
  const resolved: Resolved[] = [];
  const monthChecks = new Map<string, UserError | null>();
  const seen = new Map<string, number>();
  for (const e of read.entries) {
    const at = (key: string, params: Record<string, string | number>) => problems.push({ line: e.index, key, params, lineKey: 'dhis2.import.atValue' });
    let r: Resolved;
    try {
      r = resolveInput(
        store,
        { unit: e.unit, period: e.period, element: e.element, value: e.value, ...(e.comment !== undefined ? { comment: e.comment } : {}) },
        now,
        monthChecks,
      );
    } catch (err) {
      if (!isUserError(err)) throw err;
      at(err.key, err.params);
      continue;
    }
    const key = `${r.unitId}|${e.period}|${r.elementId}`;
    const other = seen.get(key);
    if (other !== undefined) {
      at('dhis2.import.duplicate', { other });
      continue;
    }
    seen.set(key, e.index);
    resolved.push(r);
  }
  if (problems.length > 0) throw new Dhis2FileRejected(a.fileName, problems.sort((x, y) => x.line - y.line));

  const counts = { imported: 0, updated: 0, unchanged: 0, cleared: 0 };
  const current = prepared(store.db, CURRENT);
  for (const r of resolved) {
    const cur = current.get(r.unitId, r.input.period, r.elementId) as { value: number | null; comment: string | null } | undefined;
    const v = r.input.value;
    const commentChanges = r.input.comment !== undefined && (cur?.comment ?? null) !== r.input.comment;
    if (v === null) {
      if (cur && cur.value !== null) counts.cleared++;
      else counts.unchanged++;
    } else if (!cur || cur.value === null) counts.imported++;
    else if (cur.value !== v || commentChanges) counts.updated++;
    else counts.unchanged++;
  }
  const result: Dhis2ImportResult = {
    dryRun: a.dryRun === true,
    count: read.entries.length,
    ...counts,
    periods: [...new Set(resolved.map((r) => r.input.period))].sort(),
    units: new Set(resolved.map((r) => r.unitId)).size,
  };
  if (a.dryRun) return result;
  // A bulk write into a damaged file makes it worse: refuse and say "restore a backup".
  assertIntact(store.db, store.file);
  writeBulk(store, resolved, currentUser(ctx), 'dhis2', now);
  return result;
}

export function dhis2Handlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof Dhis2Results> {
  return {
    'dhis2.export': (a) => exportDhis2(ctx, a),
    'dhis2.import': (a) => importDhis2(ctx, a),
  };
}
