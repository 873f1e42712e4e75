import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples } from '../../../domain/documents/test-fixtures';
import { saveDocument } from '../../../db/documents';
import { makeTempDir } from '../../../db/test/temp-dir';
import { createAppContext } from '../../services/context';
import { setSetting } from '../../../db/settings';
import { main } from '../index';
import { buildChildCli } from '../test-cli-child';
import { localToday } from '../../services/local-today';

// The CLI in-process: real data folders, real keys, the built verify worker (out/main/verify-worker.mjs).
let dir: ReturnType<typeof makeTempDir>;
let officeDir: string;
let deptDir: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}
async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}
async function setup(
  dataDir: string,
  role: 'office' | 'department',
  department: string | null,
  seed?: (ctx: Awaited<ReturnType<typeof createAppContext>>) => Promise<void>,
) {
  const ctx = await createAppContext({
    profileDir: dataDir,
    dataDirOverride: dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
  });
  await setSetting(ctx.db, 'setup', { role, department });
  if (seed) await seed(ctx);
  await ctx.close();
}

beforeEach(async () => {
  dir = makeTempDir('pledge-cli-');
  officeDir = join(dir.path, 'office');
  deptDir = join(dir.path, 'dept');
  await setup(officeDir, 'office', null);
  await setup(deptDir, 'department', '경제진흥본부', async (ctx) => {
    await saveDocument(
      ctx.db,
      {
        kind: 'financeRow',
        projectId: '1-1-1',
        slot: '2019-H1',
        department: '경제진흥본부',
        json: examples.financeRowJson,
        reason: 'submit',
        status: 'submitted',
      },
      new Date(),
    );
  });
});
afterEach(() => dir.remove());

describe('pledge keys / bundle / import / baseline', () => {
  it('enrols, exports, verifies and imports a bundle, then a baseline goes back to the department', async () => {
    expect((await run('keys', 'init', '--data', deptDir)).out).toContain('새 키를 만들었습니다.');
    expect((await run('keys', 'init', '--data', deptDir)).out).toContain('이미 키가 있습니다.');
    const enrolment = join(dir.path, 'dept.pledgekey.json');
    const exported = await run('keys', 'export', '--out', enrolment, '--data', deptDir);
    expect(exported.out).toMatch(/지문: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const keyId = /키 ID: ([0-9a-f]{16})/.exec(exported.out)?.[1] ?? '';

    const bundle = join(dir.path, 'r1.pledge');
    const made = await run('bundle', 'export', '--period', '2019-H1', '--out', bundle, '--data', deptDir);
    expect(made.code).toBe(0);
    expect(made.out).toContain('회차: r1');

    // Verification with the public key alone, and a one-byte change.
    const pub = join(dir.path, 'pub.pem');
    writeFileSync(
      pub,
      (JSON.parse(readFileSync(enrolment, 'utf8')) as { publicKeyPem: string }).publicKeyPem,
    );
    expect(await run('bundle', 'verify', bundle, '--key', pub)).toMatchObject({
      code: 0,
      out: expect.stringContaining('검증 성공'),
    });
    const broken = readFileSync(bundle);
    broken.writeUInt8(broken.readUInt8(broken.length - 300) ^ 0x20, broken.length - 300);
    const brokenPath = join(dir.path, 'broken.pledge');
    writeFileSync(brokenPath, broken);
    const failed = await run('bundle', 'verify', brokenPath, '--key', pub);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^검증 실패 \[[A-Z_]+\]: ./);

    // Office: unknown key → quarantined; import the enrolment, approve → released.
    await run('keys', 'init', '--data', officeDir);
    const held = await run('import', '--data', officeDir, bundle, '--json');
    expect(held.code).toBe(0);
    const heldSummary = JSON.parse(held.out) as { quarantined: { code: string }[] };
    expect(heldSummary.quarantined.map((q) => q.code)).toEqual(['KEY_UNKNOWN']);
    expect(held.err).toContain('검사 1/1 (100%)');
    expect((await run('keys', 'import', enrolment, '--data', officeDir)).out).toContain(
      '승인 대기로 등록했습니다',
    );
    expect((await run('keys', 'list', '--data', officeDir)).out).toContain('pending');
    const approved = await run('keys', 'approve', keyId, '--data', officeDir);
    expect(approved.out).toContain('반영: r1.pledge');
    expect((await run('bundle', 'verify', bundle, '--data', officeDir)).code).toBe(0);

    const again = await run('import', '--data', officeDir, bundle, brokenPath, '--json');
    expect(again.code).toBe(1);
    const summary = JSON.parse(again.out) as Record<string, { file: string; reason: string }[]>;
    expect(summary.duplicate?.map((d) => d.file)).toEqual([bundle]);
    expect(summary.rejected?.[0]?.file).toBe(brokenPath);
    expect(summary.rejected?.[0]?.reason.length).toBeGreaterThan(5);

    // Baseline: the department trusts the office key, then applies the office's package.
    const officeEnrolment = join(dir.path, 'office.pledgekey.json');
    await run('keys', 'export', '--out', officeEnrolment, '--data', officeDir);
    const baseline = join(dir.path, 'baseline.pledge');
    expect((await run('baseline', 'export', '--out', baseline, '--data', officeDir)).code).toBe(0);
    const untrusted = await run('baseline', 'apply', baseline, '--data', deptDir);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toContain('기획담당관의 키가 등록되어 있지 않습니다');
    expect((await run('keys', 'import', officeEnrolment, '--data', deptDir)).out).toContain(
      '신뢰하도록 등록한 기획담당관 키',
    );
    expect((await run('baseline', 'apply', baseline, '--data', deptDir)).out).toContain(
      '기준 자료 r1을 적용했습니다',
    );
    expect((await run('baseline', 'apply', baseline, '--data', deptDir)).out).toContain(
      '이미 적용한 기준 자료입니다',
    );
    // The department withdraws its trust: the office's next package is refused.
    const officeKeyId = /키 ID: ([0-9a-f]{16})/.exec(
      (await run('keys', 'export', '--out', officeEnrolment, '--data', officeDir)).out,
    )?.[1];
    const distrust = await run('keys', 'distrust', officeKeyId ?? '', '--data', deptDir);
    expect(distrust.out).toContain(`신뢰를 철회했습니다: 기획담당관 키 ${officeKeyId}`);
    const next = join(dir.path, 'baseline-2.pledge');
    await run('baseline', 'export', '--out', next, '--data', officeDir);
    const refused = await run('baseline', 'apply', next, '--data', deptDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`신뢰를 철회한 기획담당관 키(키 ID ${officeKeyId})로 서명되었습니다`);
  });

  it('import --received-on records the 접수일; a future date imports nothing and says why', async () => {
    await run('keys', 'init', '--data', deptDir);
    const enrolment = join(dir.path, 'dept.pledgekey.json');
    const keyId = /키 ID: ([0-9a-f]{16})/.exec(
      (await run('keys', 'export', '--out', enrolment, '--data', deptDir)).out,
    )?.[1];
    const bundle = join(dir.path, 'r1.pledge');
    expect(
      (await run('bundle', 'export', '--period', '2019-H1', '--out', bundle, '--data', deptDir)).code,
    ).toBe(0);
    await run('keys', 'init', '--data', officeDir);
    await run('keys', 'import', enrolment, '--data', officeDir);
    await run('keys', 'approve', keyId ?? '', '--data', officeDir);

    const today = localToday(new Date());
    const tomorrow = localToday(new Date(Date.now() + 86_400_000));
    const future = await run('import', '--data', officeDir, bundle, '--received-on', tomorrow);
    expect(future.code).not.toBe(0);
    expect(future.err).toMatch(new RegExp(`접수일 ${tomorrow}[은는] 오늘\\(${today}\\)보다 뒤입니다`));
    const nothing = JSON.parse(
      (await run('report', '--data', officeDir, '--period', '2019-H1', '--today', today, '--json')).out,
    ) as { report: { submissions: { departments: { department: string; bundles: unknown[] }[] } } };
    expect(nothing.report.submissions.departments.flatMap((d) => d.bundles)).toEqual([]);

    // The file was made today (the export above): received today, as the office says.
    const taken = await run('import', '--data', officeDir, bundle, '--received-on', today, '--json');
    expect(taken.code).toBe(0);
    const summary = JSON.parse(taken.out) as { accepted: { reason: string }[] };
    expect(summary.accepted[0]?.reason).toContain(`접수일: ${today} (지정)`);
    const report = JSON.parse(
      (await run('report', '--data', officeDir, '--period', '2019-H1', '--today', today, '--json')).out,
    ) as {
      report: {
        submissions: {
          departments: { department: string; bundles: { receivedAt: string; importedAt?: string }[] }[];
        };
      };
    };
    const [received] = report.report.submissions.departments.flatMap((d) => d.bundles);
    expect(received?.receivedAt).toBe(today);
    expect(received?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('bundle resume shows the office’s last file and the files it lacks, and with --yes chains the next file onto it', async () => {
    const at = async (clock: string, ...argv: string[]) => {
      const saved = process.env.PLEDGE_NOW;
      process.env.PLEDGE_NOW = clock;
      try {
        return await run(...argv);
      } finally {
        if (saved === undefined) delete process.env.PLEDGE_NOW;
        else process.env.PLEDGE_NOW = saved;
      }
    };
    // Each command starts the clock anew at its instant: the steps get instants in their order, so a slow run
    // never signs a file before the key that signs it was approved.
    const made = '2019-07-03T09:00:00+09:00';
    const exported = '2019-07-03T10:00:00+09:00';
    const imported = '2019-07-03T11:00:00+09:00';
    const later = '2019-07-12T09:00:00+09:00';
    await at(made, 'keys', 'init', '--data', deptDir);
    await at(made, 'keys', 'init', '--data', officeDir);
    const deptKey = join(dir.path, 'dept.pledgekey.json');
    const officeKey = join(dir.path, 'office.pledgekey.json');
    const keyId = /키 ID: ([0-9a-f]{16})/.exec(
      (await at(made, 'keys', 'export', '--out', deptKey, '--data', deptDir)).out,
    )?.[1];
    await at(made, 'keys', 'export', '--out', officeKey, '--data', officeDir);
    await at(made, 'keys', 'import', deptKey, '--data', officeDir);
    await at(made, 'keys', 'approve', keyId ?? '', '--data', officeDir);
    await at(made, 'keys', 'import', officeKey, '--data', deptDir);
    const file = (n: number) => join(dir.path, `r${n}.pledge`);
    for (const n of [1, 2]) {
      await at(exported, 'bundle', 'export', '--period', '2019-H1', '--out', file(n), '--data', deptDir);
    }
    expect((await at(imported, 'import', '--data', officeDir, file(1))).code).toBe(0);
    // Only a department copy has a chain to resume.
    const office = await at(later, 'bundle', 'resume', '--data', officeDir);
    expect(office.code).toBe(1);
    expect(office.err).toContain('주관부서');
    // Before a package: nothing to say.
    expect((await at(later, 'bundle', 'resume', '--data', deptDir)).out).toContain(
      '이어 보낼 필요가 없습니다',
    );
    const baseline = join(dir.path, 'baseline.pledge');
    await at(later, 'baseline', 'export', '--out', baseline, '--data', officeDir);
    await at(later, 'baseline', 'apply', baseline, '--data', deptDir);

    const asked = await at(later, 'bundle', 'resume', '--data', deptDir);
    expect(asked.code).toBe(0);
    expect(asked.out).toContain('기획담당관이 받은 마지막 파일: r1 (2019-H1');
    expect(asked.out).toContain('받지 못함: r2 (2019-H1)');
    expect(asked.out).toContain(
      '--yes 를 붙여 다시 실행하면 다음 제출 파일(r3)을 기획담당관이 받은 r1 다음으로',
    );
    const done = await at(later, 'bundle', 'resume', '--data', deptDir, '--yes', '--json');
    expect(JSON.parse(done.out)).toMatchObject({ resumed: true, nextRevision: 3, head: { revision: 1 } });
    const r3 = await at(
      later,
      'bundle',
      'export',
      '--period',
      '2019-H1',
      '--out',
      file(3),
      '--data',
      deptDir,
    );
    expect(r3.out).toContain('회차: r3');
    const taken = await at(later, 'import', '--data', officeDir, file(3), '--json');
    expect(taken.code).toBe(0);
    expect((JSON.parse(taken.out) as { accepted: { reason: string }[] }).accepted[0]?.reason).toContain(
      'r2를 건너뛰고 r1 다음으로 이어 보냈습니다',
    );
  });

  it('--period takes a half-year in any case; a malformed one is a usage error naming the option', async () => {
    await run('keys', 'init', '--data', deptDir);
    const bundle = join(dir.path, 'lower.pledge');
    const made = await run('bundle', 'export', '--period', '2019-h1', '--out', bundle, '--data', deptDir);
    expect(made.code).toBe(0);
    const enrolment = join(dir.path, 'dept.pledgekey.json');
    await run('keys', 'export', '--out', enrolment, '--data', deptDir);
    const pub = join(dir.path, 'pub.pem');
    writeFileSync(
      pub,
      (JSON.parse(readFileSync(enrolment, 'utf8')) as { publicKeyPem: string }).publicKeyPem,
    );
    const verified = await run('bundle', 'verify', bundle, '--key', pub, '--json');
    expect((JSON.parse(verified.out) as { manifest: { period: string } }).manifest.period).toBe('2019-H1');

    for (const wrong of ['2019-1', '2019-H3', 'plans']) {
      const refused = await run('bundle', 'export', '--period', wrong, '--data', deptDir);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(
        `--period 의 값이 올바르지 않습니다: plan 또는 "2019-H1" 형식의 반기를 쓰세요. 받은 값: ${wrong}`,
      );
    }
  });

  it('revoke quarantines later bundles; usage errors exit 2 with help', async () => {
    await run('keys', 'init', '--data', deptDir);
    const enrolment = join(dir.path, 'dept.pledgekey.json');
    const keyId =
      /키 ID: ([0-9a-f]{16})/.exec(
        (await run('keys', 'export', '--out', enrolment, '--data', deptDir)).out,
      )?.[1] ?? '';
    await run('keys', 'import', enrolment, '--data', officeDir);
    await run('keys', 'approve', keyId, '--data', officeDir);
    expect((await run('keys', 'revoke', keyId, '--data', officeDir)).out).toContain('폐기했습니다');
    const bundle = join(dir.path, 'r1.pledge');
    await run('bundle', 'export', '--period', '2019-H1', '--out', bundle, '--data', deptDir);
    const result = JSON.parse((await run('import', '--data', officeDir, bundle, '--json')).out) as {
      quarantined: { code: string }[];
    };
    expect(result.quarantined.map((q) => q.code)).toEqual(['KEY_REVOKED']);
    const usage = await run('bundle', 'export', '--data', deptDir);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('pledge bundle export --period');
    // A half-year compared with itself is refused by name (it would show every project unchanged).
    const compare = (half: string) =>
      run('report', '--data', officeDir, '--period', '2019-H1', '--compare', half, '--json');
    const same = await compare('2019-H1');
    expect(same.code).toBe(2);
    expect(same.err).toContain('비교 반기는 보고 반기보다 앞선 반기를 고르세요.');
    expect((await compare('2019-H2')).err).toContain('비교 반기는 보고 반기보다 앞선 반기를 고르세요.');
    const other = await compare('2018-H2');
    expect(other.code).toBe(0);
  });
});

describe('pledge draft', () => {
  it('imports a document with field errors reported, refuses structural errors, exports every document', async () => {
    const good = join(dir.path, 'plan.json');
    writeFileSync(good, JSON.stringify({ ...examples.planJson, lifecycle: 'draft' }));
    const saved = await run('draft', 'import', '--data', deptDir, good);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('저장했습니다: executionPlan:1-1-1:plan:경제진흥본부');

    const bad = join(dir.path, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...examples.financeRowJson,
        secured: { ...examples.financeRowJson.secured, city: -1 },
      }),
    );
    const refused = await run('draft', 'import', '--data', deptDir, bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('secured.city — 금액은 0 이상의 숫자여야 합니다');

    const out = join(dir.path, 'export');
    expect((await run('draft', 'export', '--data', deptDir, '--out', out)).out).toContain('문서 2건');
    expect(JSON.parse(readFileSync(join(out, 'plan-1-1-1-plan.json'), 'utf8'))).toMatchObject({
      kind: 'executionPlan',
      projectId: '1-1-1',
    });
    expect(JSON.parse(readFileSync(join(out, 'finance-1-1-1-2019-H1.json'), 'utf8'))).toMatchObject({
      kind: 'financeRow',
    });
  });
});

describe.runIf(process.platform === 'linux')('pledge bundle export --out where no folder can be made', () => {
  it('fails at once naming the folder (no endless mkdir), and no revision is used up', async () => {
    expect((await run('keys', 'init', '--data', deptDir)).code).toBe(0);
    // In a child process with a time limit: a hang there fails the test instead of blocking this worker.
    const cli = await buildChildCli();
    try {
      const r = cli.run([
        'bundle',
        'export',
        '--period',
        '2019-H1',
        '--out',
        '/proc/pledge-test/r1.pledge',
        '--data',
        deptDir,
      ]);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('제출 파일을 둘 폴더를 만들 수 없습니다: /proc/pledge-test');
      expect(r.stderr).not.toContain('ENOENT');
    } finally {
      cli.remove();
    }
    const made = await run(
      'bundle',
      'export',
      '--period',
      '2019-H1',
      '--out',
      join(dir.path, 'r.pledge'),
      '--data',
      deptDir,
    );
    expect(made.code).toBe(0);
    expect(made.out).toContain('회차: r1');
  });
});
