import { describe, expect, it } from 'vitest';
import { clipText, describeValue, MAX_ECHO_CHARS, storageError, UserError } from './errors';
import { userMessage } from './i18n';
import { shippedCatalogue } from './catalogue-data';

const HUGE = 'X'.repeat(10_000_000);

describe('messages cut long input', () => {
  it('does not echo a 10 MB unit code back in full', () => {
    const e = new UserError('error.unknownUnit', { unit: `${HUGE}_END` });
    expect(String(e.params.unit).length).toBeLessThanOrEqual(MAX_ECHO_CHARS);
    expect(e.params.unit).toMatch(/^X+…X*_END$/);
    expect(e.message.length).toBeLessThan(200);
    for (const lang of ['vi', 'en'] as const) expect(userMessage(e, lang).length).toBeLessThan(300);
    // A plain { key, params } (a CSV line problem, a CLI usage error) is cut the same way.
    expect(userMessage({ key: 'error.notANumber', params: { text: HUGE } }, 'vi').length).toBeLessThan(200);
    expect(userMessage({ key: 'cli.unknownCommand', params: { command: HUGE } }, 'en').length).toBeLessThan(250);
  });

  it('keeps what is short, every catalogue name and the paths a user must recognise', () => {
    expect(clipText('TH_HH_01')).toBe('TH_HH_01');
    for (const e of shippedCatalogue().elements) expect(new UserError('error.negativeValue', { element: e.nameVi, text: '-1' }).params.element).toBe(e.nameVi);
    const path = `/home/lan/Tài liệu/Thống kê/${'năm 2024/'.repeat(10)}so-lieu-thang-5.csv`;
    expect(new UserError('error.fileNotFound', { file: path }).params.file).toBe(path);
  });

  it('cuts in the middle without splitting a character', () => {
    const emoji = '😀'.repeat(100);
    const cut = clipText(emoji, 21);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(cut).toMatch(/^(😀)+…(😀)+$/u);
  });

  it('describes any value without throwing', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(describeValue({ toString: 1 })).toBe('object');
    expect(describeValue(Object.create(null))).toBe('object');
    expect(describeValue(revocable.proxy)).toBe('object');
    expect(describeValue(Symbol('op'))).toBe('op');
    expect(describeValue(42)).toBe('42');
    expect(describeValue(HUGE).length).toBe(MAX_ECHO_CHARS);
  });
});

describe('a full or failing disk, whatever reported it', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  it('SQLite\'s and the file system\'s codes become the disk-full or disk-error sentence', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'EDQUOT']) expect(storageError(err(code))?.key, code).toBe('error.diskFull');
    for (const code of ['SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'EIO']) {
      const e = storageError(err(code));
      expect(e?.key, code).toBe('error.ioError');
      expect(userMessage({ key: e!.key, params: e!.params }, 'vi')).toContain(`Lỗi đọc/ghi ổ đĩa (${code})`);
    }
  });
  it('anything else is left to its own handling', () => {
    for (const e of [err('SQLITE_BUSY'), err('SQLITE_CORRUPT'), err('EACCES'), new Error('x'), null, 'SQLITE_FULL']) expect(storageError(e)).toBeNull();
  });
});
