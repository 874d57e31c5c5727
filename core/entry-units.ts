// Which units the entry grid shows in a month: shared by the renderer (its rows) and the host's
// session.open, which loads those units' values before the window's script has even run.
import type { CatalogueElement } from './catalogue';
import { isActiveIn, type OrgUnit } from './orgunit';

/**
 * Rows of the grid: the home district's communes active in the month and, when the programme
 * has district-level elements, the district itself and its facilities after them. A programme
 * entered at district level only (communication, sanitation, laboratory, staffing) shows just
 * the rows that take values, not the communes' grey rows.
 */
export function entryUnits(units: readonly OrgUnit[], home: string, month: string, elements: readonly Pick<CatalogueElement, 'entryLevel'>[]): OrgUnit[] {
  const below = units.filter((u) => u.parent === home && isActiveIn(u, month));
  const communes = elements.some((e) => e.entryLevel === 'commune') ? below.filter((u) => u.level === 'commune') : [];
  if (!elements.some((e) => e.entryLevel === 'district')) return communes;
  const district = units.find((u) => u.code === home);
  return [...communes, ...(district ? [district] : []), ...below.filter((u) => u.level === 'facility')];
}

const BOTH_LEVELS: readonly Pick<CatalogueElement, 'entryLevel'>[] = [{ entryLevel: 'commune' }, { entryLevel: 'district' }];

/** Every unit the month's grid may show, whatever the programme: what the entry store loads. */
export function monthUnitCodes(units: readonly OrgUnit[], home: string, month: string): string[] {
  return entryUnits(units, home, month, BOTH_LEVELS).map((u) => u.code);
}
