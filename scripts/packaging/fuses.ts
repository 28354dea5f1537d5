// The Electron fuses every Taiyaku installer ships with (flipped in the packaged binary by electron-builder's
// afterPack hook in electronBuilderConfig.ts). Fuses are compiled into the binary: no command-line flag or
// environment variable can turn these features back on in an installed app.
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/** The fuse wire of every packaged Taiyaku binary. */
export const TAIYAKU_FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 Taiyaku script.js` would otherwise turn the app into a plain Node with our code signature.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage are encrypted at rest with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who can set our environment or arguments inject code.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is loaded only from app.asar, and only if its hash matches the one recorded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The page is served from taiyaku://app, so file: needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;
