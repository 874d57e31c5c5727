// The words users read for each level of units (issue 13: "levels are data"). The stored level
// stays a stable key (province/district/commune/facility); every text that names a level takes
// the province's own name for it (setting `units.levelNames`) through these i18n parameters:
//   {{commune}} mid-sentence ("xã", "trung tâm Y tế khu vực"), {{Commune}} at a sentence start,
//   {{communes}}/{{Communes}} where English needs a plural (Vietnamese has none), and
//   {{subsite}}/{{subsites}}: a former station kept below the new one — the facility level's name
//   when the province set one, else "điểm trạm" / "sub-site" as before.

// With no setting the defaults are today's words, so nothing changes for such a province.
import type { Lang } from './format';
import { DEFAULT_LEVEL_NAMES, ORG_UNIT_LEVELS, type LevelNames, type OrgUnitLevel } from './orgunit';

const EN_DEFAULT: Readonly<Record<OrgUnitLevel, [string, string]>> = {
  province: ['province', 'provinces'],
  district: ['district', 'districts'],
  commune: ['commune', 'communes'],
  facility: ['facility', 'facilities'],
};

/**
 * A level name as a word inside a sentence: the first letter in lower case ("Xã" → "xã",
 * "Trung tâm Y tế khu vực" → "trung tâm Y tế khu vực"), unless the first word is an acronym
 * ("TTYT khu vực" stays).
 */
export function levelInSentence(name: string): string {
  const n = name.trim().normalize('NFC');
  const first = n.split(/\s+/)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase('vi') && first !== first.toLocaleLowerCase('vi')) return n;
  return n.charAt(0).toLocaleLowerCase('vi') + n.slice(1);
}

/** The same name at the start of a sentence or as a heading: first letter in upper case. */
export function levelAtStart(name: string): string {
  const n = name.trim().normalize('NFC');
  return n.charAt(0).toLocaleUpperCase('vi') + n.slice(1);
}

/**
 * The i18n parameters naming every level in `lang`. In English the province's own (Vietnamese)
 * names are used for the levels it renamed; levels left at their default read in English.
 */
export function levelParams(names: LevelNames | null | undefined, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const level of ORG_UNIT_LEVELS) {
    const name = names?.[level]?.trim() || DEFAULT_LEVEL_NAMES[level];
    let one: string;
    let many: string;
    if (lang === 'en' && name === DEFAULT_LEVEL_NAMES[level]) [one, many] = EN_DEFAULT[level];
    else one = many = levelInSentence(name);
    const cap = level.charAt(0).toUpperCase() + level.slice(1);
    out[level] = one;
    out[cap] = levelAtStart(one);
    const plural = EN_DEFAULT[level][1];
    out[plural] = many;
    out[levelAtStart(plural)] = levelAtStart(many);
  }
  const renamedFacility = (names?.facility?.trim() || DEFAULT_LEVEL_NAMES.facility) !== DEFAULT_LEVEL_NAMES.facility;
  const [site, sites] = renamedFacility ? [out.facility!, out.facilities!] : lang === 'en' ? ['sub-site', 'sub-sites'] : ['điểm trạm', 'điểm trạm'];
  Object.assign(out, { subsite: site, Subsite: levelAtStart(site), subsites: sites, Subsites: levelAtStart(sites) });
  return out;
}

/** A level as users read it inside a sentence (the province's name for it). */
export function levelWord(names: LevelNames | null | undefined, level: OrgUnitLevel, lang: Lang): string {
  return levelParams(names, lang)[level]!;
}

/**
 * The level a user wrote (a key such as "commune", or the province's name for it such as "Xã" or
 * "Trung tâm Y tế khu vực", in any case), or null.
 */
export function parseLevel(text: string, names: LevelNames | null | undefined): OrgUnitLevel | null {
  const t = text.trim().normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  for (const level of ORG_UNIT_LEVELS) {
    if (t === level) return level;
    const name = (names?.[level] ?? DEFAULT_LEVEL_NAMES[level]).trim().normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');
    if (t === name) return level;
  }
  return null;
}

/**
 * The parameters of the levels a province renamed only (none when it set no names). A message
 * thrown as a UserError is translated later, in the reader's language: the levels left at their
 * default then read in that language (core/i18n.ts's defaults), the renamed ones as named.
 */
export function customLevelParams(names: LevelNames | null | undefined): Record<string, string> {
  if (!names) return {};
  const all = levelParams(names, 'vi');
  const out: Record<string, string> = {};
  for (const level of ORG_UNIT_LEVELS) {
    if ((names[level]?.trim() || DEFAULT_LEVEL_NAMES[level]) === DEFAULT_LEVEL_NAMES[level]) continue;
    const cap = level.charAt(0).toUpperCase() + level.slice(1);
    const plural = EN_DEFAULT[level][1];
    for (const k of [level, cap, plural, levelAtStart(plural)]) out[k] = all[k]!;
    if (level === 'facility') for (const k of ['subsite', 'Subsite', 'subsites', 'Subsites']) out[k] = all[k]!;
  }
  return out;
}
