// Units as users change them (issue 13): add, rename, move, close and merge from a month, the
// history of those changes, a unit's name in a period and the names of the levels. The app's
// units screen, the CLI (`thongke units …`) and a CSV import of bulk changes call these same
// operations; each one checks everything before it writes, in one transaction.
import { z } from 'zod';
import { ORG_UNIT_LEVELS, type LevelNames, type OrgUnit, type UnitChange } from '../orgunit';
import { area } from './contract';
import { code, month, periodSpec } from './data';

const name = z.string().trim().min(1).max(200);

export interface MergeView {
  into: OrgUnit;
  created: boolean;
  merged: string[];
  moved: string[];
  sites: string[];
}

export interface UnitsResults {
  'units.add': OrgUnit;
  'units.rename': OrgUnit;
  'units.move': OrgUnit;
  'units.close': OrgUnit;
  'units.merge': MergeView;
  'units.history': UnitChange[];
  'units.nameIn': { unit: string; period: string; name: string };
  'units.levelNames': LevelNames;
}

export const unitsArgs = area<UnitsResults>()({
  /** A new unit below `parent` (a province has none); its code is made from the name when left out. */
  'units.add': z
    .object({ code: code.optional(), name, level: z.enum(ORG_UNIT_LEVELS), parent: code.nullable(), from: month.optional() })
    .strict(),
  /** The unit's name from month `from`; earlier periods keep the old name (`units.nameIn`). */
  'units.rename': z.object({ unit: code, name, from: month }).strict(),
  /** Under another parent from `from`. */
  'units.move': z.object({ unit: code, parent: code, from: month }).strict(),
  /** Stops reporting from `from`; refused while it holds values from that month on. */
  'units.close': z.object({ unit: code, from: month }).strict(),
  /**
   * Several units into an existing unit `into`, or into a new one (`into` is then its code, and
   * `name` its name) from `from`; `keepSites` keeps each former station as a "điểm trạm" below it.
   */
  'units.merge': z
    .object({
      units: z.array(code).min(1).max(100),
      into: code,
      name: name.optional(),
      parent: code.optional(),
      from: month,
      keepSites: z.boolean().optional(),
    })
    .strict(),
  /** Every change, oldest first: of one unit, or of all. */
  'units.history': z.object({ unit: code.optional() }).strict(),
  'units.nameIn': z.object({ unit: code, period: periodSpec }).strict(),
  /** What each level is called here (setting `units.levelNames`, or the defaults). */
  'units.levelNames': z.object({}).strict(),
});
