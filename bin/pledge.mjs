#!/usr/bin/env node
// The `pledge` command: runs the CLI built by `npm run build` (the install step builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/cli/pledge.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    'pledge: 빌드된 CLI가 없습니다. 먼저 "npm run build"를 실행하세요 (out/cli/pledge.mjs not found).',
  );
  process.exit(2);
}
await import(cli);
