// A provincial office's database with two received districts, made the way real ones are: the
// demo district exports signed bundles, a second district is the same content under other codes
// (its own key) with more live births and a larger immunization age group, and an empty province
// imports both at set clocks. Hoằng Hóa sends January to May on 10/06/2024 (May on time, the
// rest late); Quảng Xương sends May only, on 20/06/2024 (late); its other months are missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleContent } from '../../core/bundle';
import { decodeBundle, encodeBundle } from '../../export/bundle/format';
import { demoDistrict, emptyProvince, newKey, openAt, renamedBundle, service } from '../bundle/fixtures';

/** Elements of the second district multiplied by three: denominators of two indicators. */
export const TRIPLED = ['RH_LIVE_BIRTHS', 'EPI_CHILDREN_TARGET_GROUP'];

const vn = (local: string) => new Date(`${local}+07:00`);

export async function provinceWithTwoDistricts(file: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'thongke-province-seed-'));
  try {
    const dFile = join(dir, 'district.sqlite');
    demoDistrict(dFile);
    const district = openAt(dFile);
    let hh: { fileName: string; bytes: Uint8Array };
    let may: Uint8Array;
    try {
      hh = await service(district, vn('2024-06-10T09:00:00'))['bundle.export']({ unit: 'TH_HH', from: '2024-01', to: '2024-05' });
      may = (await service(district, vn('2024-06-20T09:00:00'))['bundle.export']({ unit: 'TH_HH', from: '2024-05' })).bytes;
    } finally {
      district.close();
    }
    const key = newKey();
    const { header, content } = decodeBundle(renamedBundle(may, 'TH_QX', 'Huyện Quảng Xương', key));
    const body = content as BundleContent;
    const months = body.months.map((m) => ({ ...m, values: m.values.map((v) => (TRIPLED.includes(v[1]) && typeof v[2] === 'number' ? ([v[0], v[1], v[2] * 3, ...v.slice(3)] as typeof v) : v)) }));
    const { format: _f, key: _k, content: _c, ...rest } = header;
    const qx = encodeBundle(rest, { months }, key);

    emptyProvince(file);
    const province = openAt(file);
    try {
      for (const [name, bytes, at] of [[hh.fileName, hh.bytes, '2024-06-10T10:00:00'], ['TH_QX_2024-05_r1.tkb', qx, '2024-06-20T10:00:00']] as const) {
        const r = (await service(province, vn(at))['bundle.import']({ files: [{ name, bytes }], trust: true })).files[0]!;
        if (r.status !== 'imported') throw new Error(`${name}: ${r.message}`);
      }
    } finally {
      province.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
