// npm start: build the renderer and the main process, then launch Electron on them.
// Without the Electron runtime (machines that cannot download it) it says so in one sentence
// and exits with 1, before building anything.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronExecutable, MISSING_RUNTIME } from './electron-runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const exe = electronExecutable(root);
if (!exe) {
  console.error(MISSING_RUNTIME);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(exe, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
