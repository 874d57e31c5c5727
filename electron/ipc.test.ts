// Every IPC message is validated before it reaches the service: malformed calls get a typed
// error and change nothing in the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../core/api';
import { writeFixtureDatabase } from '../test/e2e/fixture-db';
import { Host } from './host';
import { handleInvoke, MAX_MESSAGE_CHARS } from './ipc';

const INDEX = 'file:///app/dist/renderer/index.html';
const MAIN = { url: INDEX, isMain: true };
let dir: string;
let host: Host;

function snapshot(): string {
  const db = host.store!.db;
  return JSON.stringify(['org_unit', 'data_value', 'audit', 'plan_target', 'narrative', 'setting'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
}

function errorKey(env: Envelope<unknown>): string {
  if (env.ok) throw new Error('expected a refusal');
  expect(env.error.message.length).toBeGreaterThan(10);
  return env.error.key;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thongke-ipc-'));
  writeFixtureDatabase(join(dir, 'thongke.sqlite'));
  host = new Host({ userData: dir, appVersion: 'test' });
  host.start();
});
afterEach(async () => {
  await host.quit();
  rmSync(dir, { recursive: true, force: true });
});

const call = (op: unknown, args: unknown, frame: { url: string; isMain: boolean } | null = MAIN) => handleInvoke(host, frame, INDEX, op, args);

describe('IPC validation', () => {
  it('accepts a well-formed call', async () => {
    const env = await call('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_MEASLES2', value: 5 });
    expect(env.ok).toBe(true);
  });

  const malformed: [string, unknown, unknown][] = [
    ['wrong type: value as text', 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: '5' }],
    ['wrong type: unit as number', 'values.set', { unit: 1, period: '2024-05', element: 'EPI_FULL_U1', value: 5 }],
    ['wrong type: args as array', 'values.set', [['C1', '2024-05']]],
    ['wrong type: args as string', 'values.get', 'C1'],
    ['missing field', 'values.set', { unit: 'C1', period: '2024-05', value: 5 }],
    ['no args at all', 'values.set', undefined],
    ['bad month', 'values.set', { unit: 'C1', period: '2024-13', element: 'EPI_FULL_U1', value: 5 }],
    ['infinite number', 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: Number.POSITIVE_INFINITY }],
    ['extra field', 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 5, user: 'admin' }],
    ['huge unit code', 'values.set', { unit: 'C'.repeat(100_000), period: '2024-05', element: 'EPI_FULL_U1', value: 5 }],
    ['huge comment', 'values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 5, comment: 'x'.repeat(3000) }],
    ['huge narrative', 'narrative.set', { unit: 'D', period: '2024-05', section: 'I.1', body: 'x'.repeat(200_000) }],
    ['empty paste', 'values.setMany', { entries: [] }],
    ['a path smuggled into a restore', 'backup.restore', { name: '../../etc/passwd' }],
    ['a language we do not have', 'app.setLang', { lang: 'fr' }],
    ['prototype pollution', 'settings.get', JSON.parse('{"__proto__": {"polluted": true}}')],
  ];

  for (const [what, op, args] of malformed) {
    it(`refuses ${what} with a typed error and changes nothing`, async () => {
      const before = snapshot();
      expect(errorKey(await call(op, args))).toBe('error.badArgument');
      expect(snapshot()).toBe(before);
    });
  }

  it('refuses unknown operations and non-string operation names', async () => {
    const before = snapshot();
    for (const op of ['db.exec', 'values.delete', '__proto__', 'constructor', 'toString', '', 42, null, { op: 'values.set' }]) {
      expect(errorKey(await call(op, {}))).toBe('error.unknownOperation');
    }
    expect(snapshot()).toBe(before);
  });

  it('refuses a message too large to be a real call, before parsing it', async () => {
    const before = snapshot();
    const body = 'x'.repeat(MAX_MESSAGE_CHARS);
    expect(errorKey(await call('narrative.set', { unit: 'D', period: '2024-05', section: 'I.1', body }))).toBe('ui.error.messageTooLarge');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorKey(await call('settings.set', cyclic))).toBe('ui.error.messageTooLarge');
    expect(snapshot()).toBe(before);
  });

  it('refuses calls from a frame that is not our main frame', async () => {
    const before = snapshot();
    const args = { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 99 };
    expect(errorKey(await call('values.set', args, { url: INDEX, isMain: false }))).toBe('ui.error.untrustedSender');
    expect(errorKey(await call('values.set', args, { url: 'https://evil.example/', isMain: true }))).toBe('ui.error.untrustedSender');
    expect(errorKey(await call('values.set', args, null))).toBe('ui.error.untrustedSender');
    expect(snapshot()).toBe(before);
  });

  it('refuses a value the domain rejects, with a Vietnamese message', async () => {
    const before = snapshot();
    const env = await call('values.set', { unit: 'C1', period: '2024-05', element: 'EPI_FULL_U1', value: 2.5 });
    expect(errorKey(env)).toBe('error.notAnInteger');
    if (!env.ok) expect(env.error.message).toContain('không nhận số thập phân');
    expect(snapshot()).toBe(before);
  });
});
