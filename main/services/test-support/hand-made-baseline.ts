import { OFFICE_DEPARTMENT, writeBundle, type BundleDocument } from '../../bundles';
import { BASELINE_PATHS } from '../baseline';
import type { AppContext } from '../context';
import { loadSigningKey } from '../key-service';
import { loadCatalog, loadTerm } from '../reference';

/**
 * A 기준 자료 signed with the office's own key but put together by the test, not by exportBaseline: as an earlier
 * (or later) program would make it, or with a member the program would never write. The office's catalog and term
 * come first; `documents` are added after them.
 */
export async function handMadeBaseline(
  office: AppContext,
  documents: BundleDocument[],
  manifest: { revision?: number; appVersion?: string; createdAt?: string } = {},
): Promise<Buffer> {
  const { privateKeyPem } = await loadSigningKey(office);
  return writeBundle({
    manifestFields: {
      type: 'pledge-baseline',
      appVersion: manifest.appVersion ?? '0.1.0',
      department: OFFICE_DEPARTMENT,
      period: 'plan',
      createdAt: manifest.createdAt ?? office.now().toISOString(),
      revision: manifest.revision ?? 1,
      previousBundleSha256: null,
    },
    documents: [
      { path: BASELINE_PATHS.catalog, json: await loadCatalog(office.db) },
      { path: BASELINE_PATHS.term, json: await loadTerm(office.db) },
      ...documents,
    ],
    attachments: [],
    privateKeyPem,
  });
}
