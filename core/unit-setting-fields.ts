// The fields of a unit's report settings (core/api/unit-settings.ts), without the schemas: the
// renderer's form imports these, and its bundle stays free of zod.

/** The fields in the order the form and the CLI show them. */
export const UNIT_SETTING_FIELDS = ['parentBody', 'unitName', 'unitShort', 'place', 'recipients', 'signerTitle', 'signerName'] as const;
export type UnitSettingField = (typeof UNIT_SETTING_FIELDS)[number];
/** Fields that hold several lines. */
export const UNIT_SETTING_LISTS: readonly UnitSettingField[] = ['recipients', 'signerTitle'];
