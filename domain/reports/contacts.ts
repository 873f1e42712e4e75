import type { CatalogProject } from '../catalog/types';
import { CONTACT_POSITION_LABELS, type ContactPerson } from '../documents/common';
import type { ExecutionPlan } from '../documents/execution-plan';
import type { ManagementCard } from '../documents/management-card';
import { findPeriod } from '../term/periods';
import { leadCardOf, type ReportContext } from './context';
import { memoized, memoTable } from './report-memo';
import type { ContactRow, NamedContact } from './types';

/**
 * 담당자 (공약실명제): per project, the lead department's 과장/팀장/담당 and each co-department's, as the newest
 * document the office counts names them — the half-year's card, else the card of the half-year just before, else
 * the lead's last card of an earlier half-year, else the confirmed plan. The office phones them about what is missing (제출 현황) and keeps the list (workbook). A
 * department's row without any named person says so, with no source.
 */
export function buildContacts(ctx: ReportContext): ContactRow[] {
  const kept = memoTable(ctx.memo, `contacts|${ctx.period.id}`);
  const rows: ContactRow[] = [];
  for (const project of ctx.projects) {
    const card = leadCardOf(ctx, project);
    const prior = ctx.priorCardsByProject.get(project.id)?.get(project.leadDepartment) ?? null;
    // Neither: the lead's last card of an earlier half-year (given only for such projects), if this lead's.
    const last = ctx.earlierCardByProject.get(project.id);
    const earlier = last?.department === project.leadDepartment ? last : null;
    // The plan names its writer's people: after a move (부서 이관) the first lead's, not this half-year's lead's.
    const planned = ctx.planByProject.get(project.id);
    const plan = planned?.department === project.leadDepartment ? planned : null;
    const part = memoized(
      kept,
      project.id,
      [ctx.projectKeys.get(project.id), card, prior, earlier, plan],
      () => contactsOf(ctx, project, [card, prior, earlier, plan]),
    );
    rows.push(...part);
  }
  return rows;
}

type Source = ManagementCard | ExecutionPlan | null;

function contactsOf(ctx: ReportContext, project: CatalogProject, sources: Source[]): ContactRow[] {
  const row = (
    department: string,
    role: ContactRow['role'],
    pick: (doc: ManagementCard | ExecutionPlan) => readonly ContactPerson[] | undefined,
  ): ContactRow => {
    for (const doc of sources) {
      if (doc === null) continue;
      const persons = named(pick(doc) ?? []);
      if (persons.length > 0)
        return {
          projectId: project.id,
          projectName: project.name,
          department,
          role,
          persons,
          source: sourceLabel(ctx, doc),
        };
    }
    return { projectId: project.id, projectName: project.name, department, role, persons: [], source: '' };
  };
  const rows = [row(project.leadDepartment, 'lead', (doc) => doc.leadContacts)];
  for (const co of project.coDepartments) {
    if (co === project.leadDepartment) continue;
    rows.push(
      row(co, 'co', (doc) => doc.cooperatingDepartments.find((c) => c.department.trim() === co)?.contacts),
    );
  }
  return rows;
}

/** The persons with a name or a phone, trimmed, in the document's order. */
function named(persons: readonly ContactPerson[]): NamedContact[] {
  const out: NamedContact[] = [];
  for (const p of persons) {
    const name = p.name.trim();
    const phone = p.phone.trim();
    if (name === '' && phone === '') continue;
    out.push({
      position: p.position,
      positionLabel: CONTACT_POSITION_LABELS[p.position],
      unit: p.unit.trim(),
      name,
      phone,
    });
  }
  return out;
}

function sourceLabel(ctx: ReportContext, doc: ManagementCard | ExecutionPlan): string {
  if (doc.kind === 'executionPlan') return '확정된 실천계획서';
  return `${findPeriod(ctx.input.term, doc.periodId)?.label ?? doc.periodId} 관리카드`;
}

/**
 * Whom to phone about a row: its 담당, else its 팀장, else its 과장 — "홍길동 담당 (투자창업과) ☎ 02-2133-6610". Null
 * when nobody is named.
 */
export function contactToCall(row: ContactRow): string | null {
  const person =
    row.persons.find((p) => p.position === 'officer') ??
    row.persons.find((p) => p.position === 'teamLeader') ??
    row.persons[0];
  if (person === undefined) return null;
  return contactText(person);
}

/** "홍길동 담당 (투자창업과) ☎ 02-2133-6610", each part only when written. */
export function contactText(p: NamedContact): string {
  const who = [p.name, p.positionLabel].filter((s) => s !== '').join(' ');
  return [who, p.unit === '' ? '' : `(${p.unit})`, p.phone === '' ? '' : `☎ ${p.phone}`]
    .filter((s) => s !== '')
    .join(' ');
}

/** Whom to call about a department's missing projects: each person once, with the projects; null: nobody named. */
export interface ContactsToCall {
  call: string | null;
  projectIds: string[];
}

/**
 * The department's contacts for the projects it still owes (제출 현황's 누락), grouped by whom to call, in the
 * order the projects come; the projects whose documents name nobody for the department come last.
 */
export function contactsToCall(
  contacts: readonly ContactRow[],
  department: string,
  projectIds: readonly string[],
): ContactsToCall[] {
  const byProject = new Map<string, ContactRow>();
  for (const row of contacts) if (row.department === department) byProject.set(row.projectId, row);
  const groups = new Map<string, string[]>();
  const nobody: string[] = [];
  for (const projectId of new Set(projectIds)) {
    const row = byProject.get(projectId);
    const call = row === undefined ? null : contactToCall(row);
    if (call === null) nobody.push(projectId);
    else {
      const ids = groups.get(call);
      if (ids === undefined) groups.set(call, [projectId]);
      else ids.push(projectId);
    }
  }
  const out: ContactsToCall[] = [...groups].map(([call, ids]) => ({ call, projectIds: ids }));
  if (nobody.length > 0) out.push({ call: null, projectIds: nobody });
  return out;
}
