// Property-based attacks on a real bundle: every corruption is rejected, with a code of the matching category
// and a Korean message. Each property states the codes its kind of corruption may produce.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleCheck, InspectOptions } from './check-types';
import { keyId } from './key-material';
import type { KeyPairPem } from './key-material';
import { inspectBundle } from './verify';
import { writeBundle } from './write';
import { assemble, takeApart } from './test-support/craft';
import type { Piece } from './test-support/craft';
import { DEPARTMENT, generateKeyPair, lookupFor, registryEntry, sampleInput } from './test-support/fixtures';

const CONTAINER = ['ZIP_INVALID', 'ZIP_PATH', 'ZIP_DUPLICATE', 'ZIP_LIMIT', 'ZIP_ENTRY_TYPE'];
const HANGUL = /[가-힣]/;

const keys = generateKeyPair();
const others: KeyPairPem[] = Array.from({ length: 8 }, () => generateKeyPair());
const options: InspectOptions = {
  lookupKey: lookupFor(registryEntry(keys)),
  expectedType: 'pledge-submission',
};
let bundle: Buffer;
let pieces: Piece[];
let runs = 0;

beforeAll(async () => {
  bundle = await writeBundle(sampleInput(keys));
  pieces = await takeApart(bundle);
});

function assertRejected(check: BundleCheck, allowed: string[], mustName?: string): void {
  runs++;
  if (check.ok) throw new Error('corrupted bundle was accepted');
  if (!allowed.includes(check.code))
    throw new Error(`code ${check.code} not in [${allowed.join(', ')}]: ${check.message}`);
  if (!HANGUL.test(check.message)) throw new Error(`message not Korean: ${check.message}`);
  if (mustName && !check.message.includes(mustName))
    throw new Error(`message does not name ${mustName}: ${check.message}`);
}

describe('fast-check: corrupted bundles are always rejected', () => {
  it('random byte changes anywhere in the file → a container error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (flips) => {
          const copy = Buffer.from(bundle);
          const positions = new Set<number>();
          for (const [at, xor] of flips) {
            const i = at % copy.length;
            if (positions.has(i)) continue; // two flips on one byte could cancel out
            positions.add(i);
            copy[i] = copy[i]! ^ xor;
          }
          assertRejected(await inspectBundle(copy, options), CONTAINER);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every single-bit flip of the whole file, exhaustively', async () => {
    for (let i = 0; i < bundle.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(bundle);
        copy[i] = copy[i]! ^ (1 << bit);
        assertRejected(await inspectBundle(copy, options), CONTAINER);
      }
    }
  });

  it('truncations and appended bytes → ZIP_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uint8Array({ minLength: 0, maxLength: 40 }), async (cut, tail) => {
        const truncated = bundle.subarray(0, cut % bundle.length);
        assertRejected(await inspectBundle(Buffer.from(truncated), options), ['ZIP_INVALID']);
        if (tail.length > 0)
          assertRejected(await inspectBundle(Buffer.concat([bundle, tail]), options), ['ZIP_INVALID']);
      }),
      { numRuns: 600 },
    );
  });

  it('entries reordered → MEMBER_ORDER', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          pieces.map((_, i) => i),
          { minLength: pieces.length, maxLength: pieces.length },
        ),
        async (order) => {
          fc.pre(order.some((v, i) => v !== i));
          assertRejected(await inspectBundle(assemble(order.map((i) => pieces[i]!)), options), [
            'MEMBER_ORDER',
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an entry dropped → MEMBER_MISSING naming it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), async (i) => {
        const dropped = pieces[i % pieces.length]!;
        assertRejected(
          await inspectBundle(assemble(pieces.filter((p) => p !== dropped)), options),
          ['MEMBER_MISSING'],
          dropped.name,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('an entry added → MEMBER_EXTRA naming it', async () => {
    const segment = fc
      .stringMatching(/^[a-z0-9_-]{1,12}$/)
      .filter((s) => !/^(con|prn|aux|nul|com\d|lpt\d)$/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('documents/', 'attachments/', 'extra/', ''),
        segment,
        fc.constantFrom('.json', '.pdf', ''),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(),
        async (folder, base, ext, data, at) => {
          const name = `${folder}${base}${ext}`;
          fc.pre(!pieces.some((p) => p.name.toLowerCase() === name.toLowerCase()));
          const list = [...pieces];
          list.splice(at % (list.length + 1), 0, { name, data: Buffer.from(data) });
          assertRejected(await inspectBundle(assemble(list), options), ['MEMBER_EXTRA'], name);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an entry duplicated (same or case-changed name) → ZIP_DUPLICATE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.uint8Array({ maxLength: 50 }),
        async (which, at, upper, data) => {
          const original = pieces[which % pieces.length]!;
          const name = upper ? original.name.toUpperCase() : original.name;
          const list = [...pieces];
          list.splice(at % (list.length + 1), 0, { name, data: Buffer.from(data) });
          assertRejected(await inspectBundle(assemble(list), options), ['ZIP_DUPLICATE']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('content changed inside a validly zipped member → hash, signature or manifest error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, at, xor) => {
        const target = pieces[which % pieces.length]!;
        fc.pre(target.data.length > 0);
        const data = Buffer.from(target.data);
        data[at % data.length] = data[at % data.length]! ^ xor;
        const check = await inspectBundle(
          assemble(pieces.map((p) => (p === target ? { ...p, data } : p))),
          options,
        );
        if (target.name === 'manifest.json') {
          // A changed keyId or department finds no key; a broken text fails to parse; otherwise the signature fails.
          assertRejected(check, [
            'SIGNATURE_INVALID',
            'MANIFEST_INVALID',
            'MANIFEST_DUPLICATE_KEY',
            'KEY_UNKNOWN',
          ]);
        } else if (target.name === 'manifest.sig') {
          assertRejected(check, ['SIGNATURE_INVALID']);
        } else {
          assertRejected(check, ['MEMBER_HASH'], target.name);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('forged signatures of any length → SIGNATURE_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ maxLength: 130 })),
        async (sig) => {
          const list = pieces.map((p) => (p.name === 'manifest.sig' ? { ...p, data: Buffer.from(sig) } : p));
          assertRejected(await inspectBundle(assemble(list), options), ['SIGNATURE_INVALID']);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the wrong key registered under the key id → SIGNATURE_INVALID; an unregistered key → KEY_UNKNOWN, quarantined', async () => {
    const id = keyId(keys.publicKeyPem);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...others), fc.boolean(), async (other, register) => {
        if (register) {
          const lookupKey = lookupFor(registryEntry(other, { keyId: id }));
          assertRejected(await inspectBundle(bundle, { ...options, lookupKey }), ['SIGNATURE_INVALID']);
        } else {
          const check = await inspectBundle(bundle, {
            ...options,
            lookupKey: lookupFor(registryEntry(other)),
          });
          assertRejected(check, ['KEY_UNKNOWN'], id);
          expect(check.ok === false && check.quarantine).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a manifest re-signed by a key the registry does not hold for the department → rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...others),
        fc.integer({ min: 1, max: 1000 }),
        async (other, revision) => {
          const manifest = JSON.parse(pieces[0]!.data.toString('utf8')) as Record<string, unknown>;
          // The attacker may also claim the victim's key id: still only the registered public key verifies.
          const text = JSON.stringify({ ...manifest, revision });
          const { resign } = await import('./test-support/craft');
          const list = resign(pieces, Buffer.from(text), other.privateKeyPem);
          assertRejected(await inspectBundle(assemble(list), options), ['SIGNATURE_INVALID']);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round trip: random JSON documents and attachments come back equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,15}$/),
            json: fc.jsonValue({ maxDepth: 4 }),
          }),
          {
            maxLength: 4,
            selector: (d) => d.name,
          },
        ),
        fc.array(
          fc.record({
            bytes: fc.uint8Array({ maxLength: 300 }),
            mediaType: fc.constantFrom('application/pdf', 'image/png', 'text/plain'),
          }),
          {
            maxLength: 3,
          },
        ),
        async (docs, files) => {
          const documents = docs
            .filter((d) => !/^(con|prn|aux|nul|com\d|lpt\d)$/.test(d.name))
            .map((d) => ({ path: `documents/${d.name}.json`, json: d.json }));
          const unique = [...new Map(files.map((f) => [Buffer.from(f.bytes).toString('hex'), f])).values()];
          const input = { ...sampleInput(keys), documents, attachments: unique };
          const check = await inspectBundle(await writeBundle(input), options);
          runs++;
          if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
          const byPath = new Map(check.documents.map((d) => [d.path, d.json]));
          for (const d of documents) expect(byPath.get(d.path)).toEqual(JSON.parse(JSON.stringify(d.json)));
          expect(check.attachments.map((a) => Buffer.from(a.bytes).toString('hex')).sort()).toEqual(
            unique.map((f) => Buffer.from(f.bytes).toString('hex')).sort(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ran thousands of cases', () => {
    console.log(`fuzz: ${runs} inspected bundles; bundle ${bundle.length} bytes; department ${DEPARTMENT}`);
    expect(runs).toBeGreaterThan(5000);
  });
});
