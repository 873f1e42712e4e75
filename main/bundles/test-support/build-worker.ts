import { build } from 'esbuild';

/**
 * Builds a worker entry into one self-contained ESM file, as build/scripts/build.mjs builds
 * out/main/verify-worker.mjs, so that a test can start it from a temporary folder.
 */
export async function buildWorkerEntry(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}
