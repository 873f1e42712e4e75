// Another city's term, end to end: an office and a department started from the same 공약사업 목록 파일 (the
// 민선8기 term, four projects) exchange a submission and a baseline package, and the office's tables are that list's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { getReferenceData } from '../../db/reference-data';
import { saveDocument } from '../../db/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { SMALL_CITY, smallCityWorkbook } from '../catalog/test-support';
import { applyBaseline, exportBaseline } from './baseline';
import { exportBundle } from './bundle-export';
import { importBundles } from './bundle-import';
import { enroll } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { createAppContext, type AppContext } from './context';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment, initKeys } from './key-service';
import { officeHandlers } from './office-handlers';

const DEPARTMENT = '경제정책과';
const PROJECT = SMALL_CITY.projects[0];

let dir: ReturnType<typeof makeTempDir>;
const copies: AppContext[] = [];
beforeEach(() => {
  dir = makeTempDir('pledge-other-city-');
});
afterEach(async () => {
  for (const ctx of copies.splice(0)) await ctx.close();
  dir.remove();
});

/** A copy started as 처음 설정 starts it: the list file chosen, then its own key made. */
async function copyFromFile(
  name: string,
  who: { role: 'office' } | { role: 'department'; department: string },
  now: string,
): Promise<AppContext> {
  const dataDir = join(dir.path, name, 'data');
  const ctx = await createAppContext({
    profileDir: join(dir.path, name, 'profile'),
    dataDirOverride: dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
    now: () => new Date(now),
  });
  copies.push(ctx);
  await createHandlers(ctx).saveSetup({
    role: who.role,
    department: who.role === 'department' ? who.department : null,
    dataDir,
    catalogFile: { name: 'garam.xlsx', dataBase64: smallCityWorkbook().toString('base64') },
  });
  await initKeys(ctx);
  return ctx;
}

/** Seoul's example documents moved four years on, into the 민선8기 term, for the small city's first project. */
function shifted<T>(json: T): T {
  const year = (y: string) => String(Number(y) + 4);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replace(/^(20(?:1[89]|2[0-2]))(?=$|-)/, (_, y: string) => year(y));
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k.replace(/^(20(?:1[89]|2[0-2]))(?=$|-)/, (_, y: string) => year(y)),
          walk(v),
        ]),
      );
    return value;
  };
  return walk(json) as T;
}

describe('a list file’s term and projects, from the department to the office and back', () => {
  it('carries a plan and a 재정집행현황 of 민선8기 into the office’s tables, and the baseline back', async () => {
    const office = await copyFromFile('office', { role: 'office' }, '2023-07-10T09:00:00+09:00');
    const dept = await copyFromFile(
      'dept',
      { role: 'department', department: DEPARTMENT },
      '2023-07-10T09:00:00+09:00',
    );
    await enroll(office, dept);
    await importEnrollment(dept, (await exportEnrollment(office)).text);

    const plan = {
      ...shifted(structuredClone(examples.planJson)),
      lifecycle: 'submitted',
      projectId: PROJECT?.id,
      projectName: PROJECT?.name,
      department: DEPARTMENT,
      cooperatingDepartments: [],
    };
    plan.citizenParticipation = { ...plan.citizenParticipation, attachments: [] };
    const finance = { ...shifted(structuredClone(examples.financeRowJson)), department: DEPARTMENT };
    expect(plan.projectPeriod).toEqual({ from: '2022-07', to: '2026-06' });
    expect(finance.periodId).toBe('2023-H1');
    await saveDocument(
      dept.db,
      {
        kind: 'executionPlan',
        projectId: '1-1-1',
        slot: 'plan',
        department: DEPARTMENT,
        json: plan,
        reason: 'submit',
        status: 'submitted',
      },
      dept.now(),
    );
    await saveDocument(
      dept.db,
      {
        kind: 'financeRow',
        projectId: '1-1-1',
        slot: '2023-H1',
        department: DEPARTMENT,
        json: finance,
        reason: 'submit',
        status: 'submitted',
      },
      dept.now(),
    );
    const planFile = await exportBundle(dept, { period: 'plan' });
    const financeFile = await exportBundle(dept, { period: '2023-H1' });
    expect(planFile.refused).toEqual([]);
    expect(financeFile.refused).toEqual([]);

    const imported = await importBundles(office, [planFile.path, financeFile.path], undefined, {
      verifier: directVerifier,
    });
    expect(imported.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const handlers = officeHandlers(office);
    await handlers.confirmReceivedPlans({ projectIds: ['1-1-1'] });

    const view = await handlers.getOfficeReport({ periodId: '2023-H1', today: '2023-07-10' });
    const { report } = view;
    expect(report.meta.periodLabel).toBe('2023년 상반기');
    expect(report.meta.dueDate).toBe('2023-07-17');
    expect(report.statusTables.total.total).toBe(SMALL_CITY.projects.length);
    // 붙임5: the file's two areas, the one project with a confirmed plan under the first, with what the department secured.
    expect(report.finance.areas.map((a) => [a.areaName, a.rows.map((r) => r.projectId)])).toEqual([
      ['일자리', ['1-1-1']],
      ['돌봄', []],
    ]);
    const secured = examples.financeRowJson.secured;
    expect(report.finance.grandTotal.secured.total).toBe(secured.national + secured.city + secured.private);
    expect(report.finance.budgetYears.map((y) => y.key)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(report.submissions.departments.map((d) => d.department).sort()).toEqual(
      [...new Set(SMALL_CITY.projects.flatMap((p) => [p.lead, ...p.co]))].sort(),
    );

    // The office's baseline package brings the confirmed plan back, and the same list.
    const baseline = await exportBaseline(office);
    const applied = await applyBaseline(
      dept,
      { name: 'b.pledge', bytes: readFileSync(baseline.path) },
      { verifier: directVerifier },
    );
    expect(applied).toMatchObject({ status: 'applied', plans: 1 });
    expect((await getReferenceData(dept.db, 'catalog'))?.json).toEqual(
      (await getReferenceData(office.db, 'catalog'))?.json,
    );
  });
});
