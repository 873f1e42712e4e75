import type { BundleImportResult } from '../../../domain/api/contract';
import {
  importConflictNote,
  importLateNote,
  importOutcomeLabel,
} from '../../../domain/reports/import-outcome';
import { baseName } from './files';
import { periodLabel, shortHash } from './labels';

/** What a file's manifest claims but its signature does not confirm is shown with this mark, never plain. */
export const UNVERIFIED_SENDER = '(서명 확인 안 됨)';
const UNVERIFIED_PERIOD = '(확인 안 됨)';

const senderText = (r: BundleImportResult): string =>
  r.department === null ? '—' : r.unverified ? `${r.department} ${UNVERIFIED_SENDER}` : r.department;

const periodText = (r: BundleImportResult): string =>
  r.period === null
    ? '—'
    : r.unverified
      ? `${periodLabel(r.period)} ${UNVERIFIED_PERIOD}`
      : periodLabel(r.period);

/**
 * One row per file: outcome (marked 기한 지남: 지연 for a late file, with the 충돌 it brought and where they wait),
 * sender, half-year, revision and the Korean reason; rejected rows stand out. A file
 * refused for its signature still names the department and half-year its manifest claims, marked unverified.
 */
export function ImportResultsTable({
  results,
  testId,
}: {
  results: readonly BundleImportResult[];
  testId?: string;
}) {
  if (results.length === 0) return <p className="empty">가져온 파일이 없습니다.</p>;
  return (
    <div className="table-scroll">
      <table className="sub-table" data-testid={testId ?? 'import-results-table'}>
        <thead>
          <tr>
            <th scope="col">파일</th>
            <th scope="col">결과</th>
            <th scope="col">부서 · 기간</th>
            <th scope="col" className="num">
              문서
            </th>
            <th scope="col">이유</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr
              key={`${r.file}-${i}`}
              className={`row-${r.status}`}
              data-status={r.status}
              data-file={baseName(r.file)}
            >
              <td className="file-cell">
                <span className="file-name">{baseName(r.file)}</span>
                {r.sha256 && (
                  <span className="hint mono" title={r.sha256}>
                    {' '}
                    {shortHash(r.sha256)}
                  </span>
                )}
              </td>
              <td>
                <span
                  className={`outcome outcome-${r.status}${r.late ? ' outcome-late' : ''}`}
                  data-testid="import-outcome"
                >
                  {importOutcomeLabel(r)}
                </span>
                {importConflictNote(r) !== null && (
                  <span className="outcome-note warn" data-testid="import-conflicts">
                    {importConflictNote(r)}
                  </span>
                )}
              </td>
              {/* One cell, two lines: the department, then the half-year and revision (a column each made the
                  table wider than the office's left panel at 1280 px). */}
              <td className={r.unverified ? 'sender-cell unverified' : 'sender-cell'}>
                <span className="sender" data-testid="import-department">
                  {senderText(r)}
                </span>
                <span className="period-line">
                  <span data-testid="import-period">{periodText(r)}</span>
                  {r.revision !== null && <span data-testid="import-revision"> · r{r.revision}</span>}
                </span>
              </td>
              <td className="num">{r.documents}</td>
              <td className="reason" data-testid="import-reason">
                {r.reason}
                {importLateNote(r) !== null && (
                  <span className="late-note" data-testid="import-late">
                    {' '}
                    {importLateNote(r)}
                  </span>
                )}
                {r.details && Object.keys(r.details).length > 0 && (
                  <details>
                    <summary>자세히 ({Object.keys(r.details).length}건)</summary>
                    <ul>
                      {Object.entries(r.details).map(([where, message]) => (
                        <li key={where}>
                          <code>{where}</code>: {message}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
