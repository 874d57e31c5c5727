import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../catalogue-data';
import { compileRuleViews, compileRules, problemMessage, ruleViews } from './ruleset';
import { shippedRules } from './shipped';

const catalogue = shippedCatalogue();

const rule = (id: string, left: string, op: string, right: string, importance = 'high') => ({
  id, left, op, right, importance, messageVi: `${id}: {left} / {right}`, messageEn: `${id}: {left} / {right}`,
});

describe('shipped rules', () => {
  const set = shippedRules(catalogue);

  it('all compile against the catalogue', () => {
    expect(set.problems.map((p) => problemMessage(p, 'vi'))).toEqual([]);
    expect(set.rules.length).toBeGreaterThan(40);
  });

  it('include every check seed 004 implies', () => {
    const ids = [
      'PARTS_FP_BIRTHS', 'PARTS_FP_CONTRACEPTIVE_USERS', 'PARTS_IOD_GOITRE_MANAGED', 'PARTS_IEC_ARTICLES', 'PARTS_COVID_DOSES_CUM',
      'CUR_BHYT_LE_VISITS', 'DX_CCCD_OK_LE_VISITS', 'DX_CASHLESS_LE_PAYMENTS', 'MH_STABLE_LE_MANAGED', 'AIDS_LE_HIV_LIVING',
      'TB_AFB_LE_NEW_ALL', 'CUMULATIVE_COVID_DOSES_CUM', 'CUMULATIVE_DX_EHR_PEOPLE', 'COVID_MONTH_EQ_CUM_INCREASE', 'RH_LIVE_BIRTHS_EQ_BIRTHS',
      'MAL_POSITIVE_LE_SLIDES', 'ST_CENTRE_QUALIFICATIONS_EQ_TOTAL', 'PARTS_ST_CHS_TOTAL',
    ];
    for (const id of ids) expect(set.byId.has(id), id).toBe(true);
    expect(set.byId.get('PARTS_COVID_DOSES_CUM')).toMatchObject({ op: '=', importance: 'high', rightText: expect.stringContaining('COVID_DOSE1 + COVID_DOSE2') as string });
  });

  it('every cumulative element has a never-decreases rule, every total with parts a parts rule', () => {
    for (const e of catalogue.elements) {
      if (e.kind === 'cumulative') expect(set.byId.has(`CUMULATIVE_${e.code}`)).toBe(true);
      if (e.parts.length > 0) expect(set.byId.has(`PARTS_${e.code}`)).toBe(true);
    }
  });

  it('indexes rules by every element they read', () => {
    const touching = set.byElement.get('COVID_DOSE3')!.map((r) => r.id);
    expect(touching).toEqual(['PARTS_COVID_DOSES_CUM', 'CUMULATIVE_COVID_DOSE3']);
    expect(set.byElement.get('FP_BIRTHS_BOYS')!.map((r) => r.id)).toContain('PARTS_FP_BIRTHS');
  });
});

describe('a bad rule file', () => {
  it('drops each bad rule with its id and position, and keeps the good ones', () => {
    const set = compileRules(catalogue, [
      {
        name: 'province.json',
        data: {
          rules: [
            rule('GOOD', 'AIDS_LIVING', '≤', 'HIV_LIVING'),
            rule('SYNTAX', 'HIV_LIVING + * 2', '<=', 'POP_TOTAL'),
            rule('UNKNOWN', 'HIV_LIVING', '<=', 'POP_TOTAL + HIV_LIVINGG'),
            rule('GOOD', 'HIV_NEW', '<=', 'HIV_LIVING'),
            rule('BAD_OP', 'HIV_NEW', '=<', 'HIV_LIVING'),
            rule('BAD_IMPORTANCE', 'HIV_NEW', '<=', 'HIV_LIVING', 'urgent'),
            { left: 'HIV_NEW', op: '<=', right: 'HIV_LIVING' },
          ],
        },
      },
      { name: 'broken.json', data: ['not', 'a', 'rule file'] },
    ], { generated: false });
    expect(set.rules.map((r) => r.id)).toEqual(['GOOD']);
    expect(set.byId.get('GOOD')!.op).toBe('<=');
    const byRule = new Map(set.problems.map((p) => [`${p.source}:${p.rule}:${p.key}`, p]));
    expect(byRule.get('province.json:SYNTAX:quality.parse.unexpected')?.params).toMatchObject({ side: 'left', pos: 14, found: '*' });
    expect(byRule.get('province.json:UNKNOWN:quality.rule.unknownElement')?.params).toMatchObject({ side: 'right', pos: 13, element: 'HIV_LIVINGG' });
    expect(byRule.has('province.json:GOOD:quality.rule.duplicate')).toBe(true);
    expect(byRule.has('province.json:BAD_OP:quality.rule.badShape')).toBe(true);
    expect(byRule.has('province.json:BAD_IMPORTANCE:quality.rule.badShape')).toBe(true);
    expect(byRule.has('province.json:#7:quality.rule.badShape')).toBe(true);
    expect(byRule.has('broken.json:-:quality.rule.badFile')).toBe(true);
    const syntax = problemMessage(byRule.get('province.json:SYNTAX:quality.parse.unexpected')!, 'vi');
    expect(syntax).toContain('SYNTAX');
    expect(syntax).toContain('province.json');
    expect(syntax).toContain('ký tự thứ 14 của vế trái');
    expect(problemMessage(byRule.get('province.json:UNKNOWN:quality.rule.unknownElement')!, 'en')).toContain(
      'character 13 of the right side ("POP_TOTAL + HIV_LIVINGG"): there is no element "HIV_LIVINGG"',
    );
  });
});

describe('rules as data for the UI', () => {
  it('compile again from their views to the same rules', () => {
    const set = shippedRules(catalogue);
    const again = compileRuleViews(catalogue, ruleViews(set));
    expect(again.problems).toEqual([]);
    expect(again.rules.map((r) => [r.id, r.source, r.programme, r.op, r.leftText, r.rightText, r.importance])).toEqual(
      set.rules.map((r) => [r.id, r.source, r.programme, r.op, r.leftText, r.rightText, r.importance]),
    );
    expect(JSON.parse(JSON.stringify(ruleViews(set)))).toEqual(ruleViews(set));
  });
});
