// The org-unit tree: province → district → commune, plus district-level facilities.
// It is data: units are renamed and merged (Vietnam's 2025 reform) without losing history,
// because values hang on a stable code, never on a name or a position in the tree.

export const ORG_UNIT_LEVELS = ['province', 'district', 'commune', 'facility'] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

export interface OrgUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parent: string | null;
  /** First month the unit no longer reports (merged or closed), or null while active. */
  closedFrom?: string | null;
  /** First month a unit added by a change (a merger's new commune) reports; absent: always. */
  openedFrom?: string | null;
  /** The unit that took over its area after a merge. */
  mergedInto?: string | null;
  /** Set when the unit's data arrives by sync bundle: the code of the sending unit (read-only here). */
  receivedFrom?: string;
}

export interface OrgTree {
  units: ReadonlyMap<string, OrgUnit>;
  children: ReadonlyMap<string, readonly string[]>;
}

export function buildTree(units: readonly OrgUnit[]): OrgTree {
  const map = new Map<string, OrgUnit>();
  const children = new Map<string, string[]>();
  for (const u of units) map.set(u.code, u);
  for (const u of units) {
    if (u.parent === null) continue;
    const list = children.get(u.parent) ?? [];
    list.push(u.code);
    children.set(u.parent, list);
  }
  return { units: map, children };
}

/** The unit and everything below it, depth first. */
export function subtree(tree: OrgTree, code: string): string[] {
  const out: string[] = [];
  const stack = [code];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (!tree.units.has(c)) continue;
    out.push(c);
    const kids = tree.children.get(c);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** True when the unit still reports in `month`. */
export function isActiveIn(unit: OrgUnit, month: string): boolean {
  return (!unit.closedFrom || month < unit.closedFrom) && (!unit.openedFrom || month >= unit.openedFrom);
}

/**
 * The names a province gives its levels. The stored level stays one of ORG_UNIT_LEVELS (the
 * schema's CHECK, the catalogue's entry levels); what users read is this list, kept in the
 * setting `units.levelNames`. After the 2025 reform a province may name them
 * "Tỉnh → Trung tâm Y tế khu vực → Xã → Điểm trạm"; before it, "Tỉnh → Huyện → Xã → Cơ sở".
 */
export type LevelNames = Readonly<Record<OrgUnitLevel, string>>;

export const DEFAULT_LEVEL_NAMES: LevelNames = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã', facility: 'Cơ sở' };
export const REFORM_LEVEL_NAMES: LevelNames = {
  province: 'Tỉnh',
  district: 'Trung tâm Y tế khu vực',
  commune: 'Xã',
  facility: 'Điểm trạm',
};

/** A change in a unit's history, oldest first within a unit. */
export interface UnitChange {
  unit: string;
  change: 'add' | 'rename' | 'move' | 'merge' | 'close' | 'site';
  oldValue: string | null;
  newValue: string | null;
  /** The first month the change applies to (YYYY-MM); null for changes with no month. */
  from: string | null;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

/**
 * The unit's name in a period (a month YYYY-MM, or the period's last month): the current name,
 * unless a rename took effect after that month — then the name before the earliest such rename.
 */
export function nameIn(unit: OrgUnit, periodEnd: string, history: readonly UnitChange[]): string {
  let name = unit.name;
  const renames = history
    .filter((h) => h.unit === unit.code && h.change === 'rename' && h.from !== null)
    .sort((a, b) => (a.from! < b.from! ? 1 : a.from! > b.from! ? -1 : 0));
  for (const r of renames) {
    if (periodEnd < r.from! && r.oldValue !== null) name = r.oldValue;
  }
  return name;
}

/** The unit's parent in `month`: moves that take effect after `month` are undone, latest first. */
export function parentIn(unit: OrgUnit, month: string, history: readonly UnitChange[]): string | null {
  let parent = unit.parent;
  const moves = history
    .filter((h) => h.unit === unit.code && h.change === 'move' && h.from !== null)
    .sort((a, b) => (a.from! < b.from! ? 1 : a.from! > b.from! ? -1 : 0));
  for (const m of moves) if (month < m.from!) parent = m.oldValue;
  return parent;
}

/**
 * Units merged into `code` or into any unit below it, directly or through earlier mergers, that
 * are not themselves in that subtree: their values before their closing month stand in for the
 * successor's where it did not exist yet ("cộng các đơn vị cũ").
 */
export function predecessorsOf(tree: OrgTree, code: string): OrgUnit[] {
  const inside = new Set(subtree(tree, code));
  const targets = new Set(inside);
  const out: OrgUnit[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of tree.units.values()) {
      if (u.mergedInto && targets.has(u.mergedInto) && !targets.has(u.code)) {
        targets.add(u.code);
        if (!inside.has(u.code)) out.push(u);
        grew = true;
      }
    }
  }
  return out;
}

/** True when making `parent` the parent of `code` would put a unit under itself. */
export function wouldCycle(tree: OrgTree, code: string, parent: string): boolean {
  return subtree(tree, code).includes(parent);
}
