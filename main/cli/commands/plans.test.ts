import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanConfirmationRow } from '../../../domain/api/contract';
import { examplePlan } from '../../../domain/documents/test-fixtures';
import { makeTempDir } from '../../../db/test/temp-dir';
import { importBundleInputs } from '../../services/bundle-import';
import { enroll, makeCopy, privateKeyOf, signSubmission } from '../../services/bundle-test-support';
import { directVerifier } from '../../services/bundle-verify';
import type { AppContext } from '../../services/context';
import { main } from '../index';
import { captureIo } from '../test-io';

// `pledge plans` in-process on a real office data folder that received one plan through the real import.
let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;

beforeEach(async () => {
  dir = makeTempDir();
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  const dept = await makeCopy(dir.path, 'dept', { role: 'department', department: '경제진흥본부' });
  try {
    await enroll(office, dept);
    const plan = examplePlan();
    const bytes = await signSubmission(await privateKeyOf(dept), {
      department: '경제진흥본부',
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [
        {
          path: 'documents/plan-1-1-1-plan.json',
          json: {
            ...plan,
            lifecycle: 'submitted',
            citizenParticipation: { ...plan.citizenParticipation, attachments: [] },
          },
        },
      ],
    });
    const [result] = await importBundleInputs(office, [{ name: 'r1.pledge', bytes }], {
      verifier: directVerifier,
    });
    expect(result?.status).toBe('accepted');
  } finally {
    await dept.close();
  }
});
afterEach(async () => {
  await office.close();
  dir.remove();
});

async function pledge(...args: string[]) {
  const io = captureIo();
  const code = await main(['plans', '--data', office.dataDir, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const stateOf = async (projectId: string) => {
  const listed = await pledge('--json');
  return (JSON.parse(listed.out) as PlanConfirmationRow[]).find((r) => r.projectId === projectId)?.state;
};

describe('pledge plans', () => {
  it('lists the plans to confirm, refuses a list with one it cannot confirm, then confirms all', async () => {
    const listed = await pledge();
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('확정 대기 1건');
    expect(listed.out).toMatch(/1-1-1\s+경제진흥본부\s+r1\s+확정 대기/);

    const refused = await pledge('--confirm', '1-1-1,1-1-2');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/1-1-2.*받지 않았습니다/);
    expect(await stateOf('1-1-1')).toBe('awaiting');

    const confirmed = await pledge('--confirm', 'all');
    expect(confirmed.code).toBe(0);
    expect(confirmed.out).toContain('실천계획서 1건을 확정했습니다: 1-1-1');
    expect(await stateOf('1-1-1')).toBe('confirmed');
    expect((await pledge('--confirm', 'all')).out).toContain('확정할 실천계획서가 없습니다.');
  });

  it('explains a --confirm without projects', async () => {
    const empty = await pledge('--confirm', ' , ');
    expect(empty.code).not.toBe(0);
    expect(empty.err).toContain('--confirm 에 all 또는 관리번호');
  });
});
