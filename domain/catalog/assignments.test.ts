import { describe, expect, it } from 'vitest';
import { seoulMinseon7Term } from '../term/load';
import {
  assignmentAt,
  catalogAt,
  departmentsEver,
  involvedAt,
  leadAt,
  ownEntryOf,
  planDepartmentOf,
} from './assignments';
import { catalogChangeRefusals, describeCatalogChange } from './catalog-change';
import { seoulMinseon7Catalog } from './load';
import type { Catalog, CatalogProject } from './types';

/** Seoul's list with 1-1-1 moved twice: 가 (co 다) through 2019-H1, 나 (co 다, 라) through 2020-H2, then 마. */
function movedTwice(): Catalog {
  const catalog = structuredClone(seoulMinseon7Catalog);
  const project = catalog.projects.find((p) => p.id === '1-1-1');
  if (project === undefined) throw new Error('seed');
  Object.assign(project, {
    leadDepartment: '마',
    coDepartments: [],
    formerAssignments: [
      { through: '2019-H1', leadDepartment: '가', coDepartments: ['다'] },
      { through: '2020-H2', leadDepartment: '나', coDepartments: ['다', '라'] },
    ],
  } satisfies Partial<CatalogProject>);
  return catalog;
}
const project111 = (catalog: Catalog) => catalog.projects.find((p) => p.id === '1-1-1')!;

describe('부서 이관: who had a project in a half-year', () => {
  it('answers each half-year from the record, and the current departments after it', () => {
    const project = project111(movedTwice());
    const leads = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2022-H1'].map((p) =>
      leadAt(project, p),
    );
    expect(leads).toEqual(['가', '가', '나', '나', '나', '마', '마']);
    expect(assignmentAt(project, '2019-H2').coDepartments).toEqual(['다', '라']);
    expect(involvedAt(project, '2019-H1', '다')).toBe(true);
    expect(involvedAt(project, '2019-H1', '라')).toBe(false);
    expect(involvedAt(project, '2021-H1', '다')).toBe(false);
    expect(planDepartmentOf(project)).toBe('가');
    expect(departmentsEver(project).sort()).toEqual(['가', '나', '다', '라', '마']);
  });

  it('resolves a catalog for a half-year, keeping the object where nothing moved', () => {
    const catalog = movedTwice();
    // No project has a record covering 2021-H1: the same object (what is kept per catalog stays).
    expect(catalogAt(catalog, '2021-H1')).toBe(catalog);
    expect(catalogAt(seoulMinseon7Catalog, '2019-H1')).toBe(seoulMinseon7Catalog);
    const at2019 = catalogAt(catalog, '2019-H2');
    expect(at2019).not.toBe(catalog);
    expect(catalogAt(catalog, '2019-H2')).toBe(at2019);
    const resolved = project111(at2019);
    expect([resolved.leadDepartment, resolved.coDepartments]).toEqual(['나', ['다', '라']]);
    // Every other project is the catalog's own entry.
    expect(at2019.projects.filter((p) => p !== resolved)).toEqual(
      catalog.projects.filter((p) => p.id !== '1-1-1'),
    );
    expect(at2019.projects[1]).toBe(catalog.projects[1]);
    // A resolved entry still answers any half-year, later ones included, from the catalog's own record.
    expect(ownEntryOf(resolved)).toBe(project111(catalog));
    expect(leadAt(resolved, '2021-H2')).toBe('마');
    expect(leadAt(resolved, '2018-H2')).toBe('가');
    expect(planDepartmentOf(resolved)).toBe('가');
    // Resolving a resolved catalog again gives the half-year asked for.
    expect(project111(catalogAt(at2019, '2018-H2')).leadDepartment).toBe('가');
    expect(project111(catalogAt(at2019, '2021-H1')).leadDepartment).toBe('마');
  });
});

describe('부서 이관 in a list change', () => {
  const before = { catalog: seoulMinseon7Catalog, term: seoulMinseon7Term };
  const lead = project111(seoulMinseon7Catalog).leadDepartment;
  const facts = {
    documents: [
      { projectId: '1-1-1', department: lead, kind: 'executionPlan' as const, slot: 'plan' },
      { projectId: '1-1-1', department: lead, kind: 'managementCard' as const, slot: '2019-H1' },
      { projectId: '1-1-1', department: lead, kind: 'changeRequest' as const, slot: 'CR-1' },
    ],
    departmentsWithKeys: [lead],
    halfYearReported: true,
    anyData: true,
  };
  const moved = (through: string, co: string[] = []) => {
    const after = structuredClone(before);
    after.catalog.version = '조직개편';
    const project = project111(after.catalog);
    const own = { leadDepartment: project.leadDepartment, coDepartments: project.coDepartments };
    project.leadDepartment = '새 부서';
    project.coDepartments = co;
    project.formerAssignments = [{ through, ...own }];
    return after;
  };

  it('takes a move recorded through the last half-year its lead reported, and keeps its key', () => {
    const after = moved('2019-H1');
    const change = describeCatalogChange(before, after);
    expect(catalogChangeRefusals(change, before, after, facts)).toEqual([]);
  });

  it('refuses a record that gives the lead’s reported half-year to the new lead, or is outside the term', () => {
    // Through 2018-H2: the 2019-H1 card would be 새 부서's.
    const early = moved('2018-H2');
    const [reason] = catalogChangeRefusals(describeCatalogChange(before, early), before, early, facts);
    expect(reason).toContain(`${lead}의 2019-H1 공약관리카드`);
    expect(reason).not.toContain('공약실천계획서');
    // The term's last half-year is the current departments'.
    const last = moved('2022-H1');
    expect(catalogChangeRefusals(describeCatalogChange(before, last), before, last, facts)).toEqual([
      '1-1-1: 부서 이관 기록의 마지막 반기 2022-H1은 임기(2018-H2 ~ 2021-H2)의 반기가 아닙니다 (임기의 마지막 반기는 지금 부서의 것입니다).',
    ]);
  });
});
