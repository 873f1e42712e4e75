import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { buildChildCli, type ChildCli, type ChildRun } from '../test-cli-child';
import { runPledge as pledge } from '../test-io';

// `pledge report` and `pledge publish` on a real office data folder: wrong values and places are said in Korean,
// naming the option or the folder, before anything is written.
let dir: ReturnType<typeof makeTempDir>;
let office: string;

beforeEach(async () => {
  dir = makeTempDir('cli-helper-report-');
  office = join(dir.path, 'office');
  expect((await pledge('setup', '--data', office, '--role', 'office')).code).toBe(0);
});
afterEach(() => dir.remove());

describe('pledge report --threshold', () => {
  it.each(['abc', '', '2', '-0.1', '30%'])('refuses %j with the range it takes (exit 2)', async (value) => {
    // --threshold=VALUE: a value starting with '-' is taken only in that form.
    const r = await pledge('report', '--data', office, '--period', '2019-H1', `--threshold=${value}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--threshold 에는 0에서 1 사이의 숫자(집행률, 예: 0.3)를 쓰세요.');
    expect(r.err).toContain(`받은 값: ${value === '' ? '(빈 값)' : value}`);
    expect(r.err).not.toMatch(/NaN|executionRateThreshold/);
  });

  it('takes a number in the range', async () => {
    const r = await pledge('report', '--data', office, '--period', '2019-H1', '--threshold', '0.5');
    expect(r.code).toBe(0);
    expect(r.out).toContain('종합 현황');
  });

  it('a wrong --period or --today names the option, not the field inside', async () => {
    const period = await pledge('report', '--data', office, '--period', '2019-1');
    expect(period.code).toBe(2);
    expect(period.err).toContain('--period 의 값이 올바르지 않습니다: 반기는 "2019-H1" 형식입니다.');
    const today = await pledge('report', '--data', office, '--period', '2019-H1', '--today', '7/15');
    expect(today.code).toBe(2);
    expect(today.err).toContain('--today 의 값이 올바르지 않습니다: YYYY-MM-DD 형식의 날짜를 쓰세요');
  });
});

describe('a half-year outside the term', () => {
  it.each([
    ['--period', ['--period', '2030-H1'], '반기 2030-H1은'],
    ['--compare', ['--period', '2019-H1', '--compare', '2018-H1'], '비교할 반기 2018-H1은'],
  ])(
    '%s: a usage error naming the option and the term’s half-years (exit 2), nothing written',
    async (option, args, said) => {
      const xlsx = join(dir.path, 'out.xlsx');
      const r = await pledge('report', '--data', office, ...args, '--xlsx', xlsx);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `${option} 의 값이 올바르지 않습니다: ${said} 임기(민선7기: 2018-H2 ~ 2022-H1)의 반기가 아닙니다.`,
      );
      expect(existsSync(xlsx)).toBe(false);
      const out = join(dir.path, 'public');
      const published = await pledge('publish', '--data', office, ...args, '--out', out);
      expect(published.code).toBe(2);
      expect(published.err).toContain(`${option} 의 값이 올바르지 않습니다: ${said}`);
      expect(published.err).not.toContain('공개 자료를 쓸 수 없습니다');
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('pledge report (text)', () => {
  it('prints each area, then the 합계 line over them and the summary line', async () => {
    const json = await pledge('report', '--data', office, '--period', '2019-H1', '--json');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.out) as {
      report: {
        statusTables: { byArea: { label: string; total: number; counts: { notSubmitted: number } }[] };
        lagging: unknown[];
      };
      conflicts: unknown[];
    };
    const areas = view.report.statusTables.byArea;
    expect(areas).toHaveLength(7);
    const sum = (f: (a: (typeof areas)[number]) => number) => areas.reduce((n, a) => n + f(a), 0);

    const text = await pledge('report', '--data', office, '--period', '2019-H1');
    expect(text.code).toBe(0);
    const lines = text.out.trimEnd().split('\n');
    for (const area of areas) expect(lines).toContainEqual(expect.stringContaining(`  ${area.label}: `));
    const totalLine = lines.find((l) => l.startsWith('  합계: '));
    expect(totalLine).toBe(
      `  합계: ${sum((a) => a.total)}개 사업, 미제출 ${sum((a) => a.counts.notSubmitted)}, 완료율 0.0%`,
    );
    // The total comes after the seven areas, and the summary line last.
    expect(lines.indexOf(totalLine ?? '')).toBe(8);
    expect(lines.at(-1)).toBe(`충돌 ${view.conflicts.length}건, 부진 사업 ${view.report.lagging.length}건`);
  });
});

describe('pledge report --period / --compare', () => {
  it('takes the half-year in any case, as the same half-year', async () => {
    const periods = async (...args: string[]) => {
      const r = await pledge('report', '--data', office, '--json', ...args);
      expect(r.code).toBe(0);
      const { report } = JSON.parse(r.out) as {
        report: { meta: { periodId: string }; comparison: { fromPeriodId: string | null } };
      };
      return { periodId: report.meta.periodId, compared: report.comparison.fromPeriodId };
    };
    expect(await periods('--period', '2022-h1', '--compare', '2021-h1')).toEqual({
      periodId: '2022-H1',
      compared: '2021-H1',
    });
    const text = await pledge('report', '--data', office, '--period', '2019-h2');
    expect(text.code).toBe(0);
    expect(text.out).toContain('2019년 하반기 종합 현황');
  });

  it.each([
    ['--period', '2022-H3'],
    ['--period', '22-H1'],
    ['--compare', '2021-2'],
  ])('a malformed %s is a usage error naming it and the form (exit 2)', async (option, value) => {
    const args = option === '--period' ? [option, value] : ['--period', '2022-H1', option, value];
    const r = await pledge('report', '--data', office, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `${option} 의 값이 올바르지 않습니다: 반기는 "2019-H1" 형식입니다. 받은 값: ${value}`,
    );
    expect(r.out).toBe('');
  });

  it('publish takes a lower-case half-year too', async () => {
    const out = join(dir.path, 'site');
    const r = await pledge('publish', '--data', office, '--period', '2019-h1', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('2019년 상반기');
  });
});

// In a child process (the real stdout): a reader that stops early, as `pledge report … | head -3` does.
describe('pledge report into a reader that closes early', () => {
  let cli: ChildCli;
  beforeAll(async () => {
    cli = await buildChildCli();
  });
  afterAll(() => cli.remove());

  const expectQuietEnd = (r: ChildRun) => {
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stderr).toBe('');
    // The command went on to its end: the data folder was closed (SQLite removes its -wal file then).
    expect(existsSync(join(office, 'pledge.sqlite-wal'))).toBe(false);
  };

  it('the text report, with the reader gone before anything is written, ends quietly (exit 0)', async () => {
    const r = await cli.runIntoClosingReader(['report', '--data', office, '--period', '2019-H1'], {
      keepBytes: 0,
    });
    expectQuietEnd(r);
  });

  it('--json, far longer than the pipe holds, with the reader gone after its first lines, ends quietly', async () => {
    const r = await cli.runIntoClosingReader(['report', '--data', office, '--period', '2019-H1', '--json'], {
      keepBytes: 100,
    });
    expect(r.stdout.startsWith('{')).toBe(true);
    expectQuietEnd(r);
  });
});

describe('pledge report --xlsx', () => {
  it('a folder that does not exist is named (not a temporary file), and nothing is created', async () => {
    const folder = join(dir.path, 'no-such-folder');
    const r = await pledge(
      'report',
      '--data',
      office,
      '--period',
      '2019-H1',
      '--xlsx',
      join(folder, 'x.xlsx'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(`엑셀 파일을 저장할 폴더가 없습니다: ${folder}`);
    expect(r.err).toContain('--xlsx 경로를 확인하세요');
    expect(r.err).not.toMatch(/ENOENT|\.tmp/);
    expect(existsSync(folder)).toBe(false);
  });

  it('a folder given as the file is refused; a file in an existing folder is written', async () => {
    const folder = join(dir.path, 'reports');
    mkdirSync(folder);
    const refused = await pledge('report', '--data', office, '--period', '2019-H1', '--xlsx', folder);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`--xlsx 로 지정한 경로는 폴더입니다: ${folder}`);
    expect(readdirSync(folder)).toEqual([]);

    const file = join(folder, '종합현황.xlsx');
    const written = await pledge('report', '--data', office, '--period', '2019-H1', '--xlsx', file);
    expect(written.code).toBe(0);
    expect(written.err).toContain(`엑셀 통합문서를 저장했습니다: ${file}`);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('pledge publish --out', () => {
  it('a folder it made is removed again when publishing fails (a department folder)', async () => {
    const dept = join(dir.path, 'dept');
    expect(
      (await pledge('setup', '--data', dept, '--role', 'department', '--department', '경제진흥본부')).code,
    ).toBe(0);
    const out = join(dir.path, 'public', 'site');
    const r = await pledge('publish', '--data', dept, '--period', '2019-H1', '--out', out);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir.path, 'public'))).toBe(false);
  });

  describe.runIf(process.platform === 'linux')('where no folder can be made (/proc)', () => {
    let cli: ChildCli;
    beforeAll(async () => {
      cli = await buildChildCli();
    });
    afterAll(() => cli.remove());

    it('fails at once, naming the folder (no endless mkdir)', () => {
      const r = cli.run([
        'publish',
        '--data',
        office,
        '--period',
        '2019-H1',
        '--out',
        '/proc/pledge-test/site',
      ]);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('공개 자료를 쓸 폴더를 만들 수 없습니다: /proc/pledge-test/site');
      expect(r.stderr).not.toContain('ENOENT');
    });
  });
});

describe('pledge report --trend', () => {
  it('gives each half-year up to --period, as text, JSON or a workbook', async () => {
    const text = await pledge(
      'report',
      '--data',
      office,
      '--period',
      '2019-H2',
      '--today',
      '2020-01-10',
      '--trend',
    );
    expect(text.code).toBe(0);
    const lines = text.out.trim().split('\n');
    // Nothing received: every project 미제출, and 2019-H2 is not due yet on January 10 (its cards: January 15).
    expect(lines).toEqual([
      '2018년 하반기: 238개 사업, 완료 0, 이행 후 계속 추진 0, 미제출 238, 완료율 0.0%',
      '2019년 상반기: 238개 사업, 완료 0, 이행 후 계속 추진 0, 미제출 238, 완료율 0.0%',
      '2019년 하반기: 238개 사업, 완료 0, 이행 후 계속 추진 0, 미접수 (기한 전) 238, 완료율 0.0%',
    ]);
    const json = await pledge('report', '--data', office, '--period', '2019-H1', '--trend', '--json');
    const trend = JSON.parse(json.out) as { rows: { periodId: string; total: { total: number } }[] };
    expect(trend.rows.map((r) => [r.periodId, r.total.total])).toEqual([
      ['2018-H2', 238],
      ['2019-H1', 238],
    ]);
    const file = join(dir.path, '이행추이.xlsx');
    const xlsx = await pledge('report', '--data', office, '--period', '2019-H1', '--trend', '--xlsx', file);
    expect(xlsx.code).toBe(0);
    expect(xlsx.err).toContain(`이행 추이 엑셀 통합문서를 저장했습니다: ${file}`);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    // A half-year outside the term is refused as the report refuses it, naming the option.
    const outside = await pledge('report', '--data', office, '--period', '2030-H1', '--trend');
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('--period 의 값이 올바르지 않습니다: 반기 2030-H1은 임기');
  });
});
