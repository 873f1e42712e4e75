import { describe, expect, it } from 'vitest';
import { interruptedImportNote, type InterruptedImportView } from './interrupted-import';

const run = (over: Partial<InterruptedImportView>): InterruptedImportView => ({
  id: 1,
  startedAt: '2019-07-15T23:40:00.000Z',
  sources: ['D:\\제출\\2019-H1'],
  total: 1250,
  written: 412,
  ...over,
});

describe('interruptedImportNote', () => {
  it('names when it started (office time), what it was given, what it stored and what is left', () => {
    expect(interruptedImportNote(run({}))).toBe(
      "2019-07-16 08:40에 시작한 제출 파일 가져오기(D:\\제출\\2019-H1, 파일 1,250개)가 끝나지 않았습니다: 프로그램이 닫히거나 PC가 꺼져 중간에 멈춘 것으로 보입니다. 412개는 받아 두었고 그대로 있습니다. 나머지 838개는 같은 파일(폴더)을 다시 가져오면 받습니다. 이미 받은 파일은 '중복'으로 넘어갑니다.",
    );
  });

  it('says when nothing was stored yet, and when every file was stored before it stopped', () => {
    expect(interruptedImportNote(run({ written: 0 }))).toContain('받아 둔 파일은 없습니다. 나머지 1,250개는');
    const all = interruptedImportNote(run({ written: 1250 }));
    expect(all).toContain('1,250개는 받아 두었고');
    expect(all).not.toContain('나머지');
    expect(all).toContain('같은 파일(폴더)을 다시 가져와 결과를 확인하세요');
  });

  it('names at most three sources, counting the rest, and files with no name', () => {
    const many = interruptedImportNote(
      run({ sources: ['a.pledge', 'b.pledge', 'c.pledge', 'd.pledge', 'e.pledge'] }),
    );
    expect(many).toContain('(a.pledge, b.pledge, c.pledge 외 2개, 파일 1,250개)');
    expect(interruptedImportNote(run({ sources: [] }))).toContain('(이름 없는 파일, 파일 1,250개)');
  });
});
