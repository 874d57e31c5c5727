// Whose report it is: the header, symbol, place, recipients and signer of the unit the report is
// printed for. Each comes from the unit's own settings (report.units[code]), else — for the home
// unit only — the installation's report.* settings, else the defaults of the unit's level in the
// report templates (data, not code). A commune's report never borrows the district's header.
import { levelParams } from '../../core/levels';
import { ORG_UNIT_LEVELS, type OrgUnit } from '../../core/orgunit';
import { readSettings, type Settings, type UnitReportSettings } from '../../core/settings';
import { fillWords, type LevelDefaults, type ReportTemplates } from './template';

export interface UnitReportHeader {
  parentBody: string;
  unitName: string;
  unitShort: string;
  place: string;
  signerTitle: string[];
  signerName: string;
  recipients: string[];
  /** Title lines of this level, when it has its own. */
  title: string[] | null;
  /** {area.*} words of the body ("trong huyện", "trên địa bàn xã") and {level.*}, the levels' names. */
  words: Record<string, string>;
}

export function levelDefaults(t: ReportTemplates, level: string): LevelDefaults {
  const own = t.levels[level];
  if (own && typeof own !== 'string') return own;
  const any = t.levels['*'];
  if (!any || typeof any === 'string') throw new Error('report templates: levels["*"] is missing');
  return any;
}

/** "Xã Hoằng Giang" → kind "xã", short name "Hoằng Giang"; a name with no known kind word is kept whole. */
export function nameParts(name: string, t: ReportTemplates): { kind: string; shortName: string } {
  const kinds = [...t.unitKinds].sort((a, b) => b.length - a.length);
  for (const k of kinds) {
    if (name.toLocaleLowerCase('vi').startsWith(`${k.toLocaleLowerCase('vi')} `)) {
      return { kind: k.toLocaleLowerCase('vi'), shortName: name.slice(k.length).trim() };
    }
  }
  return { kind: '', shortName: name };
}

const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const someLines = (l: readonly string[] | undefined): l is string[] => l !== undefined && l.some((x) => x.trim() !== '');

function homeSettings(s: Settings): UnitReportSettings {
  const out: UnitReportSettings = {};
  if (s['report.parentBody'] !== undefined) out.parentBody = s['report.parentBody'];
  if (s['report.unitName'] !== undefined) out.unitName = s['report.unitName'];
  if (s['report.unitShort'] !== undefined) out.unitShort = s['report.unitShort'];
  if (s['report.place'] !== undefined) out.place = s['report.place'];
  if (s['report.signerTitle'] !== undefined) out.signerTitle = s['report.signerTitle'];
  if (s['report.signerName'] !== undefined) out.signerName = s['report.signerName'];
  if (s['report.recipients'] !== undefined) out.recipients = s['report.recipients'];
  return out;
}

/** The unit's own settings over the home unit's (for the home unit only). Empty values do not count. */
export function ownSettings(rawSettings: Readonly<Record<string, unknown>>, unit: string): UnitReportSettings {
  const s = readSettings(rawSettings);
  const home = s['unit.home'];
  const base = home === unit ? homeSettings(s) : {};
  const own = s['report.units']?.[unit] ?? {};
  const out: UnitReportSettings = { ...base };
  for (const [k, v] of Object.entries(own) as [keyof UnitReportSettings, string | string[]][]) {
    if (typeof v === 'string' ? nonEmpty(v) : someLines(v)) (out as Record<string, string | string[]>)[k] = v;
  }
  return out;
}

export interface HeaderInput {
  templates: ReportTemplates;
  unit: OrgUnit;
  /** The unit's name in the period reported. */
  name: string;
  /** The parent unit's header name (its own unitName setting or default); '' without a parent. */
  parentUnitName: string;
  /** The period's last month, "YYYY-MM". */
  periodEnd: string;
  settings: Readonly<Record<string, unknown>>;
}

export function unitReportHeader(h: HeaderInput): UnitReportHeader {
  const d = levelDefaults(h.templates, h.unit.level);
  const own = ownSettings(h.settings, h.unit.code);
  const { kind, shortName } = nameParts(h.name, h.templates);
  // {level.commune}…: what this province calls each level, in a sentence (setting units.levelNames).
  const lv = levelParams(readSettings(h.settings)['units.levelNames'], 'vi');
  const levelVars = Object.fromEntries(ORG_UNIT_LEVELS.map((l) => [`level.${l}`, lv[l]!]));
  const vars = { name: h.name, shortName, kind: kind || h.name, 'parent.unitName': h.parentUnitName, ...levelVars };
  const fill = (s: string) => fillWords(s, vars).replace(/\s+/g, ' ').trim();
  const parentDefault = d.parentBodyFrom && h.periodEnd >= d.parentBodyFrom.month ? d.parentBodyFrom.text : d.parentBody;
  const words: Record<string, string> = { ...levelVars };
  for (const [k, v] of Object.entries(d.words)) words[`area.${k}`] = fill(v);
  return {
    parentBody: nonEmpty(own.parentBody) ? own.parentBody.trim() : fill(parentDefault),
    unitName: nonEmpty(own.unitName) ? own.unitName.trim() : fill(d.unitName),
    unitShort: nonEmpty(own.unitShort) ? own.unitShort.trim() : fill(d.unitShort),
    place: nonEmpty(own.place) ? own.place.trim() : fill(d.place),
    signerTitle: someLines(own.signerTitle) ? own.signerTitle : d.signerTitle.map(fill),
    signerName: nonEmpty(own.signerName) ? own.signerName.trim() : '',
    recipients: someLines(own.recipients) ? own.recipients : d.recipients.map(fill),
    title: d.title ?? null,
    words,
  };
}
