import type { StatusTrend, StatusTrendRow } from '../../../domain/api/contract';
import type { OfficeReport, StatusTableRow } from '../../../domain/reports';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { downloadBase64 } from '../submission/files';
import { formatRate, testIdPart } from './format';
import { StatusTable } from './StatusTables';

/** A half-year's total as a row of the trend table: labelled by its half-year, said when its cards are not due yet. */
const trendRow = (row: StatusTrendRow): StatusTableRow => ({
  ...row.total,
  key: row.periodId,
  label: row.beforeDue ? `${row.label} (기한 전)` : row.label,
});

/**
 * 이행 추이: the term's half-years up to the one shown, each with the status counts of its own 종합 현황, and each
 * area's 완료율 half-year by half-year (the mayor's report and the evaluators ask how completion grew). Read
 * when the tab is first opened, and again whenever the report above is built again (a decision, an import).
 */
export function TrendSection(props: {
  periodId: string;
  report: OfficeReport;
  definition: string;
  /** The tab is on screen: a report built again meanwhile (a decision, an import) is followed only then. */
  active: boolean;
}) {
  // Eight half-years' status tables at ten times Seoul's size take a second or more: counted again when the tab is
  // looked at, not after every decision taken on the other tabs.
  const [followed, setFollowed] = useState(props.report);
  useEffect(() => {
    if (props.active && followed !== props.report) setFollowed(props.report);
  }, [props.active, props.report, followed]);
  const [state] = useLoad(
    (): Promise<StatusTrend> =>
      api.getStatusTrend({
        periodId: props.periodId,
        executionRateThreshold: followed.meta.executionRateThreshold,
        today: followed.meta.today,
      }),
    [props.periodId, followed],
  );
  const outdated = followed !== props.report;
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const exportWorkbook = async () => {
    setExporting(true);
    setMessage(null);
    try {
      const file = await api.exportTrendWorkbook({
        periodId: props.periodId,
        executionRateThreshold: props.report.meta.executionRateThreshold,
        today: props.report.meta.today,
      });
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
      setMessage({ kind: 'success', text: `${file.fileName} 파일을 내려받았습니다.` });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(false);
    }
  };
  if (state.status === 'loading')
    return <StatusMessage kind="info">반기마다 추진상황을 세는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const { rows } = state.value;
  const areas = rows.at(-1)?.byArea ?? [];
  return (
    <div data-testid="trend" className={outdated ? 'trend-outdated' : undefined}>
      <p className="screen-only">
        <button type="button" onClick={() => void exportWorkbook()} disabled={exporting}>
          {exporting ? '내보내는 중…' : '이행 추이 엑셀로 내보내기'}
        </button>
      </p>
      {message && <StatusMessage kind={message.kind}>{message.text}</StatusMessage>}
      <StatusTable
        caption="반기별 추진상황"
        firstHeader="반기"
        prefix="trend-period"
        rows={rows.map(trendRow)}
        beforeDue={false}
      />
      <div className="office-table-wrap">
        <table className="office-table" data-testid="trend-area-table">
          <caption>분야별 완료율 추이</caption>
          <thead>
            <tr>
              <th scope="col">분야</th>
              {rows.map((r) => (
                <th key={r.periodId} scope="col">
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.key} data-testid={`trend-area-${testIdPart(area.key)}`}>
                <th scope="row" className="row-label">
                  {area.label}
                </th>
                {rows.map((r) => (
                  <td key={r.periodId} className="num">
                    {formatRate(r.byArea.find((a) => a.key === area.key)?.completionRate ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row" data-testid="trend-area-total">
              <th scope="row">전체</th>
              {rows.map((r) => (
                <td key={r.periodId} className="num">
                  {formatRate(r.total.completionRate)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint office-definition">
        반기마다 그 반기의 종합 현황(그 반기의 관리카드와 결정)으로 셉니다. 미제출은 그 반기 관리카드가 없는
        사업입니다. 완료율: {props.definition}
      </p>
    </div>
  );
}
