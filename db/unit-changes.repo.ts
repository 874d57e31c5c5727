// Units as users change them (the 2025 reform): add, rename from a month, move from a month,
// close from a month, merge several units into an existing or a new one, keep a former
// station as a sub-site ("điểm trạm"). Each operation checks everything first and then writes in
// one transaction, with its rows in org_unit_history (who and when): a refusal changes nothing.
// Values are never moved or rewritten: they stay on the unit that entered them.
import { UserError } from '../core/errors';
import {
  ORG_UNIT_LEVELS,
  isActiveIn,
  subtree,
  wouldCycle,
  type OrgUnit,
  type OrgUnitLevel,
  type UnitChange,
} from '../core/orgunit';
import { suggestCode } from '../core/unit-names';
import type { Store } from './store';

export interface ChangeBy {
  user: string;
  now: Date;
}

/** "2025-07" → "7/2025", for messages ("từ tháng 7/2025", "from 7/2025"). */
const shown = (month: string) => `${Number(month.slice(5))}/${month.slice(0, 4)}`;

function own(store: Store, code: string): OrgUnit {
  const u = store.unit(code);
  if (u.receivedFrom) {
    throw new UserError('units.received', { unit: u.name, sender: store.tree().units.get(u.receivedFrom)?.name ?? u.receivedFrom });
  }
  return u;
}

function activeAt(u: OrgUnit, month: string): void {
  if (!isActiveIn(u, month)) throw new UserError('units.notActive', { unit: u.name, month: shown(month) });
}

/** The first month from `from` on that holds a value or narrative of one of the units, or null. */
function firstUsedMonth(store: Store, codes: readonly string[], from: string): string | null {
  const ids = JSON.stringify(codes.map((c) => store.unitId(c)));
  const row = store.db
    .prepare(
      `SELECT min(period) AS m FROM (
         SELECT period FROM data_value WHERE unit_id IN (SELECT value FROM json_each(?)) AND period >= ? AND value IS NOT NULL
         UNION ALL
         SELECT period FROM narrative WHERE unit_id IN (SELECT value FROM json_each(?)) AND period >= ? AND body <> '')`,
    )
    .get(ids, from, ids, from) as { m: string | null };
  return row.m;
}

function history(store: Store, code: string, change: UnitChange['change'], oldValue: string | null, newValue: string | null, from: string | null, note: string | null, by: ChangeBy): void {
  store.db
    .prepare(
      `INSERT INTO org_unit_history (unit_id, change, old_value, new_value, effective_from, note, changed_by, changed_at)
       VALUES ((SELECT id FROM org_unit WHERE code = ?), ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(code, change, oldValue, newValue, from, note, by.user, by.now.toISOString());
}

/** Levels go down the tree: a unit's level comes after its parent's. */
function checkLevel(level: OrgUnitLevel, parent: OrgUnit | null, name: string): void {
  if (parent === null) {
    if (level !== 'province') throw new UserError('units.needsParent', { unit: name });
    return;
  }
  if (ORG_UNIT_LEVELS.indexOf(level) <= ORG_UNIT_LEVELS.indexOf(parent.level)) {
    throw new UserError('units.levelOrder', { unit: name, parent: parent.name });
  }
}

function checkName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') throw new UserError('units.emptyName', {});
  return n;
}

/** A new unit's code: given, or made from the parent's code and the name ("TH_HH_HOANG_PHU"). */
function newCode(store: Store, code: string | undefined, parent: string | null, name: string): string {
  const ids = new Set(store.units().map((u) => u.code));
  if (code !== undefined) {
    if (ids.has(code)) throw new UserError('units.codeTaken', { code, unit: store.unit(code).name });
    return code;
  }
  return suggestCode(name, parent, ids);
}

function insertUnit(store: Store, u: { code: string; name: string; level: OrgUnitLevel; parent: string | null; from: string | null }, by: ChangeBy): void {
  const sort = (store.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM org_unit').get() as { s: number }).s;
  store.db
    .prepare(
      `INSERT INTO org_unit (code, name, level, parent_id, sort, created_at, opened_from)
       VALUES (?, ?, ?, (SELECT id FROM org_unit WHERE code = ?), ?, ?, ?)`,
    )
    .run(u.code, u.name, u.level, u.parent, sort, by.now.toISOString(), u.from);
}

function run<T>(store: Store, fn: () => T): T {
  try {
    return store.db.transaction(fn)();
  } finally {
    store.invalidateUnits();
  }
}

export interface AddUnitInput {
  code?: string;
  name: string;
  level: OrgUnitLevel;
  parent: string | null;
  /** The first month it reports; left out: it reports for every month. */
  from?: string | null;
}

export function addUnit(store: Store, a: AddUnitInput, by: ChangeBy): OrgUnit {
  const name = checkName(a.name);
  const parent = a.parent === null ? null : own(store, a.parent);
  if (parent && a.from) activeAt(parent, a.from);
  if (parent && parent.closedFrom && !a.from) throw new UserError('units.notActive', { unit: parent.name, month: shown(parent.closedFrom) });
  checkLevel(a.level, parent, name);
  const code = newCode(store, a.code, a.parent, name);
  run(store, () => {
    insertUnit(store, { code, name, level: a.level, parent: a.parent, from: a.from ?? null }, by);
    history(store, code, 'add', null, name, a.from ?? null, a.parent, by);
  });
  return store.unit(code);
}

export function renameUnit(store: Store, code: string, newName: string, from: string, by: ChangeBy): OrgUnit {
  const u = own(store, code);
  const name = checkName(newName);
  if (name === u.name) throw new UserError('units.sameName', { unit: u.name });
  activeAt(u, from);
  run(store, () => {
    store.db.prepare('UPDATE org_unit SET name = ? WHERE code = ?').run(name, code);
    history(store, code, 'rename', u.name, name, from, null, by);
  });
  return store.unit(code);
}

export function moveUnit(store: Store, code: string, parentCode: string, from: string, by: ChangeBy): OrgUnit {
  const u = own(store, code);
  const parent = own(store, parentCode);
  if (u.parent === parentCode) throw new UserError('units.sameParent', { unit: u.name, parent: parent.name });
  if (wouldCycle(store.tree(), code, parentCode)) throw new UserError('units.cycle', { unit: u.name, parent: parent.name });
  activeAt(u, from);
  activeAt(parent, from);
  checkLevel(u.level, parent, u.name);
  run(store, () => {
    store.db.prepare('UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = ?) WHERE code = ?').run(parentCode, code);
    history(store, code, 'move', u.parent, parentCode, from, null, by);
  });
  return store.unit(code);
}

function checkClosable(store: Store, u: OrgUnit, from: string): void {
  if (u.closedFrom) throw new UserError('units.alreadyClosed', { unit: u.name, month: shown(u.closedFrom) });
  if (u.openedFrom && from <= u.openedFrom) throw new UserError('units.notActive', { unit: u.name, month: shown(from) });
  const used = firstUsedMonth(store, [u.code], from);
  if (used) throw new UserError('units.valuesAfter', { unit: u.name, from: shown(from), month: shown(used) });
}

/** Active units right below `code` in month `from` (they must go somewhere first). */
function activeChildren(store: Store, code: string, from: string): OrgUnit[] {
  const tree = store.tree();
  return (tree.children.get(code) ?? []).map((c) => tree.units.get(c)!).filter((c) => isActiveIn(c, from) || (c.openedFrom ?? '') > from);
}

export function closeUnit(store: Store, code: string, from: string, by: ChangeBy): OrgUnit {
  const u = own(store, code);
  checkClosable(store, u, from);
  const kids = activeChildren(store, code, from);
  if (kids.length > 0) throw new UserError('units.hasChildren', { unit: u.name, children: kids.map((k) => k.name).join(', ') });
  run(store, () => {
    store.db.prepare('UPDATE org_unit SET closed_from = ? WHERE code = ?').run(from, code);
    history(store, code, 'close', null, null, from, null, by);
  });
  return store.unit(code);
}

export interface MergeInput {
  units: readonly string[];
  /** An existing unit that takes them in, or the code of the new unit (with `name`). */
  into: string;
  /** Given: a new unit `into` is made with this name (under `parent`, or the first unit's parent). */
  name?: string;
  parent?: string;
  from: string;
  /** Keep each former unit as a sub-site ("điểm trạm") below the successor, from `from`. */
  keepSites?: boolean;
}

export interface MergeResult {
  into: OrgUnit;
  created: boolean;
  merged: string[];
  /** Units that were below a merged unit, now below the successor. */
  moved: string[];
  sites: string[];
}

export function mergeUnits(store: Store, a: MergeInput, by: ChangeBy): MergeResult {
  if (new Set(a.units).size !== a.units.length) throw new UserError('units.mergeRepeated', {});
  const merged = a.units.map((c) => own(store, c));
  const tree = store.tree();
  const exists = tree.units.has(a.into);
  if (a.units.includes(a.into)) throw new UserError('units.mergeIntoItself', { unit: store.unit(a.into).name });
  let into: OrgUnit | null = null;
  let parentCode: string | null;
  let level: OrgUnitLevel;
  if (exists) {
    if (a.name !== undefined || a.parent !== undefined) throw new UserError('units.codeTaken', { code: a.into, unit: store.unit(a.into).name });
    into = own(store, a.into);
    activeAt(into, a.from);
    parentCode = into.parent;
    level = into.level;
  } else {
    if (a.name === undefined) throw new UserError('units.mergeNeedsName', { code: a.into });
    checkName(a.name);
    parentCode = a.parent ?? merged[0]!.parent;
    level = merged[0]!.level;
    if (parentCode !== null) activeAt(own(store, parentCode), a.from);
    checkLevel(level, parentCode === null ? null : store.unit(parentCode), a.name);
  }
  for (const u of merged) {
    // The successor inside a merged unit's subtree would end below a closed unit, or below itself.
    if (exists && subtree(tree, u.code).includes(a.into)) throw new UserError('units.cycle', { unit: u.name, parent: into!.name });
    if (parentCode !== null && subtree(tree, u.code).includes(parentCode)) throw new UserError('units.cycle', { unit: u.name, parent: store.unit(parentCode).name });
    if (u.level !== level) throw new UserError('units.mergeLevel', { unit: u.name });
    checkClosable(store, u, a.from);
  }
  // Units below the merged ones follow them to the successor (the sites of an old station).
  const moved = merged.flatMap((u) => activeChildren(store, u.code, a.from));
  const sites: string[] = [];
  const intoCode = a.into;
  run(store, () => {
    if (!exists) {
      const name = checkName(a.name!);
      insertUnit(store, { code: intoCode, name, level, parent: parentCode, from: a.from }, by);
      history(store, intoCode, 'add', null, name, a.from, `${parentCode ?? ''}`, by);
    }
    for (const u of merged) {
      store.db
        .prepare('UPDATE org_unit SET closed_from = ?, merged_into_id = (SELECT id FROM org_unit WHERE code = ?) WHERE code = ?')
        .run(a.from, intoCode, u.code);
      history(store, u.code, 'merge', u.code, intoCode, a.from, null, by);
    }
    for (const k of moved) {
      store.db.prepare('UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = ?) WHERE code = ?').run(intoCode, k.code);
      history(store, k.code, 'move', k.parent, intoCode, a.from, null, by);
    }
    if (a.keepSites && ORG_UNIT_LEVELS.indexOf(level) < ORG_UNIT_LEVELS.indexOf('facility')) {
      store.invalidateUnits();
      for (const u of merged) {
        const name = siteName(u.name);
        const code = newCode(store, `${u.code}_DT`.slice(0, 64), intoCode, name);
        insertUnit(store, { code, name, level: 'facility', parent: intoCode, from: a.from }, by);
        history(store, code, 'site', u.code, name, a.from, u.code, by);
        store.invalidateUnits();
        sites.push(code);
      }
    }
  });
  return { into: store.unit(intoCode), created: !exists, merged: [...a.units], moved: moved.map((k) => k.code), sites };
}

/** "Xã Hoằng Xuân" → "Điểm trạm Hoằng Xuân": the former station, now a site of the new commune's. */
export function siteName(unitName: string): string {
  return `Điểm trạm ${unitName.replace(/^(xã|phường|thị trấn|trạm y tế( xã)?)\s+/i, '')}`;
}

/** Every change of one unit (or of all units), oldest first. */
export function unitHistory(store: Store, code?: string): UnitChange[] {
  if (code !== undefined) store.unit(code);
  const rows = store.db
    .prepare(
      `SELECT u.code AS unit, h.change, h.old_value, h.new_value, h.effective_from, h.note, h.changed_by, h.changed_at
       FROM org_unit_history h JOIN org_unit u ON u.id = h.unit_id
       WHERE ? IS NULL OR u.code = ? ORDER BY h.id`,
    )
    .all(code ?? null, code ?? null) as {
    unit: string;
    change: UnitChange['change'];
    old_value: string | null;
    new_value: string | null;
    effective_from: string | null;
    note: string | null;
    changed_by: string;
    changed_at: string;
  }[];
  return rows.map((r) => ({
    unit: r.unit,
    change: r.change,
    oldValue: r.old_value,
    newValue: r.new_value,
    from: r.effective_from,
    note: r.note,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}
