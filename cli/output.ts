// Where a command's --out goes: never over the database the command has open (or its -wal,
// -shm, -journal side files), and all or nothing (db/write-file.ts), so a full disk or a
// mistyped path leaves the earlier file and the database as they were.
import { writeFileAtomic } from '../db/write-file';

/** Writes a command's output file; returns the number of bytes written. */
export function writeOutput(dbFile: string, outPath: string, bytes: Uint8Array | string): number {
  return writeFileAtomic(outPath, bytes, { database: dbFile });
}
