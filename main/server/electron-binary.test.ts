import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const roots: string[] = [];

/** An app folder with a node_modules/electron package as its installer leaves it. */
function appWithElectron(files: { pathTxt?: string; binary?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'pledge-electron-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), '{"name":"x"}');
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1","main":"index.js"}');
  // index.js would download the binary; it must never be run by the lookup.
  writeFileSync(join(pkg, 'index.js'), 'throw new Error("index.js must not run")');
  if (files.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), files.pathTxt);
  if (files.binary !== undefined) writeFileSync(join(pkg, 'dist', files.binary), '');
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('returns the executable named by path.txt when it exists', () => {
    const root = appWithElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('returns null when the binary was never downloaded (no path.txt), without triggering a download', () => {
    expect(findElectronBinary(appWithElectron({}), {})).toBeNull();
  });

  it('returns null when path.txt names a missing file', () => {
    expect(findElectronBinary(appWithElectron({ pathTxt: 'electron' }), {})).toBeNull();
  });

  it('returns null without an electron package', () => {
    const root = mkdtempSync(join(tmpdir(), 'pledge-no-electron-'));
    roots.push(root);
    writeFileSync(join(root, 'package.json'), '{"name":"x"}');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = appWithElectron({ pathTxt: 'electron' });
    const elsewhere = join(root, 'unpacked');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(
      join(elsewhere, 'electron'),
    );
  });

  it('finds an unpacked binary through ELECTRON_OVERRIDE_DIST_PATH even without path.txt', () => {
    const root = appWithElectron({});
    const elsewhere = join(root, 'unpacked');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'electron.exe'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: elsewhere };
    expect(findElectronBinary(root, env, 'win32')).toBe(join(elsewhere, 'electron.exe'));
    expect(findElectronBinary(root, env, 'linux')).toBeNull();
  });
});
