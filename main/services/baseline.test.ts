import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../domain/documents/test-fixtures';
import { getDocument, saveDocument } from '../../db/documents';
import { getReferenceData } from '../../db/reference-data';
import { makeTempDir } from '../../db/test/temp-dir';
import { applyBaseline, exportBaseline } from './baseline';
import { makeCopy } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import type { AppContext } from './context';
import { exportEnrollment, importEnrollment } from './key-service';
import { readFileSync } from 'node:fs';

let dir: ReturnType<typeof makeTempDir>;
let office: AppContext;
let dept: AppContext;
beforeEach(async () => {
  dir = makeTempDir('pledge-baseline-');
  office = await makeCopy(dir.path, 'office', { role: 'office' });
  dept = await makeCopy(dir.path, 'dept', { role: 'department', department: '경제진흥본부' });
});
afterEach(async () => {
  await office.close();
  await dept.close();
  dir.remove();
});

describe('baseline package (office → department)', () => {
  it('brings the confirmed plan back to a department copy, verified with the trusted office key', async () => {
    const plan = { ...structuredClone(examples.planJson), lifecycle: 'confirmed' };
    await saveDocument(
      office.db,
      {
        kind: 'executionPlan',
        projectId: '1-1-1',
        slot: 'plan',
        department: '경제진흥본부',
        json: plan,
        status: 'confirmed',
        reason: 'confirm',
        allowFrozen: true,
      },
      office.now(),
    );
    const exported = await exportBaseline(office);
    expect(exported).toMatchObject({ revision: 1, plans: 1 });

    const bytes = readFileSync(exported.path);
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('기획담당관의 키가 등록되어 있지 않습니다');
    await importEnrollment(dept, (await exportEnrollment(office)).text);
    const applied = await applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier });
    expect(applied).toMatchObject({ status: 'applied', revision: 1, plans: 1 });
    const stored = await getDocument(dept.db, 'executionPlan:1-1-1:plan:경제진흥본부');
    expect(stored?.status).toBe('confirmed');
    expect(stored?.json).toEqual(plan);
    expect((await getReferenceData(dept.db, 'catalog'))?.version).toBe(applied.catalogVersion);

    // A department's own key cannot sign a baseline: a forged package fails verification.
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(100) ^ 1, 100);
    await expect(
      applyBaseline(dept, { name: 'x.pledge', bytes: tampered }, { verifier: directVerifier }),
    ).rejects.toThrow('기준 자료를 적용하지 않았습니다');
    expect(
      (await applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier })).status,
    ).toBe('duplicate');
    const second = await exportBaseline(office);
    expect((await applyBaseline(dept, { path: second.path }, { verifier: directVerifier })).revision).toBe(2);
    await expect(
      applyBaseline(dept, { name: 'b.pledge', bytes }, { verifier: directVerifier }),
    ).rejects.toThrow('r1은 이미 적용한 r2보다 오래되었습니다');
  });
});
