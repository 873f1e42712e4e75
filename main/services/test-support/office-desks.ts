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

/** A document a desk saves and 제출s: one of the scenario's, or a 조정 요청서 (its slot is its request id). */
type DeskDocument = SentDocument | { kind: 'changeRequest'; projectId: string; requestId: string };

/**
 * The office's copy and one copy per department, each department's key enrolled at and approved by the office and
 * the office's key trusted by the department, with the two clocks the players move, and what every player does
 * with them (office-desks-changes.ts plays its own steps on the same set).
 */
export interface DeskSet {
  office: AppContext;
  desks: ReadonlyMap<string, AppContext>;
  /** A step at `at`: the office's clock then (or at the later import), the department's an hour before. */
  setClocks(at: string, officeAt?: string): void;
  deskOf(department: string): AppContext;
  /** Saves and 제출s the document on the department's copy (each document's version kept for the next save). */
  submit(department: string, doc: DeskDocument): Promise<void>;
  /** The desk's file of the period for those projects; refused documents fail the scenario. */
  made(department: string, period: string, projectIds: readonly string[]): Promise<string>;
  /** The office imports the file (with its 접수일 when given); any other outcome than `expected` fails. */
  imported(path: string, expected: string, context: string, receivedOn?: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDeskSet(root: string, departments: Iterable<string>): Promise<DeskSet> {
  let officeNow = new Date('2018-09-01T00:00:00Z');
  let deskNow = officeNow;
  const office = await makeCopy(root, 'office', { role: 'office' }, () => officeNow);
  const desks = new Map<string, AppContext>();
  const officeKey = (await exportEnrollment(office)).text;
  let n = 0;
  for (const department of departments) {
    const desk = await makeCopy(root, `dept-${++n}`, { role: 'department', department }, () => deskNow);
    await enroll(office, desk);
    await importEnrollment(desk, officeKey);
    desks.set(department, desk);
  }
  const versions = new Map<string, number>();
  const deskOf = (department: string): AppContext => {
    const desk = desks.get(department);
    if (desk === undefined) throw new Error(`no copy for ${department}`);
    return desk;
  };
  return {
    office,
    desks,
    setClocks(at, officeAt) {
      officeNow = new Date(officeAt ?? at);
      deskNow = new Date(Date.parse(at) - HOUR);
    },
    deskOf,
    async submit(department, doc) {
      const api = createHandlers(deskOf(department));
      const slot =
        doc.kind === 'executionPlan' ? 'plan' : doc.kind === 'changeRequest' ? doc.requestId : doc.periodId;
      const ref = { kind: doc.kind, projectId: doc.projectId, slot };
      const id = `${department}|${doc.kind}|${doc.projectId}|${slot}`;
      const draft = await api.saveDraft({ ...ref, json: doc, expectedVersion: versions.get(id) ?? null });
      const submitted = await api.submitDocument({ ...ref, expectedVersion: draft.version });
      versions.set(id, submitted.version);
    },
    async made(department, period, projectIds) {
      const file = await exportBundle(deskOf(department), { period, projectIds: [...projectIds] });
      if (file.refused.length > 0)
        throw new Error(`${department} ${period}: 제외된 문서 ${JSON.stringify(file.refused)}`);
      return file.path;
    },
    async imported(path, expected, context, receivedOn) {
      const [result] = await importBundles(office, [path], undefined, {
        ...verifier,
        ...(receivedOn === undefined ? {} : { receivedOn }),
      });
      if (result?.status !== expected) throw new Error(`${context}: ${JSON.stringify(result)}`);
    },
    async close() {
      for (const desk of desks.values()) await desk.close();
      await office.close();
    },
  };
}

/** One step of a RandomOffice on the desk set, at its time. */
export async function playStep(set: DeskSet, step: Step): Promise<void> {
  set.setClocks(step.at, step.kind === 'send' ? step.importedAt : undefined);
  const handlers = officeHandlers(set.office);
  switch (step.kind) {
    case 'send': {
      for (const doc of step.save) await set.submit(step.department, doc);
      const path = await set.made(step.department, step.period, step.projectIds);
      // `at` is written in Korean time: its date is the 접수일.
      const receivedOn = step.importedAt !== undefined ? step.at.slice(0, 10) : undefined;
      await set.imported(path, 'accepted', `${step.department} ${step.period}`, receivedOn);
      return;
    }
    case 'confirm':
      await handlers.confirmReceivedPlan({ projectId: step.projectId });
      return;
    case 'baseline': {
      const made = await exportBaseline(set.office);
      for (const desk of set.desks.values()) await applyBaseline(desk, { path: made.path }, verifier);
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

/**
 * `afterStep`, when given, runs after each step with the steps played so far (a test looks at the office's tables
 * midway through, as the office would between two imports).
 */
export async function playOffice(
  root: string,
  scenario: RandomOffice,
  afterStep?: (played: number, office: AppContext) => Promise<void>,
): Promise<OfficeDesks> {
  const set = await openDeskSet(root, scenario.behaviours.keys());
  const { office } = set;

  try {
    for (const [i, step] of scenario.steps.entries()) {
      await playStep(set, step);
      await afterStep?.(i + 1, office);
    }
  } catch (error) {
    await set.close();
    throw error;
  }
  return { office, close: () => set.close() };
}
