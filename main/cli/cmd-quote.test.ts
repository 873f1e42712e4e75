import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cmdQuoteProblem } from './cmd-quote';
import { main } from './index';
import { captureIo } from './test-io';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pledge-cmd-quote-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('cmd.exe\'s \\" in a path ("D:\\제출\\" reaches the program as D:\\제출")', () => {
  it('on Windows, a path ending in a quote is told with the fix before the command runs, and nothing is made', async () => {
    const io = captureIo();
    const data = join(work, '데이터');
    const code = await main(['setup', '--data', `${data}"`, '--role', 'office'], io, 'win32');
    expect(code).toBe(2);
    expect(io.stderr()).toContain(`명령줄 인자에 따옴표(")가 남아 있습니다: ${data}"`);
    expect(io.stderr()).toContain('경로 끝의 \\ 를 빼고');
    expect(readdirSync(work)).toEqual([]);
  });

  it('on Windows, the rest of the line swallowed into the path (D:\\제출" --json) is told the same way', async () => {
    const io = captureIo();
    const code = await main(['report', '--data', `${work}" --period 2019-H1 --json`], io, 'win32');
    expect(code).toBe(2);
    expect(io.stderr()).toContain(`${work}" --period 2019-H1 --json`);
    expect(io.stdout()).toBe('');
  });

  it('elsewhere, where a quote can be part of a file name, the path is used as given', async () => {
    const io = captureIo();
    const code = await main(['report', '--data', `${work}"`, '--period', '2019-H1', '--json'], io, 'linux');
    expect(code).toBe(1);
    expect(io.stderr()).toContain(`데이터 폴더가 없습니다: ${work}"`);
    expect(io.stderr()).not.toContain('따옴표');
  });

  it('quotes inside a text (a name in quotes) are not taken for the mistake', () => {
    expect(cmdQuoteProblem('"AI" 추진단')).toBeNull();
    expect(cmdQuoteProblem('D:\\제출\\2019-H1')).toBeNull();
    expect(cmdQuoteProblem('D:\\제출"')).not.toBeNull();
    expect(cmdQuoteProblem('--data=D:\\제출"')).not.toBeNull();
  });
});
