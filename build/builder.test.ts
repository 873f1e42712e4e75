import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaging config, loaded and schema-validated by electron-builder's own code (no Electron download, about
 * a second), then checked for the settings that matter on office PCs and for the native module.
 */
const projectDir = join(import.meta.dirname, '..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(projectDir, join(projectDir, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('kr.go.seoul.pledge');
    expect(config.productName).toBe('공약이행 관리');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build/resources' });
  });

  it('never rebuilds native modules itself (better-sqlite3 is rebuilt for Electron explicitly)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('packs the built output and keeps the native addon outside the asar', () => {
    // getConfig normalises `files` into file-set objects; collect their patterns.
    const patterns = [config.files]
      .flat()
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry?.filter ?? []].flat()));
    expect(patterns).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(patterns).not.toContain('**/*');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([
      '**/node_modules/better-sqlite3/**/*.node',
      'out/main/verify-worker.mjs',
    ]);
  });

  it('builds a per-user Korean NSIS installer for Windows x64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      language: '1042',
      installerLanguages: ['ko_KR'],
      deleteAppDataOnUninstall: false,
    });
  });

  it('has the app icon where electron-builder looks for it: a PNG of at least 256×256 (Windows needs that)', () => {
    const png = readFileSync(join(projectDir, config.directories?.buildResources ?? '', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the chunk's length and type.
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(256);
  });

  it('builds AppImage and deb for Linux, filed under Office', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
  });

  it('is refused by the same validation when a setting is wrong', async () => {
    const broken = { ...config, nsis: { ...config.nsis, perMachine: 'yes' } } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/perMachine/);
  });
});
