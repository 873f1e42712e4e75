import { afterEach, beforeEach } from 'vitest';
import { exampleCard, examplePlan } from '../../../domain/documents/test-fixtures';
import { asksCompletion, type ExecutionPlan, type ManagementCard } from '../../../domain/documents';
import { makeTempDir } from '../../../db/test/temp-dir';
import { importBundleInputs } from '../bundle-import';
import {
  enroll,
  makeCopy,
  privateKeyOf,
  sha256Hex,
  signSubmission,
  type SubmissionSpec,
} from '../bundle-test-support';
import { directVerifier } from '../bundle-verify';
import type { BundleImportResult } from '../../../domain/api/contract';
import type { AppContext } from '../context';
import { officeHandlers } from '../office-handlers';

/**
 * The office's tests: a real office copy and one enrolled, approved department (경제진흥본부) per test, real
 * SQLite files in a temporary folder, bundles signed with the department's key and imported through the real path.
 */

export const LEAD = '경제진흥본부';
export const direct = { verifier: directVerifier };
export const request = { periodId: '2019-H1', today: '2019-07-20' };

export interface OfficeHarness {
  dir: ReturnType<typeof makeTempDir>;
  office: AppContext;
  dept: AppContext;
  /** The department's last accepted bundle, and the revision of the last one signed. */
  lastSha: string | null;
  revision: number;
  /** Signs the next revision with the department's key and imports it; returns the import status. */
  send(period: SubmissionSpec['period'], documents: { path: string; json: unknown }[]): Promise<string>;
  /** The same, returning the import's whole result (its reason when refused). */
  sendResult(
    period: SubmissionSpec['period'],
    documents: { path: string; json: unknown }[],
  ): Promise<BundleImportResult>;
}

/** Registers a fresh office and department before each test (removed after it). */
export function useOfficeHarness(): OfficeHarness {
  const h = {
    lastSha: null,
    revision: 0,
    async send(period, documents) {
      return (await h.sendResult(period, documents)).status;
    },
    async sendResult(period, documents) {
      h.revision += 1;
      const bytes = await signSubmission(await privateKeyOf(h.dept), {
        department: LEAD,
        period,
        revision: h.revision,
        previousBundleSha256: h.lastSha,
        documents,
      });
      const [result] = await importBundleInputs(h.office, [{ name: `r${h.revision}.pledge`, bytes }], direct);
      if (result === undefined) throw new Error('the import gave no result');
      if (result.status === 'accepted') h.lastSha = sha256Hex(bytes);
      return result;
    },
  } as OfficeHarness;
  beforeEach(async () => {
    h.dir = makeTempDir();
    h.office = await makeCopy(h.dir.path, 'office', { role: 'office' });
    h.dept = await makeCopy(h.dir.path, 'dept', { role: 'department', department: LEAD });
    await enroll(h.office, h.dept);
    h.lastSha = null;
    h.revision = 0;
  });
  afterEach(async () => {
    await h.office.close();
    await h.dept.close();
    h.dir.remove();
  });
  return h;
}

/**
 * Another department's copy sending signed bundles on its own chain (revision 1, 2, …), each imported by the
 * office through the real path; returns the import's result.
 */
export function departmentSender(
  h: OfficeHarness,
  copy: AppContext,
  department: string,
): (
  period: SubmissionSpec['period'],
  documents: { path: string; json: unknown }[],
) => Promise<BundleImportResult | undefined> {
  let previous: string | null = null;
  let revision = 0;
  return async (period, documents) => {
    revision += 1;
    const bytes = await signSubmission(await privateKeyOf(copy), {
      department,
      period,
      revision,
      previousBundleSha256: previous,
      documents,
    });
    const [result] = await importBundleInputs(
      h.office,
      [{ name: `${department}-r${revision}.pledge`, bytes }],
      direct,
    );
    previous = sha256Hex(bytes);
    return result;
  };
}

/** The examples cite attachments; these bundles carry none. */
export const basePlan = (): ExecutionPlan => {
  const plan = examplePlan();
  return {
    ...plan,
    lifecycle: 'submitted',
    citizenParticipation: { ...plan.citizenParticipation, attachments: [] },
  };
};

export const planDoc = (p: ExecutionPlan) => ({ path: 'documents/plan-1-1-1-plan.json', json: p });
/** A card as a bundle member, for the half-year given (the card's own periodId is set to it). */
export const cardDoc = (c: ManagementCard, periodId = '2019-H1') => ({
  path: `documents/card-1-1-1-${periodId}.json`,
  json: { ...c, periodId },
});

export function cardFor(plan: ExecutionPlan, status: ManagementCard['status']): ManagementCard {
  const card = exampleCard();
  return {
    ...card,
    citizenParticipation: { ...card.citizenParticipation, attachments: [] },
    status,
    completionEvidence: { summary: asksCompletion(status) ? '입주기업 150개사 달성' : '', attachments: [] },
    projectName: plan.projectName,
    policyGoal: plan.policyGoal,
  };
}

/** The lead department's row of the status table by department. */
export const statusOf = (view: Awaited<ReturnType<ReturnType<typeof officeHandlers>['getOfficeReport']>>) =>
  view.report.statusTables.byDepartment.find((r) => r.key === LEAD)?.counts;

/**
 * The department's first bundle (revision 1): its plan, citing these photos in its 시민참여 실적, and the photos as
 * the bundle's attachments.
 */
export async function planBundleWithPhotos(
  privateKeyPem: string,
  photos: readonly Buffer[],
): Promise<{ plan: ExecutionPlan; bytes: Buffer }> {
  const base = basePlan();
  const plan: ExecutionPlan = {
    ...base,
    citizenParticipation: {
      ...base.citizenParticipation,
      attachments: photos.map((bytes, i) => ({
        category: 'photo' as const,
        caption: `현장 사진 ${i + 1}`,
        file: {
          sha256: sha256Hex(bytes),
          name: `현장${i + 1}.jpg`,
          mediaType: 'image/jpeg',
          size: bytes.length,
        },
      })),
    },
  };
  const bytes = await signSubmission(privateKeyPem, {
    department: LEAD,
    period: 'plan',
    revision: 1,
    previousBundleSha256: null,
    documents: [planDoc(plan)],
    attachments: photos.map((photo) => ({ bytes: photo, mediaType: 'image/jpeg' })),
  });
  return { plan, bytes };
}

/**
 * A bundle from a second PC of the department, whose key the office has enrolled but not approved yet (it should
 * wait in quarantine): signed with that PC's key, as its revision 1, and imported.
 */
export async function sendFromUnapprovedPc(
  h: OfficeHarness,
  period: SubmissionSpec['period'],
  documents: { path: string; json: unknown }[],
): Promise<{ status: string; sha256: string }> {
  const other = await makeCopy(h.dir.path, 'dept-other-pc', { role: 'department', department: LEAD });
  try {
    await enroll(h.office, other, false);
    const bytes = await signSubmission(await privateKeyOf(other), {
      department: LEAD,
      period,
      revision: 1,
      previousBundleSha256: null,
      documents,
    });
    const [result] = await importBundleInputs(h.office, [{ name: 'other-pc.pledge', bytes }], direct);
    return { status: result?.status ?? 'none', sha256: sha256Hex(bytes) };
  } finally {
    await other.close();
  }
}

/** The lead department's plan (basePlan) sent and confirmed by the office (실천계획 확정). */
export async function sendConfirmedPlan(h: OfficeHarness): Promise<ExecutionPlan> {
  const plan = basePlan();
  await h.send('plan', [planDoc(plan)]);
  await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
  return plan;
}

/** The lead department's plan, confirmed by the office, and its 2019-H1 card reporting 완료. */
export async function sendConfirmedPlanAndCompletedCard(h: OfficeHarness): Promise<void> {
  const plan = await sendConfirmedPlan(h);
  await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))]);
}
