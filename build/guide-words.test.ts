import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * 사용 안내 quotes the screens' own words (‘서명 키 만들기’, ‘기준 자료 적용’ …): each must still be written
 * somewhere in the renderer or the report's labels, or the guide would send a person looking for a button that
 * was renamed.
 */
const root = join(import.meta.dirname, '..');
const guide = join(root, 'renderer', 'src', 'screens', 'guide-steps.tsx');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && path !== guide ? [path] : [];
  });
}

describe('사용 안내', () => {
  it('quotes only words the screens still show', () => {
    const quoted = [...readFileSync(guide, 'utf8').matchAll(/‘([^’{}]+)’/g)].map((m) =>
      (m[1] as string).replace(/\s*\n\s*/g, ' '),
    );
    expect(quoted.length).toBeGreaterThan(20);
    const files = [
      ...sources(join(root, 'renderer', 'src')),
      ...sources(join(root, 'domain', 'reports')),
      ...sources(join(root, 'domain', 'api')),
    ];
    // Line breaks and indentation inside JSX text are one space on screen.
    const text = files.map((f) => readFileSync(f, 'utf8').replace(/\s*\n\s*/g, ' ')).join('\n');
    const missing = quoted.filter((q) => !text.includes(q));
    expect(missing, `not found in ${files.map((f) => relative(root, f)).length} files`).toEqual([]);
  });
});
