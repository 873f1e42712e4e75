import { describe, expect, it } from 'vitest';
import { exampleFinanceRow } from '../../domain/documents/test-fixtures';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { privateKeyOf, sha256Hex } from './bundle-test-support';
import {
  cardDoc,
  cardFor,
  direct,
  planBundleWithPhotos,
  sendFromUnapprovedPc,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

const financeDoc = { path: 'documents/finance-1-1-1-2019-H1.json', json: exampleFinanceRow() };

describe("the office's list of received bundles (제출 파일 목록)", () => {
  it("counts each bundle's documents, not its attachments, and a quarantined bundle's from its manifest", async () => {
    // r1: the plan with two photos (three members, one document).
    const { plan, bytes: planBundle } = await planBundleWithPhotos(await privateKeyOf(h.dept), [
      Buffer.from('현장 사진 1'),
      Buffer.from('현장 사진 2'),
    ]);
    const [first] = await importBundleInputs(h.office, [{ name: 'plan.pledge', bytes: planBundle }], direct);
    expect(first?.status).toBe('accepted');
    h.revision = 1;
    h.lastSha = sha256Hex(planBundle);
    // r2: the half-year's card and finance row (two documents).
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack')), financeDoc])).toBe('accepted');
    const cardSha = h.lastSha;
    // Another PC of the department, its key not approved yet: the bundle waits in quarantine with its manifest.
    const quarantined = await sendFromUnapprovedPc(h, '2019-H1', [
      cardDoc(cardFor(plan, 'partial')),
      financeDoc,
    ]);
    expect(quarantined.status).toBe('quarantined');
    const quarantinedSha = quarantined.sha256;

    const handlers = bundleHandlers(h.office);
    const listed = await handlers.listBundles(undefined);
    expect(Object.fromEntries(listed.map((b) => [b.sha256, [b.status, b.documents]]))).toEqual({
      [sha256Hex(planBundle)]: ['accepted', 1],
      [cardSha as string]: ['accepted', 2],
      [quarantinedSha]: ['quarantined', 2],
    });
    expect((await handlers.listBundles({ status: 'quarantined' })).map((b) => b.sha256)).toEqual([
      quarantinedSha,
    ]);
    // Listed by department, then revision, then arrival.
    expect(listed.map((b) => b.revision)).toEqual([1, 1, 2]);
  });
});
