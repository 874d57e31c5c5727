// Where the Electron runtime is, without triggering its download (require('electron') would
// try to fetch it, and these machines cannot reach the download host: environment.md).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable, or null when the runtime was never downloaded. */
export function electronExecutable(root) {
  const dir = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(exe) ? exe : null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export const MISSING_RUNTIME =
  'Thiếu Electron runtime và không tải được: hãy kết nối Internet rồi chạy lại "npm start" (hoặc "npx install-electron"). / ' +
  'The Electron runtime is missing and could not be downloaded: connect to the internet and run "npm start" again (or "npx install-electron").';
