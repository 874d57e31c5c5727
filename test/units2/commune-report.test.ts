// Issue 13, the commune report's leftovers: a sentence mixing commune and district figures loses
// the district's part in a commune's report; a numbered sub-section whose lines all left is
// dropped and the rest numbered again; the district's report keeps every sub-section. On the
// small fixture district (a real SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { loadReportModel } from '../../export/report/load';
import type { ReportModel } from '../../export/report/model';
import { dropInapplicable } from '../../export/report/template';
import { makeFixture } from '../report/fixture';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-commune-report-'));
  store = makeFixture(join(dir, 'f.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const headings = (m: ReportModel, level: number) => m.body.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
const paras = (m: ReportModel) => m.body.flatMap((b) => (b.kind === 'para' ? [b.text] : []));

describe("a commune's report", () => {
  it('keeps the HIV and AIDS figures and leaves out the Methadone sentence of the district', () => {
    const m = loadReportModel(store, { unit: 'TH_HH_02', period: '2024-05' });
    const hiv = paras(m).find((p) => p.startsWith('- Tổng số bệnh nhân HIV hiện mắc'));
    expect(hiv).toMatch(/^- Tổng số bệnh nhân HIV hiện mắc là \d+ bệnh nhân, số bệnh nhân AIDS hiện mắc là \d+ bệnh nhân\.$/);
    expect(JSON.stringify(m.body)).not.toContain('Methadone');
    // The district's report keeps it.
    const d = loadReportModel(store, { unit: 'TH_HH', period: '2024-05' });
    expect(paras(d).find((p) => p.startsWith('- Tổng số bệnh nhân HIV hiện mắc'))).toMatch(/Số bệnh nhân điều trị Methadone là \d+ bệnh nhân\.$/);
  });

  it('drops the sub-sections whose lines all left (laboratory, sanitation, workers’ health) and numbers the rest 6.1, 6.2, … with no gap', () => {
    const m = loadReportModel(store, { unit: 'TH_HH_02', period: '2024-05' });
    const subs = headings(m, 3).filter((h) => h.startsWith('6.'));
    expect(subs.some((h) => h.includes('Công tác xét nghiệm'))).toBe(false);
    expect(subs.some((h) => h.includes('vệ sinh môi trường'))).toBe(false);
    expect(subs.map((h) => /^6\.(\d+)\./.exec(h)![1])).toEqual(subs.map((_, i) => String(i + 1)));
    expect(subs).toContain('6.4. Về tình hình tai nạn thương tích, ngộ độc thuốc, HCBV thực vật.');
    expect(subs[subs.length - 1]).toMatch(/^6\.\d+\. Công tác khám, chữa bệnh\.$/);
    // Every sub-section left has something under it: the next block is no heading of its level or above.
    m.body.forEach((b, i) => {
      if (b.kind !== 'heading' || b.level !== 3) return;
      const next = m.body[i + 1];
      expect(next !== undefined && !(next.kind === 'heading' && next.level <= 3), b.text).toBe(true);
    });
    // "8.1" … under "8." keep their numbers; the other parts keep theirs.
    expect(headings(m, 3).filter((h) => h.startsWith('8.'))).toHaveLength(3);
    expect(headings(m, 2)).toContain('7. Công tác tổ chức cán bộ.');
  });

  it("the district's report keeps the template's numbering", () => {
    const d = loadReportModel(store, { unit: 'TH_HH', period: '2024-05' });
    expect(headings(d, 3)).toContain('6.13. Công tác xét nghiệm:');
    expect(headings(d, 3)).toContain('6.14. Công tác khám, chữa bệnh.');
  });
});

describe('dropInapplicable', () => {
  const district = (c: string) => c.startsWith('D_');
  const commune = (c: string) => !district(c);
  it('leaves out the parts with only figures entered nowhere here, keeping the dash and the full stop', () => {
    expect(dropInapplicable('- A là [{C_A} ca]. B là [{D_B} ca].', undefined, commune)).toBe('- A là [{C_A} ca].');
    expect(dropInapplicable('- A là {C_A}; B là {D_B}; C là {C_C}.', undefined, commune)).toBe('- A là {C_A}; C là {C_C}.');
    expect(dropInapplicable('A là {C_A}; B là {D_B}.', undefined, commune)).toBe('A là {C_A}.');
    expect(dropInapplicable('Tính đến {period.endDate}. A là {D_A}.', undefined, commune)).toBe('');
    expect(dropInapplicable('A là {C_A} [đạt {D_PCT}].', undefined, commune)).toBe('A là {C_A} [đạt {D_PCT}].');
    const same = '- A là {C_A}. B là {D_B}.';
    expect(dropInapplicable(same, undefined, () => true)).toBe(same);
  });
});
