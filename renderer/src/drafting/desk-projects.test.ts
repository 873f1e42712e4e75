import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import type { Catalog } from '../../../domain/catalog/types';
import { deskProjectsOf } from './desk-projects';

describe('the desk of a half-year', () => {
  const moving = seoulMinseon7Catalog.projects[0]!;
  const from = moving.leadDepartment;
  const to = seoulMinseon7Catalog.projects.find((p) => p.leadDepartment !== from)!.leadDepartment;
  // The first project moves from its lead to another department after 2019-H1.
  const catalog: Catalog = {
    ...seoulMinseon7Catalog,
    projects: seoulMinseon7Catalog.projects.map((p) =>
      p === moving
        ? {
            ...p,
            leadDepartment: to,
            coDepartments: [],
            formerAssignments: [{ through: '2019-H1', leadDepartment: from, coDepartments: p.coDepartments }],
          }
        : p,
    ),
  };
  const ids = (department: string, periodId: string) =>
    deskProjectsOf(catalog, department, periodId).map((p) => `${p.projectId}:${p.role}`);
  const led = (department: string) =>
    seoulMinseon7Catalog.projects.filter((p) => p.leadDepartment === department).map((p) => p.id);

  it('puts a moved project on the desk of the department that has it in the half-year chosen', () => {
    expect(ids(from, '2019-H1')).toContain(`${moving.id}:lead`);
    expect(ids(from, '2019-H2').some((r) => r.startsWith(`${moving.id}:`))).toBe(false);
    expect(ids(to, '2019-H1').some((r) => r.startsWith(`${moving.id}:`))).toBe(false);
    expect(ids(to, '2019-H2')).toContain(`${moving.id}:lead`);
    // Nothing else changes: the other department's desk is its own projects plus the one taken over.
    expect(ids(to, '2019-H2').filter((r) => r.endsWith(':lead')).length).toBe(led(to).length + 1);
    expect(ids(from, '2019-H2').filter((r) => r.endsWith(':lead')).length).toBe(led(from).length - 1);
  });
});
