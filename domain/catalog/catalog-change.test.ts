import { describe, expect, it } from 'vitest';
import { seoulMinseon7Term } from '../term/load';
import { catalogChangeRefusals, describeCatalogChange } from './catalog-change';
import { seoulMinseon7Catalog } from './load';

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
    expect(catalogChangeRefusals(change, after, noData)).toEqual([]);
    expect(catalogChangeRefusals(change, after, { ...noData, anyData: true })).toHaveLength(1);
  });
});
