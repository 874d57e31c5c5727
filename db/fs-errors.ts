// The file-system mistakes a user can make (a folder that does not exist, a folder where a file
// was meant, no permission, a full disk) as messages they can act on. Node reports them as
// error codes with an English text; this is the one place that turns a code into a sentence,
// for the app and the CLI alike.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors';

/** What was being done with the file: the same code means different advice for each. */
export type FileAction = 'read' | 'write' | 'database';

function codeOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * The user error for a failed file operation on `file` (the path as the user gave it), or `e`
 * itself when it is not a file-system error (a bug, or already a user error).
 */
export function fileSystemError(e: unknown, file: string, action: FileAction): unknown {
  if (e instanceof UserError) return e;
  const code = codeOf(e);
  if (!code) {
    // better-sqlite3 checks the folder itself and throws a plain TypeError without a code.
    if (action === 'database' && e instanceof Error && /directory does not exist/.test(e.message)) {
      return new UserError('fs.folderMissing', { file, folder: dirname(file) });
    }
    return e;
  }
  switch (code) {
    case 'ENOENT':
      // Reading: the file is missing. Writing: the file is made, so its folder is missing.
      if (action === 'read') return new UserError('error.fileNotFound', { file });
      return new UserError('fs.folderMissing', { file, folder: dirname(file) });
    case 'ENOTDIR':
      return new UserError('fs.notAFolder', { file });
    case 'EISDIR':
      return new UserError(action === 'database' ? 'fs.databaseIsFolder' : 'fs.isFolder', { file });
    case 'EACCES':
    case 'EPERM':
      return new UserError(action === 'read' ? 'fs.noReadPermission' : 'fs.noWritePermission', { file });
    case 'EBUSY':
    case 'ETXTBSY':
      return new UserError('fs.busy', { file });
    case 'EROFS':
      return new UserError('fs.readOnlyDisk', { file });
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('fs.diskFull', { file });
    case 'EIO':
      return new UserError('fs.ioError', { file });
    case 'EFBIG':
      return new UserError('fs.tooLarge', { file });
    case 'ENAMETOOLONG':
      return new UserError('fs.nameTooLong', { file: file.slice(0, 120) });
    default:
      return new UserError(action === 'read' ? 'fs.cannotRead' : 'fs.cannotWrite', { file, code });
  }
}

/**
 * Checks the path of a database before SQLite sees it, so that a folder, or a file in a
 * folder that does not exist, gets a sentence instead of SQLite's "unable to open".
 */
export function checkDatabasePath(file: string, create: boolean): void {
  if (file === ':memory:') return;
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') {
      if (create && !existsSync(dirname(file))) throw new UserError('fs.folderMissing', { file, folder: dirname(file) });
      return; // a missing database has its own message where it is opened
    }
    throw fileSystemError(e, file, 'database');
  }
  if (isDir) throw new UserError('fs.databaseIsFolder', { file });
}
