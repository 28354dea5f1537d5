import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBuilderConfig, setFusesAfterPack } from './packaging/electronBuilderConfig';

/**
 * A stand-in for an Electron binary: random bytes around Electron's fuse sentinel, version 1 and a wire of nine fuses
 * all set to the value Electron ships (the real binary cannot be downloaded here; the wire format is the same).
 */
function fakeElectronBinary(path: string): void {
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
  const shipped = '101001011'; // RunAsNode on, cookie encryption off, … as in a stock Electron
  const wire = Buffer.concat([Buffer.from([1, shipped.length]), Buffer.from(shipped, 'latin1')]);
  writeFileSync(
    path,
    Buffer.concat([Buffer.alloc(4096, 7), sentinel, wire, Buffer.alloc(4096, 7)]),
  );
}

describe('packaging', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'taiyaku-pack-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('flips the fuses of the packaged binary in afterPack', async () => {
    const executable = join(outDir, 'taiyaku');
    fakeElectronBinary(executable);
    const context = {
      appOutDir: outDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Taiyaku', sanitizedName: 'taiyaku' } },
    } as unknown as AfterPackContext;
    await setFusesAfterPack(context);
    const fuses = await getCurrentFuseWire(executable);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('packs the built app into an asar with the lexicon, the kanji readings and the sample', () => {
    expect(electronBuilderConfig.asar).toBe(true);
    expect(electronBuilderConfig.files).toEqual(
      expect.arrayContaining(['out/**', 'data/lexicon/**', 'data/kanjidic/**', 'fixtures/seed/**']),
    );
    expect(electronBuilderConfig.afterPack).toBe(setFusesAfterPack);
  });
});
