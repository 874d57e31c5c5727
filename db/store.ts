// A Store is an open database with the catalogue and the lookups every repository needs.
// One per installation, one connection (architecture.md).
import type { Catalogue, CatalogueElement } from '../core/catalogue';
import { shippedCatalogue } from '../core/catalogue-data';
import { UserError } from '../core/errors';
import { buildTree, type OrgTree, type OrgUnit } from '../core/orgunit';
import { elementIds, syncCatalogue } from './catalogue.repo';
import { openDatabase, type Db, type OpenOptions } from './open';
import { listUnits, unitIdMap } from './units.repo';

export class Store {
  readonly db: Db;
  readonly catalogue: Catalogue;
  readonly file: string;
  private unitCache: { list: OrgUnit[]; tree: OrgTree; ids: Map<string, number>; codes: Map<number, string> } | null = null;
  private elementCache: { ids: Map<string, number>; codes: Map<number, string> } | null = null;

  constructor(db: Db, catalogue: Catalogue, file: string) {
    this.db = db;
    this.catalogue = catalogue;
    this.file = file;
  }

  private units_() {
    if (!this.unitCache) {
      const list = listUnits(this.db);
      const ids = unitIdMap(this.db);
      this.unitCache = { list, tree: buildTree(list), ids, codes: new Map([...ids].map(([c, i]) => [i, c])) };
    }
    return this.unitCache;
  }

  private elements_() {
    if (!this.elementCache) {
      const ids = elementIds(this.db);
      this.elementCache = { ids, codes: new Map([...ids].map(([c, i]) => [i, c])) };
    }
    return this.elementCache;
  }

  /** Call after any change to org units. */
  invalidateUnits(): void {
    this.unitCache = null;
  }

  units(): OrgUnit[] {
    return this.units_().list;
  }

  tree(): OrgTree {
    return this.units_().tree;
  }

  unit(code: string): OrgUnit {
    const u = this.units_().tree.units.get(code);
    if (!u) throw new UserError('error.unknownUnit', { unit: code });
    return u;
  }

  unitId(code: string): number {
    const id = this.units_().ids.get(code);
    if (id === undefined) throw new UserError('error.unknownUnit', { unit: code });
    return id;
  }

  unitCode(id: number): string {
    return this.units_().codes.get(id) ?? `#${id}`;
  }

  element(code: string): CatalogueElement {
    const e = this.catalogue.byCode.get(code);
    if (!e) throw new UserError('error.unknownElement', { element: code });
    return e;
  }

  elementId(code: string): number {
    const id = this.elements_().ids.get(code);
    if (id === undefined) throw new UserError('error.unknownElement', { element: code });
    return id;
  }

  elementCode(id: number): string {
    return this.elements_().codes.get(id) ?? `#${id}`;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (or creates) a database file, migrates it and syncs the shipped catalogue. */
export function openStore(file: string, opts: OpenOptions = {}, catalogue: Catalogue = shippedCatalogue()): Store {
  const db = openDatabase(file, opts);
  try {
    if (!opts.readonly) syncCatalogue(db, catalogue);
    return new Store(db, catalogue, file);
  } catch (e) {
    db.close();
    throw e;
  }
}
