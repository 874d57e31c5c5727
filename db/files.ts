// Reading a user's text file: it must exist, be text (no NUL bytes, valid UTF-8) and not be
// empty. Anything else is a user error that says what to do, before any parsing.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors';
import { fileSystemError } from './fs-errors';

/** Files larger than this are not CSV figures of one district. */
const MAX_TEXT_FILE = 256 * 1024 * 1024;

export function readTextFile(path: string): string {
  const name = basename(path);
  let buf: Buffer;
  try {
    if (statSync(path).size > MAX_TEXT_FILE) throw new UserError('error.fileUnreadable', { file: name, reason: 'quá lớn / too large' });
    buf = readFileSync(path);
  } catch (e) {
    throw fileSystemError(e, path, 'read');
  }
  if (buf.length === 0) throw new UserError('error.emptyFile', { file: name });
  if (buf.includes(0)) throw new UserError('error.binaryFile', { file: name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UserError('error.binaryFile', { file: name });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError('error.emptyFile', { file: name });
  return text;
}
