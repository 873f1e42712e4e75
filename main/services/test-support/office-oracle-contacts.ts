import type { CatalogProject } from '../../../domain/catalog/types';
import type { ContactPerson, ExecutionPlan, ManagementCard } from '../../../domain/documents';
import { catalog, HALF_YEARS } from './random-office';
import type { ContactsOffice, ContactsStep, MoveStep } from './random-office-contacts';

/**
 * 담당자 (공약실명제) as the office's report should list them for a half-year, from the documents the test sent and
 * the office's 확정s and 부서 이관 alone. Per catalog project, in catalog order, its lead's row and then one per
 * co-department (other than the lead), each naming the people of the first of these documents that names anyone
 * for that department (a row without anyone named has no source):
 *
 * 1. the lead's card of the half-year (its latest version) — the lead of that half-year, after a 부서 이관 the new one;
 * 2. else the card of the half-year just before, if this lead sent it (not the former lead's before a move);
 * 3. else, only where the lead of each half-year sent no card of the half-year nor of the one before, the card of
 *    the latest earlier half-year its lead of then sent (its latest version), if that was this lead;
 * 4. else the plan as the office last confirmed it, if this lead wrote it (not the former lead's after a move).
 *
 * The lead's row reads a document's 주관부서 담당자; a co-department's the entry of the document's 협조부서 whose name
 * (blank spaces around it ignored) is that department, the first such entry. A person counts when a name or a phone
 * is written, everything trimmed, in the document's order. A co-department's own card is never read.
 */

export interface ExpectedContact {
  position: ContactPerson['position'];
  positionLabel: string;
  unit: string;
  name: string;
  phone: string;
}

export type ContactSource = 'card' | 'priorCard' | 'earlierCard' | 'plan' | 'none';

export interface ExpectedContactRow {
  projectId: string;
  projectName: string;
  department: string;
  role: 'lead' | 'co';
  persons: ExpectedContact[];
  source: string;
}

const POSITION_LABELS: Record<ContactPerson['position'], string> = {
  chief: '과장',
  teamLeader: '팀장',
  officer: '담당',
};

/** "2019년 상반기 관리카드", as the forms name a half-year. */
const cardLabel = (periodId: string): string =>
  `${periodId.slice(0, 4)}년 ${periodId.endsWith('H1') ? '상반기' : '하반기'} 관리카드`;

/** The catalog's projects with their lead and co-departments of the half-year (the move's from its next one on). */
export function projectsAt(move: MoveStep | undefined, periodId: string): CatalogProject[] {
  return catalog.projects.map((p) =>
    move !== undefined && p.id === move.projectId
      ? { ...p, leadDepartment: periodId > move.through ? move.to : move.from }
      : p,
  );
}

export function expectedContacts(
  office: Pick<ContactsOffice, 'steps' | 'move'>,
  periodId: string,
): {
  rows: ExpectedContactRow[];
  sources: Map<string, ContactSource>;
  /** A co-department's row read from an entry whose name has blank spaces around it. */
  paddedEntry: boolean;
  /** The moved project's former lead sent a card of the half-year before (one the new lead's row must not read). */
  formerPriorCard: boolean;
} {
  const sent = new Map<string, ExecutionPlan>();
  const confirmed = new Map<string, ExecutionPlan>();
  const cards = new Map<string, ManagementCard>(); // `${periodId}|${projectId}|${department}`, the latest
  for (const step of office.steps as readonly ContactsStep[]) {
    if (step.kind === 'confirm') {
      const plan = sent.get(step.projectId);
      if (plan !== undefined) confirmed.set(step.projectId, plan);
    }
    if (step.kind !== 'send') continue;
    for (const doc of step.save) {
      if (doc.kind === 'executionPlan') sent.set(doc.projectId, doc);
      if (doc.kind === 'managementCard') cards.set(`${doc.periodId}|${doc.projectId}|${doc.department}`, doc);
    }
  }
  const leadAt = (projectId: string, half: string): string =>
    projectsAt(office.move, half).find((p) => p.id === projectId)?.leadDepartment ?? '';
  const cardOf = (projectId: string, half: string | undefined, department: string) =>
    half === undefined ? undefined : cards.get(`${half}|${projectId}|${department}`);

  const before = HALF_YEARS.slice(0, HALF_YEARS.indexOf(periodId));
  const prior = before.at(-1);
  const rows: ExpectedContactRow[] = [];
  const sources = new Map<string, ContactSource>(); // `${projectId}|${department}`
  let paddedEntry = false;
  const { move } = office;
  const formerPriorCard =
    move !== undefined && prior !== undefined && cardOf(move.projectId, prior, move.from) !== undefined;
  for (const project of projectsAt(office.move, periodId)) {
    const lead = project.leadDepartment;
    const card = cardOf(project.id, periodId, lead);
    const priorCard = cardOf(project.id, prior, lead);
    const reportedLately =
      card !== undefined ||
      (prior !== undefined && cardOf(project.id, prior, leadAt(project.id, prior)) !== undefined);
    const earlier = reportedLately
      ? undefined
      : before
          .slice(0, -1)
          .map((h) => cardOf(project.id, h, leadAt(project.id, h)))
          .filter((c) => c !== undefined)
          .at(-1);
    const plan = confirmed.get(project.id);
    const found: [ContactSource, ManagementCard | ExecutionPlan | undefined][] = [
      ['card', card],
      ['priorCard', priorCard],
      ['earlierCard', earlier?.department === lead ? earlier : undefined],
      ['plan', plan?.department === lead ? plan : undefined],
    ];
    const row = (
      department: string,
      role: 'lead' | 'co',
      pick: (doc: ManagementCard | ExecutionPlan) => readonly ContactPerson[] | undefined,
    ): ExpectedContactRow => {
      for (const [source, doc] of found) {
        const persons = doc === undefined ? [] : named(pick(doc) ?? []);
        if (doc === undefined || persons.length === 0) continue;
        sources.set(`${project.id}|${department}`, source);
        if (role === 'co')
          paddedEntry ||=
            doc.cooperatingDepartments.find((c) => c.department.trim() === department)?.department !==
            department;
        const label = doc.kind === 'executionPlan' ? '확정된 실천계획서' : cardLabel(doc.periodId);
        return { projectId: project.id, projectName: project.name, department, role, persons, source: label };
      }
      sources.set(`${project.id}|${department}`, 'none');
      return { projectId: project.id, projectName: project.name, department, role, persons: [], source: '' };
    };
    rows.push(row(lead, 'lead', (doc) => doc.leadContacts));
    for (const co of project.coDepartments.filter((d) => d !== lead))
      rows.push(
        row(co, 'co', (doc) => doc.cooperatingDepartments.find((c) => c.department.trim() === co)?.contacts),
      );
  }
  return { rows, sources, paddedEntry, formerPriorCard };
}

function named(persons: readonly ContactPerson[]): ExpectedContact[] {
  return persons
    .map((p) => ({
      position: p.position,
      positionLabel: POSITION_LABELS[p.position],
      unit: p.unit.trim(),
      name: p.name.trim(),
      phone: p.phone.trim(),
    }))
    .filter((p) => p.name !== '' || p.phone !== '');
}

/** What a seed is about in a half-year: each row's source by role, and the moved project's case. */
export function contactCases(
  office: Pick<ContactsOffice, 'move' | 'movedCardSent'>,
  expected: ReturnType<typeof expectedContacts>,
  periodId: string,
): Set<string> {
  const cases = new Set<string>();
  const leads = new Map(projectsAt(office.move, periodId).map((p) => [p.id, p.leadDepartment]));
  for (const [key, source] of expected.sources) {
    const [projectId, department] = key.split('|');
    cases.add(`${leads.get(projectId ?? '') === department ? 'lead' : 'co'}: ${source}`);
  }
  if (expected.paddedEntry) cases.add('co: an entry named with blank spaces around it');
  const moved = expected.sources.get(`${office.move.projectId}|${office.move.to}`);
  if (periodId > office.move.through && moved === 'none')
    cases.add(
      expected.formerPriorCard
        ? 'moved, nothing from the new lead, the former lead’s card of the half-year before'
        : 'moved, nothing from the new lead, an earlier card of the former lead',
    );
  if (periodId > office.move.through && moved === 'card') cases.add('moved, the new lead’s card');
  return cases;
}
