// The Electron fuses flipped into the packaged executable (scripts/after-pack.cjs): no running
// as plain Node, no NODE_OPTIONS, no inspector flags, ASAR integrity checked, app loaded only
// from the ASAR. Kept apart so a test can check the settings without packaging.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const fuseConfig = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The window's page is a file:// URL inside the ASAR.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};
