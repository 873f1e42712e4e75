import { useState } from 'react';
import { conflictNoteRefusal, isFrozenConflictKey, type Conflict } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import { periodLabel } from '../../../domain/documents';
import { api } from '../api/client';
import { CardViewButton } from './CardView';
import { decisionMessage } from './conflict-messages';
import { OutcomeMessage, useDecision } from './decision-outcome';
import { formatKoreanDateTime, testIdPart } from './format';
import { swapMakesLate } from '../../../domain/reports/held-swap';

/** What each decision means, per kind of conflict (a kind may offer one choice only). */
const RESOLUTION_LABELS: Record<Conflict['kind'], Partial<Record<'accepted' | 'rejected', string>>> = {
  frozenFields: { accepted: '카드 반영', rejected: '카드 제외' },
  coDepartmentCard: { accepted: '카드 반영', rejected: '반영 안 함' },
  sameRevision: { accepted: '보류한 제출 파일로 바꾸기', rejected: '반영한 제출 파일 유지' },
};

const KIND_LABELS: Record<Conflict['kind'], string> = {
  frozenFields: '확정 항목 불일치',
  coDepartmentCard: '두 부서의 관리카드',
  sameRevision: '같은 회차의 다른 제출 파일',
};

/**
 * 충돌: cards that disagree with the confirmed plan, cards from a second department, and bundles held because
 * their revision was already taken; the office decides each.
 */
export function ConflictsSection({
  conflicts,
  catalog,
  dueDate,
  onChanged,
}: {
  conflicts: Conflict[];
  catalog: Catalog;
  /** The half-year's due date ("YYYY-MM-DD"): a swap to a bundle received after it is asked about first. */
  dueDate: string;
  onChanged: () => void;
}) {
  const { busy, outcome, run, clearOutcome } = useDecision(onChanged);
  const [notes, setNotes] = useState<Record<string, string>>({});
  /** Why a decision was refused, shown beside the conflict's memo until the memo is typed in. */
  const [noteErrors, setNoteErrors] = useState<Record<string, string>>({});
  if (conflicts.length === 0) {
    return (
      <p className="hint" data-testid="conflicts-empty">
        해결할 충돌이 없습니다.
      </p>
    );
  }
  const decide = (c: Conflict, decision: 'accepted' | 'rejected') => {
    // A 확정 항목 불일치 keeps its reason whichever way it is decided (the server refuses it too).
    const refusal = conflictNoteRefusal(c.key, decision, notes[c.key] ?? '');
    if (refusal !== null) {
      clearOutcome();
      setNoteErrors({ ...noteErrors, [c.key]: refusal });
      document.getElementById(`conflict-${testIdPart(c.key)}-note`)?.focus();
      return Promise.resolve();
    }
    return run(async () => {
      if (c.kind === 'sameRevision' && decision === 'accepted' && c.heldSha256) {
        const late = swapMakesLate(c, dueDate);
        if (late !== null && !window.confirm(late)) return `${c.department}: 바꾸지 않았습니다.`;
        const swapped = await api.swapHeldBundle({ sha256: c.heldSha256, note: notes[c.key] ?? '' });
        return `${swapped.department} r${swapped.revision}: 보류한 제출 파일(SHA-256 ${swapped.accepted.slice(0, 12)}…)로 바꿨습니다. 이제 그 제출 파일의 문서가 반영되고, 먼저 반영했던 제출 파일은 보류로 옮겼습니다 (다시 바꿀 수 있습니다).`;
      }
      await api.resolveConflict({
        key: c.key,
        projectId: c.projectId,
        periodId: c.periodId,
        decision,
        note: notes[c.key] ?? '',
      });
      return decisionMessage(c, RESOLUTION_LABELS[c.kind][decision] ?? decision);
    });
  };
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <ul className="decision-list">
        {conflicts.map((c) => {
          const id = `conflict-${testIdPart(c.key)}`;
          const name = catalog.projects.find((p) => p.id === c.projectId)?.name ?? '';
          return (
            <li
              key={c.key}
              className="decision-item"
              data-testid={id}
              data-resolution={c.resolution ?? 'open'}
            >
              <h4>
                <span className="badge">{KIND_LABELS[c.kind]}</span>{' '}
                {c.projectIds && c.projectIds.length > 1
                  ? `사업 ${c.projectIds.join(', ')}`
                  : `${c.projectId} ${name}`}{' '}
                · {c.department} · {periodLabel(c.periodId)}
              </h4>
              <p>{c.message}</p>
              <ul className="details">
                {c.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              {c.kind === 'frozenFields' && (
                <p className="screen-only">
                  <CardViewButton projectId={c.projectId} department={c.department} periodId={c.periodId} />
                </p>
              )}
              <p data-testid={`${id}-resolution`}>
                결정:{' '}
                {c.resolution ? (
                  <>
                    <strong>
                      {c.swapped
                        ? '보류했던 제출 파일로 바꿔 반영함'
                        : (RESOLUTION_LABELS[c.kind][c.resolution] ?? c.resolution)}
                    </strong>
                    {c.resolvedAt !== null && (
                      <span className="hint" data-testid={`${id}-note`}>
                        {' '}
                        · {formatKoreanDateTime(c.resolvedAt)}
                        {c.resolutionNote ? ` · ${c.resolutionNote}` : ''}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="badge badge-danger">미결정</span>
                )}
                {c.earlierResolution && (
                  <span className="hint" data-testid={`${id}-earlier`}>
                    {' '}
                    · 이전 결정(다른 차이에 대해):{' '}
                    {RESOLUTION_LABELS[c.kind][c.earlierResolution.decision] ??
                      c.earlierResolution.decision}, {formatKoreanDateTime(c.earlierResolution.decidedAt)}
                    {c.earlierResolution.note ? ` · ${c.earlierResolution.note}` : ''}
                  </span>
                )}
              </p>
              <div className="decision-controls screen-only">
                <label>
                  {isFrozenConflictKey(c.key)
                    ? '메모 (반영·제외 모두 사유 필수)'
                    : c.kind === 'sameRevision'
                      ? '메모 (다음 기준 자료로 부서에도 전달)'
                      : '메모'}
                  <input
                    type="text"
                    id={`${id}-note`}
                    value={notes[c.key] ?? ''}
                    onChange={(e) => {
                      setNotes({ ...notes, [c.key]: e.target.value });
                      if (noteErrors[c.key] !== undefined) {
                        setNoteErrors(
                          Object.fromEntries(Object.entries(noteErrors).filter(([k]) => k !== c.key)),
                        );
                      }
                    }}
                    aria-label={`${c.projectId} 충돌 결정 메모${isFrozenConflictKey(c.key) ? ' (사유 필수)' : ''}`}
                    aria-invalid={noteErrors[c.key] !== undefined}
                    aria-describedby={noteErrors[c.key] !== undefined ? `${id}-note-error` : undefined}
                    placeholder={isFrozenConflictKey(c.key) ? '결정한 사유를 적으세요' : undefined}
                  />
                </label>
                {noteErrors[c.key] !== undefined && (
                  <span className="field-error" role="alert" id={`${id}-note-error`}>
                    {noteErrors[c.key]}
                  </span>
                )}
                {(['accepted', 'rejected'] as const).map((decision) => {
                  const label = RESOLUTION_LABELS[c.kind][decision];
                  // A held bundle cannot be swapped in once the department sent a later revision.
                  const closed =
                    c.kind === 'sameRevision' && decision === 'accepted' && c.laterRevision !== undefined;
                  return label && !closed ? (
                    <button
                      key={decision}
                      type="button"
                      disabled={busy}
                      onClick={() => void decide(c, decision)}
                    >
                      {label}
                    </button>
                  ) : null;
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
