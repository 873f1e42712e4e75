import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectBundle } from './verify';
import { writeBundle } from './write';
import { readZipEntries } from './read';
import { DEFAULT_LIMITS } from './limits';
import { DEPARTMENT, generateKeyPair, lookupFor, registryEntry, sampleInput } from './test-support/fixtures';
import { buildRawZip } from './test-support/raw-zip';

const keys = generateKeyPair();
const lookupKey = lookupFor(registryEntry(keys));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('writeBundle → inspectBundle', () => {
  it('round-trips documents, attachments and manifest fields', async () => {
    const input = sampleInput(keys);
    const bytes = await writeBundle(input);
    const check = await inspectBundle(bytes, { lookupKey, expectedType: 'pledge-submission' });
    if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
    expect(check.documents).toEqual(input.documents);
    expect(check.attachments.map((a) => [a.mediaType, Buffer.from(a.bytes).toString('hex')]).sort()).toEqual(
      input.attachments.map((a) => [a.mediaType, Buffer.from(a.bytes).toString('hex')]).sort(),
    );
    for (const a of check.attachments) expect(a.path).toBe(`attachments/${sha256(a.bytes)}`);
    expect(check.manifest).toMatchObject({ ...input.manifestFields, formatVersion: 1 });
    expect(check.bundleSha256).toBe(sha256(bytes));
    // Each attachment has its own bytes, not a view of the bundle's: sent on and stored, it carries nothing else,
    // and the bundle's buffer reused for something else leaves it as it was.
    expect(check.attachments.length).toBeGreaterThan(0);
    bytes.fill(0);
    for (const a of check.attachments) expect(a.path).toBe(`attachments/${sha256(a.bytes)}`);
  });

  it('is byte-for-byte deterministic and matches a zip assembled field by field', async () => {
    const a = await writeBundle(sampleInput(keys));
    const b = await writeBundle(sampleInput(keys));
    expect(a.equals(b)).toBe(true);
    const entries = await readZipEntries(a, DEFAULT_LIMITS);
    if (!entries.ok) throw new Error(entries.message);
    const rebuilt = buildRawZip(entries.entries.map((e) => ({ name: e.name, data: e.data, method: 0 })));
    expect(rebuilt.equals(a)).toBe(true);
  });

  it('lists entries as manifest.json, manifest.sig, then members by path', async () => {
    const entries = await readZipEntries(await writeBundle(sampleInput(keys)), DEFAULT_LIMITS);
    if (!entries.ok) throw new Error(entries.message);
    const names = entries.entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'manifest.sig']);
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
    expect(names).toHaveLength(6);
  });
  void DEPARTMENT;
});
