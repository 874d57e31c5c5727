// First-run setup from a pasted list: a header row never becomes a unit, whoever calls.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store';
import { createUnitDatabase } from '../../service/setup';
import { tempDir } from '../helpers/fixture';

const tmp = tempDir();
afterEach(() => tmp.remove());

describe('setup from a pasted list of communes', () => {
  it('drops header rows and numbering that reach the operation', () => {
    const file = tmp.path('setup.sqlite');
    createUnitDatabase(
      file,
      {
        province: 'Thanh Hóa',
        unitName: 'Huyện Hoằng Hóa',
        communes: ['STT', 'Tên xã', 'TT\tĐơn vị', '1. Xã Hoằng Đức', '2. Xã Hoằng Hà'],
        userName: 'Lan',
        directorName: 'An',
        directorTitle: 'Giám đốc',
      },
      new Date('2025-08-01T08:00:00Z'),
    );
    const store = openStore(file);
    try {
      expect(store.units().filter((u) => u.level === 'commune').map((u) => u.name)).toEqual(['Xã Hoằng Đức', 'Xã Hoằng Hà']);
    } finally {
      store.close();
    }
  });

  it('refuses a list with no commune in it', () => {
    expect(() =>
      createUnitDatabase(
        tmp.path('none.sqlite'),
        { province: 'Thanh Hóa', unitName: 'Huyện Hoằng Hóa', communes: ['STT', 'Tên xã'], userName: 'Lan', directorName: 'An', directorTitle: 'GĐ' },
        new Date(),
      ),
    ).toThrow(/units.noCommunes/);
  });
});
