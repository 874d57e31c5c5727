// Random damage to real bundles: at least 10,000 mutants, seeded so a failure can be replayed.
// Each mutant is refused, or reads exactly as the original (then it would import exactly
// what the original would). A sample goes through the whole import into a real database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../core/errors';
import type { Store } from '../../db/store';
import { decodeBundle } from '../../export/bundle/format';
import { demoDistrict, emptyProvince, fileState, openAt, service } from './fixtures';

/** mulberry32: a small seeded generator, enough to pick bytes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let district: Store;
let province: Store;
let bundles: Uint8Array[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-bundle-prop-'));
  demoDistrict(join(dir, 'district.sqlite'));
  emptyProvince(join(dir, 'province.sqlite'));
  district = openAt(join(dir, 'district.sqlite'));
  province = openAt(join(dir, 'province.sqlite'));
  const s = service(district);
  bundles = [(await s['bundle.export']({ unit: 'TH_HH', from: '2024-05' })).bytes, (await s['bundle.export']({ unit: 'TH_HH', from: '2023-11', to: '2024-01' })).bytes];
});
afterAll(() => {
  district.close();
  province.close();
  rmSync(dir, { recursive: true, force: true });
});

function mutate(original: Uint8Array, next: () => number): Buffer {
  const b = Buffer.from(original);
  const n = 1 + Math.floor(next() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(next() * b.length);
    // A random new byte, never the same one (a mutation that changes nothing proves nothing).
    b[i] = (b[i]! + 1 + Math.floor(next() * 255)) & 0xff;
  }
  return b;
}

describe('mutated bundles', () => {
  it('10,000 mutants: each refused with a bundle reason, or read exactly as the original', () => {
    const next = rng(20240510);
    const originals = bundles.map((b) => decodeBundle(b));
    let refusedCount = 0;
    for (let k = 0; k < 10_000; k++) {
      const which = k % bundles.length;
      const m = mutate(bundles[which]!, next);
      try {
        const got = decodeBundle(m);
        expect(got.header, `mutant ${k}`).toEqual(originals[which]!.header);
        expect(got.content, `mutant ${k}`).toEqual(originals[which]!.content);
      } catch (e) {
        if (!isUserError(e)) throw e;
        expect(e.key, `mutant ${k}`).toMatch(/^bundle\.refused\./);
        refusedCount++;
      }
    }
    expect(refusedCount).toBeGreaterThan(9_000);
  });

  it('a sample of mutants through the whole import: refused, the database unchanged', async () => {
    const next = rng(7);
    const s = service(province);
    const file = join(dir, 'province.sqlite');
    for (let k = 0; k < 60; k++) {
      const m = mutate(bundles[k % bundles.length]!, next);
      const before = fileState(file);
      const r = (await s['bundle.import']({ files: [{ name: `m${k}.tkb`, bytes: m }], trust: true })).files[0]!;
      expect(r.status, `mutant ${k}`).toBe('refused');
      expect(fileState(file)).toBe(before);
    }
  });
});
