// `thongke report` and the report API operations on the fixture district: exit codes, one
// Vietnamese sentence per user error, and the service's bytes for the shell to save.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/api';
import { createService } from '../../service/index';
import { makeFixture } from './fixture';
import { runCli } from '../helpers/cli';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-report-cli-'));
  db = join(dir, 'f.sqlite');
  makeFixture(db).close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  return runCli(argv);
}

describe('thongke report', () => {
  it('writes the HTML report and says so', async () => {
    const file = join(dir, 'r.html');
    const r = await run('report', db, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'html', '--out', file, '--date', '2024-06-10');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('Đã tạo báo cáo');
    expect(readFileSync(file, 'utf8')).toContain('307 trẻ đạt 8,7% kế hoạch');
  });

  it('says on stderr what to check before sending (month not complete, unexplained high violations) and still writes the file', async () => {
    const file = join(dir, 'warn.html');
    const r = await run('report', db, '--unit', 'TH_HH', '--period', '2024-06', '--format', 'html', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã tạo báo cáo');
    expect(r.err).toContain('Tháng 6/2024 của Huyện Hoằng Hóa chưa được đánh dấu hoàn thành');
    expect(r.err).toContain('chép từ báo cáo tháng 5/2024');
    expect(readFileSync(file, 'utf8')).toContain('Dự thảo: nội dung mục này chép từ báo cáo tháng 5/2024');
    // July: a third-child count above the births (a high-importance rule) without an explanation.
    const { openStore } = await import('../../db/store');
    const { setValues } = await import('../../db/values.repo');
    const store = openStore(db);
    try {
      const v = (element: string, value: number) => ({ unit: 'TH_HH_01', period: '2024-07', element, value });
      setValues(store, [v('FP_BIRTHS', 10), v('FP_THIRD_CHILD', 50)], 'test', 'ui', new Date(2024, 7, 2));
    } finally {
      store.close();
    }
    const july = await runCli(['report', db, '--unit', 'TH_HH', '--period', '2024-07', '--format', 'html', '--out', join(dir, 'july.html')], () => new Date(2024, 7, 10));
    expect(july.code).toBe(0);
    expect(july.err).toMatch(/Tháng 7\/2024 của Huyện Hoằng Hóa còn \d+ lỗi nghiêm trọng chưa có giải thích; báo cáo vẫn được tạo/);
    expect(readFileSync(join(dir, 'july.html'), 'utf8')).toContain('con thứ 3');
  });

  it('usage errors exit 2; user errors exit 1 with one Vietnamese sentence', async () => {
    expect((await run('report', db, '--unit', 'TH_HH')).code).toBe(2);
    const bad = [
      ['--period', '2024-13', '--format', 'docx'],
      ['--period', '2024-05', '--format', 'odt'],
      ['--period', '2024-05', '--format', 'docx', '--date', '2024-02-30'],
    ];
    for (const extra of bad) {
      const r = await run('report', db, '--unit', 'TH_HH', ...extra, '--out', join(dir, 'x'));
      expect(r.code).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
    }
    const unknown = await run('report', db, '--unit', 'NOPE', '--period', '2024-05', '--format', 'html', '--out', join(dir, 'x'));
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toContain('NOPE');
  });

  it('without Chromium, PDF fails with a clear message', async () => {
    const saved = process.env.THONGKE_CHROMIUM;
    process.env.THONGKE_CHROMIUM = join(dir, 'no-such-chromium');
    try {
      const r = await run('report', db, '--unit', 'TH_HH', '--period', '2024-05', '--format', 'pdf', '--out', join(dir, 'r.pdf'));
      expect(r.code).toBe(1);
      expect(r.err).toContain('Không tìm thấy trình duyệt Chromium');
    } finally {
      if (saved === undefined) delete process.env.THONGKE_CHROMIUM;
      else process.env.THONGKE_CHROMIUM = saved;
    }
  });
});

describe('report API', () => {
  it('previews as print HTML and exports bytes with a file name', async () => {
    const { openStore } = await import('../../db/store');
    const store = openStore(db);
    try {
      const service = createService({ store, now: () => new Date(2024, 5, 10) });
      const preview = await dispatch(service, 'report.preview', { unit: 'TH_HH', period: '2024-05' }, 'vi');
      // No date given: the 5th of the month after the period, not the clock's today.
      expect(preview.ok && (preview.value as { html: string }).html).toContain('Hoằng Hóa, ngày 05 tháng 6 năm 2024');
      expect(preview.ok && (preview.value as { warnings: string[] }).warnings).toContain('Tháng 5/2024 của Huyện Hoằng Hóa chưa được đánh dấu hoàn thành: số liệu có thể còn thay đổi.');
      const file = await dispatch(service, 'report.export', { unit: 'TH_HH', period: '2024-Q2', format: 'xlsx' }, 'vi');
      expect(file.ok).toBe(true);
      const v = (file as { value: { fileName: string; mime: string; data: Uint8Array } }).value;
      expect(v.fileName).toBe('BaoCao_TH_HH_2024-Q2.xlsx');
      expect(Buffer.from(v.data).subarray(0, 2).toString()).toBe('PK');
      const bad = await dispatch(service, 'report.export', { unit: 'TH_HH', period: '2024-05', format: 'odt' }, 'vi');
      expect(bad.ok).toBe(false);
    } finally {
      store.close();
    }
  });
});
