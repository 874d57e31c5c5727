// Column groups of a wide programme come from the catalogue's parts ("trong đó").
import { describe, expect, it } from 'vitest';
import type { ColGroupDef } from 'ag-grid-community';
import { shippedCatalogue } from '../../core/catalogue-data';
import { columnGroups, entryColumns } from './entry-columns';
import { entryElements, type EntryRow } from './entry-model';

describe('entry columns', () => {
  it('group staffing by total and parts, keeping the column order, the unit column pinned', () => {
    const elements = entryElements(shippedCatalogue().elements, 'STAFFING');
    const defs = entryColumns(elements, 'vi', 'Đơn vị', 'Tổng số');
    expect(defs[0]).toMatchObject({ field: 'name', pinned: 'left' });
    const group = defs.find((d): d is ColGroupDef<EntryRow> => 'children' in d && d.groupId === 'group-ST_CENTRE_TOTAL')!;
    expect(group.headerName).toBe('Tổng số cán bộ tại Trung tâm Y tế');
    expect(group.children.map((c) => ('colId' in c ? c.colId : ''))).toEqual(['ST_CENTRE_TOTAL', 'ST_CENTRE_PERMANENT', 'ST_CENTRE_CONTRACT']);
    expect(group.children[0]!.headerName).toBe('Tổng số');
    const leaves = defs.slice(1).flatMap((d) => ('children' in d ? d.children : [d])).map((c) => ('colId' in c ? c.colId : ''));
    expect(leaves).toEqual(elements.map((e) => e.code));
  });

  it('make no group whose parts do not follow their total', () => {
    const elements = entryElements(shippedCatalogue().elements, 'STAFFING');
    const [total, a, b] = elements;
    expect(columnGroups([total!, a!, b!])).toEqual([0, 0, 0]);
    expect(columnGroups([total!, b!, a!])).toEqual([-1, -1, -1]);
    expect(columnGroups([total!, a!])).toEqual([-1, -1]);
  });
});
