// Every bad input the issue lists, as real files into a real province database: each is
// refused with a Vietnamese sentence, and the database (with its -wal) is byte for byte as it was.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileSummary } from '../../core/api';
import { MAX_BUNDLE_BYTES, bundleFileName } from '../../core/bundle';
import type { Store } from '../../db/store';
import { decodeBundle } from '../../export/bundle/format';
import { NOW, deflate, demoDistrict, emptyProvince, fileState, frame, newKey, openAt, parts, service } from './fixtures';

let dir: string;
let district: Store;
let province: Store;
let may: Uint8Array;
let april: Uint8Array;
const pFile = () => join(dir, 'province.sqlite');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-bundle-bad-'));
  demoDistrict(join(dir, 'district.sqlite'));
  emptyProvince(pFile());
  district = openAt(join(dir, 'district.sqlite'));
  province = openAt(pFile());
  may = (await service(district)['bundle.export']({ unit: 'TH_HH', from: '2024-05' })).bytes;
  april = (await service(district)['bundle.export']({ unit: 'TH_HH', from: '2024-04' })).bytes;
});
afterAll(() => {
  district.close();
  province.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports one file (trusting its key, so trust is never the reason) and checks nothing changed. */
async function refused(bytes: Uint8Array, opts: { name?: string; size?: number; trust?: boolean } = {}): Promise<ImportFileSummary> {
  const before = fileState(pFile());
  const r = await service(province)['bundle.import']({
    files: [{ name: opts.name ?? 'x.tkb', bytes, ...(opts.size !== undefined ? { size: opts.size } : {}) }],
    trust: opts.trust ?? true,
  });
  const f = r.files[0]!;
  expect(f.status, f.message).toBe('refused');
  expect(f.message).toMatch(/^Không nhận tệp ".*": .* Số liệu hiện có không thay đổi\.$/s);
  expect(fileState(pFile())).toBe(before);
  return f;
}

/** A bundle re-framed with a changed header or content, signed by `key`. */
function resign(bytes: Uint8Array, change: (h: Record<string, unknown>, content: { months: { period: string; values: unknown[][] }[] }) => void, key = newKey()) {
  const { header } = parts(bytes);
  const content = decodeBundle(bytes).content as { months: { period: string; values: unknown[][] }[] };
  change(header, content);
  const d = deflate(content);
  return frame({ ...header, key: { publicKey: key.publicKey, fingerprint: key.fingerprint }, content: { sha256: d.sha256, bytes: d.bytes } }, d.compressed, key);
}

describe('bad bundles are refused and change nothing', () => {
  it('an empty file, and one over the size limit (whole or only its beginning passed)', async () => {
    expect((await refused(new Uint8Array(0))).reason).toBe('bundle.refused.empty');
    expect((await refused(Buffer.alloc(MAX_BUNDLE_BYTES + 1))).reason).toBe('bundle.refused.tooLarge');
    expect((await refused(may, { size: MAX_BUNDLE_BYTES * 4 })).reason).toBe('bundle.refused.tooLarge');
  });

  it('a file cut at any offset', async () => {
    for (let n = 0; n < may.length; n++) {
      expect(() => decodeBundle(may.subarray(0, n)), `cut at ${n}`).toThrow(/^bundle\.refused\./);
    }
    for (let n = 1; n < may.length; n += Math.floor(may.length / 25)) {
      expect((await refused(may.subarray(0, n))).reason).toMatch(/bundle\.refused\.(truncated|notBundle)/);
    }
    // And one with bytes added at its end.
    expect((await refused(Buffer.concat([may, Buffer.from([0])]))).reason).toBe('bundle.refused.damaged');
  });

  it('bytes flipped anywhere', async () => {
    for (let i = 0; i < may.length; i += 7) {
      const b = Buffer.from(may);
      b[i] = b[i]! ^ 0xff;
      expect(() => decodeBundle(b), `byte ${i}`).toThrow(/^bundle\.refused\./);
    }
    for (const i of [0, 9, 12, 16, 30, 400, may.length - 1000, may.length - 10]) {
      const b = Buffer.from(may);
      b[i] = b[i]! ^ 0x01;
      await refused(b);
    }
  });

  it('a changed value under the old signature, a signature by another key, a header moved between bundles', async () => {
    const { signature, header } = parts(may);
    const originalKey = header.key as { publicKey: string; fingerprint: string };
    // The value changed, hash and lengths made consistent, the old signature kept.
    const changed = Buffer.from(
      resign(may, (_h, c) => {
        c.months[0]!.values[0]![2] = 999;
      }),
    );
    const { header: ch, compressed } = parts(changed);
    const d = frame({ ...ch, key: originalKey }, compressed, newKey());
    const withOld = Buffer.concat([Buffer.from(d).subarray(0, d.length - 64), signature]);
    expect((await refused(withOld)).reason).toBe('bundle.refused.signature');
    // The original header and content, signed by another key.
    const other = frame(header, parts(may).compressed, newKey());
    expect((await refused(other)).reason).toBe('bundle.refused.signature');
    // April's header in front of May's content and signature.
    const a = parts(april);
    const moved = Buffer.concat([Buffer.from(frame(a.header, parts(may).compressed, newKey())).subarray(0, -64), signature]);
    expect((await refused(moved)).reason).toBe('bundle.refused.signature');
  });

  it('an unknown format version', async () => {
    const b = Buffer.from(may);
    b.writeUInt16BE(2, 8);
    const r = await refused(b);
    expect(r.reason).toBe('bundle.refused.version');
    expect(r.message).toMatch(/phiên bản 2/);
  });

  it('a unit outside the importer\'s tree, a unit that is its own, a unit already under another', async () => {
    const foreign = resign(may, (h) => {
      (h.units as { parent: string | null }[])[0]!.parent = 'NA';
    });
    expect((await refused(foreign)).reason).toBe('bundle.refused.outside');
    const own = resign(may, (h) => {
      h.unit = 'TH';
      (h.units as { code: string; parent: string | null }[])[0]!.code = 'TH';
      const units = h.units as { code: string; parent: string | null }[];
      for (const u of units.slice(1)) if (u.parent === 'TH_HH') u.parent = 'TH';
    });
    expect((await refused(own)).reason).toBe('bundle.refused.own');
  });

  it('a decompression bomb stops at the declared size; a declared size over the limit is refused unread', async () => {
    const key = newKey();
    const { header } = parts(may);
    const zeros = deflate('0'.repeat(20 * 1024 * 1024));
    const bomb = frame({ ...header, key: { publicKey: key.publicKey, fingerprint: key.fingerprint }, content: { sha256: zeros.sha256, bytes: 100_000 } }, zeros.compressed, key);
    expect(bomb.length).toBeLessThan(100_000);
    expect((await refused(bomb)).reason).toBe('bundle.refused.bomb');
    const huge = frame({ ...header, key: { publicKey: key.publicKey, fingerprint: key.fingerprint }, content: { sha256: zeros.sha256, bytes: 2 ** 40 } }, zeros.compressed, key);
    expect((await refused(huge)).reason).toBe('bundle.refused.damaged');
  });

  it('a CSV, a DOCX, a PDF and random bytes renamed .tkb', async () => {
    const csv = Buffer.from('unit,period,element,value\nTH_HH_01,2024-05,EPI_FULL_U1,12\n');
    expect((await refused(csv, { name: 'thang5.tkb' })).message).toMatch(/không phải gói số liệu.*CSV/);
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect((await refused(docx, { name: 'baocao.tkb' })).message).toMatch(/ZIP, ví dụ Word/);
    expect((await refused(Buffer.from('%PDF-1.7\n...'), { name: 'a.tkb' })).reason).toBe('bundle.refused.notBundle.pdf');
    const random = Buffer.concat([Buffer.from([0, 1, 2]), randomBytes(5000)]);
    expect((await refused(random)).reason).toBe('bundle.refused.notBundle.other');
    // Random bytes behind the right magic and version.
    const behind = Buffer.concat([may.subarray(0, 10), randomBytes(5000)]);
    expect((await refused(behind)).reason).toMatch(/bundle\.refused\.(truncated|damaged)/);
  });

  it('a future period', async () => {
    const later = await service(district, new Date('2025-06-15T08:00:00+07:00'))['bundle.export']({ unit: 'TH_HH', from: '2025-03' });
    const r = await refused(later.bytes);
    expect(r.reason).toBe('bundle.refused.future');
    expect(r.message).toMatch(/tháng 3\/2025/);
    expect(NOW.getFullYear()).toBe(2025);
  });

  it('a content that breaks the schema, but only after trust: an unknown key is refused first', async () => {
    const key = newKey();
    const bad = resign(may, (_h, c) => {
      c.months[0]!.values[0]![2] = -5;
    }, key);
    expect((await refused(bad, { trust: false })).reason).toBe('bundle.refused.untrusted');
    expect((await refused(bad)).reason).toBe('bundle.refused.content');
    const months = resign(may, (_h, c) => {
      c.months[0]!.period = '2024-04';
    }, key);
    expect((await refused(months)).reason).toBe('bundle.refused.damaged');
  });

  it('several refused files at once, after an accepted one left pages in the -wal: nothing moves', async () => {
    expect((await service(province)['bundle.import']({ files: [{ name: 'a.tkb', bytes: april }], trust: true })).files[0]!.status).toBe('imported');
    const before = fileState(pFile());
    const r = await service(province)['bundle.import']({ files: [{ name: 'e.tkb', bytes: new Uint8Array(0) }, { name: 'a.tkb', bytes: april.subarray(0, 100) }], trust: true });
    expect(r.files.map((f) => f.status)).toEqual(['refused', 'refused']);
    expect(fileState(pFile())).toBe(before);
  });

  it('names are labels only: no entries, no paths; a unit code with ../ never reaches a file name', async () => {
    expect(bundleFileName('../../etc/x', ['2024-05'], { '2024-05': 1 })).toBe('______etc_x_2024-05_r1.tkb');
    const r = await service(province)['bundle.import']({ files: [{ name: '../../../etc/passwd', bytes: may }], dryRun: true, trust: true });
    expect(r.files[0]!.status).toBe('dryRun');
    expect(r.files[0]!.file).toBe('../../../etc/passwd');
  });
});
