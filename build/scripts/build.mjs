// Builds every part: Node-side bundles with esbuild (Electron main, preload, browser-mode launcher, CLI, bench,
// bundle-verify worker) and the renderer with Vite. Output goes to out/ (ignored by git).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const only = process.argv.slice(2);

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Runtime dependencies stay in node_modules (better-sqlite3 is native; electron-builder packs them).
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
};

const esmBanner = {
  // Lets bundled ESM code use require() for CommonJS-only paths (e.g. require('electron') for its binary path).
  js: "import { createRequire as __pledgeCreateRequire } from 'node:module'; const require = __pledgeCreateRequire(import.meta.url);",
};

/** name → esbuild options. */
const targets = {
  electron: {
    entryPoints: ['main/electron/main.ts'],
    outfile: 'out/main/electron.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  preload: {
    entryPoints: ['preload/preload.ts'],
    outfile: 'out/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  start: { entryPoints: ['main/start.ts'], outfile: 'out/main/start.mjs', format: 'esm', banner: esmBanner },
  cli: { entryPoints: ['main/cli/run.ts'], outfile: 'out/cli/pledge.mjs', format: 'esm', banner: esmBanner },
  worker: {
    entryPoints: ['main/bundles/verify-worker-entry.ts'],
    outfile: 'out/main/verify-worker.mjs',
    format: 'esm',
    banner: esmBanner,
    // Self-contained: the packaged app starts it from app.asar.unpacked, where node_modules cannot be resolved.
    packages: undefined,
  },
  bench: {
    entryPoints: ['bench/bench.ts'],
    outfile: 'out/bench/bench.mjs',
    format: 'esm',
    banner: esmBanner,
  },
  // Started by the bench in a new process to time the app's start there (bench/start-times.ts).
  benchStart: {
    entryPoints: ['bench/start-child.ts'],
    outfile: 'out/bench/start-child.mjs',
    format: 'esm',
    banner: esmBanner,
  },
};

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.mts'), logLevel: 'warn' });
}

const selected = only.length > 0 ? only : [...Object.keys(targets), 'renderer'];
const started = Date.now();
for (const name of selected) {
  if (name === 'renderer') {
    rmSync(join(root, 'out/renderer'), { recursive: true, force: true });
    await buildRenderer();
    continue;
  }
  const target = targets[name];
  if (!target) throw new Error(`unknown build target: ${name}`);
  if (!existsSync(join(root, target.entryPoints[0]))) {
    console.warn(`build: skipping ${name} (${target.entryPoints[0]} does not exist yet)`);
    continue;
  }
  await build({ ...nodeCommon, ...target });
}
console.log(`build: ${selected.join(', ')} in ${Date.now() - started} ms`);
