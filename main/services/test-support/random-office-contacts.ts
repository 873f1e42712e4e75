import type { CatalogProject } from '../../../domain/catalog/types';
import type {
  ContactPerson,
  CooperatingDepartment,
  ExecutionPlan,
  ManagementCard,
} from '../../../domain/documents';
import { cardOf, catalog, kst, type Random, seededRandom, type Step } from './random-office';
import type { ChangeStep } from './random-office-changes';
import type { CoStep } from './random-office-codept';
import { type ParticipationOffice, participationOffice } from './random-office-participation';

/**
 * random-office-participation.ts's office (leads that skip half-years, a project with no card at all, cards sent
 * again, plans left unconfirmed, the shared project's co-department's own card taken in) with 담당자 (공약실명제)
 * that differ from one document to the next, and a 부서 이관 — drawn from a random stream of their own:
 *
 * - every plan and card names its own people (1–3 of 과장/팀장/담당, each name and phone its own), now and then
 *   with blank spaces around a name or unit and an unused blank row; a card sent again names others;
 * - the shared project's plan and lead cards now and then name its co-department's people (under the department's
 *   name, now and then with blank spaces around it), another department's, or no co-department at all;
 * - the co-department's own card names people of its own (never read for the contacts: it is not the lead's);
 * - one project without a co-department moves to another department from the reported half-year on (recorded
 *   after the half-year before was reported and sent again, handed on with a 기준 자료); its former lead sends
 *   nothing for it in the reported half-year, and the new lead sends its card (naming its own people) or nothing.
 *
 * Played by office-desks-contacts.ts; office-oracle-contacts.ts reads these steps.
 */

export type MoveStep = Extract<ChangeStep, { kind: 'moveProject' }>;
export type ContactsStep = Step | CoStep | MoveStep;

export interface ContactsOffice extends Omit<ParticipationOffice, 'steps'> {
  steps: ContactsStep[];
  move: MoveStep;
  /** The new lead sent its card of the reported half-year for the moved project. */
  movedCardSent: boolean;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
const GIVEN = ['민준', '서연', '도윤', '하은', '지호', '수아', '예준', '지우', '현우', '서윤'];
const UNITS = ['정책과', '기획팀', '사업팀', '지원과', '관리팀'];
const POSITIONS: ContactPerson['position'][] = ['chief', 'teamLeader', 'officer'];

export function contactsOffice(seed: number): ContactsOffice {
  const office = participationOffice(seed);
  const r = seededRandom(seed * 104_729 + 0xc0);
  const { periodId, priorId, shared } = office;

  // 부서 이관 of a project with a confirmed plan (none of the shared project's), after the half-year before.
  const plans = new Map<string, ExecutionPlan>();
  const confirmed = new Set<string>();
  for (const step of office.steps) {
    if (step.kind === 'confirm') confirmed.add(step.projectId);
    if (step.kind === 'send' && step.period === 'plan')
      for (const doc of step.save) if (doc.kind === 'executionPlan') plans.set(doc.projectId, doc);
  }
  const movable = catalog.projects.filter(
    (p) => p.coDepartments.length === 0 && p.id !== shared.id && confirmed.has(p.id) && plans.has(p.id),
  );
  const project = r.pick(movable);
  const from = project.leadDepartment;
  const to = r.pick([...office.behaviours.keys()].filter((d) => d !== from));
  const moveAt = kst(addDays(office.priorDueDate, 25), '10:00');
  const move: MoveStep = {
    kind: 'moveProject',
    projectId: project.id,
    from,
    to,
    through: priorId,
    at: moveAt,
  };

  // The former lead sends nothing for it in the reported half-year (and the office decides nothing on it).
  let last: ManagementCard | undefined;
  const steps: ContactsStep[] = office.steps.flatMap((s): ContactsStep[] => {
    if (s.kind === 'decideCompletion' && s.projectId === project.id && s.periodId === periodId) return [];
    if (s.kind !== 'send' || s.period !== periodId || !s.projectIds.includes(project.id)) return [s];
    for (const d of s.save) if (d.kind === 'managementCard' && d.projectId === project.id) last = d;
    const projectIds = s.projectIds.filter((id) => id !== project.id);
    return projectIds.length === 0
      ? []
      : [{ ...s, save: s.save.filter((d) => d.projectId !== project.id), projectIds }];
  });
  steps.push(move, { kind: 'baseline', at: kst(addDays(office.priorDueDate, 25), '11:00') });
  const movedCardSent = r.chance(0.6);
  if (movedCardSent) {
    const plan = plans.get(project.id) as ExecutionPlan;
    const card =
      last === undefined
        ? cardOf(
            plan,
            periodId,
            'onTrack',
            plan.unitProjects.map((u) => copy(u.investmentNeeds)),
            [],
          )
        : copy(last);
    const asks = card.status === 'completed' || card.status === 'continuing';
    const theirs: ManagementCard = {
      ...card,
      department: to,
      ...(asks
        ? { status: 'onTrack', statusReason: '', completionEvidence: { summary: '', attachments: [] } }
        : {}),
    };
    const at = kst(addDays(office.dueDate, -1), '16:00');
    steps.push({
      kind: 'send',
      department: to,
      period: periodId,
      at,
      save: [theirs],
      projectIds: [project.id],
    });
  }
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  fillContacts(r, steps, shared, office.co);
  return { ...office, steps, move, movedCardSent };
}

/** Every plan's and card's 담당자, in the order they are sent (a document sent twice as one object names one set). */
function fillContacts(r: Random, steps: readonly ContactsStep[], shared: CatalogProject, co: string): void {
  let n = 0;
  const person = (position: ContactPerson['position']): ContactPerson => {
    n += 1;
    const pad = (s: string) => (s !== '' && r.chance(0.15) ? ` ${s} ` : s);
    return {
      position,
      unit: pad(position === 'officer' || r.chance(0.2) ? '' : r.pick(UNITS)),
      name: pad(`${r.pick(SURNAMES)}${r.pick(GIVEN)}`),
      phone: `02-${2100 + (n % 90)}-${String(1000 + n).padStart(4, '0')}`,
    };
  };
  const persons = (): ContactPerson[] => {
    const named = r
      .shuffle(POSITIONS)
      .slice(0, r.int(1, 3))
      .map((p) => person(p));
    // An unused row of the form, left blank.
    if (r.chance(0.25))
      named.splice(r.int(0, named.length), 0, { position: r.pick(POSITIONS), unit: '', name: '', phone: '' });
    return named;
  };
  const others = [...new Set(catalog.projects.map((p) => p.leadDepartment))].filter(
    (d) => d !== co && d !== shared.leadDepartment,
  );
  const cooperating = (doc: ExecutionPlan | ManagementCard): CooperatingDepartment[] => {
    if (doc.projectId !== shared.id) return [];
    const choice = r.pick(['none', 'co', 'co', 'padded', 'other', 'both'] as const);
    const entry = (department: string): CooperatingDepartment => ({ department, contacts: persons() });
    if (choice === 'none') return [];
    if (choice === 'other') return [entry(r.pick(others))];
    if (choice === 'both') return r.shuffle([entry(co), entry(r.pick(others))]);
    return [entry(choice === 'padded' ? ` ${co} ` : co)];
  };
  const fill = (doc: ExecutionPlan | ManagementCard) => {
    doc.leadContacts = persons();
    doc.cooperatingDepartments = cooperating(doc);
  };
  for (const step of steps) {
    if (step.kind === 'sendCoCard') fill(step.card);
    if (step.kind === 'send') for (const doc of step.save) if (doc.kind !== 'financeRow') fill(doc);
  }
}
