// A quarter's, 6/9-month's or year's own narrative (issue 13): written through narrative.set with
// the period (2024-Q2), read back as that period's own, printed in the quarter's report, and never
// carried into a month (nor a month's text into the quarter). On the demo district's SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope, type NarrativeSection } from '../../core/api';
import { openStore, type Store } from '../../db/store';
import { loadReportModel } from '../../export/report/load';
import { createService } from '../../service';
import { demoDistrict } from '../bundle/fixtures';
import { tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  demoDistrict(tmp.path('demo.sqlite'));
  store = openStore(tmp.path('demo.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const call = <T>(op: string, args: unknown) =>
  dispatch(createService({ store, now: () => new Date('2024-07-08T09:00:00+07:00'), user: 'Lan' }), op, args, 'vi') as Promise<Envelope<T>>;
async function ok<T>(op: string, args: unknown): Promise<T> {
  const r = await call<T>(op, args);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value;
}
const section = (list: NarrativeSection[], id: string) => list.find((s) => s.section === id);

describe("a period's own narrative", () => {
  it('is stored for 2024-Q2, read as its own, printed in the quarter report, and never carried into a month', async () => {
    const june = section(await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2024-06' }), 'II.1');
    expect(june?.body).toBeTruthy();
    await ok('narrative.set', { unit: 'TH_HH', period: '2024-Q2', section: 'II.1', body: 'Quý II: chỉ đạo tiêm chủng bổ sung.' });

    const q2 = await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2024-Q2' });
    expect(q2).toEqual([{ section: 'II.1', body: 'Quý II: chỉ đạo tiêm chủng bổ sung.', fromPeriod: '2024-Q2', revision: 1 }]);
    // Another period of the year has nothing of its own.
    expect(await ok('narrative.get', { unit: 'TH_HH', period: '2024-H1' })).toEqual([]);

    // July carries June's text over, not the quarter's ("2024-Q2" sorts after "2024-06").
    const july = section(await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2024-07' }), 'II.1');
    expect(july?.body).toBe(june?.body);
    expect(july?.fromPeriod).not.toBe('2024-Q2');

    const m = loadReportModel(store, { unit: 'TH_HH', period: '2024-Q2' });
    const text = m.body.flatMap((b) => (b.kind === 'para' ? [b.text] : []));
    expect(text).toContain('Quý II: chỉ đạo tiêm chủng bổ sung.');
    expect(m.carried).toEqual([]);
    const july2 = loadReportModel(store, { unit: 'TH_HH', period: '2024-07' });
    expect(JSON.stringify(july2.body)).not.toContain('Quý II: chỉ đạo');
  });

  it("a new year's first month carries December's text, not the last quarter's or the year's", async () => {
    const december = section(await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2024-12' }), 'II.1');
    expect(december?.body).toBeTruthy();
    await ok('narrative.set', { unit: 'TH_HH', period: '2024-Q4', section: 'II.1', body: 'Quý IV.' });
    await ok('narrative.set', { unit: 'TH_HH', period: '2024', section: 'II.1', body: 'Cả năm 2024.' });
    const january = section(await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2025-01' }), 'II.1');
    expect(january).toMatchObject({ body: december!.body, fromPeriod: december!.fromPeriod });
    expect(section(await ok<NarrativeSection[]>('narrative.get', { unit: 'TH_HH', period: '2024' }), 'II.1')?.body).toBe('Cả năm 2024.');
  });

  it('refuses a period that is none', async () => {
    const r = await call('narrative.set', { unit: 'TH_HH', period: '2024-Q5', section: 'II.1', body: 'x' });
    expect(r.ok).toBe(false);
  });
});
