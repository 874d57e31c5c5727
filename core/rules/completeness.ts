// Completeness: of the values a unit is expected to enter for a month, how many are filled.
// A 0 entered is filled (a real "no cases"); an empty or cleared cell is not. Derived
// elements are computed, so never expected.
import type { Catalogue, CatalogueElement } from '../catalogue';
import { takesEntry } from '../catalogue-kinds';
import { isActiveIn, subtree, type OrgTree, type OrgUnit } from '../orgunit';

export interface CompletenessCount {
  expected: number;
  filled: number;
  /** filled / expected × 100; null when nothing is expected. */
  pct: number | null;
}

export interface ProgrammeCompleteness extends CompletenessCount {
  programme: string;
  nameVi: string;
  nameEn: string;
}

export interface UnitCompleteness extends CompletenessCount {
  unit: string;
  name: string;
  level: OrgUnit['level'];
  /** Expected elements left empty, in catalogue order. */
  missing: string[];
}

export interface Completeness extends CompletenessCount {
  byProgramme: ProgrammeCompleteness[];
  byUnit: UnitCompleteness[];
}

function count(expected: number, filled: number): CompletenessCount {
  return { expected, filled, pct: expected === 0 ? null : (filled / expected) * 100 };
}

/** The elements a unit at this level enters: commune ones on communes, district ones on the district. */
export function expectedElements(catalogue: Catalogue, level: OrgUnit['level']): CatalogueElement[] {
  // Facilities enter district elements too, but a district's completeness counts its own.
  if (level !== 'commune' && level !== 'district') return [];
  return catalogue.elements.filter((e) => takesEntry(e, level));
}

/**
 * Completeness of `root` and the units below it for `period`. `isFilled(unit, element)` says
 * whether the unit's own value for the month is filled. A district's own elements count as
 * filled when the district or one of its facilities (the methadone clinic, say) entered them.
 */
export function completeness(
  catalogue: Catalogue,
  tree: OrgTree,
  root: string,
  period: string,
  isFilled: (unit: string, element: string) => boolean,
): Completeness {
  const byProgramme = new Map<string, { expected: number; filled: number }>();
  for (const p of catalogue.programmes) byProgramme.set(p.code, { expected: 0, filled: 0 });
  const byUnit: UnitCompleteness[] = [];
  for (const code of subtree(tree, root)) {
    const unit = tree.units.get(code)!;
    if (!isActiveIn(unit, period)) continue;
    const expected = expectedElements(catalogue, unit.level);
    if (expected.length === 0) continue;
    const facilities = (tree.children.get(code) ?? []).filter((k) => tree.units.get(k)?.level === 'facility');
    let filled = 0;
    const missing: string[] = [];
    for (const e of expected) {
      const ok = isFilled(code, e.code) || facilities.some((f) => isFilled(f, e.code));
      const p = byProgramme.get(e.programme)!;
      p.expected++;
      if (ok) {
        filled++;
        p.filled++;
      } else missing.push(e.code);
    }
    byUnit.push({ unit: code, name: unit.name, level: unit.level, ...count(expected.length, filled), missing });
  }
  const programmes = catalogue.programmes
    .map((p) => ({ programme: p.code, nameVi: p.nameVi, nameEn: p.nameEn, ...count(byProgramme.get(p.code)!.expected, byProgramme.get(p.code)!.filled) }))
    .filter((p) => p.expected > 0);
  const expected = byUnit.reduce((a, u) => a + u.expected, 0);
  const filled = byUnit.reduce((a, u) => a + u.filled, 0);
  return { ...count(expected, filled), byProgramme: programmes, byUnit };
}
