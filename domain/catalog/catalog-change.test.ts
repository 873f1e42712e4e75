import { describe, expect, it } from 'vitest';
import { seoulMinseon7Term } from '../term/load';
import { catalogChangeRefusals, describeCatalogChange } from './catalog-change';
import { seoulMinseon7Catalog } from './load';
import type { CatalogProject } from './types';

const before = { catalog: seoulMinseon7Catalog, term: seoulMinseon7Term };
const noData = { documents: [], departmentsWithKeys: [], halfYearReported: false, anyData: false };

describe('describeCatalogChange', () => {
  it('says nothing of an identical list', () => {
    const same = describeCatalogChange(before, structuredClone(before));
    expect(same).toEqual({ lines: [], added: [], removed: [], termChanged: false, sameVersion: false });
  });

  it('names each kind of change in the list’s order', () => {
    const after = structuredClone(before);
    after.catalog.version = '개정 1';
    const area = after.catalog.areas[0];
    const shared = after.catalog.projects.find((p) => p.coDepartments.length > 0);
    const moved = after.catalog.projects[1];
    if (!area || !shared || !moved) throw new Error('seed');
    const oldArea = area.name;
    area.name = '미래 서울';
    const oldCo = shared.coDepartments.join(', ');
    shared.coDepartments = [];
    const oldLead = moved.leadDepartment;
    moved.leadDepartment = '새 부서';
    after.term.end = '2022-12';
    const change = describeCatalogChange(before, after);
    expect(change.termChanged).toBe(true);
    expect(change.lines).toEqual([
      `목록 판: ${seoulMinseon7Catalog.version} → 개정 1`,
      '임기: 민선7기 2018-07 ~ 2022-06, 실천계획서 제출기한 2018-09-18, 관리카드 제출일 15일 → ' +
        '민선7기 2018-07 ~ 2022-12, 실천계획서 제출기한 2018-09-18, 관리카드 제출일 15일',
      `분야 1 이름: ${oldArea} → 미래 서울`,
      ...[
        [moved.id, `세부사업 ${moved.id} 주관부서: ${oldLead} → 새 부서`],
        [shared.id, `세부사업 ${shared.id} 협조부서: ${oldCo} → 없음`],
      ]
        .sort(
          ([a], [b]) =>
            seoulMinseon7Catalog.projects.findIndex((p) => p.id === a) -
            seoulMinseon7Catalog.projects.findIndex((p) => p.id === b),
        )
        .map(([, line]) => line),
    ]);
    // Before any data the term may change; a new department needs no key.
    expect(catalogChangeRefusals(change, before, after, noData)).toEqual([]);
    expect(catalogChangeRefusals(change, before, after, { ...noData, anyData: true })).toHaveLength(1);
  });

  it('lets a co-department that sent a 재정집행현황 change places, not leave its project', () => {
    const shared = seoulMinseon7Catalog.projects.find((p) => p.coDepartments.length > 0);
    const co = shared?.coDepartments[0];
    if (!shared || co === undefined) throw new Error('seed');
    const facts = {
      ...noData,
      anyData: true,
      documents: [{ projectId: shared.id, department: co, kind: 'financeRow' as const, slot: '2019-H1' }],
    };
    const edit = (change: (p: CatalogProject) => void) => {
      const after = structuredClone(before);
      after.catalog.version = '개정 2';
      const p = after.catalog.projects.find((x) => x.id === shared.id);
      if (p) change(p);
      return catalogChangeRefusals(describeCatalogChange(before, after), before, after, facts);
    };
    // Made the lead: its 재정집행현황 still counts.
    expect(edit((p) => ((p.leadDepartment = co), (p.coDepartments = [])))).toEqual([]);
    expect(edit((p) => (p.coDepartments = p.coDepartments.filter((d) => d !== co)))).toEqual([
      `${shared.id}: 협조부서로 보낸 재정집행현황(${co}의 2019-H1 재정집행 현황)이 있어, 그 반기의 협조부서에서 뺄 수 없습니다.`,
    ]);
  });
});
