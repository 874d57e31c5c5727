// The installation's signing key: `<database>.key` beside the database file (never inside it,
// so a copied or backed-up database does not carry the key), PKCS#8 PEM, mode 0600, made at
// first need. A re-installed PC makes a new key; receivers then re-trust it.
import { generateKeyPairSync } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
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
  return keyFromPrivatePem(pem);
}

export function loadOrCreateKey(dbFile: string): BundleKey {
  const existing = readKey(dbFile);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  let fd: number;
  try {
    // Exclusive: never overwrite a key another process made meanwhile.
    fd = openSync(keyFileOf(dbFile), 'wx', 0o600);
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return readKey(dbFile)!;
    throw e;
  }
  try {
    writeSync(fd, pem);
  } finally {
    closeSync(fd);
  }
  return keyFromPrivatePem(pem);
}
