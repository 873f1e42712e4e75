import type { Migration } from './types';

/**
 * Two lists every office report reads, each answered from an index alone. The half-year's bundles (제출 현황)
 * were found by walking every bundle row, manifests included, through the department index (about 11 ms at ten
 * times Seoul's size, 6,250 bundles); the confirmed plans' heads by reading every plan row, JSON included
 * (about 8 ms). Both indexes hold every column their query reads, in the order it sorts.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'report indexes',
  up(sqlite) {
    sqlite.exec(`
      CREATE INDEX bundles_by_period
        ON bundles (period, type, department, revision, sha256, imported_at, created_at, status);
      CREATE INDEX documents_heads ON documents (kind, status, project_id, slot, id, version, updated_at);
    `);
  },
};
