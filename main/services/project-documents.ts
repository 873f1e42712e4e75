import type { Kysely } from 'kysely';
import type { ProjectDocumentsView, ProjectDocumentView } from '../../domain/api/contract';
import { leadAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import { documentSchema, type Document } from '../../domain/documents';
import { acceptedOfProject, type ReceivedDocument } from '../../db/received';
import type { Database } from '../../db/schema';
import { confirmedPlanHeads } from './confirmed-plans';
import { currentChangeRequests } from './office-snapshot';

/**
 * 받은 문서: what the planning office holds of one project, to read each document in its official layout. The
 * confirmed plan is the office's own (approved changes applied); until there is one, the plan a department sent.
 * Cards and 재정집행 현황 are the newest revision of each from accepted files, as the report counts them (a file
 * held or in quarantine brings none), with the earlier revisions as their history; change requests are the
 * office's record of them, with its decisions.
 */
export async function projectDocuments(
  db: Kysely<Database>,
  catalog: Catalog,
  projectId: string,
): Promise<ProjectDocumentsView> {
  const project = catalog.projects.find((p) => p.id === projectId);
  // A half-year's lead: after a move (부서 이관) the former lead's documents of its half-years come first there.
  const leadOf = (slot: string): string | undefined =>
    project && (/^\d{4}-H[12]$/.test(slot) ? leadAt(project, slot) : project.leadDepartment);
  const documents: ProjectDocumentView[] = [];
  const unreadable: ProjectDocumentsView['unreadable'] = [];

  const confirmed = (await confirmedPlanHeads(db)).find((h) => h.plan.projectId === projectId);
  if (confirmed !== undefined) {
    documents.push({
      kind: 'executionPlan',
      slot: 'plan',
      department: confirmed.plan.department,
      source: { kind: 'confirmed' },
      document: confirmed.plan,
      earlier: [],
    });
  }
  // Every accepted revision, lowest first: grouped by document, the last of each group is the one counted.
  const revisions = new Map<string, ReceivedDocument[]>();
  for (const r of await acceptedOfProject(
    db,
    projectId,
    confirmed === undefined
      ? ['executionPlan', 'managementCard', 'financeRow']
      : ['managementCard', 'financeRow'],
  )) {
    const key = `${r.kind}|${r.slot}|${r.department}`;
    const group = revisions.get(key);
    if (group === undefined) revisions.set(key, [r]);
    else group.push(r);
  }
  const order = { executionPlan: 0, managementCard: 1, financeRow: 2, changeRequest: 3 } as const;
  const groups = [...revisions.values()]
    .map((g) => g.reverse())
    .sort((x, y) => {
      const a = x[0]!;
      const b = y[0]!;
      return (
        order[a.kind] - order[b.kind] ||
        b.slot.localeCompare(a.slot) ||
        Number(b.department === leadOf(b.slot)) - Number(a.department === leadOf(a.slot)) ||
        a.department.localeCompare(b.department, 'ko')
      );
    });
  const read = (r: ReceivedDocument): Document | null => {
    const parsed = documentSchema.safeParse(r.json);
    if (parsed.success) return parsed.data;
    unreadable.push({
      kind: r.kind,
      slot: r.slot,
      department: r.department,
      problem: `r${r.revision}: ${parsed.error.issues[0]?.message ?? '문서를 읽을 수 없습니다'}`,
    });
    return null;
  };
  for (const [latest, ...older] of groups) {
    if (latest === undefined) continue;
    const document = read(latest);
    if (document === null) continue;
    documents.push({
      kind: latest.kind,
      slot: latest.slot,
      department: latest.department,
      source: { kind: 'received', revision: latest.revision, receivedAt: latest.receivedAt },
      document,
      earlier: older.flatMap((r) => {
        const earlier = read(r);
        return earlier === null
          ? []
          : [{ revision: r.revision, receivedAt: r.receivedAt, document: earlier }];
      }),
    });
  }

  const requests = (await currentChangeRequests(db))
    .filter((c) => c.projectId === projectId)
    .sort((a, b) => b.requestId.localeCompare(a.requestId));
  for (const request of requests) {
    documents.push({
      kind: 'changeRequest',
      slot: request.requestId,
      department: request.department,
      source: { kind: 'officeRecord' },
      document: request,
      earlier: [],
    });
  }
  return { projectId, documents, unreadable };
}
