import { josa } from '../text/josa';
import type { Term } from '../term/types';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../documents/common';
import { listPeriods } from '../term/periods';
import { assignmentAt, departmentsEver, planDepartmentOf } from './assignments';
import { listDepartments } from './departments';
import type { Catalog, CatalogProject } from './types';

/**
 * 공약사업 목록 바꾸기: what a new list file changes against the list a folder uses, in lines a person reads before
 * taking it, and why it cannot be taken when the folder's data would no longer fit it. Pure: the facts about the
 * data (which projects have documents, from whom; which departments hold keys; whether a half-year was reported)
 * are gathered by main (main/services/catalog-change.ts).
 */

export interface CatalogChange {
  /** What differs, one line each, in the list's order (empty when nothing does). */
  lines: string[];
  added: string[];
  removed: string[];
  termChanged: boolean;
  /** The new list's 판 is the one in use although its content differs. */
  sameVersion: boolean;
}

export interface CatalogDataFacts {
  /**
   * Every document stored or received, by project, department, kind and slot (the half-year of a 관리카드 or
   * 재정집행현황): who sent it decides whose it is (the half-year's lead or a co-department).
   */
  documents: { projectId: string; department: string; kind: DocumentKind; slot: string }[];
  /** Departments with a key registered at the office. */
  departmentsWithKeys: string[];
  /** Whether any 관리카드 or 재정집행현황 is stored or received: the half-years' tables count the list's projects. */
  halfYearReported: boolean;
  /** Whether anything was received or written at all (documents, submission files, keys). */
  anyData: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const listText = (items: readonly string[]) => (items.length === 0 ? '없음' : items.join(', '));

export function describeCatalogChange(
  before: { catalog: Catalog; term: Term },
  after: { catalog: Catalog; term: Term },
): CatalogChange {
  const lines: string[] = [];
  const b = before.catalog;
  const a = after.catalog;
  const text = (what: string, from: string, to: string) => {
    if (from !== to) lines.push(`${what}: ${from || '(없음)'} → ${to || '(없음)'}`);
  };
  text('시·도', b.city, a.city);
  text('목록 이름', b.title, a.title);
  text('목록 기준일', b.asOf, a.asOf);
  text('목록 판', b.version, a.version);
  const termText = (t: Term) =>
    `${t.name} ${t.start} ~ ${t.end}, 실천계획서 제출기한 ${t.planDueDate}, 관리카드 제출일 ${t.cardDueDay}일`;
  const termChanged =
    before.term.start !== after.term.start ||
    before.term.end !== after.term.end ||
    before.term.cardDueDay !== after.term.cardDueDay ||
    before.term.planDueDate !== after.term.planDueDate;
  if (termChanged || before.term.name !== after.term.name || before.term.id !== after.term.id)
    lines.push(`임기: ${termText(before.term)} → ${termText(after.term)}`);

  const areasBefore = new Map(b.areas.map((x) => [x.id, x]));
  for (const area of a.areas) {
    const old = areasBefore.get(area.id);
    if (old === undefined) {
      lines.push(`분야 추가: ${area.id}. ${area.name}`);
      continue;
    }
    text(`분야 ${area.id} 이름`, old.name, area.name);
    text(`분야 ${area.id} 목표`, old.goal, area.goal);
    const goals = (x: typeof area) => x.subGoals.map((g) => g.name);
    if (!sameList(goals(old), goals(area)))
      lines.push(`분야 ${area.id} 정책내용: ${listText(goals(old))} → ${listText(goals(area))}`);
  }
  for (const old of b.areas)
    if (!a.areas.some((x) => x.id === old.id)) lines.push(`분야 삭제: ${old.id}. ${old.name}`);

  const coresBefore = new Map(b.corePledges.map((x) => [x.id, x]));
  for (const core of a.corePledges) {
    const old = coresBefore.get(core.id);
    if (old === undefined) {
      lines.push(`핵심공약 추가: ${core.id} ${core.name}`);
      continue;
    }
    text(`핵심공약 ${core.id} 이름`, old.name, core.name);
    text(`핵심공약 ${core.id} 공약번호`, String(old.campaignNumber ?? ''), String(core.campaignNumber ?? ''));
    text(`핵심공약 ${core.id} 공약분류`, old.campaignCategory ?? '', core.campaignCategory ?? '');
  }
  for (const old of b.corePledges)
    if (!a.corePledges.some((x) => x.id === old.id)) lines.push(`핵심공약 삭제: ${old.id} ${old.name}`);

  const projectsBefore = new Map(b.projects.map((x) => [x.id, x]));
  const added: string[] = [];
  for (const project of a.projects) {
    const old = projectsBefore.get(project.id);
    if (old === undefined) {
      added.push(project.id);
      lines.push(`세부사업 추가: ${project.id} ${project.name} (${project.leadDepartment})`);
      continue;
    }
    text(`세부사업 ${project.id} 이름`, old.name, project.name);
    text(`세부사업 ${project.id} 주관부서`, old.leadDepartment, project.leadDepartment);
    if (!sameList(old.coDepartments, project.coDepartments))
      lines.push(
        `세부사업 ${project.id} 협조부서: ${listText(old.coDepartments)} → ${listText(project.coDepartments)}`,
      );
    if (!sameList(old.subItems, project.subItems))
      lines.push(`세부사업 ${project.id} 세부항목: ${old.subItems.length}개 → ${project.subItems.length}개`);
    if (old.corePledgeId !== project.corePledgeId)
      lines.push(`세부사업 ${project.id} 핵심공약: ${old.corePledgeId} → ${project.corePledgeId}`);
    text(`세부사업 ${project.id} 부서 이관 기록`, movesText(old), movesText(project));
  }
  const removed = b.projects.filter((p) => !a.projects.some((x) => x.id === p.id)).map((p) => p.id);
  for (const id of removed) {
    const old = projectsBefore.get(id);
    lines.push(`세부사업 삭제: ${id} ${old?.name ?? ''}`);
  }
  const orderChanged =
    added.length === 0 &&
    removed.length === 0 &&
    !sameList(
      b.projects.map((p) => p.id),
      a.projects.map((p) => p.id),
    );
  if (orderChanged) lines.push('세부사업의 순서가 바뀌었습니다.');
  const changed = lines.some((l) => !l.startsWith('목록 판'));
  return {
    lines,
    added,
    removed,
    termChanged,
    sameVersion: changed && b.version === a.version,
  };
}

/** A project's 부서 이관 기록 in one line ('' without one). */
export function movesText(project: CatalogProject): string {
  return (project.formerAssignments ?? [])
    .map(
      (f) =>
        `${f.through}까지 ${f.leadDepartment}${f.coDepartments.length > 0 ? ` (협조: ${f.coDepartments.join(', ')})` : ''}`,
    )
    .join('; ');
}

type Role = 'lead' | 'co' | 'none';

/**
 * Whose a document is under a list: a 관리카드 or 재정집행현황 is its half-year's lead's or a co-department's, a
 * 실천계획서 its first lead's (planDepartmentOf), a 조정 요청서 the lead's that sent it (the current one, or a former
 * one whose requests stay in the record).
 */
function roleOf(project: CatalogProject, doc: CatalogDataFacts['documents'][number]): Role {
  switch (doc.kind) {
    case 'managementCard':
    case 'financeRow': {
      const at = assignmentAt(project, doc.slot);
      return at.leadDepartment === doc.department
        ? 'lead'
        : at.coDepartments.includes(doc.department)
          ? 'co'
          : 'none';
    }
    case 'executionPlan':
      return planDepartmentOf(project) === doc.department ? 'lead' : 'none';
    case 'changeRequest':
      return doc.department === project.leadDepartment ||
        (project.formerAssignments ?? []).some((f) => f.leadDepartment === doc.department)
        ? 'lead'
        : 'none';
  }
}

const halfYearKinds: ReadonlySet<DocumentKind> = new Set(['managementCard', 'financeRow']);

/**
 * Why the folder's data would not fit the new list (empty: it may be taken). Each reason names the projects or
 * departments concerned and what the office can do instead.
 */
export function catalogChangeRefusals(
  change: CatalogChange,
  before: { catalog: Catalog },
  after: { catalog: Catalog; term: Term },
  facts: CatalogDataFacts,
): string[] {
  const reasons: string[] = [];
  if (change.sameVersion)
    reasons.push(
      "목록 판이 지금 목록과 같습니다. '기본 정보' 시트의 목록 판을 바꿔 두 목록을 구별할 수 있게 하세요 (예: 2019-03-01 개정).",
    );
  if (change.termChanged && facts.anyData)
    reasons.push(
      '임기(시작·끝, 제출기한, 관리카드 제출일)는 자료가 있는 데이터 폴더에서 바꿀 수 없습니다: 받은 문서의 반기와 제출 기한이 그 임기를 따릅니다. 다음 임기는 새 데이터 폴더로 시작하세요.',
    );
  if (facts.halfYearReported && (change.added.length > 0 || change.removed.length > 0))
    reasons.push(
      `관리카드나 재정집행현황을 받은 뒤에는 세부사업을 더하거나 뺄 수 없습니다 (지난 반기 표의 사업 수가 바뀝니다): ` +
        `${[...change.added.map((id) => `${id} 추가`), ...change.removed.map((id) => `${id} 삭제`)].join(', ')}.`,
    );
  const periods = listPeriods(after.term).map((p) => p.id);
  for (const project of after.catalog.projects)
    for (const former of project.formerAssignments ?? [])
      if (!periods.slice(0, -1).includes(former.through))
        reasons.push(
          `${project.id}: 부서 이관 기록의 마지막 반기 ${josa(former.through, '은/는')} 임기(${periods[0] ?? ''} ~ ${periods.at(-2) ?? ''})의 반기가 아닙니다 (임기의 마지막 반기는 지금 부서의 것입니다).`,
        );
  const projectsBefore = new Map(before.catalog.projects.map((p) => [p.id, p]));
  const projects = new Map(after.catalog.projects.map((p) => [p.id, p]));
  const gone = new Set<string>();
  // Per project and department: documents that were a lead's and would no longer be (another department's, or a
  // co-department's), and a co-department's 재정집행현황 whose department would no longer be on the project in its
  // half-year.
  const leadMoved = new Map<string, Map<string, Set<string>>>();
  const orphaned = new Map<string, Map<string, Set<string>>>();
  const note = (map: typeof leadMoved, doc: CatalogDataFacts['documents'][number]) => {
    const byDepartment = map.get(doc.projectId) ?? new Map<string, Set<string>>();
    map.set(doc.projectId, byDepartment);
    const what = halfYearKinds.has(doc.kind)
      ? `${doc.slot} ${DOCUMENT_KIND_LABELS[doc.kind]}`
      : DOCUMENT_KIND_LABELS[doc.kind];
    byDepartment.set(doc.department, (byDepartment.get(doc.department) ?? new Set<string>()).add(what));
  };
  for (const doc of facts.documents) {
    const project = projects.get(doc.projectId);
    if (project === undefined) {
      gone.add(doc.projectId);
      continue;
    }
    const old = projectsBefore.get(doc.projectId);
    // A document of a project the list did not have is judged by the new list alone.
    const was = old === undefined ? roleOf(project, doc) : roleOf(old, doc);
    const now = roleOf(project, doc);
    if (was === 'lead' && now !== 'lead') note(leadMoved, doc);
    else if (was === 'co' && now === 'none') note(orphaned, doc);
  }
  const sent = (byDepartment: Map<string, Set<string>>) =>
    [...byDepartment]
      .map(([department, what]) => `${department}의 ${[...what].sort().join(', ')}`)
      .join('; ');
  if (gone.size > 0)
    reasons.push(`문서가 있는 세부사업은 목록에서 뺄 수 없습니다: ${[...gone].sort().join(', ')}.`);
  for (const [projectId, byDepartment] of leadMoved)
    reasons.push(
      `${projectId}: 주관부서로 보낸 문서(${sent(byDepartment)})가 다른 부서의 것이 되어, 그 문서의 주관부서를 ` +
        "바꿀 수 없습니다. 주관부서를 옮기려면 '부서 이관' 시트에 옮기기 전 부서와 그 부서가 맡은 마지막 반기를 적으세요.",
    );
  for (const [projectId, byDepartment] of orphaned)
    reasons.push(
      `${projectId}: 협조부서로 보낸 재정집행현황(${sent(byDepartment)})이 있어, 그 반기의 협조부서에서 뺄 수 없습니다.`,
    );
  // A former department keeps its key: its files of the half-years it had are verified with it.
  const named = new Set([
    ...listDepartments(after.catalog),
    ...after.catalog.projects.flatMap(departmentsEver),
  ]);
  const keyed = [...new Set(facts.departmentsWithKeys)].filter((d) => !named.has(d)).sort();
  if (keyed.length > 0)
    reasons.push(
      `서명 키가 등록된 부서가 새 목록에 없습니다: ${keyed.join(', ')}. 부서 이름을 바꾸는 기능은 아직 없으니 그 부서를 목록에 남겨 두세요.`,
    );
  return reasons;
}
