import { describe, expect, it } from 'vitest';
import { benchImport } from '../../bench/import-bench';
import { findVerifyWorkerFile } from './bundle-verify';

describe.runIf(findVerifyWorkerFile() !== null)('benchImport', () => {
  it('generates and imports a small folder of chained bundles through the worker', async () => {
    const lines: string[] = [];
    const result = await benchImport({ bundles: 24, departments: 4, log: (l) => lines.push(l) });
    expect(result.bundles).toBe(24);
    expect(result.accepted).toBe(24);
    expect(result.perSecond).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe('가져오기 24/24 (100%)');
  }, 60_000);
});
