// The sample bundles the office's import threads check after they start (import-warm-up.ts): they pass every
// check a real import runs (signature, members, strict JSON, schema, the department's rights), so the warm-up runs
// the same code as an import; it keeps at most one sample per thread in flight, and a key made for it is used once.
import { describe, expect, it } from 'vitest';
import { inspectBundle, keyLookupFromSnapshot, type BundleCheck } from '../bundles';
import { submissionVerdict } from './bundle-content';
import type { Verifier } from './bundle-verify';
import { exerciseImportChecks, importWarmUpJobs } from './import-warm-up';

/** The checks a pool worker runs, in this thread: the container and signature, then the content. */
const checkHere: Verifier = async (bytes, keys, expectedType, content) => {
  const check = await inspectBundle(bytes, { lookupKey: keyLookupFromSnapshot(keys), expectedType });
  return check.ok && content
    ? { ...check, documents: [], content: submissionVerdict(check, content) }
    : check;
};

describe('the import warm-up samples', () => {
  it("pass every check an import runs: a department's plans, then its cards and 재정집행 rows for a half-year", async () => {
    const jobs = await importWarmUpJobs();
    expect(jobs).toHaveLength(3);
    const kinds: string[][] = [];
    for (const job of jobs) {
      const check = await checkHere(job.bytes, job.keys, 'pledge-submission', job.content);
      expect(check.ok).toBe(true);
      if (!check.ok) continue;
      expect(check.manifest.department).toBe(job.keys[0]?.department);
      expect(check.content?.ok).toBe(true);
      if (check.content?.ok !== true) continue;
      kinds.push([...new Set(check.content.documents.map((d) => d.kind))]);
      expect(check.content.documents.length).toBeGreaterThan(1);
      // Every document is the department's own project in the shipped catalog.
      for (const d of check.content.documents) {
        const project = job.content.catalog.projects.find((p) => p.id === d.projectId);
        expect(project?.leadDepartment).toBe(check.manifest.department);
      }
    }
    expect(kinds).toEqual([['executionPlan'], ['managementCard'], ['financeRow']]);
    // The cards carry figures and results, as a department's do: the checks see filled grids, not blanks.
    const cards = await checkHere(jobs[1]!.bytes, jobs[1]!.keys, 'pledge-submission', jobs[1]!.content);
    const card = cards.ok && cards.content?.ok ? JSON.parse(cards.content.documents[0]!.json) : null;
    expect(Object.keys(card?.unitProjects?.[0]?.executed?.city ?? {}).length).toBeGreaterThan(1);
    expect(Object.keys(card?.unitProjects?.[0]?.results ?? {}).length).toBeGreaterThan(1);
  });

  it('are signed with a key made for each warm-up and registered nowhere', async () => {
    const [a, b] = [await importWarmUpJobs(), await importWarmUpJobs()];
    expect(a[0]?.keys).toHaveLength(1);
    expect(a[0]?.keys[0]?.keyId).not.toBe(b[0]?.keys[0]?.keyId);
    // Checked against any other registry (a real office's), a sample is refused: its key is unknown there.
    const other = await checkHere(a[0]!.bytes, b[0]!.keys, 'pledge-submission', a[0]!.content);
    expect(other.ok).toBe(false);
  });
});

describe('exerciseImportChecks', () => {
  it('checks every sample each round, at most one per thread at a time, and counts those accepted', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: string[] = [];
    const counting: Verifier = async (bytes, keys, expectedType, content) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      const check = await checkHere(bytes, keys, expectedType, content);
      if (check.ok) seen.push(check.manifest.period);
      inFlight -= 1;
      return check;
    };
    expect(await exerciseImportChecks(counting, 2, 3)).toBe(9);
    expect(most).toBe(2);
    expect(seen.filter((p) => p === 'plan')).toHaveLength(3);
  });

  it('settles with 0 when no sample is accepted (a verifier that refuses them), never rejecting', async () => {
    const refusing: Verifier = () =>
      Promise.resolve({ ok: false, code: 'VERIFY_CRASHED', message: '닫힘' } satisfies BundleCheck);
    expect(await exerciseImportChecks(refusing, 2, 2)).toBe(0);
  });
});
