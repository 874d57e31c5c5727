// The sync bundle on disk: a small binary frame around a JSON header and a raw-DEFLATE JSON
// content, signed with Ed25519 over everything before the signature (README, "Sync bundle").
//
//   offset  size  field
//   0       8     magic "TKYTSYNC"
//   8       2     format version, unsigned big-endian (1)
//   10      4     header length H, unsigned big-endian
//   14      4     content length C (compressed), unsigned big-endian
//   18      H     header: UTF-8 JSON (core/bundle.ts bundleHeaderSchema)
//   18+H    C     content: raw DEFLATE (RFC 1951) of UTF-8 JSON (bundleContentSchema)
//   18+H+C  64    Ed25519 signature of bytes [0, 18+H+C)
//
// Reading checks, in order, before anything is trusted: the file's size, the magic and the
// version, the frame's lengths, the header's JSON and schema, the signature against the key the
// header names, the compressed content's SHA-256 named in the header, then the declared content
// size while inflating (zlib's maxOutputLength: a decompression bomb stops at the limit).
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  BUNDLE_FORMAT,
  BUNDLE_MAGIC,
  MAX_BUNDLE_BYTES,
  MAX_CONTENT_BYTES,
  MAX_HEADER_BYTES,
  bundleHeaderSchema,
  formatFingerprint,
  type BundleContent,
  type BundleHeader,
} from '../../core/bundle';
import { UserError } from '../../core/errors';

const PREFIX = 18;
const SIGNATURE = 64;
const MAGIC = Buffer.from(BUNDLE_MAGIC, 'ascii');

/** An installation's signing key. */
export interface BundleKey {
  privateKey: KeyObject;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  fingerprint: string;
}

export function fingerprintOf(publicKeyB64: string): string {
  return formatFingerprint(createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex'));
}

export function keyFromPrivatePem(pem: string): BundleKey {
  const privateKey = createPrivateKey(pem);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  const publicKey = Buffer.from(jwk.x, 'base64url').toString('base64');
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

function publicKeyObject(publicKeyB64: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyB64, 'base64').toString('base64url') }, format: 'jwk' });
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The header fields the writer fills in itself. */
export type HeaderInput = Omit<BundleHeader, 'format' | 'key' | 'content'>;

/** Writes a bundle: compress, hash, frame, sign. */
export function encodeBundle(input: HeaderInput, content: BundleContent, key: BundleKey): Uint8Array {
  // Non-ASCII characters as \uXXXX escapes: the content is pure ASCII, which a reader decodes
  // ten times faster than UTF-8 (names and comments are Vietnamese). Still plain JSON.
  const json = Buffer.from(JSON.stringify(content).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'utf8');
  if (json.length > MAX_CONTENT_BYTES) throw new UserError('bundle.export.tooLarge', { size: json.length });
  const compressed = deflateRawSync(json, { level: 9 });
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    ...input,
    key: { publicKey: key.publicKey, fingerprint: key.fingerprint },
    content: { sha256: sha256Hex(compressed), bytes: json.length },
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const total = PREFIX + headerBytes.length + compressed.length + SIGNATURE;
  if (headerBytes.length > MAX_HEADER_BYTES || total > MAX_BUNDLE_BYTES) throw new UserError('bundle.export.tooLarge', { size: total });
  const out = Buffer.alloc(total);
  MAGIC.copy(out, 0);
  out.writeUInt16BE(BUNDLE_FORMAT, 8);
  out.writeUInt32BE(headerBytes.length, 10);
  out.writeUInt32BE(compressed.length, 14);
  headerBytes.copy(out, PREFIX);
  compressed.copy(out, PREFIX + headerBytes.length);
  const signed = out.subarray(0, total - SIGNATURE);
  sign(null, signed, key.privateKey).copy(out, total - SIGNATURE);
  return out;
}

/** What a file that is not a bundle looks like, to say so in the refusal. */
function lookalike(b: Buffer): string {
  if (b.length >= 4 && b.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === 'SQLit') return 'sqlite';
  const head = b.subarray(0, Math.min(b.length, 512));
  if (head.length > 0 && head.every((c) => c === 9 || c === 10 || c === 13 || c >= 32)) return 'text';
  return 'other';
}

const refuse = (reason: string, params: Record<string, string | number> = {}) => new UserError(`bundle.refused.${reason}`, params);

export interface VerifiedBundle {
  header: BundleHeader;
  /** The parsed JSON of the content: its schema is checked later (after trust). */
  content: unknown;
  /** SHA-256 of the whole file. */
  fileHash: string;
}

/** Reads and verifies a bundle's bytes; throws a UserError `bundle.refused.*` naming the first problem. */
export function decodeBundle(bytes: Uint8Array): VerifiedBundle {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length === 0) throw refuse('empty');
  if (b.length > MAX_BUNDLE_BYTES) throw refuse('tooLarge', { max: MAX_BUNDLE_BYTES / 1024 / 1024 });
  if (b.length < MAGIC.length || !b.subarray(0, MAGIC.length).equals(MAGIC)) throw refuse(`notBundle.${lookalike(b)}`);
  if (b.length < PREFIX + SIGNATURE) throw refuse('truncated');
  const version = b.readUInt16BE(8);
  if (version !== BUNDLE_FORMAT) throw refuse('version', { version, supported: BUNDLE_FORMAT });
  const h = b.readUInt32BE(10);
  const c = b.readUInt32BE(14);
  if (h > MAX_HEADER_BYTES) throw refuse('damaged');
  const expected = PREFIX + h + c + SIGNATURE;
  if (expected > b.length) throw refuse('truncated');
  if (expected < b.length) throw refuse('damaged');
  let header: BundleHeader;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(PREFIX, PREFIX + h));
    header = bundleHeaderSchema.parse(JSON.parse(text));
  } catch {
    throw refuse('damaged');
  }
  if (fingerprintOf(header.key.publicKey) !== header.key.fingerprint) throw refuse('damaged');
  let ok: boolean;
  try {
    ok = verify(null, b.subarray(0, PREFIX + h + c), publicKeyObject(header.key.publicKey), b.subarray(PREFIX + h + c));
  } catch {
    ok = false;
  }
  if (!ok) throw refuse('signature');
  const compressed = b.subarray(PREFIX + h, PREFIX + h + c);
  if (sha256Hex(compressed) !== header.content.sha256) throw refuse('damaged');
  let json: Buffer;
  try {
    // Never more than the header declares (itself at most MAX_CONTENT_BYTES): a bomb stops here.
    json = inflateRawSync(compressed, { maxOutputLength: Math.max(1, header.content.bytes), chunkSize: Math.max(64, Math.min(header.content.bytes, 16 * 1024 * 1024)) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refuse('bomb');
    throw refuse('damaged');
  }
  if (json.length !== header.content.bytes) throw refuse('damaged');
  let content: unknown;
  try {
    // The bytes are the signer's own (signature and hash checked): plain decoding is enough.
    content = JSON.parse(json.toString(isAscii(json) ? 'latin1' : 'utf8'));
  } catch {
    throw refuse('damaged');
  }
  return { header, content, fileHash: sha256Hex(b) };
}
