// The installation's signing key: `<database>.key` beside the database file (never inside it,
// so a copied or backed-up database does not carry the key), PKCS#8 PEM, mode 0600, made at
// first need. A re-installed PC makes a new key; receivers then re-trust it.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../../core/errors';
import { keyFromPrivatePem, type BundleKey } from './format';

export const keyFileOf = (dbFile: string): string => `${dbFile}.key`;

/** The key if the file exists; null otherwise (importing never makes one). */
export function readKey(dbFile: string): BundleKey | null {
  let pem: string;
  try {
    pem = readFileSync(keyFileOf(dbFile), 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return keyFromPrivatePem(pem);
  } catch {
    throw new UserError('bundle.keyDamaged', { file: basename(keyFileOf(dbFile)) });
  }
}

export function loadOrCreateKey(dbFile: string): BundleKey {
  const existing = readKey(dbFile);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Written whole under a temporary name, then linked into place: a crash never leaves half a
  // key, and a key another process made meanwhile is never replaced.
  const tmp = `${keyFileOf(dbFile)}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, keyFileOf(dbFile));
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
    return readKey(dbFile)!;
  } finally {
    rmSync(tmp, { force: true });
  }
  return keyFromPrivatePem(pem);
}
