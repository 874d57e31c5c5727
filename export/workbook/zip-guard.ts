// A bound on what an .xlsx (a zip file) may expand to, checked before exceljs opens it: exceljs
// (through JSZip) inflates every part whole in memory, so a "zip bomb" — a small file that
// inflates to gigabytes — would exhaust the app. This reads the zip's central directory (the
// format's fixed records, APPNOTE.TXT §4.3.12–16) and inflates each part with node's zlib under
// `maxOutputLength`, so no part can grow past what it declares nor the whole past the limit.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most parts (sheets, styles, …) in one file. */
  maxEntries: number;
  /** Most bytes all parts may expand to together. */
  maxTotalBytes: number;
}

export type ZipVerdict = { ok: true } | { ok: false; reason: 'notZip' | 'tooLarge' | 'corrupt' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(b: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipVerdict {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 22 || b.readUInt32LE(0) !== LOCAL) return { ok: false, reason: 'notZip' };
  const end = findEndOfCentralDirectory(b);
  if (end < 0) return { ok: false, reason: 'corrupt' };
  const count = b.readUInt16LE(end + 10);
  const dirSize = b.readUInt32LE(end + 12);
  const dirOffset = b.readUInt32LE(end + 16);
  // ZIP64 markers: no workbook of ours comes near the sizes that need it.
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: 'tooLarge' };
  if (count > limits.maxEntries) return { ok: false, reason: 'tooLarge' };
  if (dirOffset + dirSize > end) return { ok: false, reason: 'corrupt' };
  let total = 0;
  let p = dirOffset;
  try {
    for (let i = 0; i < count; i++) {
      if (b.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'corrupt' };
      const method = b.readUInt16LE(p + 10);
      const compressed = b.readUInt32LE(p + 20);
      const size = b.readUInt32LE(p + 24);
      const nameLength = b.readUInt16LE(p + 28);
      const extraLength = b.readUInt16LE(p + 30);
      const commentLength = b.readUInt16LE(p + 32);
      const local = b.readUInt32LE(p + 42);
      p += 46 + nameLength + extraLength + commentLength;
      if (compressed === 0xffffffff || size === 0xffffffff) return { ok: false, reason: 'tooLarge' };
      total += size;
      if (total > limits.maxTotalBytes) return { ok: false, reason: 'tooLarge' };
      if (b.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'corrupt' };
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      if (start + compressed > b.length) return { ok: false, reason: 'corrupt' };
      if (method === 0) {
        if (compressed !== size) return { ok: false, reason: 'corrupt' };
        continue;
      }
      if (method !== 8) return { ok: false, reason: 'corrupt' };
      // Inflated under the size it declares (+1 to see a lie): a bomb stops here, not in memory.
      const out = inflateRawSync(b.subarray(start, start + compressed), { maxOutputLength: size + 1 });
      if (out.length !== size) return { ok: false, reason: 'corrupt' };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    // ERR_BUFFER_TOO_LARGE: the part inflates past what it declares.
    if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'tooLarge' };
    return { ok: false, reason: 'corrupt' };
  }
  return { ok: true };
}
