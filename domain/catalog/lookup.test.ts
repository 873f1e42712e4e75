import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog as catalog } from './load';
import { findProject } from './lookup';

describe('findProject', () => {
  it('finds every project of the catalog by its id, and nothing for an unknown id', () => {
    for (const project of catalog.projects) expect(findProject(catalog, project.id)).toBe(project);
    expect(findProject(catalog, '9-9-9')).toBeUndefined();
  });
});
