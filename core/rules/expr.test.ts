import { describe, expect, it } from 'vitest';
import { ExprSyntaxError, evaluateExpr, parseExpr, type ExprError } from './expr';

function run(src: string, values: Record<string, number | null>): number {
  const { expr, refs } = parseExpr(src);
  return evaluateExpr(expr, refs.map((r) => values[`${r.code}@${r.offset}`] ?? null), { divisionByZero: false });
}

function errorOf(src: string): ExprError {
  try {
    parseExpr(src);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return e.detail;
    throw e;
  }
  throw new Error(`parsed: ${src}`);
}

describe('rule expressions', () => {
  it('follows arithmetic precedence and parentheses', () => {
    expect(run('A + B * 2', { 'A@0': 1, 'B@0': 3 })).toBe(7);
    expect(run('(A + B) * 2', { 'A@0': 1, 'B@0': 3 })).toBe(8);
    expect(run('A - B - C', { 'A@0': 10, 'B@0': 3, 'C@0': 2 })).toBe(5);
    expect(run('-A + 100 / 4', { 'A@0': 5 })).toBe(20);
    expect(run('2.5 * A', { 'A@0': 2 })).toBe(5);
  });

  it('reads previous months with prev() and CODE[-n]', () => {
    const { refs } = parseExpr('COVID_DOSES_CUM - prev(COVID_DOSES_CUM) + X[-12] + COVID_DOSES_CUM');
    expect(refs).toEqual([
      { code: 'COVID_DOSES_CUM', offset: 0 },
      { code: 'COVID_DOSES_CUM', offset: 1 },
      { code: 'X', offset: 12 },
    ]);
    expect(run('A - A[-1]', { 'A@0': 10, 'A@1': 4 })).toBe(6);
  });

  it('counts a missing value as 0 (the caller decides whether to skip)', () => {
    expect(run('A + B', { 'A@0': 3 })).toBe(3);
  });

  it('flags a division by zero instead of producing Infinity', () => {
    const { expr, refs } = parseExpr('A / B');
    const state = { divisionByZero: false };
    expect(evaluateExpr(expr, refs.map(() => 0), state)).toBe(0);
    expect(state.divisionByZero).toBe(true);
  });

  it('reports syntax errors with the 1-based character position', () => {
    expect(errorOf('A + ')).toMatchObject({ key: 'quality.parse.end', pos: 5 });
    expect(errorOf('(A + B')).toMatchObject({ key: 'quality.parse.end', pos: 7 });
    expect(errorOf('A $ B')).toMatchObject({ key: 'quality.parse.unexpected', pos: 3, found: '$' });
    expect(errorOf('A B')).toMatchObject({ key: 'quality.parse.unexpected', pos: 3, found: 'B' });
    expect(errorOf('A[-13]')).toMatchObject({ key: 'quality.parse.badOffset', pos: 4 });
    expect(errorOf('A[-0]')).toMatchObject({ key: 'quality.parse.badOffset' });
    expect(errorOf('prev(3)')).toMatchObject({ key: 'quality.parse.unexpected', pos: 6 });
    expect(errorOf('')).toMatchObject({ key: 'quality.parse.empty', pos: 1 });
    expect(errorOf('1..2')).toMatchObject({ key: 'quality.parse.unexpected', pos: 3 });
  });
});
