// dispatch answers every call with an envelope: whatever arrives as the operation name or its
// arguments (in-process callers such as the CLI and the end-to-end bridge pass live objects),
// nothing is thrown to the caller.
import { describe, expect, it } from 'vitest';
import { argSchemas, dispatch, type Envelope, type Handlers } from './api';

const handlers: Partial<Handlers> = {
  'values.get': () => [],
};

function errorKey(env: Envelope<unknown>): string {
  if (env.ok) throw new Error('expected a refusal');
  expect(env.error.message.length).toBeGreaterThan(10);
  expect(env.error.message.length).toBeLessThan(500);
  return env.error.key;
}

const throwing = () => {
  throw new Error('boom');
};

describe('dispatch', () => {
  it('gives the typed error for an operation name that is not a string', async () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const names: unknown[] = [
      { toString: 1 },
      { toString: throwing, valueOf: throwing },
      Object.create(null),
      Symbol('values.get'),
      Symbol(),
      42,
      10n,
      null,
      undefined,
      true,
      ['values.get'],
      () => 'values.get',
      new Proxy({}, { get: throwing, getPrototypeOf: throwing, has: throwing, ownKeys: throwing }),
      revocable.proxy,
      'x'.repeat(1_000_000),
    ];
    for (const op of names) {
      const env = await dispatch(handlers, op, {}, 'vi');
      expect(errorKey(env)).toBe('error.unknownOperation');
      if (!env.ok) expect(String(env.error.params.op).length).toBeLessThanOrEqual(64);
    }
  });

  it('gives the typed error for arguments that throw when read', async () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const args: unknown[] = [
      { get unit() { return throwing(); }, period: '2024-05' },
      { unit: { toString: 1 }, period: '2024-05' },
      new Proxy({}, { get: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing, has: throwing }),
      revocable.proxy,
      { unit: new Proxy({}, { get: throwing, getPrototypeOf: throwing }), period: '2024-05' },
      { unit: 'C1', period: '2024-05', [Symbol('extra')]: 1, extra: 1 },
    ];
    for (const a of args) expect(errorKey(await dispatch(handlers, 'values.get', a, 'vi'))).toBe('error.badArgument');
  });

  it('refuses huge arrays by their length, at once', async () => {
    const started = Date.now();
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(errorKey(await dispatch(handlers, 'values.setMany', { entries: sparse }, 'vi'))).toBe('error.badArgument');
    expect(errorKey(await dispatch(handlers, 'values.setMany', { entries: new Array(2_000_000).fill(0) }, 'vi'))).toBe('error.badArgument');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers a handler that throws something unprintable with the internal error', async () => {
    const unprintable = () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point: a thrown value String() cannot print
      throw { toString: 1 };
    };
    const env = await dispatch({ 'values.get': unprintable }, 'values.get', { unit: 'C1', period: '2024-05' }, 'vi');
    expect(errorKey(env)).toBe('error.internal');
    class Unreadable extends Error {
      override get message(): string {
        throw new Error('no message');
      }
    }
    const unreadable = () => {
      throw new Unreadable();
    };
    expect(errorKey(await dispatch({ 'values.get': unreadable }, 'values.get', { unit: 'C1', period: '2024-05' }, 'vi'))).toBe('error.internal');
  });

  it('refuses month 0000-01 and years before 2000 in every period argument', () => {
    const periods = ['0000-01', '1999-12', '0000', '1999-Q4', '1024-H1', '2101-01'];
    for (const period of periods) {
      expect(argSchemas['values.get'].safeParse({ unit: 'C1', period }).success, period).toBe(false);
      expect(argSchemas['figures.get'].safeParse({ unit: 'C1', period }).success, period).toBe(false);
      expect(argSchemas['report.preview'].safeParse({ unit: 'C1', period }).success, period).toBe(false);
      expect(argSchemas['period.markComplete'].safeParse({ unit: 'C1', period, lang: 'vi' }).success, period).toBe(false);
    }
    expect(argSchemas['values.get'].safeParse({ unit: 'C1', period: '2000-01' }).success).toBe(true);
    expect(argSchemas['figures.get'].safeParse({ unit: 'C1', period: '2000-Q1' }).success).toBe(true);
    for (const period of periods) expect(argSchemas['values.getMany'].safeParse({ units: ['C1'], period }).success, period).toBe(false);
    expect(argSchemas['values.getMany'].safeParse({ units: ['C1', 'C2'], period: '2024-05' }).success).toBe(true);
    expect(argSchemas['values.getMany'].safeParse({ units: [], period: '2024-05' }).success).toBe(false);
    expect(argSchemas['values.getMany'].safeParse({ units: [''], period: '2024-05' }).success).toBe(false);
    for (const period of periods) expect(argSchemas['values.exportCsvText'].safeParse({ period }).success, period).toBe(false);
  });

  it('takes only known settings, each with a value of its type', () => {
    const set = argSchemas['settings.set'];
    expect(set.safeParse({ key: 'report.signerName', value: 'Nguyễn Văn A' }).success).toBe(true);
    expect(set.safeParse({ key: 'report.recipients', value: ['Lưu: VT.'] }).success).toBe(true);
    expect(set.safeParse({ key: 'report.recipients', value: 'Lưu: VT.' }).success).toBe(false);
    expect(set.safeParse({ key: 'ui.lang', value: 'fr' }).success).toBe(false);
    expect(set.safeParse({ key: 'no.such.key', value: 'x' }).success).toBe(false);
  });
});
