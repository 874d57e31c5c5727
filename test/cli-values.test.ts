// The `thongke` command on a real SQLite file: CSV import/export, plans, figures, and every
// kind of bad input — each with a clear message and the data left exactly as it was.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPlans } from '../db/plans.repo';
import { openStore } from '../db/store';
import { smallStore, snapshot, tempDir, type TempDir } from './helpers/fixture';
import { runCli } from './helpers/cli';

let tmp: TempDir;
let db: string;
const now = () => new Date(2024, 5, 10);

function run(...argv: string[]) {
  return runCli(argv, now);
}

function file(name: string, content: string | Buffer): string {
  const p = tmp.path(name);
  writeFileSync(p, content);
  return p;
}

function dbSnapshot(): string {
  const s = openStore(db);
  try {
    return snapshot(s);
  } finally {
    s.close();
  }
}

beforeEach(() => {
  tmp = tempDir();
  db = tmp.path('huyen.sqlite');
  smallStore(db).close();
});
afterEach(() => tmp.remove());

describe('values import', () => {
  it('imports comma and semicolon files with vi-VN numbers, and exports what it imported', async () => {
    const a = file('a.csv', 'unit,period,element,value,comment\nC1,2024-05,EPI_FULL_U1,12,\nC2,2024-05,EPI_FULL_U1,7,"đã kiểm tra, đúng"\nC1,2024-05,CUR_FEES,49.875.000,\n');
    const r = await run('values', 'import', db, a, '--user', 'Lan');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('Đã nhập 3 giá trị');
    const b = file('b.csv', '\uFEFFunit;period;element;value\r\nD;2024-05;SAN_LATRINE_PCT;92,3\r\n');
    expect((await run('values', 'import', db, b)).code).toBe(0);
    const exported = await run('values', 'export', db, '--period', '2024-05');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('C1,2024-05,CUR_FEES,49875000,');
    expect(exported.out).toContain('D,2024-05,SAN_LATRINE_PCT,92.3,');
    expect(exported.out).toContain('"đã kiểm tra, đúng"');
    // Re-importing the export changes nothing.
    const back = file('back.csv', exported.out);
    const before = dbSnapshot();
    const again = await run('values', 'import', db, back);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 thay đổi');
    expect(dbSnapshot()).toBe(before);
    const json = JSON.parse((await run('values', 'export', db, '--period', '2024-05', '--unit', 'C1', '--json')).out) as unknown[];
    expect(json).toHaveLength(2);
  });

  it('clears a value with an empty cell, and the clearing is audited', async () => {
    await run('values', 'import', db, file('a.csv', 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,12\n'));
    expect((await run('values', 'import', db, file('b.csv', 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,\n'))).code).toBe(0);
    const s = openStore(db);
    const rows = s.db.prepare('SELECT old_value, new_value, source FROM audit ORDER BY revision').all();
    s.close();
    expect(rows).toEqual([
      { old_value: null, new_value: 12, source: 'csv' },
      { old_value: 12, new_value: null, source: 'csv' },
    ]);
  });

  it('rejects the whole file, lists every bad line with its number, and changes nothing', async () => {
    await run('values', 'import', db, file('ok.csv', 'unit,period,element,value\nC1,2024-05,EPI_FULL_U1,12\n'));
    const before = dbSnapshot();
    const bad = file(
      'bad.csv',
      [
        'unit,period,element,value',
        'C2,2024-05,EPI_FULL_U1,5', // good, but the file fails as a whole
        'XX,2024-05,EPI_FULL_U1,5', // unknown unit
        'C1,2024-05,NO_SUCH,5', // unknown element
        'C1,2024-13,EPI_FULL_U1,5', // bad period
        'C1,2024-05,EPI_FULL_U1,mười', // text where a number goes
        'C1,2024-05,EPI_FULL_U1,-3', // negative count
        'C1,2024-05,EPI_FULL_U1,2.5', // decimal in a count
        'C1,2099-01,EPI_FULL_U1,5', // a month in the future
        'D,2024-05,RH_ANC_AVG,1.234', // ambiguous where decimals are allowed
        'C1,2024-05,EPI_FULL_U1,5,extra', // wrong column count
        'C2,2024-05,EPI_FULL_U1,6', // duplicate of line 2
        'C1,2024-05,FP_SEX_RATIO,100', // derived
        'D,2024-05,EPI_FULL_U1,5', // commune element on the district
        'D,2024-05,SAN_LATRINE_PCT,120', // percent over 100
      ].join('\n'),
    );
    const r = await run('values', 'import', db, bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không được nhập');
    for (const line of [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) expect(r.err).toContain(`Dòng ${line}:`);
    expect(r.err).not.toContain('Dòng 2:');
    expect(r.err).toContain('XX');
    expect(r.err).toContain('hai cách');
    expect(r.err).toContain('Chưa đến tháng 1/2099, chưa thể có số liệu.');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(dbSnapshot()).toBe(before);
    const en = await run('values', 'import', db, bad, '--lang', 'en');
    expect(en.err).toContain('was not imported');
    expect(en.err).toContain('Line 3:');
  });

  it('refuses a wrong header, an empty file, a binary file and a missing file', async () => {
    const before = dbSnapshot();
    const cases: [string, string | Buffer, RegExp][] = [
      ['header.csv', 'don_vi,ky,chi_tieu,gia_tri\nC1,2024-05,EPI_FULL_U1,1\n', /tiêu đề/],
      ['empty.csv', '', /trống/],
      ['blank.csv', '\uFEFF\n\n', /trống/],
      ['onlyheader.csv', 'unit,period,element,value\n', /trống/],
      ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), /không phải tệp văn bản CSV/],
      ['latin1.csv', Buffer.from('unit,period,element,value\nC1,2024-05,EPI_FULL_U1,1,\xe9\n', 'latin1'), /CSV UTF-8/],
    ];
    for (const [name, content, message] of cases) {
      const r = await run('values', 'import', db, file(name, content));
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(message);
    }
    const missing = await run('values', 'import', db, tmp.path('nope.csv'));
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('Không tìm thấy tệp');
    expect(dbSnapshot()).toBe(before);
  });
});

describe('plans and figures', () => {
  it('imports plans and reports figures with % of plan, year-to-date and last year', async () => {
    await run('values', 'import', db, file('v.csv', [
      'unit,period,element,value',
      'C1,2024-04,EPI_FULL_U1,100',
      'C1,2024-05,EPI_FULL_U1,150',
      'C2,2024-05,EPI_FULL_U1,157',
      'C1,2023-05,EPI_FULL_U1,120',
      'C1,2024-05,HIV_LIVING,200',
      'C1,2024-04,HIV_LIVING,199',
    ].join('\n')));
    const p = await run('plans', 'import', db, file('p.csv', 'unit;year;element;target;direction\nD;2024;EPI_FULL_U1;3521;>=\nD;2024;RH_U5_DEATHS;5;<\n'));
    expect(p.code).toBe(0);
    const r = await run('figures', db, '--unit', 'D', '--period', '2024-05', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { unit: string; period: string; figures: { element: string; value: number | null; ytd: number | null; plan: number | null; pctOfPlan: number | null; lastYear: number | null; kind: string }[] };
    expect(body).toMatchObject({ unit: 'D', period: '2024-05' });
    const epi = body.figures.find((f) => f.element === 'EPI_FULL_U1')!;
    expect(epi).toMatchObject({ kind: 'flow', value: 307, ytd: 407, plan: 3521, lastYear: 120 });
    expect(epi.pctOfPlan!.toFixed(1)).toBe('8.7');
    expect(body.figures.find((f) => f.element === 'HIV_LIVING')).toMatchObject({ value: 200, ytd: 200 });
    expect(body.figures.find((f) => f.element === 'TB_NEW_ALL')).toMatchObject({ value: null, ytd: null, lastYear: null });
    const q = await run('figures', db, '--unit', 'D', '--period', '2024-Q2', '--json');
    const quarter = JSON.parse(q.out) as typeof body;
    expect(quarter.figures.find((f) => f.element === 'EPI_FULL_U1')?.value).toBe(407);
  });

  it('rejects a bad plans file as a whole', async () => {
    const before = dbSnapshot();
    const r = await run('plans', 'import', db, file('p.csv', 'unit,year,element,target,direction\nD,2024,EPI_FULL_U1,3521,>=\nD,24,EPI_FULL_U1,1,\nD,2024,NOPE,1,\nD,2024,RH_U5_DEATHS,5,~\n'));
    expect(r.code).toBe(1);
    for (const line of [3, 4, 5]) expect(r.err).toContain(`Dòng ${line}:`);
    expect(dbSnapshot()).toBe(before);
  });
});

describe('input rules', () => {
  it('reads 1.234 as 1234 in count and money columns, and refuses it where decimals are allowed', async () => {
    const ok = file('ok.csv', ['unit;period;element;value', 'C1;2024-05;EPI_FULL_U1;1.234', 'C2;2024-05;EPI_FULL_U1;2,345', 'C1;2024-05;CUR_FEES;49.875.000', 'C2;2024-05;CUR_FEES;12\u00a0500\u00a0000', 'D;2024-05;RH_ANC_AVG;4,5'].join('\n'));
    const r = await run('values', 'import', db, ok);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = (await run('values', 'export', db, '--period', '2024-05')).out;
    expect(out).toContain('C1,2024-05,EPI_FULL_U1,1234,');
    expect(out).toContain('C2,2024-05,EPI_FULL_U1,2345,');
    expect(out).toContain('C1,2024-05,CUR_FEES,49875000,');
    expect(out).toContain('C2,2024-05,CUR_FEES,12500000,');
    expect(out).toContain('D,2024-05,RH_ANC_AVG,4.5,');
    const before = dbSnapshot();
    const bad = file('bad.csv', ['unit;period;element;value', 'D;2024-05;RH_ANC_AVG;1.234', 'D;2024-05;SAN_LATRINE_PCT;12,345', 'C3;2024-05;EPI_FULL_U1;1 2', 'C3;2024-05;CUR_FEES;36 00', 'C3;2024-05;EPI_FULL_U1;1.5'].join('\n'));
    const refused = await run('values', 'import', db, bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Dòng 2: Số "1\.234" có thể hiểu theo hai cách/);
    expect(refused.err).toMatch(/Dòng 3: Số "12,345" có thể hiểu theo hai cách/);
    expect(refused.err).toContain('Dòng 4: "1 2" không phải là một số');
    expect(refused.err).toContain('Dòng 5: "36 00" không phải là một số');
    expect(refused.err).toMatch(/Dòng 6: .*số đếm/);
    expect(dbSnapshot()).toBe(before);
  });

  it('refuses month 0000-01 and any year before 2000, in files and on the command line', async () => {
    const before = dbSnapshot();
    const r = await run('values', 'import', db, file('old.csv', 'unit,period,element,value\nC1,0000-01,EPI_FULL_U1,1\nC1,1999-12,EPI_FULL_U1,1\nC1,2000-01,EPI_FULL_U1,1\n'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Dòng 2: Kỳ báo cáo "0000-01" không hợp lệ');
    expect(r.err).toContain('Dòng 3: Kỳ báo cáo "1999-12" không hợp lệ');
    expect(r.err).not.toContain('Dòng 4');
    expect(dbSnapshot()).toBe(before);
    for (const argv of [
      ['values', 'export', db, '--period', '0000-01'],
      ['figures', db, '--unit', 'D', '--period', '0000'],
      ['figures', db, '--unit', 'D', '--period', '1999-Q4'],
      ['validate', db, '--unit', 'D', '--period', '0000-01'],
      ['complete', db, '--unit', 'D', '--period', '0000-01'],
      ['reopen', db, '--unit', 'D', '--period', '1999-01'],
      ['report', db, '--unit', 'D', '--period', '0000-01', '--format', 'html', '--out', tmp.path('r.html')],
    ]) {
      const c = await run(...argv);
      expect(c.code, argv.join(' ')).toBe(1);
      expect(c.err, argv.join(' ')).toMatch(/không hợp lệ.*từ 2000/);
    }
    const plans = await run('plans', 'import', db, file('p.csv', 'unit,year,element,target\nD,0000,EPI_FULL_U1,1\nD,1999,EPI_FULL_U1,1\n'));
    expect(plans.code).toBe(1);
    expect(plans.err).toContain('Dòng 2: Năm "0000" không hợp lệ');
    expect(plans.err).toContain('Dòng 3: Năm "1999" không hợp lệ');
    expect(dbSnapshot()).toBe(before);
  });

  it('numbers the lines of a CR-only file with quoted line breaks as an editor does', async () => {
    const before = dbSnapshot();
    const mac = file('mac.csv', 'unit,period,element,value,comment\rC1,2024-05,EPI_FULL_U1,1,"hai\rdòng"\rC2,2024-05,EPI_FULL_U1,mười,\rC3,2024-05,EPI_FULL_U1,"3",""\rXX,2024-05,EPI_FULL_U1,4,\r');
    const r = await run('values', 'import', db, mac);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Dòng 4: "mười"');
    expect(r.err).toContain('Dòng 6: Không có đơn vị mã "XX"');
    expect(r.err).not.toMatch(/Dòng [2357]:/);
    expect(dbSnapshot()).toBe(before);
  });

  it('does not echo a 10 MB unit code back in full', async () => {
    const huge = 'X'.repeat(10_000_000);
    const before = dbSnapshot();
    const r = await run('values', 'import', db, file('huge.csv', `unit,period,element,value\n${huge},2024-05,EPI_FULL_U1,5\nC1,2024-05,EPI_FULL_U1,${huge}\n`));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Dòng 2: Không có đơn vị mã "XXXX');
    expect(r.err).toContain('Dòng 3: "XXXX');
    expect(r.err.length).toBeLessThan(1000);
    const f = await run('figures', db, '--unit', huge, '--period', '2024-05');
    expect(f.code).toBe(1);
    expect(f.err.length).toBeLessThan(300);
    expect(dbSnapshot()).toBe(before);
  });

  it('holds plan targets to the value rules of their element', async () => {
    const before = dbSnapshot();
    const bad = file(
      'p.csv',
      [
        'unit,year,element,target,direction',
        'D,2024,SAN_LATRINE_PCT,150,>=', // a percentage over 100
        'D,2024,FP_SEX_RATIO,110,<=', // a derived element
        'D,2024,EPI_FULL_U1,"3521,5",>=', // decimals in a count
        'D,2024,EPI_FULL_U1,36 00,>=', // not a thousands group
        'D,2024,CUR_FEES,-5,>=', // negative
        'D,2024,RH_ANC_AVG,1.234,>=', // ambiguous where decimals are allowed
      ].join('\n'),
    );
    const r = await run('plans', 'import', db, bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Dòng 2: .*0–100%/);
    expect(r.err).toMatch(/Dòng 3: .*không đặt kế hoạch/);
    expect(r.err).toMatch(/Dòng 4: .*số đếm/);
    expect(r.err).toContain('Dòng 5: "36 00" không phải là một số');
    expect(r.err).toMatch(/Dòng 6: .*số âm/);
    expect(r.err).toMatch(/Dòng 7: .*hai cách/);
    expect(dbSnapshot()).toBe(before);
    const ok = await run('plans', 'import', db, file('ok.csv', 'unit;year;element;target\nD;2024;EPI_FULL_U1;3.521\nD;2024;CUR_FEES;12 000 000\nD;2024;SAN_LATRINE_PCT;92,5\n'));
    expect(ok.err).toBe('');
    const s = openStore(db);
    try {
      expect(listPlans(s, 'D', 2024).map((p) => [p.element, p.target])).toEqual(
        expect.arrayContaining([['EPI_FULL_U1', 3521], ['CUR_FEES', 12_000_000], ['SAN_LATRINE_PCT', 92.5]]),
      );
    } finally {
      s.close();
    }
  });
});

describe('usage and databases', () => {
  it('answers wrong usage with exit 2 and user errors with exit 1', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('figures', db)).code).toBe(2);
    // node:util's own refusals are English only: ours say what is wrong, in Vietnamese first.
    const bogus = await run('units', db, '--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.err).toContain('Không có tùy chọn "--bogus" cho lệnh này.');
    expect(bogus.err).not.toContain('Unknown option');
    const noValue = await run('figures', db, '--period', '2024-05', '--unit');
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain('Tùy chọn "--unit" cần một giá trị');
    const flagValue = await run('units', db, '--json=1', '--lang', 'en');
    expect(flagValue.code).toBe(2);
    expect(flagValue.err).toContain('The option "--json" takes no value');
    const u = await run('figures', db, '--unit', 'NOPE', '--period', '2024-05');
    expect(u.code).toBe(1);
    expect(u.err).toContain('NOPE');
    const p = await run('figures', db, '--unit', 'D', '--period', '2024-5');
    expect(p.code).toBe(1);
    expect(p.err).toContain('2024-5');
    expect((await run('help')).code).toBe(0);
  });

  it('refuses a file that is not a database, a database of another app, and one from a newer version', async () => {
    const notDb = file('not.sqlite', 'unit,period\n'.repeat(20));
    const r1 = await run('units', notDb);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('không phải cơ sở dữ liệu');

    const Database = (await import('better-sqlite3')).default;
    const foreign = tmp.path('foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE t (x)');
    f.close();
    expect((await run('units', foreign)).err).toContain('không phải của Thống kê Y tế');

    const s = openStore(db);
    s.db.pragma('user_version = 999');
    s.close();
    const before = (() => {
      const raw = new Database(db);
      try {
        return JSON.stringify(raw.prepare('SELECT * FROM org_unit').all());
      } finally {
        raw.close();
      }
    })();
    const r3 = await run('units', db);
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('phiên bản mới hơn');
    const raw = new Database(db);
    expect(raw.pragma('user_version', { simple: true })).toBe(999);
    expect(JSON.stringify(raw.prepare('SELECT * FROM org_unit').all())).toBe(before);
    raw.close();
  });

  it('will not init over an existing database', async () => {
    const r = await run('init', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('đã tồn tại');
  });
});
