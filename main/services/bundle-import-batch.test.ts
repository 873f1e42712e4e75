// Exercises the import's batched commit (bundle-commit.ts): many accepted bundles in one transaction, each in its own savepoint.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { importBundleInputs } from './bundle-import';
import { readArchivedBundle } from './bundle-files';
import {
  dumpDatabase,
  makeCopy,
  registerApprovedKey,
  sha256Hex,
  signSubmission,
} from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { checkpointHeld } from './import-write-mode';
import type { AppContext } from './context';
import { generateKeyPair, type KeyPairPem } from '../bundles/index';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const departments = [...new Set(seoulMinseon7Catalog.projects.map((p) => p.leadDepartment))].slice(0, 2);
const projectOf = (department: string): string =>
  seoulMinseon7Catalog.projects.find((p) => p.leadDepartment === department)?.id ?? '';

async function office(root: string, name: string, pairs: Map<string, KeyPairPem>): Promise<AppContext> {
  const ctx = await makeCopy(root, name, { role: 'office' });
  for (const [department, pair] of pairs) {
    await registerApprovedKey(ctx, department, pair.publicKeyPem);
  }
  return ctx;
}

const bundleFor = (
  pair: KeyPairPem,
  department: string,
  revision: number,
  previous: string | null,
  note: string,
): Promise<Buffer> =>
  signSubmission(pair.privateKeyPem, {
    department,
    period: '2019-H1',
    revision,
    previousBundleSha256: previous,
    createdAt: `2019-07-0${revision}T09:00:00.000Z`,
    documents: [
      {
        path: `documents/finance-${projectOf(department)}-2019-H1.json`,
        json: {
          ...structuredClone(examples.financeRowJson),
          projectId: projectOf(department),
          department,
          periodId: '2019-H1',
          note,
        },
      },
    ],
  });

const tables = async (ctx: AppContext) => {
  const dump = await dumpDatabase(ctx);
  return {
    bundles: dump.bundles,
    held_bundles: dump.held_bundles,
    received_documents: dump.received_documents,
    department_chain: dump.department_chain,
  };
};

describe('batched commit of one import', () => {
  it('refuses a stale or forked bundle alone, exactly as one transaction per bundle would', async () => {
    const dir = makeTempDir('pledge-batch-');
    dirs.push(dir);
    const [a, b] = departments as [string, string];
    const pairs = new Map([
      [a, generateKeyPair()],
      [b, generateKeyPair()],
    ]);
    const pa = pairs.get(a) as KeyPairPem;
    const pb = pairs.get(b) as KeyPairPem;
    const a1 = await bundleFor(pa, a, 1, null, 'a1');
    const a2 = await bundleFor(pa, a, 2, sha256Hex(a1), 'a2');
    const a2other = await bundleFor(pa, a, 2, sha256Hex(a1), 'a2 다른 PC');
    const a3 = await bundleFor(pa, a, 3, sha256Hex(a2), 'a3');
    const b1 = await bundleFor(pb, b, 1, null, 'b1');
    const b2fork = await bundleFor(pb, b, 2, 'ab'.repeat(32), 'b2');
    const inputs = [
      { name: 'a3.pledge', bytes: a3 },
      { name: 'b2.pledge', bytes: b2fork },
      { name: 'a1.pledge', bytes: a1 },
      { name: 'a2-other.pledge', bytes: a2other },
      { name: 'b1.pledge', bytes: b1 },
      { name: 'a2.pledge', bytes: a2 },
      { name: 'a1-again.pledge', bytes: a1 },
    ];

    const batched = await office(dir.path, 'batched', pairs);
    const serial = await office(dir.path, 'serial', pairs);
    try {
      const autocheckpoint = async () =>
        (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(batched.db)).rows[0]
          ?.wal_autocheckpoint;
      const before = await autocheckpoint();
      const results = await importBundleInputs(batched, inputs, { verifier: directVerifier });
      // Checkpoints wait until after the import (import-write-mode); then the connection's setting is back.
      expect(await autocheckpoint()).toBe(0);
      expect(await checkpointHeld(batched.db)).toBe(true);
      expect(await autocheckpoint()).toBe(before);
      expect(before).toBeGreaterThan(0);
      expect(results.map((r) => `${r.file} ${r.code}`)).toEqual([
        'a3.pledge CHAIN_FORK',
        'b2.pledge CHAIN_FORK',
        'a1.pledge ACCEPTED',
        // a2-other and a2 carry the same revision; the commit order (department, revision, input order) takes
        // a2-other first, so the real a2 is held as a conflict and a3 (made after a2) is refused as a fork.
        'a2-other.pledge ACCEPTED',
        'b1.pledge ACCEPTED',
        'a2.pledge REVISION_CONFLICT',
        'a1-again.pledge DUPLICATE',
      ]);
      // The same files one import at a time, in the batched run's commit order: the same database.
      const order = [
        'a1.pledge',
        'a1-again.pledge',
        'a2-other.pledge',
        'a2.pledge',
        'a3.pledge',
        'b1.pledge',
        'b2.pledge',
      ];
      for (const name of order) {
        const input = inputs.find((i) => i.name === name);
        if (input) await importBundleInputs(serial, [input], { verifier: directVerifier });
      }
      expect(await tables(batched)).toEqual(await tables(serial));
      // Only accepted bundles are archived; every accepted one is, byte for byte.
      const archived = (await batched.db.selectFrom('bundle_files').select('sha256').execute()).map(
        (r) => r.sha256,
      );
      expect(archived.sort()).toEqual([a1, a2other, b1].map((bytes) => sha256Hex(bytes)).sort());
      for (const bytes of [a1, a2other, b1])
        expect((await readArchivedBundle(batched, sha256Hex(bytes)))?.equals(bytes)).toBe(true);
    } finally {
      await batched.close();
      await serial.close();
    }
  });
});

describe('an unexpected failure while verifying', () => {
  it('ends the import with the error instead of waiting for the missing input; nothing is half-written', async () => {
    const dir = makeTempDir('pledge-batch-fail-');
    dirs.push(dir);
    const [a] = departments as [string];
    const pairs = new Map([[a, generateKeyPair()]]);
    const pa = pairs.get(a) as KeyPairPem;
    const a1 = await bundleFor(pa, a, 1, null, 'a1');
    const a2 = await bundleFor(pa, a, 2, sha256Hex(a1), 'a2');
    const ctx = await office(dir.path, 'office', pairs);
    try {
      const verifier: typeof directVerifier = async (bytes, ...rest) => {
        if (Buffer.from(bytes).equals(a2)) throw new Error('디스크 오류 (시험)');
        return directVerifier(bytes, ...rest);
      };
      await expect(
        importBundleInputs(
          ctx,
          [
            { name: 'a1.pledge', bytes: a1 },
            { name: 'a2.pledge', bytes: a2 },
          ],
          { verifier },
        ),
      ).rejects.toThrow('디스크 오류 (시험)');
      // Nothing was half-written (a1 waited in an unflushed batch), and running the import again takes both.
      expect((await tables(ctx)).bundles).toEqual([]);
      const again = await importBundleInputs(
        ctx,
        [
          { name: 'a1.pledge', bytes: a1 },
          { name: 'a2.pledge', bytes: a2 },
        ],
        { verifier: directVerifier },
      );
      expect(again.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    } finally {
      await ctx.close();
    }
  });
});
