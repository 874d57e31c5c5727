// Commune workbooks: export a month's XLSX form for a commune or for every commune of a
// district, and import filled ones back — every file and cell checked first by the grid's own
// rules (core/values.ts), then all files written in one transaction, or nothing at all.
//
// Decisions (docs/readme/workbook.md): an empty input cell means "not entered" and never clears
// a value already held (a commune that leaves a line blank has not reported it; clearing is
// done in the grid, where it is seen and audited); text typed as "1.234" is read like the
// grid reads it (core/numbers.ts), an ambiguous one is refused with its cell.
import { UNDO_MAX_CELLS, type Handlers, type WorkbookCounts, type WorkbookExportResult, type WorkbookFileSummary, type WorkbookImportResult, type WorkbookProblem } from '../core/api';
import { MAX_WORKBOOK_BYTES } from '../core/api/workbook';
import type { CatalogueElement } from '../core/catalogue';
import { UserError, isUserError } from '../core/errors';
import type { Lang } from '../core/format';
import { parseLang, translator, userMessage } from '../core/i18n';
import { parseUserNumber } from '../core/numbers';
import { isActiveIn, subtree, type OrgUnit } from '../core/orgunit';
import { isMonth, monthParts, previousMonth } from '../core/period';
import { checkMonth, checkValue } from '../core/values';
import { lockingUnit, monthLockedError } from '../db/periods.repo';
import { getSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { ChangeLog, getValues, resolveInput, writeBulk, type Resolved, type ValueInput } from '../db/values.repo';
import { FORM_VERSION, MARKER, catalogueStamp, cellAddress, formRows, sheetName } from '../export/workbook/layout';
import { readWorkbook, type CellReading, type WorkbookEntry } from '../export/workbook/read';
import { renderWorkbook, type WorkbookLabels, type WorkbookSheet } from '../export/workbook/write';
import { clockOf, currentUser, type ServiceContext } from './data';
import { levelParamsOf } from './units';

export type WorkbookOperation = 'workbook.export' | 'workbook.import';

/** The most problems listed; beyond them a count. */
export const MAX_PROBLEMS = 200;

const VALUE_TYPES: CatalogueElement['valueType'][] = ['count', 'decimal', 'money', 'percent'];

/** A month as people write it: "tháng 5/2024", "May 2024". */
export function monthLabel(period: string, lang: Lang): string {
  const { year, month } = monthParts(period);
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  return translator(lang)('workbook.month', { month, year, name });
}

// ---- export ----------------------------------------------------------------------------------

/** The communes a workbook for `unit` holds: the commune itself, or a district's active communes. */
function communesOf(store: Store, unit: string, period: string): OrgUnit[] {
  const u = store.unit(unit);
  const check = (c: OrgUnit) => {
    if (c.receivedFrom) throw new UserError('bundle.readOnly', { unit: c.name, sender: store.tree().units.get(c.receivedFrom)?.name ?? c.receivedFrom });
  };
  if (u.level === 'commune') {
    check(u);
    if (!isActiveIn(u, period)) throw new UserError('error.unitClosed', { unit: u.name, from: u.closedFrom ?? '', period });
    return [u];
  }
  if (u.level !== 'district') throw new UserError('workbook.export.level', { unit: u.name, ...levelParamsOf(store) });
  const tree = store.tree();
  const communes = (tree.children.get(u.code) ?? [])
    .map((c) => tree.units.get(c)!)
    .filter((c) => c.level === 'commune' && isActiveIn(c, period) && !c.receivedFrom);
  if (communes.length === 0) throw new UserError('workbook.export.noCommunes', { unit: u.name, ...levelParamsOf(store) });
  return communes;
}

function valueMaps(store: Store, unit: string, period: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const v of getValues(store, unit, period)) {
    if (v.value === null) continue;
    let m = out.get(v.unit);
    if (!m) out.set(v.unit, (m = new Map<string, number>()));
    m.set(v.element, v.value);
  }
  return out;
}

function labelsFor(lang: Lang, unit: OrgUnit, parent: string, period: string): WorkbookLabels {
  const t = translator(lang);
  const month = monthLabel(period, lang);
  const byType = (key: string) => Object.fromEntries(VALUE_TYPES.map((v) => [v, t(`workbook.sheet.${key}.${v}`)])) as WorkbookLabels['errors'];
  return {
    title: t('workbook.sheet.title', { unit: unit.name, month }),
    subtitle: t('workbook.sheet.subtitle', { parent }),
    help: t('workbook.sheet.help', { month }),
    index: t('workbook.sheet.index'),
    element: t('workbook.sheet.element'),
    unit: t('workbook.sheet.unit'),
    input: t('workbook.sheet.input', { month }),
    previous: t('workbook.sheet.previous', { month: monthLabel(previousMonth(period), lang) }),
    errorTitle: t('workbook.sheet.errorTitle'),
    errors: byType('error'),
    prompts: byType('prompt'),
  };
}

export async function exportWorkbook(ctx: ServiceContext, unit: string, period: string, lang: Lang): Promise<WorkbookExportResult> {
  const { store } = ctx;
  const now = clockOf(ctx)();
  const err = checkMonth(period, now);
  if (err) throw err;
  const communes = communesOf(store, unit, period);
  const asked = store.unit(unit);
  const values = valueMaps(store, unit, period);
  const previous = valueMaps(store, unit, previousMonth(period));
  const used = new Set<string>();
  const tree = store.tree();
  const sheets: WorkbookSheet[] = communes.map((c) => ({
    unit: { code: c.code, name: c.name },
    sheet: sheetName(c.name, used),
    values: values.get(c.code) ?? new Map(),
    previous: previous.get(c.code) ?? new Map(),
    labels: labelsFor(lang, c, tree.units.get(c.parent ?? '')?.name ?? '', period),
  }));
  const rows = formRows(store.catalogue);
  const programmeTitles = new Map(store.catalogue.programmes.map((p) => [p.code, `${p.section}. ${lang === 'en' ? p.nameEn : p.nameVi}`]));
  const bytes = await renderWorkbook({
    period, unit, catalogueStamp: catalogueStamp(store.catalogue), created: now.toISOString(), rows, programmeTitles, sheets, lang,
  });
  return {
    fileName: `${asked.code}_${period}_bieu-nhap.xlsx`,
    bytes,
    period,
    units: sheets.map((s) => ({ code: s.unit.code, name: s.unit.name, sheet: s.sheet })),
    elements: rows.filter((r) => r.kind === 'element').length,
  };
}

// ---- import ----------------------------------------------------------------------------------

export interface WorkbookFile {
  name: string;
  bytes: Uint8Array;
  size?: number | undefined;
}

interface ImportOptions {
  dryRun: boolean;
  unit?: string | undefined;
  period?: string | undefined;
  withChanges?: boolean | undefined;
  lang: Lang;
}

const zeroCounts = (): WorkbookCounts => ({ imported: 0, updated: 0, unchanged: 0, empty: 0, keptNotCleared: 0 });

function addCounts(a: WorkbookCounts, b: WorkbookCounts): void {
  a.imported += b.imported;
  a.updated += b.updated;
  a.unchanged += b.unchanged;
  a.empty += b.empty;
  a.keptNotCleared += b.keptNotCleared;
}

/** Problems of the whole import; each a sentence that says where (file, or sheet!cell). */
class Problems {
  readonly list: WorkbookProblem[] = [];
  more = 0;
  constructor(
    private readonly lang: Lang,
    private readonly severalFiles: boolean,
    /** The province's names of its levels (service/units.ts levelParamsOf). */
    private readonly levels: Record<string, string> = {},
  ) {}

  add(file: string, cell: string | null, e: Pick<UserError, 'key' | 'params'>): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.more++;
      return;
    }
    const t = translator(this.lang);
    const message = userMessage({ key: e.key, params: { ...this.levels, ...e.params } }, this.lang);
    const where = cell === null ? t('workbook.where.file', { file }) : this.severalFiles ? t('workbook.where.fileCell', { file, cell }) : cell;
    this.list.push({ file, cell, key: e.key, message: `${where}: ${message}` });
  }

  get count(): number {
    return this.list.length + this.more;
  }
}

/** The refusal for each way a file fails to read as a workbook. */
const READ_REFUSALS = { notZip: 'notOurs', notOurs: 'notOurs', corrupt: 'corrupt', tooLarge: 'bomb' } as const;

const refuse = (reason: string, params: Record<string, string | number> = {}) => new UserError(`workbook.refused.${reason}`, params);

/** The number in an input cell, or the reason it is none; null for an empty cell. */
function numberOf(input: CellReading, e: CatalogueElement): { value: number | null } | UserError {
  switch (input.kind) {
    case 'empty':
      return { value: null };
    case 'number':
      return { value: input.value };
    case 'text': {
      const p = parseUserNumber(input.text, e.valueType);
      if (p.ok) return { value: p.value };
      if (p.reason === 'ambiguous') return new UserError('error.ambiguousNumber', { text: input.text.trim() });
      return new UserError('error.notANumber', { text: input.text.trim() });
    }
    case 'other':
      return new UserError('error.notANumber', { text: input.text });
  }
}

interface SheetPlan {
  file: string;
  unit: OrgUnit;
  period: string;
  inputs: ValueInput[];
  counts: WorkbookCounts;
}

/** Checks one file; adds its problems; returns its sheets' values when it may be imported. */
async function planFile(store: Store, f: WorkbookFile, opts: ImportOptions, now: Date, seen: Map<string, string>, problems: Problems): Promise<SheetPlan[] | null> {
  const fileProblem = (e: UserError) => {
    problems.add(f.name, null, e);
    return null;
  };
  if ((f.size ?? f.bytes.length) > MAX_WORKBOOK_BYTES || f.bytes.length > MAX_WORKBOOK_BYTES) {
    return fileProblem(refuse('tooLarge', { max: MAX_WORKBOOK_BYTES / 1024 / 1024 }));
  }
  const read = await readWorkbook(f.bytes);
  if (!read.ok) return fileProblem(refuse(READ_REFUSALS[read.reason]));
  const { meta } = read;
  if (meta.marker !== MARKER) return fileProblem(refuse('notOurs'));
  if (meta.form !== FORM_VERSION) return fileProblem(refuse('version', { version: meta.form || '?', expected: FORM_VERSION }));
  if (meta.catalogue !== catalogueStamp(store.catalogue)) return fileProblem(refuse('catalogue'));
  if (!isMonth(meta.period)) return fileProblem(refuse('notOurs'));
  const period = meta.period;
  const monthError = checkMonth(period, now);
  if (monthError) return fileProblem(monthError);
  if (opts.period && period !== opts.period) {
    return fileProblem(refuse('period', { month: monthLabel(period, opts.lang), expected: monthLabel(opts.period, opts.lang) }));
  }
  if (read.entries.length === 0 && read.missingSheets.length === 0) return fileProblem(refuse('notOurs'));
  for (const s of read.missingSheets) problems.add(f.name, null, refuse('sheetMissing', { sheet: s }));
  if (read.missingSheets.length > 0) return null;
  const bySheet = new Map<string, WorkbookEntry[]>();
  for (const e of read.entries) {
    const list = bySheet.get(e.sheet) ?? [];
    list.push(e);
    bySheet.set(e.sheet, list);
  }
  const tree = store.tree();
  const scope = opts.unit ? new Set(subtree(tree, store.unit(opts.unit).code)) : null;
  const plans: SheetPlan[] = [];
  let ok = true;
  for (const [sheet, entries] of bySheet) {
    const code = entries[0]!.unit;
    // One commune per sheet, each element once: anything else was not written by us.
    if (entries.some((e) => e.unit !== code) || new Set(entries.map((e) => e.element)).size !== entries.length) return fileProblem(refuse('notOurs'));
    const unit = tree.units.get(code);
    if (!unit) {
      problems.add(f.name, null, refuse('unknownUnit', { sheet, code, ...levelParamsOf(store) }));
      ok = false;
      continue;
    }
    if (scope && !scope.has(code)) {
      problems.add(f.name, null, refuse('unit', { sheet, unit: unit.name, expected: store.unit(opts.unit!).name }));
      ok = false;
      continue;
    }
    if (unit.level !== 'commune') return fileProblem(refuse('notOurs'));
    const key = `${code}|${period}`;
    const first = seen.get(key);
    // A commune in two files: said once, and its cells are still checked (every problem in one pass).
    if (first !== undefined) {
      problems.add(f.name, null, refuse('duplicate', { unit: unit.name, month: monthLabel(period, opts.lang), first, ...levelParamsOf(store) }));
      ok = false;
    } else seen.set(key, f.name);
    if (unit.receivedFrom) {
      problems.add(f.name, null, new UserError('bundle.readOnly', { unit: unit.name, sender: tree.units.get(unit.receivedFrom)?.name ?? unit.receivedFrom }));
      ok = false;
      continue;
    }
    if (!isActiveIn(unit, period)) {
      problems.add(f.name, null, new UserError('error.unitClosed', { unit: unit.name, from: unit.closedFrom ?? '', period }));
      ok = false;
      continue;
    }
    const locker = lockingUnit(store, code, period);
    if (locker) {
      problems.add(f.name, null, monthLockedError(store, code, period, locker));
      ok = false;
      continue;
    }
    const held = new Map(getValues(store, code, period).filter((v) => v.unit === code).map((v) => [v.element, v.value]));
    const counts = zeroCounts();
    const inputs: ValueInput[] = [];
    for (const e of entries) {
      const cell = cellAddress(sheet, e.row);
      const element = store.catalogue.byCode.get(e.element);
      if (!element) {
        problems.add(f.name, cell, refuse('catalogue'));
        ok = false;
        continue;
      }
      // The row must still be the element's: a row inserted or moved would shift every value.
      if (e.label !== element.nameVi && e.label !== element.nameEn) {
        problems.add(f.name, cell, refuse('layout', { element: element.nameVi }));
        ok = false;
        continue;
      }
      const n = numberOf(e.input, element);
      if (n instanceof UserError) {
        problems.add(f.name, cell, n);
        ok = false;
        continue;
      }
      const had = held.get(element.code) ?? null;
      if (n.value === null) {
        counts.empty++;
        if (had !== null) counts.keptNotCleared++;
        continue;
      }
      const problem = checkValue(element, unit, period, n.value, null);
      if (problem) {
        problems.add(f.name, cell, problem);
        ok = false;
        continue;
      }
      if (had === n.value) counts.unchanged++;
      else {
        if (had === null) counts.imported++;
        else counts.updated++;
        inputs.push({ unit: code, period, element: element.code, value: n.value });
      }
    }
    plans.push({ file: f.name, unit, period, inputs, counts });
  }
  return ok ? plans : null;
}

export async function importWorkbooks(ctx: ServiceContext, files: readonly WorkbookFile[], opts: ImportOptions): Promise<WorkbookImportResult> {
  const { store } = ctx;
  const now = clockOf(ctx)();
  const t = translator(opts.lang);
  const problems = new Problems(opts.lang, files.length > 1, levelParamsOf(store));
  const seen = new Map<string, string>();
  const summaries: WorkbookFileSummary[] = [];
  const plans: SheetPlan[] = [];
  const names = new Set<string>();
  for (const f of files) {
    // The same file given twice is one file.
    if (names.has(f.name)) continue;
    names.add(f.name);
    const p = await planFile(store, f, opts, now, seen, problems);
    const counts = zeroCounts();
    for (const s of p ?? []) addCounts(counts, s.counts);
    summaries.push({ file: f.name, period: p?.[0]?.period ?? null, units: (p ?? []).map((s) => ({ code: s.unit.code, name: s.unit.name })), counts });
    if (p) plans.push(...p);
  }
  const total = zeroCounts();
  for (const s of plans) addCounts(total, s.counts);
  const refused = (): WorkbookImportResult => ({
    status: 'refused',
    message: t('workbook.refused.summary', { count: problems.count }),
    files: summaries,
    counts: zeroCounts(),
    problems: problems.list,
    moreProblems: problems.more,
  });
  if (problems.count > 0) return refused();
  // Every input again through the write path's own checks (unit, level, month, lock), cached per month.
  const cache = new Map<string, UserError | null>();
  const resolved: Resolved[] = [];
  for (const s of plans) {
    for (const input of s.inputs) {
      try {
        resolved.push(resolveInput(store, input, now, cache));
      } catch (e) {
        if (!isUserError(e)) throw e;
        problems.add(s.file, null, e);
      }
    }
  }
  if (problems.count > 0) return refused();
  const params = {
    files: summaries.length,
    units: plans.length,
    months: [...new Set(plans.map((p) => monthLabel(p.period, opts.lang)))].join(', '),
    ...total,
    ...levelParamsOf(store),
  };
  if (opts.dryRun) return { status: 'dryRun', message: t('workbook.dryRun', params), files: summaries, counts: total, problems: [], moreProblems: 0 };
  // One transaction for all files: a failure (a full disk, a month completed meanwhile) writes nothing.
  const log = opts.withChanges ? new ChangeLog(UNDO_MAX_CELLS) : undefined;
  if (resolved.length > 0) writeBulk(store, resolved, currentUser(ctx), 'workbook', now, log);
  const changes = log && !log.overflow ? { changes: log.cells } : {};
  return { status: 'imported', message: t('workbook.imported', params), files: summaries, counts: total, problems: [], moreProblems: 0, ...changes };
}

export function workbookHandlers(ctx: ServiceContext): Pick<Handlers, WorkbookOperation> {
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? parseLang(getSetting(ctx.store, 'ui.lang') ?? 'vi');
  return {
    'workbook.export': (a) => exportWorkbook(ctx, a.unit, a.period, langOf(a)),
    'workbook.import': (a) => importWorkbooks(ctx, a.files, { dryRun: a.dryRun ?? false, unit: a.unit, period: a.period, withChanges: a.withChanges, lang: langOf(a) }),
  };
}
