import { describe, expect, it } from 'vitest';
import { isNewerVersion, newerProgramNote } from './app-version';

describe('program versions', () => {
  it('compares releases part by part, as numbers', () => {
    expect(isNewerVersion('1.10.0', '1.9.9')).toBe(true);
    expect(isNewerVersion('2.0.0', '1.99.99')).toBe(true);
    expect(isNewerVersion('1.2.3', '1.2.3')).toBe(false);
    expect(isNewerVersion('1.2.3', '1.2.4')).toBe(false);
    expect(isNewerVersion('1.3.0-beta.1', '1.2.9')).toBe(true);
  });

  it('says nothing when either is no x.y.z version', () => {
    expect(isNewerVersion('dev', '1.0.0')).toBe(false);
    expect(isNewerVersion('9', '1.0.0')).toBe(false);
    expect(newerProgramNote('abc', '1.0.0')).toBe('');
  });

  it('names both versions when the package is newer', () => {
    const note = newerProgramNote('2.1.0', '2.0.5');
    expect(note).toContain('버전 2.1.0');
    expect(note).toContain('버전 2.0.5');
    expect(newerProgramNote('2.0.5', '2.1.0')).toBe('');
  });
});
