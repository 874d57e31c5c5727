import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, formatFingerprint } from '../../core/bundle';
import { newKey } from '../../test/bundle/fixtures';
import { decodeBundle, encodeBundle, fingerprintOf } from './format';
import { keyFileOf, loadOrCreateKey, readKey } from './key';

const header = {
  app: 't', unit: 'D', units: [{ code: 'D', name: 'Huyện Đông', level: 'district' as const, parent: 'P', closedFrom: null, mergedInto: null }],
  history: [], periods: ['2024-05'], revisions: { '2024-05': 1 }, created: '2024-06-01T00:00:00.000Z', createdBy: 'Lê Thị Hương',
};
const content = {
  months: [{ period: '2024-05', revision: 1, statuses: [], people: ['Lê Thị Hương'], validation: { high: 0, medium: 0, low: 0, unexplainedHigh: 0 },
    values: [['D', 'E', 1.5, 'ghi chú 😀', 2, 0, 't']], narrative: [] }],
};

describe('bundle frame', () => {
  it('round-trips header and content, Vietnamese and astral characters included', () => {
    const key = newKey();
    const bytes = encodeBundle(header, content as never, key);
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('TKYTSYNC');
    expect(Buffer.from(bytes).readUInt16BE(8)).toBe(BUNDLE_FORMAT);
    const got = decodeBundle(bytes);
    expect(got.header).toMatchObject({ ...header, format: 1, key: { publicKey: key.publicKey, fingerprint: key.fingerprint } });
    expect(got.content).toEqual(content);
  });

  it('formats a fingerprint as eight groups of four hex digits, from the raw public key', () => {
    expect(formatFingerprint('00112233445566778899aabbccddeeff00')).toBe('0011 2233 4455 6677 8899 AABB CCDD EEFF');
    const key = newKey();
    expect(fingerprintOf(key.publicKey)).toBe(key.fingerprint);
    expect(newKey().fingerprint).not.toBe(key.fingerprint);
  });
});

describe('key file', () => {
  it('is made once, whole, mode 0600; a damaged one is a clear refusal, never replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thongke-key-'));
    const db = join(dir, 'x.sqlite');
    expect(readKey(db)).toBeNull();
    const k = loadOrCreateKey(db);
    expect(statSync(keyFileOf(db)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(db).fingerprint).toBe(k.fingerprint);
    expect(readdirSync(dir)).toEqual(['x.sqlite.key']);
    writeFileSync(keyFileOf(db), readFileSync(keyFileOf(db), 'utf8').slice(0, 40));
    expect(() => loadOrCreateKey(db)).toThrow(expect.objectContaining({ key: 'bundle.keyDamaged' }));
    rmSync(dir, { recursive: true, force: true });
  });
});
