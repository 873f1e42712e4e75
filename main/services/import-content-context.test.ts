// The catalog and term an import checks documents against are the kept ones: the same object from one import to
// the next while they are unchanged (the app's kept verify threads are sent them once), a new one after the
// catalog changed (real office data folder, real signed bundles, the in-thread verifier recording what it is given).
import { expect, it } from 'vitest';
import type { ContentContext } from '../bundles';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { putReferenceData } from '../../db/reference-data';
import { importBundleInputs } from './bundle-import';
import { privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { directVerifier, type Verifier } from './bundle-verify';
import { basePlan, LEAD, planDoc, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

it('gives the verifier the same catalog and term for every import until the catalog changes', async () => {
  const given: (ContentContext | undefined)[] = [];
  const recording: Verifier = (bytes, keys, expectedType, content) => {
    given.push(content);
    return directVerifier(bytes, keys, expectedType, content);
  };
  const key = await privateKeyOf(h.dept);
  let previous: string | null = null;
  const importNext = async (revision: number, policyGoal: string): Promise<string> => {
    const bytes = await signSubmission(key, {
      department: LEAD,
      period: 'plan',
      revision,
      previousBundleSha256: previous,
      documents: [planDoc({ ...basePlan(), policyGoal })],
    });
    const [result] = await importBundleInputs(h.office, [{ name: `r${revision}.pledge`, bytes }], {
      verifier: recording,
    });
    if (result?.status === 'accepted') previous = sha256Hex(bytes);
    return result?.status ?? 'none';
  };

  expect(await importNext(1, '○ 첫 목표')).toBe('accepted');
  expect(await importNext(2, '○ 고친 목표')).toBe('accepted');
  expect(given).toHaveLength(2);
  expect(given[0]?.catalog.projects.some((p) => p.id === '1-1-1')).toBe(true);
  expect(given[1]).toBe(given[0]);

  // The office stores another version of the catalog: the next import is checked against it.
  const renamed = {
    ...seoulMinseon7Catalog,
    version: `${seoulMinseon7Catalog.version}-renamed`,
    projects: seoulMinseon7Catalog.projects.map((p) =>
      p.id === '1-1-1' ? { ...p, name: `${p.name} (바뀐 이름)` } : p,
    ),
  };
  await putReferenceData(
    h.office.db,
    { key: 'catalog', version: renamed.version, json: renamed },
    h.office.now(),
  );
  expect(await importNext(3, '○ 세 번째 목표')).toBe('accepted');
  expect(given[2]).not.toBe(given[0]);
  expect(given[2]?.catalog.version).toBe(renamed.version);
  expect(given[2]?.catalog.projects.find((p) => p.id === '1-1-1')?.name).toMatch(/\(바뀐 이름\)$/);
});
