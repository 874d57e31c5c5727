// Creating a database under its final name only when it is complete: it is built in a
// temporary file beside the target (created exclusively, random name, same folder so the
// rename is atomic), checkpointed into one self-contained file, then renamed. A kill at any
// moment leaves either no database or the complete one, never a half-made file that a later
// `init` calls "already exists" and every command reads as empty.
import { linkSync, renameSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../core/errors';
import { removeDatabaseFiles } from './backup';
import { cleanStaleCreations, temporaryBeside } from './files';
import { checkDatabasePath } from './fs-errors';
import { openStore, type Store } from './store';

/** Puts `tmp` under the name `file` unless a file appeared there meanwhile. */
function publish(tmp: string, file: string): void {
  try {
    // link() fails with EEXIST if a file appeared meanwhile: never replace someone else's database.
    linkSync(tmp, file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') throw e;
    // File systems without hard links (FAT on a USB stick): check, then rename.
    if (statSafe(file) !== null) throw new UserError('error.databaseExists', { file: basename(file) });
    renameSync(tmp, file);
  }
}

function statSafe(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/** Checks the target and makes the temporary file beside it: where the database is built. */
function beginCreation(file: string): { tmp: string; existing: number | null } {
  // A missing folder or a folder given as the file: a sentence, before any temporary file.
  checkDatabasePath(file, true);
  cleanStaleCreations(file);
  const existing = statSafe(file);
  if (existing !== null && existing > 0) throw new UserError('error.databaseExists', { file: basename(file) });
  return { tmp: temporaryBeside(file), existing };
}

/** Everything into the main file, so the rename carries the whole database; then the rename. */
function finishCreation(store: Store, tmp: string, file: string, existing: number | null): void {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  if (existing === 0) renameSync(tmp, file);
  else publish(tmp, file);
}

function creationError(e: unknown, file: string): unknown {
  return (e as { code?: string }).code === 'EEXIST' ? new UserError('error.databaseExists', { file: basename(file) }) : e;
}

/**
 * Builds a new database at `file` with `fill` and renames it into place. Refuses when a
 * non-empty file is already there; an empty (0-byte) file there is replaced.
 */
export function createDatabase(file: string, fill: (store: Store) => void): void {
  const { tmp, existing } = beginCreation(file);
  try {
    const store = openStore(tmp, { create: true });
    try {
      fill(store);
      finishCreation(store, tmp, file, existing);
    } finally {
      store.close();
    }
  } catch (e) {
    throw creationError(e, file);
  } finally {
    removeDatabaseFiles(tmp);
  }
}

/** createDatabase with a fill that awaits (the CLI's `init`, through the service's dispatch). */
export async function createDatabaseAsync(file: string, fill: (store: Store) => Promise<void>): Promise<void> {
  const { tmp, existing } = beginCreation(file);
  try {
    const store = openStore(tmp, { create: true });
    try {
      await fill(store);
      finishCreation(store, tmp, file, existing);
    } finally {
      store.close();
    }
  } catch (e) {
    throw creationError(e, file);
  } finally {
    removeDatabaseFiles(tmp);
  }
}
