import { applyBaseline, exportBaseline } from '../baseline';
import { exportBundle } from '../bundle-export';
import { importBundles } from '../bundle-import';
import { enroll, makeCopy } from '../bundle-test-support';
import { directVerifier } from '../bundle-verify';
import type { AppContext } from '../context';
import { createHandlers } from '../handlers';
import { exportEnrollment, importEnrollment } from '../key-service';
import { officeHandlers } from '../office-handlers';
import type { RandomOffice, SentDocument, Step } from './random-office';

/**
 * Plays a RandomOffice through the app as its users would: each department has its own copy (data folder, key
 * enrolled at and approved by the office, the office's key trusted for its 기준 자료); it saves and submits its
 * documents, exports signed bundles, and the office imports them, confirms plans and decides 완료 requests. The
 * office's clock is the step's time (or the later import's, with the 접수일 given), the department's an hour before
 * the step (when it made the file).
 */

export interface OfficeDesks {
  office: AppContext;
  close(): Promise<void>;
}

const verifier = { verifier: directVerifier };
const HOUR = 3_600_000;

/**
 * `afterStep`, when given, runs after each step with the steps played so far (a test looks at the office's tables
 * midway through, as the office would between two imports).
 */
export async function playOffice(
  root: string,
  scenario: RandomOffice,
  afterStep?: (played: number, office: AppContext) => Promise<void>,
): Promise<OfficeDesks> {
  let officeNow = new Date('2018-09-01T00:00:00Z');
  let deskNow = officeNow;
  const office = await makeCopy(root, 'office', { role: 'office' }, () => officeNow);
  const desks = new Map<string, AppContext>();
  const officeKey = (await exportEnrollment(office)).text;
  let n = 0;
  for (const department of scenario.behaviours.keys()) {
    const desk = await makeCopy(root, `dept-${++n}`, { role: 'department', department }, () => deskNow);
    await enroll(office, desk);
    await importEnrollment(desk, officeKey);
    desks.set(department, desk);
  }
  const versions = new Map<string, number>();
  const close = async () => {
    for (const desk of desks.values()) await desk.close();
    await office.close();
  };

  async function submit(desk: AppContext, department: string, doc: SentDocument): Promise<void> {
    const api = createHandlers(desk);
    const slot = doc.kind === 'executionPlan' ? 'plan' : doc.periodId;
    const ref = { kind: doc.kind, projectId: doc.projectId, slot };
    const id = `${department}|${doc.kind}|${doc.projectId}|${slot}`;
    const draft = await api.saveDraft({ ...ref, json: doc, expectedVersion: versions.get(id) ?? null });
    const submitted = await api.submitDocument({ ...ref, expectedVersion: draft.version });
    versions.set(id, submitted.version);
  }

  async function play(step: Step): Promise<void> {
    const importedLater = step.kind === 'send' && step.importedAt !== undefined;
    officeNow = new Date(step.kind === 'send' ? (step.importedAt ?? step.at) : step.at);
    deskNow = new Date(Date.parse(step.at) - HOUR);
    const handlers = officeHandlers(office);
    switch (step.kind) {
      case 'send': {
        const desk = desks.get(step.department);
        if (desk === undefined) throw new Error(`no copy for ${step.department}`);
        for (const doc of step.save) await submit(desk, step.department, doc);
        const made = await exportBundle(desk, { period: step.period, projectIds: step.projectIds });
        if (made.refused.length > 0)
          throw new Error(`${step.department} ${step.period}: 제외된 문서 ${JSON.stringify(made.refused)}`);
        // `at` is written in Korean time: its date is the 접수일.
        const receivedOn = importedLater ? { receivedOn: step.at.slice(0, 10) } : {};
        const [imported] = await importBundles(office, [made.path], undefined, {
          ...verifier,
          ...receivedOn,
        });
        if (imported?.status !== 'accepted')
          throw new Error(`${step.department} ${step.period}: ${JSON.stringify(imported)}`);
        return;
      }
      case 'confirm':
        await handlers.confirmReceivedPlan({ projectId: step.projectId });
        return;
      case 'baseline': {
        const made = await exportBaseline(office);
        for (const desk of desks.values()) await applyBaseline(desk, { path: made.path }, verifier);
        return;
      }
      case 'decideCompletion':
        await handlers.decideCompletion({
          projectId: step.projectId,
          periodId: step.periodId,
          decision: step.decision,
          note: step.decision === 'rejected' ? '증빙 보완 필요' : '',
        });
        return;
    }
  }

  try {
    for (const [i, step] of scenario.steps.entries()) {
      await play(step);
      await afterStep?.(i + 1, office);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { office, close };
}
