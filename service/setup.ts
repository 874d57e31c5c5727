// The first run's "set up my unit": a new database with the province, the district and its
// communes (pasted as a list), the user and the director who signs the report. Written to a
// temporary file and renamed into place, so an interrupted setup leaves no half database.
import { renameSync } from 'node:fs';
import { CODE_MAX, type Args } from '../core/api';
import { addUnits, type NewUnit } from '../db/units.repo';
import { setSettings } from '../db/settings.repo';
import { removeDatabaseFiles } from '../db/backup';
import { openStore } from '../db/store';
import { UserError } from '../core/errors';
import { cleanCommuneNames, codeFromName } from '../core/unit-names';

type CreateUnitArgs = Args<'setup.createUnit'>;

// Codes are made from the names, and must be codes the API takes (CODE_MAX characters), unique,
// however long the names (up to 120 characters each). The province and the district part get
// 20 characters each, so a commune code keeps at least 22 of its own.
const PART_MAX = 20;

/** Cuts a code to `max` characters without leaving a trailing "_". */
function cut(code: string, max: number): string {
  return code.slice(0, max).replace(/_+$/, '');
}

export { codeFromName };

const DISTRICT_PREFIX = /^(huyện|thị xã|thành phố|quận|tp\.?)\s+/i;
const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s+/i;
const COMMUNE_PREFIX = /^(xã|phường|thị trấn)\s+/i;

/** Codes for the communes under `district`: each within CODE_MAX, none the same ("…_2", "…_3" when names collide). */
export function communeCodes(district: string, names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = `${district}_${codeFromName(n.replace(COMMUNE_PREFIX, ''), CODE_MAX)}`;
    let code = cut(base, CODE_MAX);
    for (let i = 2; used.has(code); i++) code = `${cut(base, CODE_MAX - String(i).length - 1)}_${i}`;
    used.add(code);
    return code;
  });
}

/** The province's and the district's codes: "THANH_HOA", "THANH_HOA_HOANG_HOA". */
export function unitCodes(province: string, unitName: string): { province: string; district: string } {
  const p = codeFromName(province.replace(PROVINCE_PREFIX, ''), PART_MAX);
  return { province: p, district: `${p}_${codeFromName(unitName.replace(DISTRICT_PREFIX, ''), PART_MAX)}` };
}

/** Creates the unit's database at `file`; returns the district's code. */
export function createUnitDatabase(file: string, a: CreateUnitArgs, now: Date): string {
  const tmp = `${file}.setup`;
  removeDatabaseFiles(tmp);
  const { province: provinceCode, district: districtCode } = unitCodes(a.province, a.unitName);
  // A header row ("STT", "Tên xã") or "1." numbering that reached here is never a unit.
  const communes = cleanCommuneNames(a.communes);
  if (communes.length === 0) throw new UserError('units.noCommunes', {});
  const units: NewUnit[] = [
    { code: provinceCode, name: a.province, level: 'province', parent: null },
    { code: districtCode, name: a.unitName, level: 'district', parent: provinceCode },
    ...communeCodes(districtCode, communes).map((code, i): NewUnit => ({
      code,
      name: communes[i]!,
      level: 'commune',
      parent: districtCode,
      sort: i + 2,
    })),
  ];
  const store = openStore(tmp, { create: true });
  try {
    addUnits(store.db, units, now.toISOString());
    setSettings(store, {
      'unit.home': districtCode,
      'user.name': a.userName,
      'report.signerName': a.directorName,
      'report.signerTitle': [a.directorTitle.toLocaleUpperCase('vi')],
      'report.parentBody': `SỞ Y TẾ ${a.province.replace(PROVINCE_PREFIX, '').toLocaleUpperCase('vi')}`,
      'report.unitName': `TRUNG TÂM Y TẾ ${a.unitName.toLocaleUpperCase('vi')}`,
      'report.unitShort': 'TTYT',
      'report.place': a.unitName.replace(DISTRICT_PREFIX, ''),
    });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  renameSync(tmp, file);
  return districtCode;
}

type CreateParentArgs = Args<'setup.createParent'>;

/**
 * Creates a receiving office's database at `file` (a provincial Department of Health): one
 * unit, the province, and no units below it yet: they arrive with their first bundles. Its code
 * is the one the districts name as their parent (made from the name as `setup.createUnit`
 * makes the province's code, unless given). Returns the code.
 */
export function createParentDatabase(file: string, a: CreateParentArgs, now: Date): string {
  const tmp = `${file}.setup`;
  removeDatabaseFiles(tmp);
  const bare = a.unitName.replace(/^(sở y tế)\s+/i, '').replace(PROVINCE_PREFIX, '');
  const unit = a.code ?? codeFromName(bare, PART_MAX);
  const store = openStore(tmp, { create: true });
  try {
    addUnits(store.db, [{ code: unit, name: a.unitName, level: 'province', parent: null }], now.toISOString());
    setSettings(store, {
      'unit.home': unit,
      'user.name': a.userName,
      'report.unitName': `SỞ Y TẾ ${bare.toLocaleUpperCase('vi')}`,
      'report.unitShort': 'SYT',
      'report.place': bare,
    });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  renameSync(tmp, file);
  return unit;
}
