import { josa } from '../text/josa';
import type { Term } from '../term/types';
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
   * Every (project, department) a stored or received document names, and whether that department sent one only a
   * project's lead sends (a 실천계획서, 관리카드 or 조정 요청서; a 재정집행현황 comes from co-departments too).
   */
  documents: { projectId: string; department: string; asLead: boolean }[];
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

const involved = (project: CatalogProject, department: string) =>
  project.leadDepartment === department || project.coDepartments.includes(department);

/**
 * Why the folder's data would not fit the new list (empty: it may be taken). Each reason names the projects or
 * departments concerned and what the office can do instead.
 */
export function catalogChangeRefusals(
  change: CatalogChange,
  after: { catalog: Catalog },
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
  const projects = new Map(after.catalog.projects.map((p) => [p.id, p]));
  const gone = new Set<string>();
  // Per project: a lead's documents under another lead would count as a co-department's (or nobody's).
  const leadMoved = new Map<string, Set<string>>();
  const orphaned = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, projectId: string, department: string) =>
    map.set(projectId, (map.get(projectId) ?? new Set<string>()).add(department));
  for (const { projectId, department, asLead } of facts.documents) {
    const project = projects.get(projectId);
    if (project === undefined) gone.add(projectId);
    else if (asLead && project.leadDepartment !== department) note(leadMoved, projectId, department);
    else if (!involved(project, department)) note(orphaned, projectId, department);
  }
  if (gone.size > 0)
    reasons.push(`문서가 있는 세부사업은 목록에서 뺄 수 없습니다: ${[...gone].sort().join(', ')}.`);
  for (const [projectId, departments] of leadMoved)
    reasons.push(
      `${projectId}: 주관부서 ${josa([...departments].join(', '), '이/가')} 보낸 실천계획서·관리카드·조정 요청서가 있어, ` +
        '주관부서를 바꿀 수 없습니다 (지난 문서가 다른 부서의 것이 됩니다).',
    );
  for (const [projectId, departments] of orphaned)
    reasons.push(
      `${projectId}: ${josa([...departments].join(', '), '이/가')} 보낸 재정집행현황이 있어, 그 부서를 협조부서에서 뺄 수 없습니다.`,
    );
  const named = new Set(listDepartments(after.catalog));
  const keyed = [...new Set(facts.departmentsWithKeys)].filter((d) => !named.has(d)).sort();
  if (keyed.length > 0)
    reasons.push(
      `서명 키가 등록된 부서가 새 목록에 없습니다: ${keyed.join(', ')}. 부서 이름을 바꾸는 기능은 아직 없으니 그 부서를 목록에 남겨 두세요.`,
    );
  return reasons;
}
