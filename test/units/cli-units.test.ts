// `thongke units add|rename|move|close|merge|history`, in process and as the built executable
// (run `npm run build:cli` first): exit codes, one Vietnamese sentence on a refusal, the
// database unchanged byte for byte.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallStore, tempDir, type TempDir } from '../helpers/fixture';
import { runCli } from '../helpers/cli';

let tmp: TempDir;
let db: string;
const now = () => new Date('2025-08-05T09:00:00+07:00');
const run = (...argv: string[]) => runCli(argv, now);

beforeEach(() => {
  tmp = tempDir();
  db = tmp.path('huyen.sqlite');
  smallStore(db).close();
});
afterEach(() => tmp.remove());

describe('thongke units … in process', () => {
  it('renames, merges into a new commune and shows the history with who and when', async () => {
    expect(await run('units', 'rename', db, 'C1', '--name', 'Xã Một Mới', '--from', '2025-07', '--user', 'Lan')).toMatchObject({
      code: 0,
      out: 'Đã đổi tên đơn vị C1 thành "Xã Một Mới" từ tháng 7/2025.',
    });
    const merged = await run('units', 'merge', db, 'C1', 'C2', '--into', 'C12', '--name', 'Xã Mười Hai', '--from', '2025-07', '--keep-sites', '--user', 'Lan');
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Đã sáp nhập 2 đơn vị vào "Xã Mười Hai" (mã C12) từ tháng 7/2025');
    expect(merged.out).toContain('Giữ làm điểm trạm: C1_DT, C2_DT.');
    const h = await run('units', 'history', db);
    expect(h.code).toBe(0);
    const lines = h.out.split('\n');
    expect(lines[0]).toMatch(/^2025-08-05 02:00\tC1\tđổi tên\tXã Một → Xã Một Mới\ttừ 7\/2025\tLan$/);
    expect(lines).toContain('2025-08-05 02:00\tC1\tsáp nhập\tXã Một Mới → Xã Mười Hai\ttừ 7/2025\tLan');
    expect(lines.some((l) => l.includes('\tC1_DT\tgiữ làm điểm trạm\tXã Một Mới → Điểm trạm Một Mới\t'))).toBe(true);
    const json = JSON.parse((await run('units', 'history', db, 'C2', '--json')).out) as { change: string; newValue: string }[];
    expect(json).toMatchObject([{ change: 'merge', newValue: 'C12' }]);
    const units = JSON.parse((await run('units', db, '--json')).out) as { code: string; openedFrom?: string }[];
    expect(units.find((u) => u.code === 'C12')).toMatchObject({ openedFrom: '2025-07' });
    const text = (await run('units', db)).out.split('\n');
    expect(text).toContain('C12\tXã\tD\tXã Mười Hai\ttừ tháng 7/2025');
    expect(text).toContain('C1\tXã\tD\tXã Một Mới\tgiải thể hoặc sáp nhập từ tháng 7/2025');
    expect(text).toContain('C1_DT\tCơ sở\tC12\tĐiểm trạm Một Mới\ttừ tháng 7/2025');
  });

  it('adds, moves and closes; usage errors exit 2', async () => {
    expect((await run('units', 'add', db, '--name', 'Điểm trạm Hai', '--level', 'facility', '--parent', 'C2', '--code', 'C2_DT')).code).toBe(0);
    // After the reform a commune answers to the province directly.
    expect((await run('units', 'move', db, 'C3', '--parent', 'P', '--from', '2025-07')).out).toBe('Đã chuyển "Thị trấn Ba" về "Tỉnh mẫu" từ tháng 7/2025.');
    const level = await run('units', 'move', db, 'F1', '--parent', 'C2_DT', '--from', '2025-07');
    expect(level.code).toBe(1);
    expect(level.err).toContain('phải ở cấp thấp hơn đơn vị cấp trên "Điểm trạm Hai"');
    expect((await run('units', 'close', db, 'C2_DT', '--from', '2025-09')).out).toBe('Đã giải thể "Điểm trạm Hai" từ tháng 9/2025; số liệu trước đó được giữ nguyên.');
    expect((await run('units', 'rename', db, 'C1', '--name', 'X')).code).toBe(2);
    expect((await run('units', 'rename', db, 'C1', '--name', 'X', '--from', '2025-13')).code).toBe(2);
    expect((await run('units', 'merge', db, 'C1', '--from', '2025-07')).code).toBe(2);
  });

  it('refuses a merge into itself with one sentence and leaves the file byte for byte', async () => {
    const before = readFileSync(db);
    const r = await run('units', 'merge', db, 'C1', 'C2', '--into', 'C2', '--from', '2025-07');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err.trim()).toBe('Không thể sáp nhập đơn vị "Xã Hai" vào chính nó.');
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('the built thongke executable', () => {
  it('merges from July 2025 and prints the history; a cycle is refused with exit 1', () => {
    const thongke = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['bin/thongke.mjs', ...args], { encoding: 'utf8', env: { ...process.env, THONGKE_LANG: '' } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const m = thongke('units', 'merge', db, 'C1', 'C2', '--into', 'C1', '--from', '2025-07');
    expect(m.code).toBe(1);
    expect(m.err).toContain('Không thể sáp nhập đơn vị "Xã Một" vào chính nó.');
    const ok = thongke('units', 'merge', db, 'C1', '--into', 'C2', '--from', '2025-07', '--user', 'Hương');
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('Đã sáp nhập 1 đơn vị vào "Xã Hai" (mã C2) từ tháng 7/2025');
    const before = readFileSync(db);
    const cycle = thongke('units', 'move', db, 'D', '--parent', 'C3', '--from', '2025-07');
    expect(cycle.code).toBe(1);
    expect(cycle.err.trim()).toBe('Không thể đặt "Huyện mẫu" dưới "Thị trấn Ba": "Thị trấn Ba" là chính nó hoặc nằm trong nó.');
    expect(readFileSync(db).equals(before)).toBe(true);
    const h = thongke('units', 'history', db, 'C1');
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/\tC1\tsáp nhập\tXã Một → Xã Hai\ttừ 7\/2025\tHương\n$/);
    expect(thongke('help').out).toContain('thongke units merge <db> CODE... --into CODE');
  });
});
