// npm start: build the renderer and the main process, then launch Electron on them.
// Without the Electron runtime (machines that cannot download it) it says so in one sentence
// and exits with 1, before building anything.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronExecutable, MISSING_RUNTIME } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let exe = electronExecutable(root);
// Electron 45 no longer downloads its runtime at `npm install`; the first `npm start` on a
// machine with internet fetches it once (unless told not to, as CI does).
if (!exe && !process.env.ELECTRON_OVERRIDE_DIST_PATH && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error('Đang tải Electron runtime (chỉ lần đầu)… / Downloading the Electron runtime (first start only)…');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 15 * 60_000,
  });
  exe = electronExecutable(root);
}
if (!exe) {
  console.error(MISSING_RUNTIME);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(exe, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
