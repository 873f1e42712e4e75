import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog as catalog } from './load';
import { buildCatalogTree, compareProjectIds, projectsForDepartment, searchProjects } from './search';

const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('compareProjectIds', () => {
  it('orders numerically, parents before children', () => {
    const sorted = ['1-1-10', '1-2', '1-1-9', '10-1-1', '1-1', '2-1-1', '1-1-1'].sort(compareProjectIds);
    expect(sorted).toEqual(['1-1', '1-1-1', '1-1-9', '1-1-10', '1-2', '2-1-1', '10-1-1']);
  });
});

describe('searchProjects by number', () => {
  it('finds one project by its full number', () => {
    expect(ids(searchProjects(catalog, '3-2-1'))).toEqual(['3-2-1']);
  });

  it('finds a core pledge’s projects by its number', () => {
    expect(ids(searchProjects(catalog, '3-2'))).toEqual(['3-2-1', '3-2-2', '3-2-3', '3-2-4']);
    expect(ids(searchProjects(catalog, ' 3-2- '))).toEqual(['3-2-1', '3-2-2', '3-2-3', '3-2-4']);
  });

  it('does not confuse 7-1 with 7-10 … 7-18', () => {
    expect(ids(searchProjects(catalog, '7-1'))).toEqual(['7-1-1', '7-1-2', '7-1-3']);
  });

  it('finds a whole area by its number', () => {
    const area3 = searchProjects(catalog, '3');
    expect(area3).toHaveLength(24);
    expect(area3.every((p) => p.id.startsWith('3-'))).toBe(true);
  });

  it('orders 2-2-10 and 2-2-11 after 2-2-9', () => {
    expect(ids(searchProjects(catalog, '2-2')).slice(-3)).toEqual(['2-2-9', '2-2-10', '2-2-11']);
  });

  it('falls back to text for a number that is no catalog number', () => {
    expect(ids(searchProjects(catalog, '24'))).toContain('2-3-1'); // 공적임대주택 24만호 공급
    expect(searchProjects(catalog, '24').every((p) => !p.id.startsWith('24-'))).toBe(true);
  });
});

describe('searchProjects by campaign number', () => {
  it('accepts "#19" and "공약19" for the campaign’s own numbering', () => {
    const expected = ['1-1-1', '1-1-2', '1-1-3', '1-1-4', '1-1-5', '1-1-6', '1-1-7', '1-1-8'];
    expect(ids(searchProjects(catalog, '#19'))).toEqual(expected);
    expect(ids(searchProjects(catalog, '공약19'))).toEqual(expected);
    expect(ids(searchProjects(catalog, '공약 19'))).toEqual(expected);
  });

  it('maps campaign #1 (서울페이) to core pledge 7-3', () => {
    expect(ids(searchProjects(catalog, '#1'))).toEqual(['7-3-1', '7-3-2', '7-3-3', '7-3-4', '7-3-5']);
  });
});

describe('searchProjects by text', () => {
  it('ignores spacing and `·`', () => {
    expect(ids(searchProjects(catalog, '핀테크블록체인'))).toEqual(['1-1-1']);
    expect(ids(searchProjects(catalog, '핀테크 · 블록체인'))).toEqual(['1-1-1']);
    expect(ids(searchProjects(catalog, '핀테크랩'))).toEqual(['1-1-1']);
  });

  it('matches core-pledge names, so all its projects come back', () => {
    expect(ids(searchProjects(catalog, '지옥고'))).toEqual(['2-7-1', '2-7-2', '2-7-3', '2-7-4']);
  });

  it('matches sub-items', () => {
    expect(ids(searchProjects(catalog, '홍반장'))).toEqual(['3-1-1']);
    expect(ids(searchProjects(catalog, '반값 장례식장'))).toEqual(['3-8-2']);
  });

  it('matches departments, lead and co-department', () => {
    const result = searchProjects(catalog, '여성가족정책실');
    expect(ids(result)).toContain('1-1-7');
    expect(result.every((p) => p.leadDepartment === '여성가족정책실' || p.id === '1-1-7')).toBe(true);
    expect(searchProjects(catalog, '민생사법경찰단').map((p) => p.id)).toEqual(['2-6-6']);
  });

  it('ignores Latin case', () => {
    expect(ids(searchProjects(catalog, 'seoul pay'))).toEqual(ids(searchProjects(catalog, 'Seoul Pay')));
    expect(ids(searchProjects(catalog, 'seoul pay'))).toContain('7-3-1');
  });

  it('requires every word when the words are apart', () => {
    expect(ids(searchProjects(catalog, '여성안심 택배'))).toEqual(['7-11-4']);
    expect(searchProjects(catalog, '택배 광화문')).toEqual([]);
  });

  it('returns everything in plan order for an empty query', () => {
    const all = searchProjects(catalog, '  ');
    expect(all).toHaveLength(238);
    expect(ids(all)).toEqual(ids(all).sort(compareProjectIds));
  });
});

describe('searchProjects with a department filter', () => {
  it('keeps projects the department leads or cooperates on', () => {
    const result = searchProjects(catalog, '1-1', { department: '여성가족정책실' });
    expect(ids(result)).toEqual(['1-1-7']);
  });

  it('keeps a number query a number query when the department has none of it', () => {
    expect(searchProjects(catalog, '3', { department: '물순환안전국' })).toEqual([]);
  });

  it('treats null as no filter', () => {
    expect(searchProjects(catalog, '', { department: null })).toHaveLength(238);
    expect(searchProjects(catalog, '', { department: '푸른도시국' })).toHaveLength(
      catalog.projects.filter((p) => p.leadDepartment === '푸른도시국').length,
    );
  });
});

describe('projectsForDepartment', () => {
  it('lists led projects first, then co-department ones', () => {
    const list = projectsForDepartment(catalog, '여성가족정책실');
    expect(list.at(-1)?.id).toBe('1-1-7');
    expect(list.slice(0, -1).every((p) => p.leadDepartment === '여성가족정책실')).toBe(true);
    expect(ids(list.slice(0, -1))).toEqual(ids(list.slice(0, -1)).sort(compareProjectIds));
  });

  it('lists a department’s own projects in plan order', () => {
    expect(ids(projectsForDepartment(catalog, '상수도사업본부'))).toEqual(['4-6-4', '5-9-4']);
    expect(projectsForDepartment(catalog, '없는부서')).toEqual([]);
  });
});

describe('buildCatalogTree', () => {
  it('nests areas → core pledges → projects in plan order', () => {
    const tree = buildCatalogTree(catalog);
    expect(tree.map((a) => a.area.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tree.map((a) => a.corePledges.length)).toEqual([9, 9, 9, 9, 9, 3, 18]);
    expect(tree[6]?.corePledges.map((c) => c.corePledge.id).slice(8, 11)).toEqual(['7-9', '7-10', '7-11']);
    expect(tree[1]?.corePledges[1]?.projects).toHaveLength(11);
    expect(tree[1]?.corePledges[1]?.projects.at(-1)?.id).toBe('2-2-11');
    const total = tree.flatMap((a) => a.corePledges.flatMap((c) => c.projects)).length;
    expect(total).toBe(238);
  });
});
