import { describe, expect, it } from 'vitest';
import { runPledge as pledge } from './test-io';

// node:util parseArgs refuses what it does not know in English; the CLI says it in Korean, naming the option.
describe('command-line options', () => {
  it('an unknown option is named, with where to find the options (exit 2)', async () => {
    const r = await pledge('catalog', '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain('알 수 없는 옵션입니다: --bogus');
    expect(r.err).toContain("'pledge catalog --help'로 쓸 수 있는 옵션을 확인하세요.");
    expect(r.err).not.toContain('Unknown option');
    expect(r.out).toBe('');
    const short = await pledge('backup', '-z');
    expect(short.err).toContain('알 수 없는 옵션입니다: -z');
    expect(short.err).toContain("'pledge backup --help'");
  });

  it('an option without its value, a value given to a switch, and a stray argument are explained', async () => {
    const missing = await pledge('catalog', '--data');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--data 옵션에 값이 없습니다');
    expect(missing.err).not.toContain('argument missing');

    const switched = await pledge('catalog', '--json=yes');
    expect(switched.code).toBe(2);
    expect(switched.err).toContain('--json 옵션에는 값을 붙이지 않습니다');

    const stray = await pledge('plans', 'extra');
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('이 명령은 옵션이 아닌 인자를 받지 않습니다: extra');
    expect(stray.err).not.toContain('Unexpected argument');
  });
});
