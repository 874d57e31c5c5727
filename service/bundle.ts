// The sync bundle's operations: export a unit's month(s) as one signed file, and check or
// import files from below. Takes and returns bytes; the host reads and writes files.
//
// Import checks each file in this order and stops at the first refusal, before any write:
// size, magic and version, header, signature (export/bundle/format.ts); the sender is not this
// installation; key trust; the content's schema; the period (not in the future); the tree;
// revisions (never older than the one held); then counts the changes (the dry run) and applies
// them in one transaction. A refusal leaves the database byte for byte unchanged: it is logged
// beside it, in `<db>.imports.log`.
import { appendFileSync, readFileSync } from 'node:fs';
import type {
  BundleExportPlan, BundleExportResult, BundleImportResult, BundleLogEntry, BundleWarning, Handlers, ImportConflict, ImportCounts, ImportFileSummary,
} from '../core/api';
import {
  MAX_BUNDLE_BYTES, MAX_BUNDLE_MONTHS, bundleContentSchema, bundleFileName,
  type BundleHeader, type BundleMonth, type BundleUnit, type BundleValue,
} from '../core/bundle';
import { UserError, isUserError } from '../core/errors';
import { formatMonth, type Lang } from '../core/format';
import { parseLang, translator, userMessage } from '../core/i18n';
import { subtree } from '../core/orgunit';
import { addMonths, monthOf } from '../core/period';
import { checkMonth, checkValue } from '../core/values';
import {
  applyBundle, bundleHistory, bundleUnits, existingValues, listImports, listSent, monthForBundle, nextRevision,
  receivedRevision, recordSent, trustedKey, type MonthWrite,
} from '../db/bundle.repo';
import { registeredUnits } from '../db/status.repo';
import { storeAboveSenders } from '../db/unit-total.repo';
import { currentUser, type ServiceContext } from './data';
import { isMonthLockedError, lockingUnit } from '../db/periods.repo';
import { commentedCells, getMonthStatus } from '../db/quality.repo';
import { validateMonth } from './quality';
import { getSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { decodeBundle, encodeBundle, sha256Hex } from '../export/bundle/format';
import { keyFileOf, loadOrCreateKey, readKey } from '../export/bundle/key';

export type BundleOperation = 'bundle.plan' | 'bundle.export' | 'bundle.import' | 'bundle.key' | 'bundle.sent' | 'bundle.log';

const refuse = (reason: string, params: Record<string, string | number> = {}) => new UserError(`bundle.refused.${reason}`, params);

/** Refused imports, one JSON line each, beside the database (never in it). */
export const importLogOf = (dbFile: string): string => `${dbFile}.imports.log`;

/** The months from..to, each checked (not in the future), at most `max` of them. */
function checkMonthRange(from: string, to: string, now: Date, max: number): string[] {
  for (const p of [from, to]) {
    const err = checkMonth(p, now);
    if (err) throw err;
  }
  if (to < from) throw new UserError('bundle.export.badRange', { from, to });
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) {
    out.push(p);
    if (out.length > max) throw new UserError('bundle.export.tooManyMonths', { from, to, max });
  }
  return out;
}

// ---- export ----------------------------------------------------------------------------------

/** High-importance violations of the month with no explanation comment on any of their cells. */
function validationOf(store: Store, unit: string, period: string): BundleMonth['validation'] {
  const r = validateMonth(store, unit, period, 'vi');
  const commented = commentedCells(store, unit, period);
  const tree = store.tree();
  const unexplainedHigh = r.violations.filter(
    (v) => v.importance === 'high' && !subtree(tree, v.unit).some((u) => v.elements.some((e) => commented.has(`${u}|${e}`))),
  ).length;
  return { high: r.summary.high, medium: r.summary.medium, low: r.summary.low, unexplainedHigh };
}

/** What sending the months would say: the months not complete, or with unexplained problems. */
function exportWarnings(store: Store, unit: string, name: string, period: string, validation: BundleMonth['validation'], lang: Lang): BundleWarning[] {
  const t = translator(lang);
  const warnings: BundleWarning[] = [];
  if (getMonthStatus(store, unit, period).status !== 'complete') {
    warnings.push({ key: 'bundle.warn.notComplete', message: t('bundle.warn.notComplete', { unit: name, period: formatMonth(period, lang) }) });
  }
  if (validation.unexplainedHigh > 0) {
    warnings.push({ key: 'bundle.warn.unexplained', message: t('bundle.warn.unexplained', { unit: name, period: formatMonth(period, lang), count: validation.unexplainedHigh }) });
  }
  return warnings;
}

/** The months of a send: each one's next revision, its checks' counts and what sending it would say. */
function planMonths(store: Store, unit: string, name: string, periods: readonly string[], lang: Lang) {
  const revisions: Record<string, number> = {};
  const validations = new Map<string, BundleMonth['validation']>();
  const warnings: BundleWarning[] = [];
  for (const period of periods) {
    revisions[period] = nextRevision(store, unit, period);
    const validation = validationOf(store, unit, period);
    validations.set(period, validation);
    warnings.push(...exportWarnings(store, unit, name, period, validation, lang));
  }
  return { revisions, validations, warnings };
}

/** What `exportBundle` would make, without making it: the file name, revisions and warnings. */
export function planExport(ctx: ServiceContext, unit: string, from: string, to: string | undefined, lang: Lang): BundleExportPlan {
  const { store } = ctx;
  const u = store.unit(unit);
  const periods = checkMonthRange(from, to ?? from, ctx.now ? ctx.now() : new Date(), MAX_BUNDLE_MONTHS);
  const { revisions, warnings } = planMonths(store, unit, u.name, periods, lang);
  return { fileName: bundleFileName(unit, periods, revisions), unit, unitName: u.name, periods, revisions, warnings };
}

export function exportBundle(ctx: ServiceContext, unit: string, from: string, to: string | undefined, lang: Lang): BundleExportResult {
  const { store } = ctx;
  const now = ctx.now ? ctx.now() : new Date();
  const u = store.unit(unit);
  const periods = checkMonthRange(from, to ?? from, now, MAX_BUNDLE_MONTHS);
  const key = loadOrCreateKey(store.file);
  const { revisions, validations, warnings } = planMonths(store, unit, u.name, periods, lang);
  const months: BundleMonth[] = periods.map((period) => ({ period, revision: revisions[period]!, validation: validations.get(period)!, ...monthForBundle(store, unit, period) }));
  const user = currentUser(ctx);
  const created = now.toISOString();
  const bytes = encodeBundle(
    { app: ctx.appVersion ?? '0', unit, units: bundleUnits(store, unit), history: bundleHistory(store, unit), periods, revisions, created, createdBy: user },
    { months },
    key,
  );
  const fileName = bundleFileName(unit, periods, revisions);
  recordSent(store, unit, revisions, fileName, sha256Hex(bytes), user, created);
  return { fileName, bytes, unit, periods, revisions, fingerprint: key.fingerprint, warnings };
}

// ---- import ----------------------------------------------------------------------------------

interface Plan {
  newUnits: BundleUnit[];
  months: MonthWrite[];
  counts: ImportCounts;
  conflicts: ImportConflict[];
  warnings: BundleWarning[];
  trust: { publicKey: string; fingerprint: string } | null;
  attach: string;
}

const MAX_CONFLICTS_LISTED = 100;

/** Where the bundle's units go in this tree; throws the refusal when they do not belong here. */
function placeUnits(store: Store, header: BundleHeader): BundleUnit[] {
  const tree = store.tree();
  const home = getSetting(store, 'unit.home');
  if (!home || !tree.units.has(home)) throw refuse('noHome');
  const source = header.unit;
  const units = header.units;
  // The unit first, then each unit after its parent, each code once: a closed subtree.
  const seen = new Set<string>();
  units.forEach((u, i) => {
    if (seen.has(u.code) || (i === 0 ? u.code !== source : u.parent === null || !seen.has(u.parent))) throw refuse('damaged');
    seen.add(u.code);
  });
  const above = new Set<string>();
  for (let c: string | null = home; c !== null && !above.has(c); c = tree.units.get(c)?.parent ?? null) above.add(c);
  if (above.has(source)) throw refuse('own', { unit: units[0]!.name });
  const mine = new Set(subtree(tree, home));
  const parent = units[0]!.parent;
  if (tree.units.has(source) ? !mine.has(source) : parent === null || !mine.has(parent)) {
    throw refuse('outside', { unit: units[0]!.name, code: source, parent: parent ?? '—', home: tree.units.get(home)!.name });
  }
  const below = tree.units.has(source) ? new Set(subtree(tree, source)) : new Set<string>();
  for (const u of units.slice(1)) {
    if (tree.units.has(u.code) && !below.has(u.code)) throw refuse('unitElsewhere', { unit: u.name, code: u.code });
  }
  return units.filter((u) => !tree.units.has(u.code));
}

/**
 * Units registered here (units import) that the bundle names or places differently: shown as
 * warnings (in the dry run too); the registered name and parent stay (db/bundle.repo.ts).
 */
function registeredDifferences(store: Store, header: BundleHeader, t: ReturnType<typeof translator>): BundleWarning[] {
  const registered = registeredUnits(store);
  const tree = store.tree();
  const out: BundleWarning[] = [];
  header.units.forEach((u, i) => {
    const held = tree.units.get(u.code);
    if (!held || !registered.has(u.code)) return;
    if (held.name !== u.name) {
      out.push({ key: 'bundle.warn.registeredName', message: t('bundle.warn.registeredName', { code: u.code, name: u.name, registered: held.name }) });
    }
    // The source's parent in its own tree is not this installation's business unless it says one.
    const parent = u.parent;
    if (parent !== null && held.parent !== parent && !(i === 0 && !tree.units.has(parent))) {
      const name = (c: string | null) => (c === null ? '—' : (tree.units.get(c)?.name ?? c));
      out.push({
        key: 'bundle.warn.registeredParent',
        message: t('bundle.warn.registeredParent', { code: u.code, unit: held.name, parent: name(parent), registered: name(held.parent) }),
      });
    }
  });
  return out;
}

function planImport(store: Store, header: BundleHeader, raw: unknown, trust: boolean, now: Date, lang: Lang): Plan {
  const t = translator(lang);
  // Key trust: on first use after the user confirms the fingerprint; then the same key only.
  const held = trustedKey(store, header.unit);
  let trustRow: Plan['trust'] = null;
  if (!held || held.publicKey !== header.key.publicKey) {
    if (!trust) {
      if (!held) throw refuse('untrusted', { code: header.unit, fingerprint: header.key.fingerprint });
      throw refuse('keyChanged', { code: header.unit, held: held.fingerprint, fingerprint: header.key.fingerprint });
    }
    trustRow = { publicKey: header.key.publicKey, fingerprint: header.key.fingerprint };
  }
  const parsed = bundleContentSchema.safeParse(raw);
  if (!parsed.success) throw refuse('content');
  const content = parsed.data;
  // The content must be the months the signed header names, in order, at the same revisions.
  const periods = header.periods;
  if (
    content.months.length !== periods.length ||
    content.months.some((m, i) => m.period !== periods[i] || header.revisions[m.period] !== m.revision) ||
    Object.keys(header.revisions).length !== periods.length ||
    periods.some((p, i) => i > 0 && p <= periods[i - 1]!)
  ) {
    throw refuse('damaged');
  }
  const current = monthOf(now);
  for (const p of periods) if (p > current) throw refuse('future', { period: formatMonth(p, lang) });
  const newUnits = placeUnits(store, header);
  const byCode = new Map(header.units.map((u) => [u.code, u]));
  const counts: ImportCounts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  const conflicts: ImportConflict[] = [];
  const warnings: BundleWarning[] = [];
  const months: MonthWrite[] = [];
  const known = new Set(header.units.filter((u) => store.tree().units.has(u.code)).map((u) => store.unitId(u.code)));
  const catalogue = store.catalogue.byCode;
  const source = header.units[0]!;
  const attach = store.tree().units.has(source.code) ? source.code : source.parent!;
  for (const m of content.months) {
    const heldRevision = receivedRevision(store, header.unit, m.period);
    if (heldRevision !== null && m.revision < heldRevision) {
      throw refuse('older', { unit: source.name, period: formatMonth(m.period, lang), revision: m.revision, held: heldRevision });
    }
    if (heldRevision === m.revision) {
      counts.ignored += m.values.length;
      continue;
    }
    const locker = lockingUnit(store, attach, m.period);
    if (locker && !byCode.has(locker)) throw refuse('locked', { period: formatMonth(m.period, lang), locker: store.unit(locker).name });
    const existing = existingValues(store, [...known], m.period);
    const inserts: BundleValue[] = [];
    const updates: BundleValue[] = [];
    for (const v of m.values) {
      const unit = byCode.get(v[0]);
      if (!unit || v[5] >= m.people.length) throw refuse('damaged');
      const element = catalogue.get(v[1]);
      const problem = element ? checkValue(element, unit, m.period, v[2], v[3]) : new UserError('error.unknownElement', { element: v[1] });
      if (problem) {
        if (conflicts.length < MAX_CONFLICTS_LISTED) conflicts.push({ object: v[1], value: `${v[0]} ${m.period}`, reason: userMessage(problem, lang) });
        continue;
      }
      const had = existing.size === 0 ? undefined : existing.get(`${v[0]}|${v[1]}`);
      if (had === undefined) {
        if (v[2] === null && v[3] === null) counts.ignored++;
        else {
          counts.imported++;
          inserts.push(v);
        }
      } else if (had[0] === v[2] && had[1] === v[3]) counts.ignored++;
      else {
        if (v[2] === null && had[0] !== null) counts.deleted++;
        else counts.updated++;
        updates.push(v);
      }
    }
    for (const n of m.narrative) if (!byCode.has(n[0])) throw refuse('damaged');
    for (const s of m.statuses) if (!byCode.has(s[0])) throw refuse('damaged');
    const own = m.statuses.find((s) => s[0] === source.code);
    if (!own || own[1] !== 'complete') warnings.push({ key: 'bundle.warn.notComplete', message: t('bundle.warn.notComplete', { unit: source.name, period: formatMonth(m.period, lang) }) });
    if (m.validation.unexplainedHigh > 0) {
      warnings.push({ key: 'bundle.warn.unexplained', message: t('bundle.warn.unexplained', { unit: source.name, period: formatMonth(m.period, lang), count: m.validation.unexplainedHigh }) });
    }
    months.push({
      period: m.period, revision: m.revision, people: m.people, inserts, updates, narrative: m.narrative, statuses: m.statuses,
      unexplained: m.validation.unexplainedHigh,
    });
  }
  warnings.unshift(...registeredDifferences(store, header, t));
  return { newUnits, months, counts, conflicts, warnings, trust: trustRow, attach };
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The file's real size when the host passed only its beginning. */
  size?: number | undefined;
}

function emptySummary(file: string): ImportFileSummary {
  return {
    file, status: 'refused', message: '', reason: null, unit: null, unitName: null, periods: [], revisions: {}, fingerprint: null,
    counts: { imported: 0, updated: 0, ignored: 0, deleted: 0 }, newUnits: [], conflicts: [], warnings: [],
  };
}

function appendLog(store: Store, entry: BundleLogEntry): void {
  try {
    appendFileSync(importLogOf(store.file), `${JSON.stringify(entry)}\n`);
  } catch {
    // A log that cannot be written (read-only folder) never turns a refusal into a failure.
  }
}

export function importOne(ctx: ServiceContext, file: ImportFile, opts: { dryRun: boolean; trust: boolean; lang: Lang }): ImportFileSummary {
  const { store } = ctx;
  const now = ctx.now ? ctx.now() : new Date();
  const t = translator(opts.lang);
  const summary = emptySummary(file.name);
  const user = currentUser(ctx);
  const at = now.toISOString();
  let fileHash = '';
  try {
    if ((file.size ?? file.bytes.length) > MAX_BUNDLE_BYTES || file.bytes.length > MAX_BUNDLE_BYTES) {
      throw refuse('tooLarge', { max: MAX_BUNDLE_BYTES / 1024 / 1024 });
    }
    fileHash = sha256Hex(file.bytes);
    const { header, content } = decodeBundle(file.bytes);
    Object.assign(summary, {
      unit: header.unit, unitName: header.units[0]!.name, periods: header.periods, revisions: header.revisions, fingerprint: header.key.fingerprint,
    });
    if (readKey(store.file)?.publicKey === header.key.publicKey) throw refuse('own', { unit: header.units[0]!.name });
    const plan = planImport(store, header, content, opts.trust, now, opts.lang);
    Object.assign(summary, { counts: plan.counts, conflicts: plan.conflicts, warnings: plan.warnings, newUnits: plan.newUnits.map((u) => u.code) });
    const params = { unit: header.units[0]!.name, periods: header.periods.map((p) => formatMonth(p, opts.lang)).join(', '), ...plan.counts, conflicts: plan.conflicts.length };
    if (plan.months.length === 0) {
      summary.status = 'unchanged';
      summary.message = t('bundle.unchanged', params);
      if (!opts.dryRun) {
        appendLog(store, {
          at, fileName: file.name, fileHash, unit: header.unit, periods: header.periods, revisions: header.revisions,
          fingerprint: header.key.fingerprint, result: 'unchanged', counts: { ...plan.counts }, by: user,
        });
      }
      return summary;
    }
    if (opts.dryRun) {
      summary.status = 'dryRun';
      summary.message = t('bundle.dryRun', params);
      return summary;
    }
    try {
      applyBundle(store, {
        source: header.unit, attach: plan.attach, newUnits: plan.newUnits, units: header.units, history: header.history, months: plan.months, trust: plan.trust,
        fingerprint: header.key.fingerprint, fileName: file.name, fileHash, periods: header.periods, revisions: header.revisions, created: header.created,
        counts: { ...plan.counts, conflicts: plan.conflicts.length }, user, at,
      });
    } catch (e) {
      // A month completed here meanwhile (another window): the trigger refused, nothing was written.
      if (isMonthLockedError(e)) throw refuse('lockedRace');
      throw e;
    }
    summary.status = 'imported';
    summary.message = t('bundle.imported', params);
    return summary;
  } catch (e) {
    if (!isUserError(e)) throw e;
    summary.status = 'refused';
    summary.reason = e.key;
    summary.message = t('bundle.refusedFile', { file: file.name, message: userMessage(e, opts.lang) });
    summary.counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    appendLog(store, {
      at, fileName: file.name, fileHash, unit: summary.unit ?? '', periods: summary.periods, revisions: summary.revisions,
      fingerprint: summary.fingerprint ?? '', result: 'refused', counts: null, by: user, reason: userMessage(e, opts.lang),
    });
    return summary;
  }
}

export function importBundles(ctx: ServiceContext, files: readonly ImportFile[], opts: { dryRun: boolean; trust: boolean; lang: Lang }): BundleImportResult {
  // Several files: the write-ahead log is copied into the database once at the end instead of
  // after each file's commit (each commit is durable in the log either way).
  const db = ctx.store.db;
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const results: ImportFileSummary[] = [];
  if (files.length > 1) db.pragma('wal_autocheckpoint = 0');
  try {
    for (const f of files) results.push(importOne(ctx, f, opts));
    const sent = results.filter((r) => r.status === 'imported' && r.unit).map((r) => ({ unit: r.unit!, months: r.periods }));
    storeAboveSenders(ctx.store, sent);
    return { files: results };
  } finally {
    if (files.length > 1) {
      db.pragma(`wal_autocheckpoint = ${auto}`);
      // Only after a write: refusals alone leave the files byte for byte as they were.
      if (results.some((r) => r.status === 'imported')) db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

/** Accepted imports (in the database) and refused or unchanged ones (beside it), oldest first. */
export function importLog(store: Store): BundleLogEntry[] {
  const entries: BundleLogEntry[] = listImports(store);
  let text: string;
  try {
    text = readFileSync(importLogOf(store.file), 'utf8');
  } catch {
    text = '';
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as BundleLogEntry);
    } catch {
      // A line cut by a power failure: skipped.
    }
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function bundleHandlers(ctx: ServiceContext): Pick<Handlers, BundleOperation> {
  const { store } = ctx;
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? parseLang(getSetting(store, 'ui.lang') ?? 'vi');
  return {
    'bundle.plan': (a) => planExport(ctx, a.unit, a.from, a.to, langOf(a)),
    'bundle.export': (a) => exportBundle(ctx, a.unit, a.from, a.to, langOf(a)),
    'bundle.import': (a) => importBundles(ctx, a.files, { dryRun: a.dryRun ?? false, trust: a.trust ?? false, lang: langOf(a) }),
    'bundle.key': () => ({ fingerprint: loadOrCreateKey(store.file).fingerprint, file: keyFileOf(store.file) }),
    'bundle.sent': () => listSent(store),
    'bundle.log': () => importLog(store),
  };
}
