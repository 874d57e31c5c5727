// `thongke validate`, `complete` and `reopen` on a real SQLite file, including bad rule files
// (syntax error, unknown element, not JSON) that are reported and never stop the checks.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { setValues, type ValueInput } from '../db/values.repo';
import { smallStore, tempDir, type TempDir } from './helpers/fixture';
import { runCli } from './helpers/cli';

let tmp: TempDir;
let db: string;
const now = () => new Date(2024, 5, 10);

function run(...argv: string[]) {
  return runCli(argv, now);
}

function put(entries: [string, string, number, string?][]): void {
  const store = openStore(db);
  try {
    const inputs: ValueInput[] = entries.map(([unit, element, value, comment]) => ({ unit, period: '2024-05', element, value, ...(comment ? { comment } : {}) }));
    setValues(store, inputs, 'lan', 'ui', now());
  } finally {
    store.close();
  }
}

beforeEach(() => {
  tmp = tempDir();
  db = tmp.path('huyen.sqlite');
  smallStore(db).close();
});
afterEach(() => tmp.remove());

interface Report {
  unit: string;
  period: string;
  violations: { rule: string; importance: string; unit: string; left: number; right: number; message: string }[];
  outliers: unknown[];
  completeness: { expected: number; filled: number; byUnit: { unit: string }[]; byProgramme: unknown[] };
}

describe('thongke validate', () => {
  it('reports a parts slip as JSON and exits 1 while a high-importance problem remains', async () => {
    put([['C1', 'FP_BIRTHS', 258], ['C1', 'FP_BIRTHS_BOYS', 140], ['C1', 'FP_BIRTHS_GIRLS', 108], ['C1', 'RH_LIVE_BIRTHS', 258]]);
    const r = await run('validate', db, '--unit', 'D', '--period', '2024-05', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    expect(report).toMatchObject({ unit: 'D', period: '2024-05' });
    expect(report.violations.map((v) => [v.unit, v.rule, v.importance, v.left, v.right])).toEqual([
      ['D', 'PARTS_FP_BIRTHS', 'high', 258, 248],
      ['C1', 'PARTS_FP_BIRTHS', 'high', 258, 248],
    ]);
    expect(report.violations[0]!.message).toBe('Các thành phần của "Tổng số trẻ sinh" cộng lại được 248, khác tổng đã báo cáo 258 (chênh lệch 10).');
    expect(report.completeness.byUnit.map((u) => u.unit)).toEqual(['D', 'C1', 'C2', 'C3']);
    expect(report.completeness.filled).toBe(4);
  });

  it('exits 0 on a consistent month and prints a readable summary', async () => {
    put([['C1', 'FP_BIRTHS', 258], ['C1', 'FP_BIRTHS_BOYS', 140], ['C1', 'FP_BIRTHS_GIRLS', 118]]);
    const r = await run('validate', db, '--unit', 'C1', '--period', '2024-05');
    expect(r.code).toBe(0);
    // Units by name; the code only in parentheses.
    expect(r.out).toContain('Kiểm tra số liệu Xã Một tháng 5/2024: 0 lỗi quan trọng');
    expect(r.out).toContain('Xã Một (C1): 3/');
    const en = await run('validate', db, '--unit', 'C1', '--period', '2024-05', '--lang', 'en');
    expect(en.out).toContain('Checks of Xã Một for May 2024: 0 high');
  });

  it('names the unit of each problem by its name, the code and rule id after it', async () => {
    put([['C1', 'FP_BIRTHS', 258], ['C1', 'FP_BIRTHS_BOYS', 140], ['C1', 'FP_BIRTHS_GIRLS', 108], ['C1', 'RH_LIVE_BIRTHS', 258]]);
    const r = await run('validate', db, '--unit', 'D', '--period', '2024-05');
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('(C1, quy tắc PARTS_FP_BIRTHS)'));
    expect(line).toBe('[quan trọng] Xã Một: Các thành phần của "Tổng số trẻ sinh" cộng lại được 248, khác tổng đã báo cáo 258 (chênh lệch 10). (C1, quy tắc PARTS_FP_BIRTHS)');
  });

  it('reports bad rule files with the rule id and position, and still checks with the good rules', async () => {
    put([['C1', 'AIDS_LIVING', 70], ['C1', 'HIV_LIVING', 60]]);
    const rules = tmp.path('tinh.json');
    writeFileSync(rules, JSON.stringify({
      rules: [
        { id: 'SYNTAX', left: 'HIV_LIVING * (2', op: '<=', right: 'POP_TOTAL', importance: 'high', messageVi: 'x', messageEn: 'x' },
        { id: 'UNKNOWN', left: 'HIV_LIVNG', op: '<=', right: 'POP_TOTAL', importance: 'high', messageVi: 'x', messageEn: 'x' },
        { id: 'HALF', left: 'AIDS_LIVING / (HIV_LIVING - 60)', op: '<=', right: '1', importance: 'high', messageVi: 'x', messageEn: 'x' },
      ],
    }));
    const broken = tmp.path('hong.json');
    writeFileSync(broken, '{ "rules": [ { "id": "X", ');
    const r = await run('validate', db, '--unit', 'C1', '--period', '2024-05', '--json', '--rules', rules, '--rules', broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Quy tắc kiểm tra SYNTAX trong tinh.json bị bỏ qua: vế trái ("HIV_LIVING * (2") kết thúc đột ngột ở ký tự thứ 16');
    expect(r.err).toContain('Quy tắc kiểm tra UNKNOWN trong tinh.json bị bỏ qua: ký tự thứ 1 của vế trái ("HIV_LIVNG"): không có chỉ tiêu mã "HIV_LIVNG"');
    expect(r.err).toContain('hong.json');
    expect(r.err).toContain('không phải JSON hợp lệ');
    const report = JSON.parse(r.out) as Report & { notes: { rule: string; reason: string }[] };
    expect(report.violations.map((v) => v.rule)).toEqual(['AIDS_LE_HIV_LIVING']);
    expect(report.notes).toMatchObject([{ rule: 'HALF', reason: 'divisionByZero' }]);
  });

  it('refuses bad input with exit codes 1 (data) and 2 (usage)', async () => {
    expect((await run('validate', db, '--unit', 'D', '--period', '2024-13')).code).toBe(1);
    const unknown = await run('validate', db, '--unit', 'XX', '--period', '2024-05');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Không có đơn vị mã "XX"');
    expect((await run('validate', db, '--period', '2024-05')).code).toBe(2);
    expect((await run('validate', db, '--unit', 'D', '--period', '2024-05', '--rules', tmp.path('nope.json'))).code).toBe(1);
  });
});

describe('thongke complete / reopen', () => {
  it('refuses while a high-importance problem has no comment, lists it, then completes', async () => {
    put([['C2', 'CUR_VISITS', 100], ['C2', 'CUR_VISITS_BHYT', 120]]);
    const refused = await run('complete', db, '--unit', 'D', '--period', '2024-05');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Chưa thể đánh dấu tháng 5/2024 của Huyện mẫu là hoàn thành: còn 2 lỗi quan trọng');
    expect(refused.out).toMatch(/\[quan trọng\] Xã Hai: .*\(C2, quy tắc CUR_BHYT_LE_VISITS\)/);
    put([['C2', 'CUR_VISITS_BHYT', 120, 'Trạm gộp cả lượt khám tại điểm tiêm chủng; đã báo huyện.']]);
    const done = await run('complete', db, '--unit', 'D', '--period', '2024-05', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ completed: true, status: { status: 'complete', explainedCount: 2 } });
    const validated = JSON.parse((await run('validate', db, '--unit', 'D', '--period', '2024-05', '--json')).out) as { status: { status: string } };
    expect(validated.status.status).toBe('complete');
    const reopened = await run('reopen', db, '--unit', 'D', '--period', '2024-05');
    expect(reopened).toMatchObject({ code: 0 });
    expect(reopened.out).toContain('Đã mở lại tháng 5/2024 của Huyện mẫu');
  });
});
