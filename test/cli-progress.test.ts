// `thongke progress` as a user types it: the demo district's May 2024 with one commune emptied,
// in process with a test clock (7 June 2024 in Hà Nội, five days before the 12th).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import type { EntryProgress } from '../core/api';
import { openStore } from '../db/store';
import { getValues, setValues } from '../db/values.repo';
import { demoDistrict } from './bundle/fixtures';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-progress-cli-'));
  db = join(dir, 'd.sqlite');
  demoDistrict(db);
  const store = openStore(db);
  const own = getValues(store, 'TH_HH_05', '2024-05').filter((v) => v.unit === 'TH_HH_05');
  setValues(store, own.map((v) => ({ unit: v.unit, period: v.period, element: v.element, value: null })), 'test', 'ui', new Date('2024-06-01T00:00:00Z'));
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(now: Date, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), now: () => now });
  return { code, out, err };
}
const vn = (local: string) => new Date(`${local}+07:00`);

describe('thongke progress', () => {
  it('prints the month’s cells, the commune with nothing, and the days left; JSON the same counts', async () => {
    const text = await run(vn('2024-06-07T09:00:00'), 'progress', db, '--period', '2024-05');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^Tình hình tháng 5\/2024 của Huyện Hoằng Hóa: đã nhập [\d.]+\/[\d.]+ ô \(\d+%\); hạn nộp 12\/06\/2024 \(.+\), còn 5 ngày\.$/m);
    expect(text.out).toMatch(/^Xã chưa nhập gì: Xã Hoằng Phú$/m);
    expect(text.out).toMatch(/^ {2}II\.6\.1\. Tiêm chủng mở rộng\t\d+\/\d+$/m);
    expect(text.out).toMatch(/^ {2}TH_HH_05\tXã Hoằng Phú\t0\/70$/m);
    const json = await run(vn('2024-06-14T09:00:00'), 'progress', db, '--period', '2024-05', '--unit', 'TH_HH', '--json');
    expect(json.code, json.err).toBe(0);
    const r = JSON.parse(json.out) as EntryProgress;
    expect(r.deadline).toMatchObject({ date: '2024-06-12', daysLeft: -2 });
    expect(r.units.find((u) => u.unit === 'TH_HH_05')).toMatchObject({ filled: 0, expected: 70 });
    const late = await run(vn('2024-06-14T09:00:00'), 'progress', db, '--period', '2024-05');
    expect(late.out).toMatch(/quá hạn 2 ngày\.$/m);
  });

  it('a bad month or unit is one sentence, exit code 1; a missing --period is usage, exit code 2', async () => {
    const bad = await run(vn('2024-06-07T09:00:00'), 'progress', db, '--period', '2024-13');
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    const unknown = await run(vn('2024-06-07T09:00:00'), 'progress', db, '--period', '2024-05', '--unit', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/NOPE/);
    expect((await run(vn('2024-06-07T09:00:00'), 'progress', db)).code).toBe(2);
  });
});
