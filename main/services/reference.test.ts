import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createDb } from '../../db/create-db';
import { putReferenceData } from '../../db/reference-data';
import type { Database } from '../../db/schema';
import { makeTempDir } from '../../db/test/temp-dir';
import { ensureReferenceData, loadCatalog, loadReferenceKept } from './reference';

let dir: ReturnType<typeof makeTempDir>;
let db: Kysely<Database>;

beforeEach(async () => {
  dir = makeTempDir();
  db = createDb(join(dir.path, 'pledge.sqlite'));
  await ensureReferenceData(db, new Date('2019-01-01T00:00:00Z'));
});
afterEach(async () => {
  await db.destroy();
  dir.remove();
});

describe('catalog and term kept by a reader', () => {
  it('gives the same frozen objects while the stored text is unchanged, and the new content once it changed', async () => {
    const keeper = {};
    const first = await loadReferenceKept(db, keeper);
    expect(first.catalog).toEqual(await loadCatalog(db));
    expect(Object.isFrozen(first.catalog.projects[0])).toBe(true);
    expect(await loadReferenceKept(db, keeper)).toBe(first);
    // Another reader parses its own.
    expect(await loadReferenceKept(db, {})).not.toBe(first);

    // The same content written again (a baseline package re-applied): still the same objects.
    await putReferenceData(
      db,
      { key: 'catalog', version: first.catalog.version, json: first.catalog },
      new Date('2019-02-01T00:00:00Z'),
    );
    expect(await loadReferenceKept(db, keeper)).toBe(first);

    const renamed = {
      ...first.catalog,
      projects: first.catalog.projects.map((p, i) => (i === 0 ? { ...p, name: `${p.name} (변경)` } : p)),
    };
    await putReferenceData(
      db,
      { key: 'catalog', version: `${first.catalog.version}-2`, json: renamed },
      new Date('2019-03-01T00:00:00Z'),
    );
    const second = await loadReferenceKept(db, keeper);
    expect(second).not.toBe(first);
    expect(second.catalog.projects[0]?.name).toBe(renamed.projects[0]?.name);
    expect(second.term).toEqual(first.term);
  });

  it('a missing or broken catalog is refused as loadCatalog refuses it, and nothing is kept from it', async () => {
    const keeper = {};
    await db
      .updateTable('reference_data')
      .set({ json: '{"projects": 3}' })
      .where('key', '=', 'catalog')
      .execute();
    await expect(loadCatalog(db)).rejects.toThrow();
    await expect(loadReferenceKept(db, keeper)).rejects.toThrow();
    await ensureReferenceData(db, new Date());
    await db.deleteFrom('reference_data').where('key', '=', 'catalog').execute();
    await expect(loadReferenceKept(db, keeper)).rejects.toThrow();
  });
});
