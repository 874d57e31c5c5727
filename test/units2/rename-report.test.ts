// Issue 13: a renamed unit prints the name it had in the period reported — the report's header,
// title, place and body, the district report's appendix rows of its communes — on the small
// fixture district (a real SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { moveUnit, renameUnit } from '../../db/unit-changes.repo';
import { loadReportModel } from '../../export/report/load';
import { makeFixture } from '../report/fixture';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-rename-report-'));
  store = makeFixture(join(dir, 'f.sqlite'));
  renameUnit(store, 'TH_HH_02', 'Xã Hoằng Giang Mới', '2025-07', { user: 'Lê Thị Hương', now: new Date('2025-07-02T08:00:00Z') });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const rowNames = (m: ReturnType<typeof loadReportModel>) => m.appendix.communes.flatMap((g) => g.rows.map((r) => r.name));

describe('a unit renamed from July 2025', () => {
  it('prints its old name in a May 2025 report and its new one in an August 2025 report', () => {
    const may = loadReportModel(store, { unit: 'TH_HH_02', period: '2025-05' });
    expect(may.header.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
    expect(may.header.placeDate).toMatch(/^Hoằng Giang, ngày/);
    expect(may.title.join(' ')).toContain('CỦA TRẠM Y TẾ XÃ HOẰNG GIANG');
    expect(JSON.stringify(may)).not.toContain('Mới');

    const aug = loadReportModel(store, { unit: 'TH_HH_02', period: '2025-08' });
    expect(aug.header.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG MỚI');
    expect(aug.header.placeDate).toMatch(/^Hoằng Giang Mới, ngày/);
    expect(aug.title.join(' ')).toContain('CỦA TRẠM Y TẾ XÃ HOẰNG GIANG MỚI');
  });

  it('a quarter ending before the rename keeps the old name; one ending after it has the new', () => {
    expect(loadReportModel(store, { unit: 'TH_HH_02', period: '2025-Q2' }).header.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG');
    expect(loadReportModel(store, { unit: 'TH_HH_02', period: '2025-Q3' }).header.unitName).toBe('TRẠM Y TẾ XÃ HOẰNG GIANG MỚI');
  });

  it("names the commune's row in the district's appendix as it was called in the period", () => {
    const may = rowNames(loadReportModel(store, { unit: 'TH_HH', period: '2025-05' }));
    expect(may).toContain('Xã Hoằng Giang');
    expect(may).not.toContain('Xã Hoằng Giang Mới');
    const aug = rowNames(loadReportModel(store, { unit: 'TH_HH', period: '2025-08' }));
    expect(aug).toContain('Xã Hoằng Giang Mới');
  });

  it("lists a commune moved away later under its old parent in an old period's appendix, and under its new one after", () => {
    moveUnit(store, 'TH_HH_03', 'TH', '2025-07', { user: 'Lê Thị Hương', now: new Date('2025-07-02T08:00:00Z') });
    const codes = (period: string, unit = 'TH_HH') => loadReportModel(store, { unit, period }).appendix.communes.flatMap((g) => g.rows.map((r) => r.code));
    expect(codes('2025-05')).toContain('TH_HH_03');
    expect(codes('2025-08')).not.toContain('TH_HH_03');
    expect(codes('2025-08', 'TH')).toContain('TH_HH_03');
  });
});
