// Real bundles for the tests and the bench: the demo district's database, its exports, and
// generated districts (the demo's content under other codes, each signed with its own key).
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleContent, BundleHeader } from '../../core/bundle';
import { createDatabase } from '../../db/create';
import { createDemoDatabase } from '../../db/demo';
import { SCHEMA_VERSION } from '../../db/migrations';
import { setSetting } from '../../db/settings.repo';
import { openStore, type Store } from '../../db/store';
import { addUnits } from '../../db/units.repo';
import { decodeBundle, encodeBundle, keyFromPrivatePem, type BundleKey } from '../../export/bundle/format';
import { createService } from '../../service';
import type { ServiceContext } from '../../service/data';

export const NOW = new Date('2025-01-15T08:00:00+07:00');
// Keyed by the schema version and the demo's code: a cache left by an older checkout is never used.
const demoSources = [join('db', 'demo.ts'), ...readdirSync(join(process.cwd(), 'db', 'demo')).sort().map((f) => join('db', 'demo', f))];
const demoKey = createHash('sha256')
  .update(`${SCHEMA_VERSION}|${demoSources.map((f) => readFileSync(join(process.cwd(), f), 'utf8')).join('|')}`)
  .digest('hex')
  .slice(0, 12);
const demoCache = join(process.cwd(), 'test-output', `bundle-demo-${demoKey}.sqlite`);

/** A fresh copy of the demo district's database at `file` (built once per machine run). */
export function demoDistrict(file: string): void {
  if (!existsSync(demoCache)) {
    mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
    try {
      createDemoDatabase(demoCache);
    } catch (e) {
      // Another test file made it at the same moment.
      if (!existsSync(demoCache)) throw e;
    }
  }
  copyFileSync(demoCache, file);
}

/** An empty province database, as `thongke init --unit TH --name … --level province` makes. */
export function emptyProvince(file: string, code = 'TH', name = 'Tỉnh Thanh Hóa'): void {
  createDatabase(file, (store) => {
    addUnits(store.db, [{ code, name, level: 'province', parent: null }]);
    setSetting(store, 'unit.home', code);
  });
}

export function ctxOf(store: Store, now = NOW): ServiceContext {
  return { store, appVersion: 'test', now: () => now };
}

export function service(store: Store, now = NOW) {
  return createService(ctxOf(store, now));
}

export function openAt(file: string): Store {
  return openStore(file);
}

export function newKey(): BundleKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return keyFromPrivatePem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

/**
 * The same bundle for another district: every code TH_HH… becomes `code`…, the name changes,
 * signed by `key`. Its content is the demo's, so a province can hold many generated districts.
 */
export function renamedBundle(bytes: Uint8Array, code: string, name: string, key: BundleKey): Uint8Array {
  const { header, content } = decodeBundle(bytes);
  const c = (s: string) => (s.startsWith('TH_HH') ? code + s.slice(5) : s);
  const units = header.units.map((u, i) => ({ ...u, code: c(u.code), parent: u.parent === null ? null : c(u.parent), name: i === 0 ? name : u.name }));
  const body = content as BundleContent;
  const months = body.months.map((m) => ({
    ...m,
    values: m.values.map((v) => [c(v[0]), ...v.slice(1)] as typeof v),
    narrative: m.narrative.map((n) => [c(n[0]), ...n.slice(1)] as typeof n),
    statuses: m.statuses.map((s) => [c(s[0]), ...s.slice(1)] as typeof s),
  }));
  const input: Omit<BundleHeader, 'format' | 'key' | 'content'> = {
    app: header.app, unit: c(header.unit), units, history: header.history.map((h) => ({ ...h, unit: c(h.unit) })),
    periods: header.periods, revisions: header.revisions, created: header.created, createdBy: header.createdBy,
  };
  return encodeBundle(input, { months }, key);
}

/** SHA-256 of the database file and its -wal (absent: "-"): equal before and after means untouched. */
export function fileState(dbFile: string): string {
  return [dbFile, `${dbFile}-wal`].map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : '-')).join(' ');
}

/**
 * An independent writer of the frame as the README describes it, for hand-made bundles: any
 * header object, any content bytes (already compressed), signed by any key.
 */
export function frame(header: unknown, compressed: Uint8Array, signer: BundleKey, version = 1): Uint8Array {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(18);
  head.write('TKYTSYNC', 0, 'ascii');
  head.writeUInt16BE(version, 8);
  head.writeUInt32BE(h.length, 10);
  head.writeUInt32BE(compressed.length, 14);
  const body = Buffer.concat([head, h, compressed]);
  return Buffer.concat([body, sign(null, body, signer.privateKey)]);
}

/** A bundle's header and compressed content as found in its bytes. */
export function parts(bytes: Uint8Array): { header: Record<string, unknown>; compressed: Buffer; signature: Buffer } {
  const b = Buffer.from(bytes);
  const h = b.readUInt32BE(10);
  const c = b.readUInt32BE(14);
  return {
    header: JSON.parse(b.subarray(18, 18 + h).toString('utf8')) as Record<string, unknown>,
    compressed: b.subarray(18 + h, 18 + h + c),
    signature: b.subarray(18 + h + c),
  };
}

export function deflate(json: unknown): { compressed: Buffer; sha256: string; bytes: number } {
  const raw = Buffer.from(JSON.stringify(json), 'utf8');
  const compressed = deflateRawSync(raw);
  return { compressed, sha256: createHash('sha256').update(compressed).digest('hex'), bytes: raw.length };
}

/**
 * A commune's own bundle, as a commune station running the app would send it to its district:
 * the district's bundle cut down to the commune `code` (its values, narrative and status), with
 * `change` applied to its values, signed by the commune's `key`.
 */
export function communeBundle(districtBytes: Uint8Array, code: string, key: BundleKey, change: (element: string, value: number | null) => number | null = (_e, v) => v): Uint8Array {
  const { header, content } = decodeBundle(districtBytes);
  const unit = header.units.find((u) => u.code === code);
  if (!unit) throw new Error(`${code} is not in the bundle`);
  const body = content as BundleContent;
  const months = body.months.map((m) => ({
    ...m,
    values: m.values.filter((v) => v[0] === code).map((v) => [v[0], v[1], change(v[1], v[2]), ...v.slice(3)] as typeof v),
    narrative: m.narrative.filter((n) => n[0] === code),
    statuses: m.statuses.filter((s) => s[0] === code),
  }));
  const input: Omit<BundleHeader, 'format' | 'key' | 'content'> = {
    app: header.app, unit: code, units: [unit], history: header.history.filter((h) => h.unit === code),
    periods: header.periods, revisions: header.revisions, created: header.created, createdBy: header.createdBy,
  };
  return encodeBundle(input, { months }, key);
}

/** A demo district and an empty province, real files in a new folder, both open. */
export interface DatabasePair {
  dir: string;
  district: Store;
  province: Store;
}

/** A new pair for a test (`district.sqlite`, `province.sqlite` in a new temporary folder). */
export function freshPair(prefix: string): DatabasePair {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  demoDistrict(join(dir, 'district.sqlite'));
  emptyProvince(join(dir, 'province.sqlite'));
  return { dir, district: openAt(join(dir, 'district.sqlite')), province: openAt(join(dir, 'province.sqlite')) };
}

/** Closes both databases and removes their folder. */
export function dropPair(p: DatabasePair): void {
  p.district.close();
  p.province.close();
  rmSync(p.dir, { recursive: true, force: true });
}
