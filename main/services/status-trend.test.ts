import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../reports/test-support/csv-parse';
import { convertSheetsToCsv, findSoffice } from '../reports/test-support/libreoffice';
import { TREND_SHEET_NAMES } from '../reports/trend-workbook';
import { DEFAULT_EXECUTION_RATE_THRESHOLD } from '../../domain/reports';
import { listPeriods } from '../../domain/term/periods';
import { officeHandlers } from './office-handlers';
import { loadCatalog, loadTerm } from './reference';
import { cardDoc, cardFor, sendConfirmedPlan, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

describe('이행 추이', () => {
  it('gives each half-year up to the one asked the counts of its own 종합 현황, decisions included', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    // 1-1-1: 일부추진 in 2019-H1, 완료 in 2019-H2 (accepted by the office), nothing for 2020-H1 yet.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'), '2019-H1')])).toBe('accepted');
    expect(await h.send('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')])).toBe('accepted');
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H2',
      decision: 'accepted',
      note: '',
    });

    const trend = await handlers.getStatusTrend({ periodId: '2020-H1', today: '2020-07-10' });
    const projects = (await loadCatalog(h.office.db)).projects;
    const areaOf111 = '1';
    const term = await loadTerm(h.office.db);
    const expectedPeriods = listPeriods(term).filter((p) => p.id <= '2020-H1');
    expect(trend.rows.map((r) => [r.periodId, r.label])).toEqual(expectedPeriods.map((p) => [p.id, p.label]));
    // What was sent, half-year by half-year; every other project has nothing.
    const sent: Record<string, 'partial' | 'completed' | null> = {
      '2018-H2': null,
      '2019-H1': 'partial',
      '2019-H2': 'completed',
      '2020-H1': null,
    };
    for (const row of trend.rows) {
      const status = sent[row.periodId] ?? null;
      expect(row.total.total).toBe(projects.length);
      expect(row.total.counts.notSubmitted).toBe(projects.length - (status === null ? 0 : 1));
      expect(row.total.counts.partial).toBe(status === 'partial' ? 1 : 0);
      expect(row.total.counts.completed).toBe(status === 'completed' ? 1 : 0);
      expect(row.total.completedUndecided).toBe(0);
      const area = row.byArea.find((a) => a.key === areaOf111);
      const inArea = projects.filter((p) => p.id.startsWith(`${areaOf111}-`)).length;
      expect(area?.total).toBe(inArea);
      expect(area?.completionRate).toBe(status === 'completed' ? 1 / inArea : 0);
    }
    // 2020-H1's cards are due 2020-07-15: on July 10 nothing is late yet.
    expect(trend.rows.map((r) => r.beforeDue)).toEqual([false, false, false, true]);
    // The same counts as each half-year's own report.
    for (const row of trend.rows) {
      const own = await handlers.getOfficeReport({ periodId: row.periodId, today: '2020-07-10' });
      expect(row.total).toEqual(own.report.statusTables.total);
    }
  });

  it('is kept while nothing changes, whatever the number of half-years, and built anew after a change', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'), '2019-H1')])).toBe('accepted');
    // The term's last half-year: eight half-years, more than the four reports kept between requests.
    const term = await loadTerm(h.office.db);
    const last = listPeriods(term).at(-1)!.id;
    const asked = { periodId: last, today: '2022-07-20' };
    const first = await handlers.getStatusTrend(asked);
    expect(first.rows.length).toBeGreaterThan(4);
    // Asked again (the tab looked at again), with the default 기준 spelled out, or with a comparison on screen:
    // the same rows, not the half-years' reports built again.
    expect(await handlers.getStatusTrend(asked)).toBe(first);
    expect(
      await handlers.getStatusTrend({ ...asked, executionRateThreshold: DEFAULT_EXECUTION_RATE_THRESHOLD }),
    ).toBe(first);
    expect(await handlers.getStatusTrend({ ...asked, comparePeriodId: '2019-H1' })).toBe(first);
    // Shared, so frozen: a caller cannot change what the next one gets.
    expect(Object.isFrozen(first.rows[0]?.total)).toBe(true);
    // Another 기준 is another trend.
    expect(await handlers.getStatusTrend({ ...asked, executionRateThreshold: 50 })).not.toBe(first);

    // A decision moves the data: the next request builds the trend anew, with it.
    const at2019H1 = (t: typeof first) => t.rows.find((r) => r.periodId === '2019-H1')!.total;
    expect(at2019H1(first).completedUndecided).toBe(1);
    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'accepted',
      note: '',
    });
    const after = await handlers.getStatusTrend(asked);
    expect(after).not.toBe(first);
    expect(at2019H1(after).completedUndecided).toBe(0);
    expect(at2019H1(after).counts.completed).toBe(1);
    expect(await handlers.getStatusTrend(asked)).toBe(after);
  });

  it('goes to Excel as the screen shows it: counts as numbers, 완료율 a formula LibreOffice computes again', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'), '2019-H1')])).toBe('accepted');
    const trend = await handlers.getStatusTrend({ periodId: '2019-H1', today: '2019-07-20' });
    const file = await handlers.exportTrendWorkbook({ periodId: '2019-H1', today: '2019-07-20' });
    expect(file.fileName).toBe('공약이행추이_2019-H1.xlsx');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const wb = XLSX.read(bytes, { type: 'buffer' });
    expect(wb.SheetNames).toEqual([TREND_SHEET_NAMES.byPeriod, TREND_SHEET_NAMES.byArea]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      wb.Sheets[TREND_SHEET_NAMES.byPeriod] as XLSX.WorkSheet,
      {
        header: 1,
      },
    );
    // Title, two header rows, then 2018-H2 and 2019-H1 (완료 first, 계 and 완료율 last).
    const [second, first] = [rows[4] as unknown[], rows[3] as unknown[]];
    expect(first[0]).toBe('2018년 하반기');
    expect(second[0]).toBe('2019년 상반기');
    const last = trend.rows[1]!;
    expect(second[1]).toBe(last.total.counts.completed);
    expect(second.at(-2)).toBe(last.total.total);
    expect(second.at(-1)).toBeCloseTo(last.total.completionRate ?? -1, 10);
    expect(rows.filter((r) => r[0] === '합계')).toEqual([]);

    const soffice = findSoffice();
    if (soffice === null) return;
    // The formulas' stored values zeroed: the rate compared can only be LibreOffice's own.
    let formulas = 0;
    for (const cell of Object.values(wb.Sheets[TREND_SHEET_NAMES.byPeriod] as XLSX.WorkSheet)) {
      const c = cell as XLSX.CellObject;
      if (c.f === undefined) continue;
      c.v = 0;
      formulas += 1;
    }
    expect(formulas).toBe(trend.rows.length);
    const path = join(h.dir.path, 'trend.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const csv = convertSheetsToCsv(soffice, path, join(h.dir.path, 'lo'));
    const calc = parseCsv(csv.get(TREND_SHEET_NAMES.byPeriod) ?? '');
    const rate = calc.find((r) => r[0] === '2019년 상반기')?.at(-1) ?? '';
    // LibreOffice writes the number, or keeps the % sign of a percent-formatted cell.
    const computed = rate.endsWith('%') ? Number(rate.slice(0, -1)) / 100 : Number(rate);
    expect(computed).toBeCloseTo(last.total.completionRate ?? -1, 6);
  }, 180_000);
});
