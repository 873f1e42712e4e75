import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditArchive } from './archive-audit';
import { dumpDatabase, makeCopy, privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { importBundleInputs } from './bundle-import';
import { directVerifier } from './bundle-verify';
import { databaseFileName } from './context';
import { UserError } from './errors';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  useOfficeHarness,
} from './test-support/office-harness';

/**
 * 받은 제출 파일 점검 on a real office copy: a plan (r1) and a 2019-H1 card (r2) accepted, a second r2 held as a
 * conflict. Then the data file is changed the way someone with the sqlite3 tool could, and the check must name
 * what no longer matches the signed files, writing nothing.
 */
const h = useOfficeHarness();

async function threeFiles(): Promise<{ r1: string; r2: string; held: string }> {
  const plan = basePlan();
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  const r1 = h.lastSha as string;
  expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
  const r2 = h.lastSha as string;
  // The same revision again with another status: held as a conflict, kept byte for byte.
  const other = await signSubmission(await privateKeyOf(h.dept), {
    department: LEAD,
    period: '2019-H1',
    revision: 2,
    previousBundleSha256: r1,
    documents: [cardDoc(cardFor(plan, 'partial'))],
  });
  const [held] = await importBundleInputs(h.office, [{ name: 'r2-again.pledge', bytes: other }], direct);
  expect(held?.status).toBe('held');
  return { r1, r2, held: sha256Hex(other) };
}

/** Runs SQL on the office's data file through a connection of its own, as the sqlite3 tool would. */
function tamper(sql: string, ...params: unknown[]): void {
  const sqlite = new BetterSqlite3(join(h.office.dataDir, databaseFileName));
  try {
    const changes = sqlite.prepare(sql).run(...params).changes;
    expect(changes).toBeGreaterThan(0);
  } finally {
    sqlite.close();
  }
}

describe('auditArchive', () => {
  it('finds nothing to say of files and documents as they were imported', async () => {
    await threeFiles();
    // A file signed with a key the office never registered waits in quarantine: nothing to verify it with yet.
    const stranger = await makeCopy(h.dir.path, 'stranger', { role: 'department', department: '문화본부' });
    const unknown = await signSubmission(await privateKeyOf(stranger), {
      department: '문화본부',
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [planDoc(basePlan())],
    });
    await stranger.close();
    const [quarantined] = await importBundleInputs(
      h.office,
      [{ name: 'stranger.pledge', bytes: unknown }],
      direct,
    );
    expect(quarantined?.status).toBe('quarantined');
    const before = await dumpDatabase(h.office);
    const audit = await auditArchive(h.office, direct);
    expect(audit).toMatchObject({
      integrity: null,
      files: 4,
      documents: 2,
      problems: [],
      more: 0,
      changedDuring: false,
    });
    expect(await dumpDatabase(h.office)).toEqual(before);
  });

  it('names a stored document changed outside the program, and leaves the data file as it is', async () => {
    const { r2 } = await threeFiles();
    tamper(
      `UPDATE received_documents SET json = json_set(json, '$.status', 'completed') WHERE bundle_sha256 = ?`,
      r2,
    );
    const before = await dumpDatabase(h.office);
    const audit = await auditArchive(h.office, direct);
    expect(audit.problems).toEqual([
      {
        bundleSha256: r2,
        department: LEAD,
        revision: 2,
        fileName: 'r2.pledge',
        problem: 'documents/card-1-1-1-2019-H1.json: 저장된 문서의 내용이 파일과 다릅니다.',
      },
    ]);
    expect(await dumpDatabase(h.office)).toEqual(before);
  });

  it('names a kept file whose bytes changed, a recorded revision that is not the signed one, a document gone', async () => {
    const { r1, r2, held } = await threeFiles();
    const sqlite = new BetterSqlite3(join(h.office.dataDir, databaseFileName));
    const row = sqlite.prepare('SELECT bytes FROM held_bundles WHERE sha256 = ?').get(held) as {
      bytes: Buffer;
    };
    row.bytes.writeUInt8(row.bytes.readUInt8(row.bytes.length - 1) ^ 1, row.bytes.length - 1);
    sqlite.close();
    tamper('UPDATE held_bundles SET bytes = ? WHERE sha256 = ?', row.bytes, held);
    tamper(`UPDATE bundles SET period = '2019-H2' WHERE sha256 = ?`, r2);
    tamper(`DELETE FROM received_documents WHERE bundle_sha256 = ?`, r1);
    const audit = await auditArchive(h.office, direct);
    const said = audit.problems.map((p) => [p.bundleSha256, p.problem]);
    expect(said).toEqual(
      expect.arrayContaining([
        [r1, 'documents/plan-1-1-1-plan.json: 저장된 문서가 없습니다.'],
        [r2, '기록된 기간(2019-H2)가 서명된 내용(2019-H1)과 다릅니다.'],
        [held, '보관한 파일의 내용이 이름(SHA-256)과 맞지 않습니다: 받은 뒤 바뀌었습니다.'],
      ]),
    );
    expect(said).toHaveLength(3);
  });

  it('says when the data changed while it ran (an import in between)', async () => {
    await threeFiles();
    let imported = false;
    const audit = await auditArchive(h.office, {
      verifier: async (...args) => {
        if (!imported) {
          imported = true;
          expect(await h.send('2019-H2', [cardDoc(cardFor(basePlan(), 'onTrack'), '2019-H2')])).toBe(
            'accepted',
          );
        }
        return directVerifier(...args);
      },
    });
    expect(audit.changedDuring).toBe(true);
    expect(audit.problems).toEqual([]);
    expect((await auditArchive(h.office, direct)).changedDuring).toBe(false);
  });

  it('is the office’s: a department copy is refused', async () => {
    await expect(auditArchive(h.dept, direct)).rejects.toBeInstanceOf(UserError);
  });
});
