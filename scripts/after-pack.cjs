// electron-builder afterPack hook: flips the fuses (scripts/fuses.mjs) in the packaged
// Electron executable before it is signed and wrapped into the installer.
const path = require('node:path');

exports.default = async function afterPack(context) {
  const { flipFuses } = await import('@electron/fuses');
  const { fuseConfig } = await import('./fuses.mjs');
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  const exe =
    platform === 'darwin'
      ? path.join(context.appOutDir, `${name}.app`)
      : platform === 'win32'
        ? path.join(context.appOutDir, `${name}.exe`)
        : path.join(context.appOutDir, context.packager.executableName);
  await flipFuses(exe, { ...fuseConfig, resetAdHocDarwinSignature: platform === 'darwin' });
};
