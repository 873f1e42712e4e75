import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS, MANIFEST_NAME, type Manifest } from '../../bundles';
import { readZipEntries } from '../../bundles/read';
import { applyBaseline, exportBaseline } from '../baseline';
import { documentMemberPath } from '../bundle-content';
import { bundleHandlers } from '../bundle-handlers';
import { importBundleInputs } from '../bundle-import';
import { privateKeyOf, sha256Hex, signSubmission } from '../bundle-test-support';
import { directVerifier } from '../bundle-verify';
import type { AppContext } from '../context';
import { createHandlers } from '../handlers';
import { officeHandlers } from '../office-handlers';
import type { Catalog } from '../../../domain/catalog/types';
import { writeCatalogWorkbook } from '../../catalog/catalog-workbook';
import { type DeskSet, openDeskSet, playStep } from './office-desks';
import { catalog, type SentDocument, term } from './random-office';
import { type ChangesOffice, type ChangeStep, patched } from './random-office-changes';

/**
 * Plays a ChangesOffice through the app as office-desks.ts plays a RandomOffice (each department its own copy,
 * signed files, the office's copy importing, confirming and deciding, with the same clocks), and the steps that
 * one does not have: a department's 조정 요청서 drafted, 제출'd and sent; the office's decisions on it; a 기준 자료
 * that some departments do not apply; the office's decision on a card's 확정 항목 conflict, as its screen lists it;
 * a file made twice with one revision (the second on the department's other PC, signed with the same key), and the
 * office keeping the counted one or swapping the held one in; a 공약사업 목록 with a 부서 이관 taken by the office;
 * a plan sent again after the desk holds it confirmed (made as the department's other PC makes it, signed with its
 * key as the next file after the last one of it the office counts).
 */

export interface ChangesDesks {
  office: AppContext;
  /** For each file made twice: its two SHA-256, and which one the office counts in the end. */
  twins: { department: string; desk: string; twin: string; counted: string }[];
  close(): Promise<void>;
}

const verifier = { verifier: directVerifier };
const HOUR = 3_600_000;
const kstDate = (iso: string): string => new Date(Date.parse(iso) + 9 * HOUR).toISOString().slice(0, 10);

/** The document members of a file the desk made, by path. */
async function documentsOf(
  bytes: Buffer,
): Promise<{ manifest: Manifest; documents: { path: string; json: unknown }[] }> {
  const zip = await readZipEntries(bytes, DEFAULT_LIMITS);
  if (!zip.ok) throw new Error(`the desk's file cannot be read: ${zip.message}`);
  const byName = new Map(zip.entries.map((e) => [e.name, e.data]));
  const manifest = JSON.parse(String(byName.get(MANIFEST_NAME))) as Manifest;
  const documents = manifest.members
    .filter((m) => m.role === 'document')
    .map((m) => ({ path: m.path, json: JSON.parse(String(byName.get(m.path))) as unknown }));
  return { manifest, documents };
}

/**
 * The department sends its plan again as its next file after the last one of it the office counts, made on a PC
 * that holds the plan as the step says (the desk holds the confirmed plan, which it cannot send again), signed with
 * its key; the office imports it.
 */
export async function resendPlan(
  set: DeskSet,
  step: Extract<ChangeStep, { kind: 'resendPlan' }>,
): Promise<void> {
  set.setClocks(step.at);
  const chain = await set.office.db
    .selectFrom('department_chain')
    .select(['last_revision', 'last_bundle_sha256'])
    .where('department', '=', step.department)
    .executeTakeFirstOrThrow();
  const bytes = await signSubmission(await privateKeyOf(set.deskOf(step.department)), {
    department: step.department,
    period: 'plan',
    revision: chain.last_revision + 1,
    previousBundleSha256: chain.last_bundle_sha256,
    createdAt: new Date(Date.parse(step.at) - HOUR).toISOString(),
    documents: [{ path: documentMemberPath(step.plan, 'plan'), json: step.plan }],
  });
  const [result] = await importBundleInputs(
    set.office,
    [{ name: `${step.department}-plan-again.pledge`, bytes }],
    verifier,
  );
  if (result?.status !== 'accepted')
    throw new Error(`${step.department}'s plan sent again: ${JSON.stringify(result)}`);
}

/**
 * 부서 이관 as the office takes it: a 공약사업 목록 (the shipped one's, with a version of its own) in which the project is
 * led by `to` now, `from` having had it through `through`, previewed and applied on the office's copy.
 */
export async function moveProject(
  office: AppContext,
  step: Extract<ChangeStep, { kind: 'moveProject' }>,
): Promise<void> {
  const moved: Catalog = structuredClone(catalog);
  moved.version = `${catalog.version} 조직개편`;
  const project = moved.projects.find((p) => p.id === step.projectId);
  if (project === undefined) throw new Error(`no project ${step.projectId}`);
  project.leadDepartment = step.to;
  project.formerAssignments = [{ through: step.through, leadDepartment: step.from, coDepartments: [] }];
  const file = {
    name: '조직개편.xlsx',
    dataBase64: writeCatalogWorkbook(moved, term).toString('base64'),
  };
  const api = createHandlers(office);
  const preview = await api.previewCatalogChange(file);
  if (preview.refusals.length > 0) throw new Error(`부서 이관 refused: ${preview.refusals.join(' / ')}`);
  await api.applyCatalogChange({ ...file, currentVersion: preview.currentVersion });
}

export async function playChangesOffice(root: string, scenario: ChangesOffice): Promise<ChangesDesks> {
  const set = await openDeskSet(root, scenario.base.behaviours.keys());
  const { office, deskOf, submit, made, imported, close } = set;
  const twins: ChangesDesks['twins'] = [];

  async function play(step: ChangeStep): Promise<void> {
    const handlers = officeHandlers(office);
    set.setClocks(step.at, step.kind === 'send' ? step.importedAt : undefined);
    switch (step.kind) {
      case 'send':
      case 'confirm':
      case 'baseline':
      case 'decideCompletion':
        return playStep(set, step);
      case 'partialBaseline': {
        const file = await exportBaseline(office);
        for (const department of step.departments)
          await applyBaseline(deskOf(department), { path: file.path }, verifier);
        return;
      }
      case 'requestChange': {
        await submit(step.department, step.request);
        const path = await made(step.department, step.period, [step.request.projectId]);
        await imported(path, 'accepted', `${step.department} 조정 요청서 ${step.request.requestId}`);
        return;
      }
      case 'decideChange':
        await handlers.decideChangeRequest({
          department: step.department,
          requestId: step.requestId,
          status: step.status,
          date: kstDate(step.at),
          by: step.status === 'reviewing' ? '기획담당관' : '시민공약평가단',
          note: step.status === 'rejected' ? '공약 취지와 맞지 않음' : '',
        });
        return;
      case 'resolveFrozen': {
        // As the office does it: the conflict its screen lists for the card.
        const listed = (await handlers.getOfficeReport({ periodId: step.periodId })).conflicts.find(
          (c) =>
            c.kind === 'frozenFields' && c.projectId === step.projectId && c.department === step.department,
        );
        if (listed === undefined) throw new Error(`no 확정 항목 conflict listed for ${step.projectId}`);
        await handlers.resolveConflict({
          key: listed.key,
          projectId: step.projectId,
          periodId: step.periodId,
          decision: step.decision,
          note:
            step.decision === 'rejected'
              ? '정책목표가 승인된 조정과 다름: 기준 자료 적용 후 다시 제출'
              : '조정 승인 전 작성분으로 인정',
        });
        return;
      }
      case 'twinSend': {
        const { send } = step;
        const desk = deskOf(send.department);
        for (const doc of send.save) await submit(send.department, doc);
        const path = await made(send.department, send.period, send.projectIds);
        const bytes = readFileSync(path);
        // The other PC holds the same documents but for what it changed, and makes the same revision.
        const { manifest, documents } = await documentsOf(bytes);
        const twinBytes = await signSubmission(await privateKeyOf(desk), {
          department: manifest.department,
          period: manifest.period,
          revision: manifest.revision,
          previousBundleSha256: manifest.previousBundleSha256,
          createdAt: new Date(Date.parse(step.twinAt) - HOUR).toISOString(),
          documents: documents.map((d) => ({ ...d, json: patched(d.json as SentDocument, step.patches) })),
        });
        const twinFirst = Date.parse(step.twinAt) < Date.parse(send.at);
        const importTwin = async (status: string) => {
          set.setClocks(step.at, step.twinAt);
          const [result] = await importBundleInputs(
            office,
            [{ name: `${send.department}-other-pc.pledge`, bytes: twinBytes }],
            verifier,
          );
          if (result?.status !== status) throw new Error(`the other PC's file: ${JSON.stringify(result)}`);
        };
        const importDesk = async (status: string) => {
          set.setClocks(step.at, send.at);
          await imported(path, status, `${send.department} ${send.period}`);
        };
        if (twinFirst) {
          await importTwin('accepted');
          await importDesk('held');
        } else {
          await importDesk('accepted');
          await importTwin('held');
        }
        const deskSha = sha256Hex(bytes);
        const twinSha = sha256Hex(twinBytes);
        twins.push({
          department: send.department,
          desk: deskSha,
          twin: twinSha,
          counted: twinFirst ? twinSha : deskSha,
        });
        return;
      }
      case 'resendPlan':
        return resendPlan(set, step);
      case 'moveProject':
        return moveProject(office, step);
      case 'resolveTwin': {
        const twin = twins.find((t) => t.department === step.department);
        if (twin === undefined) throw new Error(`no file made twice by ${step.department}`);
        const held = twin.counted === twin.desk ? twin.twin : twin.desk;
        const listed = (await handlers.getOfficeReport({ periodId: step.period })).conflicts.find(
          (c) => c.kind === 'sameRevision' && c.heldSha256 === held,
        );
        if (listed === undefined) throw new Error(`the held file of ${step.department} is not listed`);
        if (step.choice !== 'keep') {
          const swap = bundleHandlers(office, verifier).swapHeldBundle;
          await swap({ sha256: held, note: '' });
          // Reversed: the file counted before is the one held now, and is swapped in again.
          if (step.choice === 'swapBack') await swap({ sha256: twin.counted, note: '다시 바꿈' });
          else twin.counted = held;
        } else
          await handlers.resolveConflict({
            key: listed.key,
            projectId: listed.projectId,
            periodId: step.period,
            decision: 'rejected',
            note: '먼저 받은 제출 파일 유지',
          });
        return;
      }
    }
  }

  try {
    for (const step of scenario.steps) await play(step);
  } catch (error) {
    await close();
    throw error;
  }
  return { office, twins, close };
}
