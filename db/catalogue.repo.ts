// Keeps the data_element table in step with the shipped catalogue: new elements get ids,
// definitions are refreshed, elements no longer shipped are retired (their values stay).
// It compares first and writes only on a difference: opening a database must not take the
// write lock (a read-only command works while another program writes) nor touch the file.
import type { Catalogue } from '../core/catalogue';
import type { Db } from './open';
import { all, qb } from './query';

/** True when the table already matches the shipped catalogue. */
function inStep(db: Db, catalogue: Catalogue): boolean {
  const rows = all(db, qb.selectFrom('data_element').select(['code', 'programme', 'kind', 'value_type', 'entry_level', 'sort', 'retired']));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const shipped = new Set(catalogue.elements.map((e) => e.code));
  for (const e of catalogue.elements) {
    const r = byCode.get(e.code);
    if (!r || r.retired !== 0 || r.programme !== e.programme || r.kind !== e.kind || r.value_type !== e.valueType) return false;
    if (r.entry_level !== e.entryLevel || r.sort !== e.sort) return false;
  }
  return rows.every((r) => r.retired !== 0 || shipped.has(r.code));
}

export function syncCatalogue(db: Db, catalogue: Catalogue): void {
  if (inStep(db, catalogue)) return;
  // Raw SQL: the catalogue's bulk upsert, in one transaction.
  const upsert = db.prepare(`
    INSERT INTO data_element (code, programme, kind, value_type, entry_level, sort, retired)
    VALUES (@code, @programme, @kind, @valueType, @entryLevel, @sort, 0)
    ON CONFLICT (code) DO UPDATE SET programme = excluded.programme, kind = excluded.kind,
      value_type = excluded.value_type, entry_level = excluded.entry_level, sort = excluded.sort, retired = 0
    WHERE programme IS NOT excluded.programme OR kind IS NOT excluded.kind OR value_type IS NOT excluded.value_type
      OR entry_level IS NOT excluded.entry_level OR sort IS NOT excluded.sort OR retired <> 0`);
  db.transaction(() => {
    for (const e of catalogue.elements) {
      upsert.run({ code: e.code, programme: e.programme, kind: e.kind, valueType: e.valueType, entryLevel: e.entryLevel, sort: e.sort });
    }
    const shipped = new Set(catalogue.elements.map((e) => e.code));
    const rows = all(db, qb.selectFrom('data_element').select('code').where('retired', '=', 0));
    const retire = db.prepare('UPDATE data_element SET retired = 1 WHERE code = ?');
    for (const r of rows) if (!shipped.has(r.code)) retire.run(r.code);
  })();
}

/** element code → id, for the elements the database knows. */
export function elementIds(db: Db): Map<string, number> {
  const rows = all(db, qb.selectFrom('data_element').select(['id', 'code']));
  return new Map(rows.map((r) => [r.code, r.id]));
}
