import type { SentBundleView, SetupState } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { countdownLabel, submissionCalendar, weekdayOf } from '../../../domain/term/calendar';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { receiptCellLabel } from '../drafting/receipt-label';
import {
  DepartmentSteps,
  DepartmentTroubles,
  OfficeSteps,
  OfficeTroubles,
  type MenuRef,
} from './guide-steps';
import './guide.css';

const dateText = (iso: string) => `${iso} (${weekdayOf(iso)})`;

/** A department's newest submission file per period ('plan' or a half-year), from the list of files it made. */
function newestSent(sent: readonly SentBundleView[]): Map<string, SentBundleView> {
  const byPeriod = new Map<string, SentBundleView>();
  for (const b of sent) {
    const seen = byPeriod.get(b.period);
    if (seen === undefined || b.revision > seen.revision) byPeriod.set(b.period, b);
  }
  return byPeriod;
}

/** 보낸 제출 파일: "r3 (2019-07-12 10:00 만듦) · 반영됨 (… 접수)", or that none was made. */
function SentCell(props: { sent: SentBundleView | undefined }) {
  if (props.sent === undefined) return <>아직 만들지 않음</>;
  const receipt = receiptCellLabel(props.sent.receipt);
  return (
    <>
      r{props.sent.revision} ({localDateTimeOf(props.sent.createdAt)} 만듦)
      {props.sent.receipt !== null && (
        <span className={receipt.warn ? 'sent-warn' : undefined}> · {receipt.text}</span>
      )}
    </>
  );
}

/**
 * 사용 안내 (F1): the program's way through the half-year for this copy's role, with the term's deadlines as the
 * program's clock reads them today, the keys that work everywhere, and where the data is. Printable.
 */
export function GuideScreen(props: { setup: SetupState; menu: MenuRef }) {
  const office = props.setup.role === 'office';
  const [state] = useLoad(async () => {
    const [term, { today }, sent] = await Promise.all([
      api.getTerm(),
      api.getToday(),
      office ? Promise.resolve([]) : api.listSentBundles(),
    ]);
    return { term, calendar: submissionCalendar(term, today), sent: newestSent(sent) };
  }, [office]);

  return (
    <div className="guide">
      <div className="guide-title">
        <h2>사용 안내 — {office ? '기획담당관 (총괄부서)' : `주관부서 (${props.setup.department ?? ''})`}</h2>
        <button type="button" className="screen-only" onClick={() => window.print()}>
          인쇄
        </button>
      </div>

      <section aria-labelledby="guide-calendar">
        <h3 id="guide-calendar">제출 일정</h3>
        {state.status === 'loading' && <p className="empty">불러오는 중…</p>}
        {state.status === 'error' && (
          <StatusMessage kind="error">제출 일정을 읽지 못했습니다: {state.message}</StatusMessage>
        )}
        {state.status === 'ready' && (
          <>
            <p data-testid="guide-today">
              오늘 {dateText(state.value.calendar.today)} · 임기 {state.value.term.name}{' '}
              {state.value.term.start} ~ {state.value.term.end}
            </p>
            <p data-testid="guide-plan-due">
              실천계획서{office ? '' : '(와 조정 요청서)'} 제출기한:{' '}
              {dateText(state.value.calendar.planDueDate)} —{' '}
              {countdownLabel(state.value.calendar.planDaysLeft)}
              {!office && (
                <>
                  {' '}
                  · 보낸 제출 파일: <SentCell sent={state.value.sent.get('plan')} />
                </>
              )}
            </p>
            <table className="guide-calendar" data-testid="guide-calendar">
              <caption>
                관리카드·재정집행현황은 반기가 끝난 다음 달 {state.value.term.cardDueDay}일까지 냅니다. 그날이
                토·일요일이나 공휴일이면 다음 평일까지입니다 (민법 제161조).
              </caption>
              <thead>
                <tr>
                  <th scope="col">반기</th>
                  <th scope="col">기간</th>
                  <th scope="col">제출기한</th>
                  <th scope="col">남은 날</th>
                  {!office && <th scope="col">보낸 제출 파일</th>}
                </tr>
              </thead>
              <tbody>
                {state.value.calendar.rows.map((row) => (
                  <tr
                    key={row.period.id}
                    className={`calendar-${row.state}`}
                    aria-current={row.state === 'now' ? 'date' : undefined}
                  >
                    <th scope="row">{row.period.label}</th>
                    <td>
                      {row.period.start} ~ {row.period.end}
                    </td>
                    <td>
                      {dateText(row.period.dueDate)}
                      {row.period.dueDateMovedBecause !== null && (
                        <span className="note"> ({row.period.dueDateMovedBecause})</span>
                      )}
                    </td>
                    <td>
                      {row.state === 'now'
                        ? `이번 제출 · ${countdownLabel(row.daysLeft)}`
                        : countdownLabel(row.daysLeft)}
                    </td>
                    {!office && (
                      <td data-testid={`guide-sent-${row.period.id}`}>
                        <SentCell sent={state.value.sent.get(row.period.id)} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {state.value.calendar.current === null && <p>임기의 마지막 제출기한이 지났습니다.</p>}
          </>
        )}
      </section>

      <section aria-labelledby="guide-steps">
        <h3 id="guide-steps">{office ? '반기마다 하는 일' : '할 일 순서'}</h3>
        {office ? <OfficeSteps menu={props.menu} /> : <DepartmentSteps menu={props.menu} />}
      </section>

      <section aria-labelledby="guide-troubles">
        <h3 id="guide-troubles">이럴 때는</h3>
        {office ? <OfficeTroubles menu={props.menu} /> : <DepartmentTroubles menu={props.menu} />}
      </section>

      <section aria-labelledby="guide-keys">
        <h3 id="guide-keys">키보드</h3>
        <table className="guide-keys">
          <thead>
            <tr>
              <th scope="col">키</th>
              <th scope="col">하는 일</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <kbd>F1</kbd>
              </td>
              <td>이 사용 안내</td>
            </tr>
            <tr>
              <td>
                <kbd>Alt</kbd>+<kbd>1</kbd> …
              </td>
              <td>위 메뉴의 n번째 ({props.menu.all.map((m) => `${m.shortcut} ${m.label}`).join(', ')})</td>
            </tr>
            <tr>
              <td>
                <kbd>F6</kbd>
              </td>
              <td>메뉴 → 본문 → 제출 전 확인(문서 작성 중) 차례로 옮겨 갑니다 (Shift+F6은 거꾸로)</td>
            </tr>
            <tr>
              <td>
                <kbd>Tab</kbd> (처음)
              </td>
              <td>본문 바로가기: 메뉴를 건너뜁니다</td>
            </tr>
            <tr>
              <td>
                <kbd>/</kbd>
              </td>
              <td>공약 목록에서 검색칸으로</td>
            </tr>
            {!office && (
              <>
                <tr>
                  <td>
                    <kbd>Ctrl</kbd>+<kbd>S</kbd>
                  </td>
                  <td>문서를 바로 저장합니다 (입력을 멈추면 0.8초 뒤 저절로 저장됩니다)</td>
                </tr>
                <tr>
                  <td>
                    <kbd>Ctrl</kbd>+<kbd>P</kbd>
                  </td>
                  <td>작성 중인 문서를 공식 서식으로 인쇄하거나 PDF로 저장합니다</td>
                </tr>
                <tr>
                  <td>
                    <kbd>Ctrl</kbd>+<kbd>Z</kbd>
                  </td>
                  <td>붙여 넣은 내용을 되돌립니다</td>
                </tr>
              </>
            )}
            {office && (
              <tr>
                <td>
                  <kbd>←</kbd> <kbd>→</kbd> <kbd>Home</kbd> <kbd>End</kbd>
                </td>
                <td>종합 현황의 표 사이를 오갑니다</td>
              </tr>
            )}
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>인쇄 미리 보기를 닫습니다</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="guide-data">
        <h3 id="guide-data">자료가 있는 곳</h3>
        <p>
          데이터 폴더: <code data-testid="guide-data-dir">{props.setup.dataDir}</code>
        </p>
        <ul>
          <li>
            모든 문서와 {office ? '받은 제출 파일, 결정이' : '변경 기록, 첨부가'} 이 폴더의 데이터 파일 하나에
            있습니다.
          </li>
          {!office && (
            <li>만든 제출 파일은 이 폴더 안의 outbox 폴더에 남습니다 (다른 곳을 고르지 않았다면).</li>
          )}
          <li>
            ‘설정 변경’의 데이터 백업으로 검사를 마친 사본 하나를 만들 수 있습니다. 개인 서명 키는 백업에
            들어가지 않습니다.
          </li>
        </ul>
      </section>
    </div>
  );
}
