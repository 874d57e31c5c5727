// The disk fails under a running app: SQLite reports SQLITE_IOERR_* (a real write error: the
// -wal made immutable with chattr +i, so every write() to it fails, even as root) or
// SQLITE_FULL (a real one: the file capped by max_page_count). Every write path — values,
// plans, the narrative, settings, the month's status — answers with a sentence the user can
// act on, in Vietnamese (English second), never "lỗi không mong muốn", and the data stays
// exactly as it was.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope } from '../../core/api';
import { openStore, type Store } from '../../db/store';
import { setValue } from '../../db/values.repo';
import { createService } from '../../service';
import { smallStore, snapshot, tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('thongke-ioerr-');
});
afterEach(() => tmp.remove());

const chattr = (flag: string, f: string) => spawnSync('chattr', [flag, f]).status === 0;

/** One write of each kind the app makes, through the same dispatch as the app's IPC. */
const WRITES: [string, unknown][] = [
  ['values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 77 }],
  ['values.setMany', { entries: [{ unit: 'C2', period: '2024-05', element: 'EPI_FULL_U1', value: 5 }] }],
  ['values.setComment', { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', comment: 'ghi chú' }],
  ['plans.importCsvText', { fileName: 'plans.csv', text: 'unit,year,element,target,direction\nD,2024,EPI_FULL_U1,300,>=\n' }],
  ['narrative.set', { unit: 'D', period: '2024-05', section: 'II.2', body: 'Tiêm chủng đầy đủ.' }],
  ['settings.set', { key: 'user.name', value: 'Trần Văn Nhập' }],
];

function prepared(file: string): Store {
  const store = smallStore(file);
  setValue(store, { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', value: 10 }, 'Lan', 'ui', new Date(2024, 4, 5));
  return store;
}

async function call(store: Store, op: string, args: unknown, lang: 'vi' | 'en' = 'vi'): Promise<Envelope<unknown>> {
  const service = createService({ store, now: () => new Date(2024, 11, 31) });
  return dispatch(service, op, args, lang);
}

const messageOf = (r: Envelope<unknown>) => (r.ok ? '' : r.error.message);

describe('a disk that fails to write (SQLITE_IOERR)', () => {
  it('every write says so in Vietnamese and English, and the data is unchanged', async (ctx) => {
    const file = tmp.path('io.sqlite');
    const store = prepared(file);
    // The -wal exists while the store is open; from now on every write to it fails.
    if (!chattr('+i', `${file}-wal`)) ctx.skip(); // a file system or user that cannot set it
    let before: string;
    try {
      before = snapshot(store);
      for (const [op, args] of WRITES) {
        const r = await call(store, op, args);
        expect(r.ok, op).toBe(false);
        expect(messageOf(r), op).toMatch(/^Lỗi đọc\/ghi ổ đĩa/);
        expect(messageOf(r), op).not.toMatch(/không mong muốn/);
      }
      const en = await call(store, 'values.set', WRITES[0]![1], 'en');
      expect(messageOf(en)).toMatch(/^A disk read\/write error/);
    } finally {
      chattr('-i', `${file}-wal`);
    }
    store.close();
    const after = openStore(file);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(after)).toBe(before);
    after.close();
  });
});

describe('a full disk (SQLITE_FULL)', () => {
  it('every write path says the disk is full, and the data is unchanged', async () => {
    const file = tmp.path('full.sqlite');
    prepared(file).close();
    const capped = openStore(file);
    const pages = capped.db.pragma('page_count', { simple: true }) as number;
    // No room for one more page: the first write that needs one fails.
    capped.db.pragma(`max_page_count = ${pages}`);
    const before = snapshot(capped);
    const big = 'Tiêm chủng đầy đủ cho trẻ dưới 1 tuổi. '.repeat(2000);
    const writes: [string, unknown][] = [
      ['narrative.set', { unit: 'D', period: '2024-05', section: 'II.2', body: big }],
      [
        'values.setComment',
        { unit: 'C1', period: '2024-04', element: 'EPI_FULL_U1', comment: big.slice(0, 2000) },
      ],
    ];
    for (const [op, args] of writes) {
      const r = await call(capped, op, args);
      expect(r.ok, op).toBe(false);
      expect(messageOf(r), op).toMatch(/^Ổ đĩa đã đầy/);
    }
    expect(snapshot(capped)).toBe(before);
    expect(capped.db.pragma('integrity_check', { simple: true })).toBe('ok');
    capped.close();
  });
});
