// The first run's "set up my unit": a new database with the province, the district and its
// communes (pasted as a list), the user and the director who signs the report. Written to a
// temporary file and renamed into place, so an interrupted setup leaves no half database.
import { renameSync } from 'node:fs';
import type { Args } from '../core/api';
import { addUnits, type NewUnit } from '../db/units.repo';
import { setSetting } from '../db/settings.repo';
import { removeDatabaseFiles } from '../db/backup';
import { openStore } from '../db/store';

type CreateUnitArgs = Args<'setup.createUnit'>;

/** "Hoằng Hóa" → "HOANG_HOA": a stable ASCII code from a Vietnamese name. */
export function codeFromName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const code = ascii.length > 0 ? ascii : 'DV';
  return /^[A-Z]/.test(code) ? code.slice(0, 40) : `DV_${code}`.slice(0, 40);
}

const DISTRICT_PREFIX = /^(huyện|thị xã|thành phố|quận|tp\.?)\s+/i;
const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s+/i;

function communeCodes(district: string, names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    let code = `${district}_${codeFromName(n.replace(/^(xã|phường|thị trấn)\s+/i, ''))}`;
    for (let i = 2; used.has(code); i++) code = `${district}_${codeFromName(n)}_${i}`;
    used.add(code);
    return code;
  });
}

/** Creates the unit's database at `file`; returns the district's code. */
export function createUnitDatabase(file: string, a: CreateUnitArgs, now: Date): string {
  const tmp = `${file}.setup`;
  removeDatabaseFiles(tmp);
  const provinceCode = codeFromName(a.province.replace(PROVINCE_PREFIX, ''));
  const districtCode = `${provinceCode}_${codeFromName(a.unitName.replace(DISTRICT_PREFIX, ''))}`.slice(0, 60);
  const units: NewUnit[] = [
    { code: provinceCode, name: a.province, level: 'province', parent: null },
    { code: districtCode, name: a.unitName, level: 'district', parent: provinceCode },
    ...communeCodes(districtCode, a.communes).map((code, i): NewUnit => ({
      code,
      name: a.communes[i]!,
      level: 'commune',
      parent: districtCode,
      sort: i + 2,
    })),
  ];
  const store = openStore(tmp, { create: true });
  try {
    addUnits(store.db, units, now.toISOString());
    store.db.transaction(() => {
      const place = a.unitName.replace(DISTRICT_PREFIX, '');
      setSetting(store, 'unit.home', districtCode);
      setSetting(store, 'user.name', a.userName);
      setSetting(store, 'report.signerName', a.directorName);
      setSetting(store, 'report.signerTitle', [a.directorTitle.toLocaleUpperCase('vi')]);
      setSetting(store, 'report.parentBody', `SỞ Y TẾ ${a.province.replace(PROVINCE_PREFIX, '').toLocaleUpperCase('vi')}`);
      setSetting(store, 'report.unitName', `TRUNG TÂM Y TẾ ${a.unitName.toLocaleUpperCase('vi')}`);
      setSetting(store, 'report.unitShort', 'TTYT');
      setSetting(store, 'report.place', place);
    })();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    store.close();
  }
  renameSync(tmp, file);
  return districtCode;
}
