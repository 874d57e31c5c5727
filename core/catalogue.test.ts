import { describe, expect, it } from 'vitest';
import { buildCatalogue, CatalogueError } from './catalogue';
import { shippedCatalogue } from './catalogue-data';

describe('catalogue', () => {
  it('loads the shipped catalogue with every programme of the monthly report', () => {
    const cat = shippedCatalogue();
    const codes = cat.programmes.map((p) => p.code);
    for (const p of ['EPI', 'TB', 'HIV', 'IODINE', 'FAMILY_PLANNING', 'FOOD_SAFETY', 'MALARIA', 'SANITATION',
      'OCCUPATIONAL', 'INJURY', 'MENTAL', 'REPRODUCTIVE', 'LABORATORY', 'CURATIVE', 'IEC', 'DIGITAL', 'STAFFING']) {
      expect(codes).toContain(p);
    }
    expect(cat.byCode.get('FP_SEX_RATIO')?.kind).toBe('derived');
    expect(cat.byCode.get('COVID_DOSES_CUM')?.parts).toHaveLength(7);
  });

  it('refuses a part that does not exist', () => {
    const file = {
      code: 'X', nameVi: 'x', nameEn: 'x', section: '1',
      elements: [{ code: 'A', nameVi: 'a', nameEn: 'a', valueType: 'count', kind: 'flow', entryLevel: 'commune', parts: ['B'] }],
    };
    expect(() => buildCatalogue([file])).toThrow(CatalogueError);
    expect(() => buildCatalogue([file])).toThrow(/unknown element B/);
  });

  it('refuses an unknown aggregation kind', () => {
    const file = {
      code: 'X', nameVi: 'x', nameEn: 'x', section: '1',
      elements: [{ code: 'A', nameVi: 'a', nameEn: 'a', valueType: 'count', kind: 'average', entryLevel: 'commune' }],
    };
    expect(() => buildCatalogue([file])).toThrow(/kind/);
  });
});
