import { describe, expect, it } from 'vitest';
import { isBlockPaste, notPlacedMessage, parseClipboardTable, spreadPaste } from './paste-grid';

describe('parseClipboardTable (a spreadsheet block on the clipboard)', () => {
  it('splits cells at tabs and rows at line breaks, dropping the last line break', () => {
    expect(parseClipboardTable('100\t1,200\t300\t400\t50\r\n')).toEqual([
      ['100', '1,200', '300', '400', '50'],
    ]);
    expect(parseClipboardTable('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboardTable('1\t\t3')).toEqual([['1', '', '3']]);
    expect(parseClipboardTable('42')).toEqual([['42']]);
  });

  it('reads a quoted cell with line breaks, tabs and doubled quotes as one cell', () => {
    expect(parseClipboardTable('"1기 선발\n2기 ""준비"""\t설명회\r\n')).toEqual([
      ['1기 선발\n2기 "준비"', '설명회'],
    ]);
    // A quote inside text that is not a quoted cell stays as typed.
    expect(parseClipboardTable('"핀테크" 랩\t운영')).toEqual([['"핀테크" 랩', '운영']]);
  });
});

describe('spreadPaste', () => {
  const names = [
    ['n.2019', 'n.2020', 'n.2021'],
    ['c.2019', 'c.2020', 'c.2021'],
  ];

  it('fills the cell pasted into and those after it, row by row', () => {
    expect(spreadPaste([['1', '2']], names, { row: 0, column: 1 })).toEqual({
      values: [
        ['n.2020', '1'],
        ['n.2021', '2'],
      ],
      notPlaced: 0,
    });
    expect(spreadPaste([['1'], ['2']], names, { row: 0, column: 2 }).values).toEqual([
      ['n.2021', '1'],
      ['c.2021', '2'],
    ]);
  });

  it('counts what falls outside the grid instead of placing it anywhere else', () => {
    const spread = spreadPaste(
      [
        ['1', '2', '3'],
        ['4', '5', '6'],
        ['7', '8', '9'],
      ],
      names,
      { row: 0, column: 1 },
    );
    expect(spread.values).toEqual([
      ['n.2020', '1'],
      ['n.2021', '2'],
      ['c.2020', '4'],
      ['c.2021', '5'],
    ]);
    expect(spread.notPlaced).toBe(5);
    expect(notPlacedMessage(4, 5)).toBe(
      '붙여넣은 값 9개 중 5개는 표 밖이라 넣지 못했습니다 (4개를 넣었습니다). 붙여넣을 칸을 확인하세요.',
    );
  });

  it('spreads a money cell for a tab or a second line, a text cell only for a tab', () => {
    expect(isBlockPaste([['1,200']], 'money')).toBe(false);
    expect(isBlockPaste([['1'], ['2']], 'money')).toBe(true);
    expect(isBlockPaste([['1', '2']], 'money')).toBe(true);
    expect(isBlockPaste([['첫 줄'], ['둘째 줄']], 'text')).toBe(false);
    expect(isBlockPaste([['상반기', '하반기']], 'text')).toBe(true);
  });
});
