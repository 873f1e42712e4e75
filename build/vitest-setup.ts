// Vitest's global setup: builds the CLI and the bundle-verify worker once before any test file runs. Tests start
// both from out/ (the CLI as a child process, the worker through the verify pool), so a build left over from
// earlier code would otherwise be what they test.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'build', 'scripts', 'build.mjs'), 'cli', 'worker'], {
    cwd: root,
    stdio: 'inherit',
  });
}
