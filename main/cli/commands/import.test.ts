// `pledge import` in-process on a real office data folder: a file's line says what the screen says — 지연 when its
// documents arrived after the half-year's due date, and the 충돌 its cards brought.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleImportResult } from '../../../domain/api/contract';
import { exampleCard, examplePlan } from '../../../domain/documents/test-fixtures';
import { makeTempDir } from '../../../db/test/temp-dir';
import { importBundleInputs } from '../../services/bundle-import';
import {
  enroll,
  makeCopy,
  privateKeyOf,
  sha256Hex,
  signSubmission,
} from '../../services/bundle-test-support';
import { directVerifier } from '../../services/bundle-verify';
import type { AppContext } from '../../services/context';
import { officeHandlers } from '../../services/office-handlers';
import { runPledge } from '../test-io';

const LEAD = '경제진흥본부';
let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
let r1: string;

const plan = () => {
  const p = examplePlan();
  return {
    ...p,
    lifecycle: 'submitted',
    citizenParticipation: { ...p.citizenParticipation, attachments: [] },
  };
};

beforeEach(async () => {
  dir = makeTempDir();
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
  await enroll(office, dept);
  const bytes = await signSubmission(await privateKeyOf(dept), {
    department: LEAD,
    period: 'plan',
    revision: 1,
    previousBundleSha256: null,
    documents: [{ path: 'documents/plan-1-1-1-plan.json', json: plan() }],
  });
  const [result] = await importBundleInputs(office, [{ name: 'r1.pledge', bytes }], {
    verifier: directVerifier,
  });
  expect(result?.status).toBe('accepted');
  await officeHandlers(office).confirmReceivedPlan({ projectId: '1-1-1' });
  r1 = sha256Hex(bytes);
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

/** r2: the 2019-H1 card, its 정책목표 changed from the confirmed plan; written where the CLI reads it. */
async function lateConflictingCard(): Promise<string> {
  const card = exampleCard();
  const bytes = await signSubmission(await privateKeyOf(dept), {
    department: LEAD,
    period: '2019-H1',
    revision: 2,
    previousBundleSha256: r1,
    documents: [
      {
        path: 'documents/card-1-1-1-2019-H1.json',
        json: {
          ...card,
          periodId: '2019-H1',
          status: 'onTrack',
          completionEvidence: { summary: '', attachments: [] },
          citizenParticipation: { ...card.citizenParticipation, attachments: [] },
          projectName: plan().projectName,
          policyGoal: `${plan().policyGoal} (부서가 고침)`,
        },
      },
    ],
  });
  const path = join(dir.path, 'r2.pledge');
  writeFileSync(path, bytes);
  return path;
}

describe('pledge import', () => {
  it('says a late file is 지연 and where the conflict it brought waits', async () => {
    // Imported now (years after 2019-07-15): late.
    const path = await lateConflictingCard();
    const { code, out } = await runPledge('import', '--data', office.dataDir, path);
    expect(code).toBe(0);
    const line = out.split('\n').find((l) => l.includes('r2.pledge')) ?? '';
    expect(line.startsWith('[반영 (기한 지남: 지연)] ')).toBe(true);
    expect(line).toContain('제출 기한(2019-07-15) 뒤에 받아 문서 1건이 제출 현황에서 지연으로 집계됩니다.');
    expect(line.endsWith('충돌 1건 → 종합 현황 › 충돌')).toBe(true);
  });

  it('gives the same as late and conflicts with --json', async () => {
    const path = await lateConflictingCard();
    const { out } = await runPledge('import', '--data', office.dataDir, '--json', path);
    const parsed = JSON.parse(out) as { accepted: BundleImportResult[] };
    expect(parsed.accepted.map((r) => [r.late, r.conflicts])).toEqual([
      [{ dueDate: '2019-07-15', documents: 1 }, 1],
    ]);
  });
});
