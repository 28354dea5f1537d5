// electron-builder configuration for the desktop installers (`npm run package`). The built app (out/), the lexicon,
// the kanji reading table and the sample go into app.asar; production dependencies (kuromoji's dictionary among them) come along by default.
import { join } from 'node:path';
import { flipFuses } from '@electron/fuses';
import { Arch, type AfterPackContext, type Configuration } from 'electron-builder';
import { TAIYAKU_FUSES } from './fuses';

/** The packaged executable inside electron-builder's output folder for one platform. */
export function packagedExecutable(context: AfterPackContext): string {
  const { productFilename } = context.packager.appInfo;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(context.appOutDir, `${productFilename}.exe`);
    default:
      // The Linux packager names its executable itself (the sanitized product name unless configured).
      return join(
        context.appOutDir,
        (context.packager as { executableName?: string }).executableName ??
          context.packager.appInfo.sanitizedName,
      );
  }
}

/** Sets Taiyaku's fuses in the packaged binary (electron-builder's afterPack hook). */
export async function setFusesAfterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedExecutable(context), {
    ...TAIYAKU_FUSES,
    // An arm64 macOS binary must be re-signed (ad hoc) after its fuses change, or it will not start.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
  });
}

/** The installers' configuration. */
export const electronBuilderConfig: Configuration = {
  appId: 'app.taiyaku.desktop',
  productName: 'Taiyaku',
  directories: { output: 'dist', buildResources: 'scripts/packaging/resources' },
  files: [
    'out/**',
    'data/lexicon/**',
    'data/kanjidic/**',
    'fixtures/seed/**',
    'package.json',
    '!**/*.map',
    '!**/*.test.*',
  ],
  asar: true,
  linux: { target: ['AppImage', 'deb'], category: 'Office' },
  win: { target: ['nsis'] },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  afterPack: setFusesAfterPack,
};
