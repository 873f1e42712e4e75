import { describe, expect, it } from 'vitest';
import { sumAmounts } from '../../../domain/documents';
import {
  executedLayout,
  investmentLayout,
  isBlockPaste,
  notPlacedMessage,
  parseClipboardTable,
  pasteNote,
  securedLayout,
  spreadPaste,
} from './paste-grid';

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
    expect(spreadPaste([['1', '2']], names, { row: 0, column: 1 })).toMatchObject({
      values: [
        ['n.2020', '1'],
        ['n.2021', '2'],
      ],
      notPlaced: 0,
      mismatch: null,
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

  it('spreads a text cell only for a table: HWP or Word text with tabs goes into the one cell', () => {
    // Indented lines from HWP: a leading tab and a tab before the month are no columns.
    expect(isBlockPaste(parseClipboardTable('- 선발\n\t· 1차'), 'text')).toBe(false);
    expect(isBlockPaste(parseClipboardTable('- 입주기업 선발\n\t· 1차 20개사\t(3월)'), 'text')).toBe(false);
    expect(isBlockPaste(parseClipboardTable('\t· 1차 20개사\t(3월)\n\t· 2차 30개사\t(9월)'), 'text')).toBe(
      false,
    );
    // Lines of different widths are no table either.
    expect(isBlockPaste(parseClipboardTable('가\t나\t다\n라\t마'), 'text')).toBe(false);
    // A 2×3 block from Excel (its line breaks, a quoted cell of two lines) is one.
    const excel = parseClipboardTable('1기 선발\t"2기 선발\n(30개사)"\t성과 공유\r\n평가\t\t보고\r\n');
    expect(excel).toEqual([
      ['1기 선발', '2기 선발\n(30개사)', '성과 공유'],
      ['평가', '', '보고'],
    ]);
    expect(isBlockPaste(excel, 'text')).toBe(true);
    // With the copy's HTML: a table is a block even with a blank first cell; a word processor's HTML is not.
    const blankFirst = parseClipboardTable('\t하반기 착공\r\n');
    expect(isBlockPaste(blankFirst, 'text')).toBe(false);
    expect(
      isBlockPaste(blankFirst, 'text', '<html><body><table><tr><td></td><td>하반기 착공</td></tr></table>'),
    ).toBe(true);
    expect(
      isBlockPaste(parseClipboardTable('1차 선발\t(3월)'), 'text', '<p>1차 선발<span>\t</span>(3월)</p>'),
    ).toBe(false);
    expect(isBlockPaste(parseClipboardTable('1차 선발\t(3월)'), 'text')).toBe(true);
    // Money cells keep spreading on any tab or line, HTML or not.
    expect(isBlockPaste(parseClipboardTable('\t100\n200'), 'money', '<p>x</p>')).toBe(true);
  });
});

/** Amounts as a spreadsheet shows them ("1,200"), and their exact sum as text. */
const total = (cells: readonly string[]) =>
  String(sumAmounts(cells.map((c) => Number(c.replace(/,/g, '') || 0))));

describe("spreadPaste with the official form's row (임기내 계, 계, 확보총계 left out)", () => {
  const sources = ['national', 'city', 'district', 'private', 'other'];
  const yearKeys = ['2018', '2019', '2020', '2021', '2022'];
  // 연차별 투자수요: per source its five years, then 임기후 (임기내 계 and 계 are computed, not cells).
  const investment = sources.map((s) => [...yearKeys, 'afterTerm'].map((k) => `inv.${s}.${k}`));
  const layout = investmentLayout(yearKeys.length);
  const years = ['100', '1,200', '300', '400', '0.5'];
  const within = total(years);

  it('reads a row copied with 임기내 계 (and 계) into the years and 임기후, skipping the totals', () => {
    const afterTerm = '50';
    const full = [...years, within, afterTerm, total([...years, afterTerm])];
    const spread = spreadPaste([full], investment, { row: 0, column: 0 }, { layout });
    const expected = [
      ...years.map((v, i) => [`inv.national.${yearKeys[i]}`, v]),
      ['inv.national.afterTerm', '50'],
    ];
    expect(spread.values).toEqual(expected);
    expect(spread.notPlaced).toBe(0);
    expect(spread.skippedTotals).toEqual([
      { line: 1, label: '임기내 계' },
      { line: 1, label: '계' },
    ]);
    expect(pasteNote(spread)).toBe(
      "'임기내 계', '계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
    );

    // One value more than the cells (the row without its last 계): only 임기내 계 is left out.
    const short = spreadPaste([full.slice(0, -1)], investment, { row: 2, column: 0 }, { layout });
    expect(short.values).toEqual(expected.map(([name, v]) => [name!.replace('national', 'district'), v]));
    expect(short.skippedTotals).toEqual([{ line: 1, label: '임기내 계' }]);
    expect(pasteNote(short)).toBe(
      "'임기내 계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
    );
  });

  it('checks a total whose years were not all pasted against the cells the grid already holds', () => {
    const held: Record<string, unknown> = {
      'inv.city.2018': 10,
      'inv.city.2019': '20',
      'inv.city.2020': null,
    };
    const pasted = ['40', '50'];
    const sum = String(sumAmounts([10, 20, 0, 40, 50]));
    const spread = spreadPaste(
      [[...pasted, sum, '7']],
      investment,
      { row: 1, column: 3 },
      {
        layout,
        current: (name) => held[name],
      },
    );
    expect(spread.values).toEqual([
      ['inv.city.2021', '40'],
      ['inv.city.2022', '50'],
      ['inv.city.afterTerm', '7'],
    ]);
    expect(spread.skippedTotals).toEqual([{ line: 1, label: '임기내 계' }]);
  });

  it('refuses a row whose value at 임기내 계 is not the sum of the years, placing nothing and saying why', () => {
    const wrong = String(Number(total(years)) + 1);
    const block = [
      [...years, within, '50'],
      [...years, wrong, '50'],
    ];
    const spread = spreadPaste(block, investment, { row: 0, column: 0 }, { layout });
    expect(spread.values).toEqual([]);
    expect(spread.mismatch).toEqual({
      line: 2,
      label: '임기내 계',
      ofLabel: '연도별 금액의 합',
      pasted: wrong,
      expected: Number(within),
    });
    expect(pasteNote(spread)).toBe(
      `붙여넣은 2번째 줄은 칸보다 값이 많아 양식의 열 순서로 읽었지만, '임기내 계' 자리에 붙여넣은 값(${wrong})이 ` +
        `연도별 금액의 합(${Number(within).toLocaleString('en-US')})과 다릅니다. 어느 값이 어느 칸인지 알 수 없어 ` +
        '아무것도 넣지 않았습니다. 합계 열을 빼고 복사하거나 원래 표의 합계를 확인하세요.',
    );
    // Text where a year should be: the total cannot be checked, so it is not guessed either.
    const text = spreadPaste(
      [['abc', ...years.slice(1), within, '50']],
      investment,
      { row: 0, column: 0 },
      { layout },
    );
    expect(text.values).toEqual([]);
    expect(text.mismatch?.expected).toBeNull();
  });

  it('places a row that fits the cells as it is, and says so when its last value is the sum of the others', () => {
    // '18–'22.6 and 임기내 계: as many values as the years and 임기후, so 임기내 계 would land in 임기후.
    const fits = [...years, within];
    const spread = spreadPaste([fits], investment, { row: 0, column: 0 }, { layout });
    expect(spread.values.at(-1)).toEqual(['inv.national.afterTerm', within]);
    expect(spread.skippedTotals).toEqual([]);
    expect(spread.lastIsSum).toEqual([{ line: 1, value: within }]);
    expect(pasteNote(spread)).toBe(
      `붙여넣은 1번째 줄의 마지막 값(${within})이 앞 값들의 합과 같습니다. 합계 칸을 함께 복사했다면 그 값이 들어간 칸을 고치세요.`,
    );
    // A card's half-years copied with their 계 into as many cells: the same note.
    const card = [['ex.national.2018-H2', 'ex.national.2019-H1', 'ex.national.2019-H2']];
    const halfYears = spreadPaste(
      [['10', '5', '15']],
      card,
      { row: 0, column: 0 },
      { layout: executedLayout(3) },
    );
    expect(halfYears.values.map(([, v]) => v)).toEqual(['10', '5', '15']);
    expect(pasteNote(halfYears)).toContain('마지막 값(15)이 앞 값들의 합과 같습니다');
    // Amounts that are no sum, a row of zeros, two values: nothing to say.
    for (const row of [
      ['10', '5', '16'],
      ['0', '0', '0'],
      ['5', '5'],
    ]) {
      expect(
        pasteNote(spreadPaste([row], card, { row: 0, column: 0 }, { layout: executedLayout(3) })),
      ).toBeNull();
    }
  });

  it("places a row longer than the form's row from the paste point as before: what fits, the rest counted", () => {
    // A card up to its third half-year; the sheet has all eight half-years and 계.
    const executed = [['ex.national.2018-H2', 'ex.national.2019-H1', 'ex.national.2019-H2']];
    const row = ['1', '2', '3', '', '', '', '', '', '6'];
    const spread = spreadPaste([row], executed, { row: 0, column: 0 }, { layout: executedLayout(3) });
    expect(spread.values.map(([, v]) => v)).toEqual(['1', '2', '3']);
    expect(spread.notPlaced).toBe(row.length - 3);
    // As many half-years as the card and 계: 계 is left out.
    const withTotal = spreadPaste(
      [['1', '2', '3', total(['1', '2', '3'])]],
      executed,
      { row: 0, column: 0 },
      {
        layout: executedLayout(3),
      },
    );
    expect(withTotal.values.map(([, v]) => v)).toEqual(['1', '2', '3']);
    expect(withTotal.skippedTotals).toEqual([{ line: 1, label: '계' }]);
  });

  it('reads 확보내역 copied from 붙임5 (확보총계 first) into the sources', () => {
    const secured = [sources.map((s) => `secured.${s}`)];
    const amounts = ['1,000', '4,500.5', '0', '', '20'];
    const official = [total(amounts), ...amounts];
    const spread = spreadPaste([official], secured, { row: 0, column: 0 }, { layout: securedLayout(5) });
    expect(spread.values).toEqual(amounts.map((v, i) => [`secured.${sources[i]}`, v]));
    expect(pasteNote(spread)).toBe(
      "'확보총계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
    );
    // The screen's order (확보총계 last) with a total is not guessed at.
    const screenOrder = spreadPaste(
      [[...amounts, total(amounts)]],
      secured,
      { row: 0, column: 0 },
      {
        layout: securedLayout(5),
      },
    );
    expect(screenOrder.values).toEqual([]);
    expect(screenOrder.mismatch).toMatchObject({ label: '확보총계', pasted: amounts[0] });
    // The five sources alone are placed as they are.
    expect(
      spreadPaste([amounts], secured, { row: 0, column: 0 }, { layout: securedLayout(5) }).values,
    ).toHaveLength(5);
  });
});

describe('spreadPaste leaving out a pasted total row', () => {
  const names = ['national', 'city', 'district', 'private', 'other'].map((s) => [`${s}.2019`, `${s}.2020`]);
  const rows = [
    ['100', '200'],
    ['30', '40'],
    ['5', '6'],
    ['', '1'],
    ['7', ''],
  ];
  const sums = [0, 1].map((c) => total(rows.map((r) => r[c] ?? '')));

  it('skips a line labelled 계 or 합계, wherever it is, and places the lines after it in the next rows', () => {
    const block = [rows[0]!, ['합 계', '1', '2'], rows[1]!];
    const spread = spreadPaste(block, names, { row: 0, column: 0 }, { totalRows: true });
    expect(spread.values).toEqual([
      ['national.2019', '100'],
      ['national.2020', '200'],
      ['city.2019', '30'],
      ['city.2020', '40'],
    ]);
    expect(pasteNote(spread)).toBe('붙여넣은 2번째 줄(합 계)은 합계 줄이라 넣지 않았습니다.');
  });

  it('skips a last (or first) line equal to the sums of the others when the block has one line too many', () => {
    const below = spreadPaste([...rows, sums], names, { row: 0, column: 0 }, { totalRows: true });
    expect(below.values).toHaveLength(10);
    expect(below.values.at(-1)).toEqual(['other.2020', '']);
    expect(below.notPlaced).toBe(0);
    expect(pasteNote(below)).toBe('붙여넣은 6번째 줄은 위 줄들의 합과 같은 합계 줄이라 넣지 않았습니다.');

    const above = spreadPaste([sums, ...rows], names, { row: 0, column: 0 }, { totalRows: true });
    expect(above.values[0]).toEqual(['national.2019', '100']);
    expect(pasteNote(above)).toBe('붙여넣은 1번째 줄은 아래 줄들의 합과 같은 합계 줄이라 넣지 않았습니다.');
  });

  it('places a block that fits even when a line is the sum of the others (국비 = 시비 + 구비 by shares)', () => {
    const shares = [
      ['50', '100'],
      ['30', '60'],
      ['20', '40'],
    ];
    expect(shares[0]).toEqual([0, 1].map((c) => total([shares[1]![c]!, shares[2]![c]!])));
    const spread = spreadPaste(shares, names, { row: 0, column: 0 }, { totalRows: true });
    expect(spread.values).toHaveLength(6);
    expect(spread.skippedRows).toEqual([]);
  });

  it('with computed columns too: five official rows and their 계 row fill the five sources', () => {
    const names6 = names.map((r) => [...r, r[0]!.replace('2019', 'afterTerm')]);
    const layout2 = investmentLayout(2);
    const official = rows.map((r) => [...r, total(r), '1', total([...r, '1'])]);
    const sumRow = [0, 1, 2, 3, 4].map((c) => total(official.map((r) => r[c] ?? '')));
    const spread = spreadPaste(
      [...official, sumRow],
      names6,
      { row: 0, column: 0 },
      {
        layout: layout2,
        totalRows: true,
      },
    );
    expect(spread.mismatch).toBeNull();
    expect(spread.values).toHaveLength(15);
    expect(spread.values.filter(([n]) => n.endsWith('afterTerm')).map(([, v]) => v)).toEqual([
      '1',
      '1',
      '1',
      '1',
      '1',
    ]);
    expect(pasteNote(spread)).toBe(
      '붙여넣은 6번째 줄은 위 줄들의 합과 같은 합계 줄이라 넣지 않았습니다. ' +
        "'임기내 계', '계' 열은 표가 계산하는 칸이라 건너뛰었습니다 (붙여넣은 값이 합과 맞습니다).",
    );
  });
});
