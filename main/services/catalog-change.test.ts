import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { Catalog } from '../../domain/catalog/types';
import { seoulMinseon7Term } from '../../domain/term/load';
import type { Term } from '../../domain/term/types';
import { writeCatalogWorkbook } from '../catalog/catalog-workbook';
import { applyBaseline, exportBaseline } from './baseline';
import { dumpDatabase } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';
import { loadCatalog } from './reference';
import {
  basePlan,
  cardDoc,
  cardFor,
  LEAD,
  request,
  sendConfirmedPlan,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** Seoul's list changed as the office would in the file, written as a 공약사업 목록 파일. */
function listFile(change: (catalog: Catalog, term: Term) => void, version = '2019-03-01 개정') {
  const catalog = structuredClone(seoulMinseon7Catalog);
  const term = structuredClone(seoulMinseon7Term);
  catalog.version = version;
  change(catalog, term);
  return { name: '개정목록.xlsx', dataBase64: writeCatalogWorkbook(catalog, term).toString('base64') };
}
const project = (catalog: Catalog, id: string) => {
  const found = catalog.projects.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};
const otherDepartment =
  seoulMinseon7Catalog.projects.find((p) => p.leadDepartment !== LEAD)?.leadDepartment ?? '';

describe('공약사업 목록 바꾸기 (the office, mid-term)', () => {
  it('shows what a file changes, then takes it: the tables and the next baseline follow it', async () => {
    await sendConfirmedPlan(h);
    const handlers = createHandlers(h.office);
    // A report built and kept before the change is not the one shown after it.
    const kept = await handlers.getOfficeReport(request);
    expect(kept.report.statusTables.total.total).toBe(seoulMinseon7Catalog.projects.length);
    const file = listFile((c) => {
      project(c, '1-1-2').name = '서울 핀테크 지원 (개정)';
      const core = c.corePledges.find((x) => x.id === '1-1');
      if (core) core.name = '혁신 산업 육성 (개정)';
      c.projects.splice(2, 0, { ...project(c, '1-1-2'), id: '1-1-99', name: '새 세부사업', subItems: [] });
    });
    const preview = await handlers.previewCatalogChange(file);
    expect(preview.currentVersion).toBe(seoulMinseon7Catalog.version);
    expect(preview.refusals).toEqual([]);
    const oldCore = seoulMinseon7Catalog.corePledges.find((x) => x.id === '1-1')?.name;
    const old112 = project(seoulMinseon7Catalog, '1-1-2');
    expect(preview.lines).toEqual([
      `목록 판: ${seoulMinseon7Catalog.version} → 2019-03-01 개정`,
      `핵심공약 1-1 이름: ${oldCore} → 혁신 산업 육성 (개정)`,
      `세부사업 1-1-2 이름: ${old112.name} → 서울 핀테크 지원 (개정)`,
      `세부사업 추가: 1-1-99 새 세부사업 (${old112.leadDepartment})`,
    ]);
    // Nothing stored by looking.
    expect((await loadCatalog(h.office.db)).version).toBe(seoulMinseon7Catalog.version);

    expect(await handlers.applyCatalogChange({ ...file, currentVersion: preview.currentVersion })).toEqual({
      version: '2019-03-01 개정',
      changes: 4,
    });
    const view = await handlers.getOfficeReport(request);
    expect(view.report.statusTables.byCorePledge.find((r) => r.key === '1-1')?.label).toBe(
      '1-1 혁신 산업 육성 (개정)',
    );
    expect(view.report.statusTables.total.total).toBe(seoulMinseon7Catalog.projects.length + 1);

    // The department gets the list with the next baseline package.
    await importEnrollment(h.dept, (await exportEnrollment(h.office)).text);
    const baseline = await exportBaseline(h.office);
    await applyBaseline(
      h.dept,
      { name: 'b.pledge', bytes: readFileSync(baseline.path) },
      { verifier: directVerifier },
    );
    const deptCatalog = await loadCatalog(h.dept.db);
    expect(deptCatalog.version).toBe('2019-03-01 개정');
    expect(project(deptCatalog, '1-1-2').name).toBe('서울 핀테크 지원 (개정)');
  });

  it('refuses what the received documents and keys would no longer fit, and stores nothing', async () => {
    const plan = await sendConfirmedPlan(h);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))]);
    const handlers = createHandlers(h.office);
    const before = await dumpDatabase(h.office);
    // What the test sent as 1-1-1's lead: its plan and its 2019-H1 card.
    const leadMoved =
      `1-1-1: 주관부서로 보낸 문서(${LEAD}의 2019-H1 공약관리카드, 공약실천계획서)가 다른 부서의 것이 되어, ` +
      "그 문서의 주관부서를 바꿀 수 없습니다. 주관부서를 옮기려면 '부서 이관' 시트에 옮기기 전 부서와 그 부서가 맡은 마지막 반기를 적으세요.";

    const cases: [string, ReturnType<typeof listFile>, string[]][] = [
      [
        'a project added once a half-year was reported',
        listFile((c) => c.projects.push({ ...project(c, '1-1-2'), id: '1-1-99', name: '새 세부사업' })),
        [
          '관리카드나 재정집행현황을 받은 뒤에는 세부사업을 더하거나 뺄 수 없습니다 (지난 반기 표의 사업 수가 바뀝니다): 1-1-99 추가.',
        ],
      ],
      [
        'the project the documents are for taken out',
        listFile((c) => {
          c.projects = c.projects.filter((p) => p.id !== '1-1-1');
        }),
        [
          '관리카드나 재정집행현황을 받은 뒤에는 세부사업을 더하거나 뺄 수 없습니다 (지난 반기 표의 사업 수가 바뀝니다): 1-1-1 삭제.',
          '문서가 있는 세부사업은 목록에서 뺄 수 없습니다: 1-1-1.',
        ],
      ],
      [
        'the sender moved off its project',
        listFile((c) => {
          project(c, '1-1-1').leadDepartment = otherDepartment;
        }),
        [leadMoved],
      ],
      [
        'the lead kept only as a co-department of its project',
        listFile((c) => {
          const p = project(c, '1-1-1');
          p.leadDepartment = otherDepartment;
          p.coDepartments = [LEAD];
        }),
        [leadMoved],
      ],
      [
        'the term moved',
        listFile((_, t) => {
          t.end = '2022-12';
        }),
        [
          '임기(시작·끝, 제출기한, 관리카드 제출일)는 자료가 있는 데이터 폴더에서 바꿀 수 없습니다: 받은 문서의 반기와 제출 기한이 그 임기를 따릅니다. 다음 임기는 새 데이터 폴더로 시작하세요.',
        ],
      ],
      [
        'a change under the same 판',
        listFile((c) => {
          project(c, '1-1-2').name = '이름만 바꿈';
        }, seoulMinseon7Catalog.version),
        [
          "목록 판이 지금 목록과 같습니다. '기본 정보' 시트의 목록 판을 바꿔 두 목록을 구별할 수 있게 하세요 (예: 2019-03-01 개정).",
        ],
      ],
    ];
    for (const [what, file, reasons] of cases) {
      const preview = await handlers.previewCatalogChange(file);
      expect(preview.refusals, what).toEqual(reasons);
      await expect(
        handlers.applyCatalogChange({ ...file, currentVersion: preview.currentVersion }),
        what,
      ).rejects.toMatchObject({ code: 'CATALOG_CHANGE_REFUSED' });
    }
    // Renaming stays possible: only the names change.
    const rename = listFile((c) => {
      project(c, '1-1-1').name = '핀테크 생태계 (개정)';
    });
    expect((await handlers.previewCatalogChange(rename)).refusals).toEqual([]);
    await expect(
      handlers.applyCatalogChange({ ...rename, currentVersion: '2018-01-01' }),
    ).rejects.toMatchObject({ code: 'CATALOG_CHANGED_MEANWHILE' });
    expect(await dumpDatabase(h.office)).toEqual(before);
  });

  it('keeps a department with a registered key in the list, and is the office’s alone', async () => {
    await h.send('plan', [{ path: 'documents/plan-1-1-1-plan.json', json: basePlan() }]);
    const file = listFile((c) => {
      for (const p of c.projects) {
        if (p.leadDepartment === LEAD) p.leadDepartment = otherDepartment;
        p.coDepartments = p.coDepartments.filter((d) => d !== LEAD);
      }
    });
    const preview = await createHandlers(h.office).previewCatalogChange(file);
    expect(preview.refusals).toContain(
      `서명 키가 등록된 부서가 새 목록에 없습니다: ${LEAD}. 부서 이름을 바꾸는 기능은 아직 없으니 그 부서를 목록에 남겨 두세요.`,
    );
    await expect(createHandlers(h.dept).previewCatalogChange(file)).rejects.toMatchObject({
      code: 'NOT_OFFICE',
    });
  });
});
