// The office's import results name the department and half-year of every file whose manifest could be read: a
// verified bundle's plainly, a refused or unknown-key file's as what it only claims (marked unverified), and
// nothing for a file that is no bundle. The claim is never written anywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { makeTempDir } from '../../db/test/temp-dir';
import { assemble, takeApart } from '../bundles/test-support/craft';
import { importBundleInputs } from './bundle-import';
import { dumpDatabase, enroll, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';

const LEAD = '경제진흥본부';
const OTHER = '소방재난본부';
const direct = { verifier: directVerifier };

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let stranger: AppContext;

beforeEach(async () => {
  dir = makeTempDir('pledge-claimed-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
  stranger = await makeCopy(dir.path, 'stranger', { role: 'department', department: OTHER });
});
afterEach(async () => {
  for (const ctx of [office, dept, stranger]) await ctx.close();
  dir.remove();
});

/** A 2019-H1 bundle of 1-1-1's finance row, signed with the copy's key in the department's name. */
const halfYearBundle = async (ctx: AppContext, department: string) =>
  signSubmission(await privateKeyOf(ctx), {
    department,
    period: '2019-H1',
    revision: 1,
    previousBundleSha256: null,
    documents: [{ path: 'documents/finance-1-1-1-2019-H1.json', json: examples.financeRowJson }],
  });

/** The bundle with its manifest's period changed after signing (the signature no longer matches). */
async function withPeriodChanged(bundle: Buffer, period: string): Promise<Buffer> {
  const pieces = await takeApart(bundle);
  return assemble(
    pieces.map((p) => {
      if (p.name !== 'manifest.json') return p;
      const manifest = JSON.parse(p.data.toString('utf8')) as Record<string, unknown>;
      return { name: p.name, data: Buffer.from(JSON.stringify({ ...manifest, period }), 'utf8') };
    }),
  );
}

describe('the department and half-year of each imported file', () => {
  it('a forged file names what its manifest claims, marked unverified, and nothing of it is stored', async () => {
    await enroll(office, dept);
    const forged = await withPeriodChanged(await halfYearBundle(dept, LEAD), '2019-H2');
    const junk = Buffer.from('이것은 제출 파일이 아닙니다', 'utf8');
    const before = await dumpDatabase(office);
    const [forgedResult, junkResult] = await importBundleInputs(
      office,
      [
        { name: 'forged.pledge', bytes: forged },
        { name: 'junk.pledge', bytes: junk },
      ],
      direct,
    );
    expect(forgedResult).toMatchObject({
      status: 'rejected',
      code: 'SIGNATURE_INVALID',
      department: LEAD,
      period: '2019-H2',
      unverified: true,
      revision: null,
    });
    expect(junkResult).toMatchObject({
      status: 'rejected',
      department: null,
      period: null,
      unverified: false,
    });
    expect(await dumpDatabase(office)).toEqual(before);
  });

  it('a verified bundle is named plainly; one signed with an unregistered key is named as claimed', async () => {
    await enroll(office, dept);
    const [accepted, unknownKey] = await importBundleInputs(
      office,
      [
        { name: 'lead.pledge', bytes: await halfYearBundle(dept, LEAD) },
        { name: 'stranger.pledge', bytes: await halfYearBundle(stranger, OTHER) },
      ],
      direct,
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      department: LEAD,
      period: '2019-H1',
      unverified: false,
    });
    expect(unknownKey).toMatchObject({
      status: 'quarantined',
      code: 'KEY_UNKNOWN',
      department: OTHER,
      period: '2019-H1',
      unverified: true,
    });
  });

  it('a pending key has checked the signature: its quarantined bundle is named plainly', async () => {
    await enroll(office, dept, false);
    const [pending] = await importBundleInputs(
      office,
      [{ name: 'lead.pledge', bytes: await halfYearBundle(dept, LEAD) }],
      direct,
    );
    expect(pending).toMatchObject({
      status: 'quarantined',
      code: 'KEY_PENDING',
      department: LEAD,
      period: '2019-H1',
      unverified: false,
    });
  });

  it('a signed bundle refused for its documents is named plainly, with its period', async () => {
    await enroll(office, dept);
    // A plan sent as a 2019-H1 document: the signature holds, the content check refuses it.
    const misfiled = await signSubmission(await privateKeyOf(dept), {
      department: LEAD,
      period: '2019-H1',
      revision: 1,
      previousBundleSha256: null,
      documents: [{ path: 'documents/plan-1-1-1-plan.json', json: examples.planJson }],
    });
    const [refused] = await importBundleInputs(
      office,
      [{ name: 'misfiled.pledge', bytes: misfiled }],
      direct,
    );
    expect(refused).toMatchObject({
      status: 'rejected',
      department: LEAD,
      period: '2019-H1',
      unverified: false,
      revision: 1,
    });
  });
});
