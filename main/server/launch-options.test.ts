import { describe, expect, it } from 'vitest';
import { dataDirFromArgv, parseStartArgs, StartArgsError } from './launch-options';

describe('parseStartArgs', () => {
  it('defaults to Electron when available, a free port and opening the browser', () => {
    expect(parseStartArgs([])).toEqual({ browser: false, dataDir: undefined, port: 0, open: true });
  });

  it('reads every flag', () => {
    expect(parseStartArgs(['--browser', '--data', '/srv/공약', '--port', '8123', '--no-open'])).toEqual({
      browser: true,
      dataDir: '/srv/공약',
      port: 8123,
      open: false,
    });
    expect(parseStartArgs(['--data=/d', '--port=0']).dataDir).toBe('/d');
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--port', '70000'], '--port'],
    [['--port', '-1'], '--port'],
    [['--data', '  '], '--data'],
    [['--bogus'], '알 수 없는 실행 옵션'],
    [['extra'], '알 수 없는 실행 옵션'],
  ])('refuses %j with a Korean message', (args, fragment) => {
    expect(() => parseStartArgs(args)).toThrow(StartArgsError);
    expect(() => parseStartArgs(args)).toThrow(fragment);
  });
});

describe('dataDirFromArgv', () => {
  it('finds --data among Electron and Chromium switches', () => {
    expect(dataDirFromArgv(['/usr/bin/electron', '/app', '--no-sandbox', '--data', '/d', '--x'])).toBe('/d');
    expect(dataDirFromArgv(['electron.exe', '--data=C:\\공약'])).toBe('C:\\공약');
    expect(dataDirFromArgv(['electron', '/app'])).toBeUndefined();
    expect(dataDirFromArgv(['electron', '--data'])).toBeUndefined();
  });
});
