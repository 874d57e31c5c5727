// Each unit's own report settings (issue 13): the parent body, the unit's name in the header,
// the document symbol, the place, the recipients and the signer's title and name printed on the
// report of that unit. Stored in the setting `report.units` under the unit's code; a field left
// empty prints the unit level's default (or, for the home unit, the installation's report.*).
// The report screen's form and `thongke report settings` call these two operations.
import { z } from 'zod';
import { unitReportSettings, type UnitReportSettings } from '../settings';
import { area } from './contract';
import { code, periodSpec } from './data';

// The fields' names live in core/unit-setting-fields.ts, free of zod, for the renderer.
export { UNIT_SETTING_FIELDS, UNIT_SETTING_LISTS, type UnitSettingField } from '../unit-setting-fields';

export interface UnitSettingsView {
  unit: string;
  /** The period whose defaults are shown (a commune station's parent body changes from 2025-07). */
  period: string;
  /** What this unit has of its own (fields it has not set are left out). */
  own: UnitReportSettings;
  /** What the report prints for each field when the unit has nothing of its own: the placeholder of the form. */
  defaults: Required<UnitReportSettings>;
}

export interface UnitSettingsResults {
  'report.unitSettings': UnitSettingsView;
  'report.setUnitSettings': UnitSettingsView;
}

export const unitSettingsArgs = area<UnitSettingsResults>()({
  /** The unit's own settings and the defaults they stand over, for `period` (this month when left out). */
  'report.unitSettings': z.object({ unit: code, period: periodSpec.optional() }).strict(),
  /**
   * Changes the fields given, keeps the others; a field given empty ("" or no line) goes back to
   * the default. `replace` sets exactly the fields given (the form sends them all).
   */
  'report.setUnitSettings': z
    .object({ unit: code, values: unitReportSettings, replace: z.boolean().optional(), period: periodSpec.optional() })
    .strict(),
});
