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
  return !unit.closedFrom || month < unit.closedFrom;
}
