import { Fragment, useMemo } from 'react';
import type { Catalog } from '../../../domain/catalog/types';
import { periodLabel } from '../../../domain/documents';
import {
  planWaitSummary,
  beforeDueNote,
  contactsToCall,
  daysLeftLabel,
  dueDateText,
  quarantineLabel,
  submissionStateLabel,
  submissionTimelinessLabel,
  type ContactRow,
  type ContactsToCall,
  type DepartmentSubmission,
  type FinanceReport,
  type SubmissionsReport,
} from '../../../domain/reports';
import { useDepartmentPrint } from './DepartmentPrint';
import { MissingNotice } from './MissingNotice';
import { formatKoreanDateTime, testIdPart } from './format';

const KIND_LABELS = { managementCard: '관리카드', financeRow: '재정집행' } as const;

function signature(d: DepartmentSubmission): { label: string; value: string } {
  if (d.bundles.length === 0) return { label: '–', value: 'none' };
  if (d.hasQuarantined) {
    const held = d.bundles.filter((b) => b.signature === 'quarantined');
    // Quarantined: signed with a key the office has not approved (unknown, pending or revoked), not a forgery.
    return {
      label: `격리 ${held.length}건 (${quarantineLabel(held.map((b) => b.quarantineReason))})`,
      value: 'quarantined',
    };
  }
  return { label: '서명 확인', value: 'valid' };
}

/**
 * 제출 현황: per department what was due, what arrived and when, on time or late, what is missing; and 모아 인쇄 of
 * what each department sent.
 */
export function SubmissionsTable({
  submissions,
  finance,
  catalog,
  contacts,
}: {
  submissions: SubmissionsReport;
  /** The report's 붙임5, whose rows a department's 모아 인쇄 prints. */
  finance: FinanceReport;
  catalog: Catalog;
  /** The report's 담당자: whom to call about what a department still owes. */
  contacts: readonly ContactRow[];
}) {
  const contactsByDepartment = useMemo(() => {
    const map = new Map<string, ContactRow[]>();
    for (const row of contacts) {
      const rows = map.get(row.department);
      if (rows === undefined) map.set(row.department, [row]);
      else rows.push(row);
    }
    return map;
  }, [contacts]);
  const print = useDepartmentPrint({ submissions, finance, catalog });
  const s = submissions.summary;
  const { beforeDue, daysLeft } = submissions;
  const note = beforeDueNote(submissions.dueDate, beforeDue, daysLeft);
  return (
    <>
      <p className="office-legend" data-testid="submission-summary">
        제출 기한 {dueDateText(submissions.dueDate, submissions.dueDateMovedBecause)}
        {beforeDue ? ` (${daysLeftLabel(daysLeft)})` : ''} · 부서 {s.departments}곳: 제출 완료 {s.complete},
        일부 제출 {s.partial}, {submissionStateLabel('none', beforeDue)} {s.none}, 지연 {s.late}
        {s.quarantinedBundles > 0 ? ` · 격리된 제출 파일 ${s.quarantinedBundles}건` : ''}
      </p>
      {note !== null && (
        <p className="hint" data-testid="submission-before-due">
          {note}
        </p>
      )}
      <div className="submission-tools">
        {print.everyButton}
        <MissingNotice submissions={submissions} />
      </div>
      {print.rendered}
      <div className="office-table-wrap head-sticks">
        <table className="office-table" data-testid="submission-table">
          <caption>부서별 제출 현황 ({periodLabel(submissions.periodId)})</caption>
          <thead>
            <tr>
              <th scope="col">부서</th>
              <th scope="col">제출 대상</th>
              <th scope="col">접수</th>
              <th scope="col">상태</th>
              <th scope="col">접수 시각 (회차)</th>
              <th scope="col">기한 내·지연</th>
              <th scope="col">누락</th>
              <th scope="col">서명 상태</th>
              <th scope="col" className="screen-only">
                받은 문서
              </th>
            </tr>
          </thead>
          <tbody>
            {submissions.departments.map((d) => {
              const id = `submission-${testIdPart(d.department)}`;

              const sig = signature(d);
              return (
                <tr
                  key={d.department}
                  data-testid={id}
                  className={d.overdue ? 'overdue' : undefined}
                  data-state={d.state}
                >
                  <th scope="row" className="row-label">
                    {d.department}
                  </th>
                  <td className="num" data-testid={`${id}-due`}>
                    {d.dueCount}
                  </td>
                  <td className="num" data-testid={`${id}-received`}>
                    {d.receivedCount}
                  </td>
                  <td data-testid={`${id}-state`} data-value={d.state}>
                    {submissionStateLabel(d.state, beforeDue)}
                    {d.overdue ? <span className="badge badge-danger">기한 경과</span> : null}
                  </td>
                  <td data-testid={`${id}-when`}>
                    {d.bundles.length === 0 ? (
                      '–'
                    ) : (
                      <ul className="plain">
                        {d.bundles.map((b) => (
                          <li key={b.bundleSha256}>
                            {formatKoreanDateTime(b.receivedAt)} (r{b.revision}
                            {b.onTime ? '' : ', 지연'})
                            {b.importedAt === undefined ? null : (
                              <span className="bundle-receipt" data-testid={`${id}-receipt-${b.revision}`}>
                                접수일 지정 · 가져옴 {formatKoreanDateTime(b.importedAt)}
                              </span>
                            )}
                            {/* Lateness counts from the arrival (the import, or the 접수일 given with it); when
                                the department made (signed) a late file is the office's evidence for a file that
                                waited in mail or on the share. */}
                            {b.onTime ? null : (
                              <span className="bundle-created">작성 {formatKoreanDateTime(b.createdAt)}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td
                    data-testid={`${id}-timeliness`}
                    data-value={d.timeliness}
                    className={`timeliness-${d.timeliness}`}
                  >
                    {submissionTimelinessLabel(d.timeliness, daysLeft)}
                    {d.lateCount > 0 ? ` (${d.lateCount}건)` : ''}
                  </td>
                  <td data-testid={`${id}-missing`} data-count={d.missing.length}>
                    <MissingItems missing={d.missing} />
                    {d.missing.length > 0 && (
                      <MissingContacts
                        testId={`${id}-contacts`}
                        calls={contactsToCall(
                          contactsByDepartment.get(d.department) ?? [],
                          d.department,
                          d.missing.map((m) => m.projectId),
                        )}
                      />
                    )}
                  </td>
                  <td data-testid={`${id}-signature`} data-value={sig.value}>
                    {sig.label}
                  </td>
                  <td className="screen-only">{print.button(d)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * 누락: how many cards and finance rows are missing, then the projects, each once; a project missing only one of
 * the two says which (a department owes both for the projects it leads, a finance row for those it co-operates on).
 */
/** Items joined by ", ", each kept on one line: a 관리번호 broken at its hyphen ("7-" / "12-3") reads as another. */
function UnbrokenList({ items }: { items: readonly string[] }) {
  return items.map((item, i) => (
    <Fragment key={item}>
      {i > 0 && ', '}
      <span className="unbroken">{item}</span>
    </Fragment>
  ));
}

function MissingItems({ missing }: { missing: DepartmentSubmission['missing'] }) {
  if (missing.length === 0) return <>없음</>;
  const kindsByProject = new Map<string, Set<keyof typeof KIND_LABELS>>();
  for (const m of missing) {
    const kinds = kindsByProject.get(m.projectId) ?? new Set();
    kinds.add(m.kind);
    kindsByProject.set(m.projectId, kinds);
  }
  const count = (kind: keyof typeof KIND_LABELS) => missing.filter((m) => m.kind === kind).length;
  const excluded = missing.filter((m) => m.excluded).map((m) => m.projectId);
  const planWait = planWaitSummary(missing);
  return (
    <>
      <strong className="missing-summary">
        관리카드 {count('managementCard')}건 · 재정집행 {count('financeRow')}건
      </strong>
      <span className="missing-projects">
        <UnbrokenList
          items={[...kindsByProject].map(([projectId, kinds]) =>
            kinds.size === 2
              ? projectId
              : `${projectId} (${[...kinds].map((k) => KIND_LABELS[k]).join('·')}만)`,
          )}
        />
      </span>
      {excluded.length > 0 && (
        <span className="missing-excluded" data-testid="missing-excluded">
          {' '}
          · 제외한 관리카드 <UnbrokenList items={excluded} /> (다시 제출 필요)
        </span>
      )}
      {planWait !== null && (
        <span className="missing-plan-wait" data-testid="missing-plan-wait">
          {' '}
          · {planWait}
        </span>
      )}
    </>
  );
}

/** Whom to call about the missing projects (담당, else 팀장, else 과장, as the newest counted document names them). */
function MissingContacts({ calls, testId }: { calls: ContactsToCall[]; testId: string }) {
  // Nobody named for any of them: the projects are listed just above.
  if (calls.every((c) => c.call === null))
    return (
      <span className="missing-contacts" data-testid={testId}>
        담당자 미기재
      </span>
    );
  return (
    <ul className="plain missing-contacts" data-testid={testId} aria-label="연락할 담당자">
      {calls.map((c) => (
        <li key={c.call ?? ''}>
          {c.call ?? '담당자 미기재'} — <UnbrokenList items={c.projectIds} />
        </li>
      ))}
    </ul>
  );
}
