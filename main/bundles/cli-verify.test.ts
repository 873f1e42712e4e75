// Runs the hand-check commands exactly as README.md prints them, on bundles this library wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from './write';
import { assemble, takeApart } from './test-support/craft';
import type { Piece } from './test-support/craft';
import { generateKeyPair, sampleInput } from './test-support/fixtures';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const script = /<!-- verify-script[^>]*-->\s*```bash\n([\s\S]*?)```/.exec(doc)?.[1];
const grepLine = /`(grep -oE '"\(path\|sha256\)"[^`]*)`/.exec(doc)?.[1];
const tools = ['unzip', 'openssl', 'sha256sum', 'python3'].filter(
  (t) => spawnSync('which', [t]).status !== 0,
);

const keys = generateKeyPair();
const root = mkdtempSync(join(tmpdir(), 'pledge-cli-'));
let pieces: Piece[];
let bundle: Buffer;
let runs = 0;

beforeAll(async () => {
  bundle = await writeBundle(sampleInput(keys));
  pieces = await takeApart(bundle);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function runDocumented(zip: Buffer): { status: number | null; out: string } {
  const dir = join(root, `run-${runs++}`);
  spawnSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'bundle.zip'), zip);
  writeFileSync(join(dir, 'pub.pem'), keys.publicKeyPem);
  const result = spawnSync('bash', ['-c', script!], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe.skipIf(tools.length > 0)('documented standard-tool check', () => {
  it('finds the script and the grep alternative in the document', () => {
    expect(script).toContain(
      'openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in manifest.json -sigfile manifest.sig',
    );
    expect(grepLine).toBeDefined();
  });

  it('passes on a bundle the library wrote', () => {
    const result = runDocumented(bundle);
    expect(result.out).toContain('Signature Verified Successfully');
    expect(result.out).toContain('documents/card-1-1-1.json: OK');
    expect(result.out).toContain('번들 확인 완료');
    expect(result.status).toBe(0);
  });

  it('fails after one byte of any member changes (original manifest and signature kept)', () => {
    for (const target of pieces) {
      const data = Buffer.from(target.data);
      data[Math.floor(data.length / 2)] = data[Math.floor(data.length / 2)]! ^ 0x01;
      const result = runDocumented(assemble(pieces.map((p) => (p === target ? { ...p, data } : p))));
      expect({ member: target.name, status: result.status }).toEqual({ member: target.name, status: 1 });
      if (target.name === 'manifest.json' || target.name === 'manifest.sig') {
        expect(result.out).toContain('Signature Verification Failure');
      } else {
        expect(result.out).toContain(`${target.name}: FAILED`);
      }
    }
  });

  it('fails on an entry the manifest does not list, and with another public key', () => {
    const extra = runDocumented(
      assemble([...pieces, { name: 'documents/zz-extra.json', data: Buffer.from('{}') }]),
    );
    expect(extra.status).not.toBe(0);
    expect(extra.out).toContain('zz-extra.json');
    const dir = join(root, 'wrong-key');
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'bundle.zip'), bundle);
    writeFileSync(join(dir, 'pub.pem'), generateKeyPair().publicKeyPem);
    const wrong = spawnSync('bash', ['-c', script!], { cwd: dir, encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(`${wrong.stdout}${wrong.stderr}`).toContain('Signature Verification Failure');
  });

  it('the grep alternative lists the same hashes as the python one-liner', () => {
    const dir = join(root, 'grep');
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'manifest.json'), pieces[0]!.data);
    const py = spawnSync(
      'bash',
      [
        '-c',
        `python3 -c 'import json; [print(m["sha256"] + "  " + m["path"]) for m in json.load(open("manifest.json"))["members"]]'`,
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const grep = spawnSync('bash', ['-c', grepLine!.replace(/ > members\.sha256$/, '')], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(grep.stdout).toBe(py.stdout);
    expect(py.stdout.split('\n').filter(Boolean)).toHaveLength(4);
  });
});

it('has the standard tools the document names', () => {
  // unzip, openssl, sha256sum and python3 must be installed (apt-get install -y unzip openssl coreutils python3).
  expect(tools).toEqual([]);
});
