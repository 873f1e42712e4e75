import { describe, expect, it } from 'vitest';
import { listPeriods } from '../term/periods';
import { assignmentAt, departmentsEver } from './assignments';
import {
  CATALOG_SHEETS,
  catalogFromSheets,
  catalogToSheets,
  MOVE_HEADERS,
  PROJECT_HEADERS,
  type SheetCell,
  type SheetRows,
} from './catalog-sheet';
import { DEPARTMENT_NAME_MAX } from './department-name';
import { listDepartments } from './departments';
import type { Catalog } from './types';

/** A small city's list as an office would type it: the 민선8기 term, two areas, four projects. */
const info = (overrides: Record<string, SheetCell> = {}): SheetCell[][] => {
  const values: Record<string, SheetCell> = {
    '시·도': '가람시',
    '목록 이름': '민선8기 시장 공약사업 목록',
    '목록 기준일': '2022.9.30',
    '임기 이름': '민선8기',
    // Typed into Excel as a date: stored as its serial number (2022-07-01).
    '임기 시작': 44743,
    '임기 끝': '2026년 6월',
    '실천계획서 제출기한': '2022-10-14',
    '관리카드 제출일': '15일',
    ...overrides,
  };
  return [['항목', '값'], ...Object.entries(values).map(([k, v]) => [k, v])];
};
const areas = (): SheetCell[][] => [
  ['분야', '분야명', '목표'],
  [1, '일자리', '일하는 도시'],
  [2, '돌봄', ''],
];
const header = [...PROJECT_HEADERS];
const project = (values: Partial<Record<(typeof PROJECT_HEADERS)[number], SheetCell>>): SheetCell[] =>
  header.map((h) => values[h] ?? null);
const projects = (): SheetCell[][] => [
  header,
  project({
    분야: 1,
    정책내용: '청년 일자리',
    핵심공약: '1-1',
    핵심공약명: '청년 창업 지원',
    공약번호: 3,
    공약분류: '청년',
    세부사업: '1-1-1',
    세부사업명: '창업 공간 조성',
    주관부서: '경제정책과',
    협조부서: '(도시계획과)',
    세부항목: '① 공간 확보\n② 3.1운동 기념 공간\n3) 입주 지원\n4.5층 증축',
  }),
  // A later row of the same core pledge may leave its columns blank.
  project({ 분야: '1', 핵심공약: '1-1', 세부사업: '1-1-2', 세부사업명: '창업 자금', 주관부서: '경제정책과' }),
  [],
  project({
    분야: 2,
    정책내용: '아이 돌봄',
    핵심공약: '2-1',
    핵심공약명: '돌봄센터 확대',
    세부사업: '2-1-1',
    세부사업명: '다함께돌봄센터',
    주관부서: '아동보육과',
    협조부서: '경제정책과, 도시계획과',
  }),
  project({
    분야: 2,
    정책내용: '어르신 돌봄',
    핵심공약: '2-2',
    핵심공약명: '경로당 개선',
    세부사업: '2-2-1',
    세부사업명: '경로당 냉난방',
    주관부서: '노인복지과',
  }),
];

describe('catalogFromSheets', () => {
  it('reads a city’s own list and term as typed in Excel', () => {
    const read = catalogFromSheets({ info: info(), areas: areas(), projects: projects() });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const { catalog, term } = read;
    expect(term).toEqual({
      id: '민선8기',
      name: '민선8기',
      start: '2022-07',
      end: '2026-06',
      cardDueDay: 15,
      planDueDate: '2022-10-14',
    });
    expect(listPeriods(term).map((p) => p.id)).toEqual([
      '2022-H2',
      '2023-H1',
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
      '2026-H1',
    ]);
    expect(catalog).toMatchObject({
      id: '민선8기 시장 공약사업 목록',
      city: '가람시',
      version: '2022-09-30',
      asOf: '2022-09-30',
    });
    expect(catalog.projects.map((p) => p.id)).toEqual(['1-1-1', '1-1-2', '2-1-1', '2-2-1']);
    expect(catalog.projects[0]).toEqual({
      id: '1-1-1',
      corePledgeId: '1-1',
      name: '창업 공간 조성',
      leadDepartment: '경제정책과',
      coDepartments: ['도시계획과'],
      // The numbering taken off, a number that begins an item kept.
      subItems: ['공간 확보', '3.1운동 기념 공간', '입주 지원', '4.5층 증축'],
    });
    expect(catalog.projects[2]?.coDepartments).toEqual(['경제정책과', '도시계획과']);
    expect(catalog.corePledges).toEqual([
      {
        id: '1-1',
        areaId: 1,
        subGoalIndex: 0,
        name: '청년 창업 지원',
        campaignNumber: 3,
        campaignCategory: '청년',
      },
      {
        id: '2-1',
        areaId: 2,
        subGoalIndex: 0,
        name: '돌봄센터 확대',
        campaignNumber: null,
        campaignCategory: null,
      },
      {
        id: '2-2',
        areaId: 2,
        subGoalIndex: 1,
        name: '경로당 개선',
        campaignNumber: null,
        campaignCategory: null,
      },
    ]);
    // The overview's counts come from the rows.
    expect(catalog.areas[0]?.subGoals).toEqual([
      { name: '청년 일자리', corePledgeCount: 1, projectCount: 2 },
    ]);
    expect(catalog.areas[1]?.subGoals.map((g) => [g.name, g.corePledgeCount, g.projectCount])).toEqual([
      ['아이 돌봄', 1, 1],
      ['어르신 돌봄', 1, 1],
    ]);
    expect(listDepartments(catalog)).toEqual(['경제정책과', '노인복지과', '도시계획과', '아동보육과']);
  });

  it('finds the columns by their headers, in any order', () => {
    const rows = projects().map((row) => [...row].reverse());
    const read = catalogFromSheets({ info: info(), areas: areas(), projects: rows });
    expect(read.ok && read.catalog.projects.map((p) => p.leadDepartment)).toEqual([
      '경제정책과',
      '경제정책과',
      '아동보육과',
      '노인복지과',
    ]);
  });

  it('names every problem by sheet, row and column', () => {
    const rows = projects();
    rows.push(
      project({ 분야: 3, 핵심공약: '3-1', 세부사업: '3-1-1', 세부사업명: 'x', 주관부서: 'y' }),
      project({ 분야: 1, 핵심공약: '2-1', 세부사업: '2-1-9', 세부사업명: 'x', 주관부서: 'y' }),
      project({ 분야: 1, 핵심공약: '1-1', 세부사업: '1-2-1', 세부사업명: 'x', 주관부서: 'y' }),
      project({
        분야: 1,
        핵심공약: '1-1',
        핵심공약명: '다른 이름',
        세부사업: '1-1-3',
        세부사업명: 'x',
        주관부서: 'y',
      }),
      project({ 분야: 2, 핵심공약: '2-1', 세부사업: '2-1-2', 세부사업명: '', 주관부서: 'y', 협조부서: 'y' }),
    );
    const read = catalogFromSheets({
      info: info({ '임기 끝': '26.6', '관리카드 제출일': 31, '목록 기준일': '2022-02-30' }),
      areas: [...areas(), [2, '중복']],
      projects: rows,
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      '\'기본 정보\' 시트 4행 목록 기준일: "2022-02-30"은 날짜로 읽을 수 없습니다. "2018-09-11"처럼 적으세요.',
      '\'기본 정보\' 시트 7행 임기 끝: "26.6"은 연월로 읽을 수 없습니다. "2022-07"처럼 적으세요.',
      "'기본 정보' 시트 9행 관리카드 제출일: 1에서 28 사이의 날짜(일)를 적으세요 (보통 15).",
      "'분야' 시트 4행 분야: 분야 2가 두 번 있습니다.",
      "'공약사업 목록' 시트 7행 분야: 분야 3은 '분야' 시트에 없습니다.",
      '\'공약사업 목록\' 시트 8행 핵심공약: 핵심공약 번호 "2-1"은 이 행의 분야 1로 시작하는 "1-1" 형식이어야 합니다.',
      '\'공약사업 목록\' 시트 9행 세부사업: 세부사업 번호 "1-2-1"은 이 행의 핵심공약 1-1로 시작하는 "1-1-1" 형식이어야 합니다.',
      "'공약사업 목록' 시트 10행: 핵심공약 1-1의 핵심공약명이 2행과 다릅니다. 같은 핵심공약의 행은 같게 적거나 비워 두세요.",
      "'공약사업 목록' 시트 11행 세부사업명: 2-1-2의 사업명을 적으세요.",
      "'공약사업 목록' 시트 11행 협조부서: 주관부서 y이(가) 협조부서에도 있습니다.",
    ]);
    expect(read.more).toBe(0);
  });

  it('refuses a department name a submission file cannot carry: over 50 characters, or with a line break', () => {
    const long = '가'.repeat(DEPARTMENT_NAME_MAX + 1);
    const rows = projects();
    rows.push(
      project({ 분야: 1, 핵심공약: '1-1', 세부사업: '1-1-4', 세부사업명: 'x', 주관부서: long }),
      project({
        분야: 1,
        핵심공약: '1-1',
        세부사업: '1-1-5',
        세부사업명: 'x',
        주관부서: '경제정책과\t일자리팀',
        협조부서: `도시계획과, ${long}`,
      }),
    );
    const read = catalogFromSheets({ info: info(), areas: areas(), projects: rows });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      `'공약사업 목록' 시트 7행 주관부서: 부서 이름은 50자까지 적을 수 있습니다 ("${'가'.repeat(20)}…", 51자).`,
      '\'공약사업 목록\' 시트 8행 주관부서: 부서 이름에 줄바꿈이나 탭이 있습니다 ("경제정책과 일자리팀"). 한 줄로 적으세요.',
      `'공약사업 목록' 시트 8행 협조부서: 부서 이름은 50자까지 적을 수 있습니다 ("${'가'.repeat(20)}…", 51자).`,
    ]);
    // Exactly 50 is taken.
    const fifty = projects();
    fifty.push(
      project({ 분야: 1, 핵심공약: '1-1', 세부사업: '1-1-4', 세부사업명: 'x', 주관부서: '나'.repeat(50) }),
    );
    expect(catalogFromSheets({ info: info(), areas: areas(), projects: fifty }).ok).toBe(true);
  });

  it('says which sheet or column is missing, and counts what it does not list', () => {
    expect(catalogFromSheets({ info: info(), areas: null, projects: null })).toEqual({
      ok: false,
      problems: ["'분야' 시트가 없습니다.", "'공약사업 목록' 시트가 없습니다."],
      more: 0,
    });
    const noLead = projects().map((row) => row.filter((_, i) => header[i] !== '주관부서'));
    const read = catalogFromSheets({ info: info(), areas: areas(), projects: noLead });
    expect(read.ok === false && read.problems[0]).toContain("'주관부서' 열이 없습니다");
    const many = [
      header,
      ...Array.from({ length: 30 }, (_, i) => project({ 분야: 9, 세부사업: `9-1-${i}` })),
    ];
    const counted = catalogFromSheets({ info: info(), areas: areas(), projects: many });
    expect(counted.ok === false && [counted.problems.length, counted.more]).toEqual([20, 10]);
  });
});

describe('부서 이관 sheet', () => {
  const read = (moves?: SheetRows | null) =>
    catalogFromSheets({ info: info(), areas: areas(), projects: projects(), moves });
  const readOk = (moves?: SheetRows | null) => {
    const result = read(moves);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result;
  };
  const MOVES_HEADER = ['세부사업', '마지막 반기', '주관부서', '협조부서'];

  it('is optional: no sheet, an empty sheet or its header alone give no moves, and no formerAssignments key', () => {
    for (const moves of [undefined, null, [], [[]], [MOVES_HEADER], [MOVES_HEADER, [null, '', '  ']]]) {
      const { catalog } = readOk(moves);
      expect(catalog.projects.filter((p) => 'formerAssignments' in p)).toEqual([]);
    }
    expect(CATALOG_SHEETS.moves).toBe('부서 이관');
    expect([...MOVE_HEADERS]).toEqual(MOVES_HEADER);
  });

  it('reads the rows of a project in any order, in every accepted form of 반기, earliest first', () => {
    const { catalog } = readOk([
      // Columns found by their headers, as on 공약사업 목록.
      ['협조부서', '주관부서', '마지막 반기', '세부사업'],
      ['', '창업지원과', '2024-h1', '1-1-1'],
      ['(도시계획과)', '경제정책과', '2023년 상반기', '1-1-1'],
      [null, '아동복지과', ' 2023 하반기 ', '2-1-1'],
      ['도시계획과, 행정과', '창업지원과', '2023 하반기', '1-1-1'],
    ]);
    const byId = new Map(catalog.projects.map((p) => [p.id, p]));
    expect(byId.get('1-1-1')?.formerAssignments).toEqual([
      { through: '2023-H1', leadDepartment: '경제정책과', coDepartments: ['도시계획과'] },
      { through: '2023-H2', leadDepartment: '창업지원과', coDepartments: ['도시계획과', '행정과'] },
      { through: '2024-H1', leadDepartment: '창업지원과', coDepartments: [] },
    ]);
    expect(byId.get('2-1-1')?.formerAssignments).toEqual([
      { through: '2023-H2', leadDepartment: '아동복지과', coDepartments: [] },
    ]);
    expect([...byId.values()].filter((p) => 'formerAssignments' in p).map((p) => p.id)).toEqual([
      '1-1-1',
      '2-1-1',
    ]);
    // The current departments stay those of the 공약사업 목록 row: from the half-year after the last move.
    const project = byId.get('1-1-1');
    if (project === undefined) throw new Error('1-1-1 is on the list');
    expect(assignmentAt(project, '2023-H2').leadDepartment).toBe('창업지원과');
    expect(assignmentAt(project, '2024-H2').leadDepartment).toBe('경제정책과');
    expect(departmentsEver(project)).toEqual(['경제정책과', '도시계획과', '창업지원과', '행정과']);
  });

  it('writes the moves in catalog order, earliest first, and reads them back as they were', () => {
    const { catalog, term } = readOk();
    const moved: Catalog = {
      ...catalog,
      projects: catalog.projects.map((p) =>
        p.id === '2-2-1'
          ? {
              ...p,
              formerAssignments: [{ through: '2024-H2', leadDepartment: '복지정책과', coDepartments: [] }],
            }
          : p.id === '1-1-2'
            ? {
                ...p,
                formerAssignments: [
                  {
                    through: '2022-H2',
                    leadDepartment: '기획예산과',
                    coDepartments: ['행정과', '도시계획과'],
                  },
                  { through: '2025-H1', leadDepartment: '일자리정책과', coDepartments: [] },
                ],
              }
            : p,
      ),
    };
    const sheets = catalogToSheets(moved, term);
    expect(sheets.moves).toEqual([
      MOVES_HEADER,
      ['1-1-2', '2022년 하반기', '기획예산과', '행정과, 도시계획과'],
      ['1-1-2', '2025년 상반기', '일자리정책과', ''],
      ['2-2-1', '2024년 하반기', '복지정책과', ''],
    ]);
    const back = catalogFromSheets(sheets);
    if (!back.ok) throw new Error(back.problems.join('\n'));
    expect(back.catalog).toEqual(moved);
    expect(back.term).toEqual(term);

    // Without moves: the header row alone, and the catalog back byte for byte (no formerAssignments key).
    const plain = catalogToSheets(catalog, term);
    expect(plain.moves).toEqual([MOVES_HEADER]);
    const plainBack = catalogFromSheets(plain);
    expect(plainBack.ok && JSON.stringify(plainBack.catalog)).toBe(JSON.stringify(catalog));
  });

  it('names every problem of a row by sheet, row and column', () => {
    const { term } = readOk();
    const periods = listPeriods(term).map((p) => p.label);
    const [first, secondLast, last] = [periods[0], periods.at(-2), periods.at(-1)];
    const moves: SheetCell[][] = [
      MOVES_HEADER,
      ['9-9-9', '2023-H1', '행정과', ''], // 2: not on 공약사업 목록
      ['1-1-1', '2023-H1', '', ''], // 3: no lead
      ['1-1-1', '2023-H3', '행정과', ''], // 4: not a half-year
      ['1-1-1', '2021년 하반기', '행정과', ''], // 5: before the term
      ['1-1-2', '2026-H1', '행정과', ''], // 6: the term's last half-year
      ['1-1-2', '2024-H1', '행정과', '행정과'], // 7: the lead also a co-department
      ['2-2-1', '2024 상반기', '행정과', ''], // 8
      ['2-2-1', '2024-H1', '복지과', ''], // 9: row 8's half-year again
      ['2-1-1', '2025-H2', '아동보육과', '도시계획과, 경제정책과'], // 10: the project's own departments
      ['1-1-1', '', '행정과', ''], // 11: no half-year
      ['2-2-1', '2023-H2', '행정과', ''], // 12: the same as row 8's, the half-year after
      ['', '2023-H1', '행정과', ''], // 13: no project
      ['2-2-1', '2025-H1', '행'.repeat(51), ''], // 14: a name no submission file can carry
    ];
    const result = read(moves);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = (row: number, column: string) => `'부서 이관' 시트 ${row}행 ${column}`;
    expect(result.problems).toEqual([
      `${where(2, '세부사업')}: 세부사업 "9-9-9"는 '공약사업 목록' 시트에 없습니다.`,
      `${where(3, '주관부서')}: 1-1-1의 2023년 상반기까지 주관부서를 적으세요.`,
      `${where(4, '마지막 반기')}: "2023-H3"은 반기로 읽을 수 없습니다. "2019년 하반기"나 "2019-H2"처럼 적으세요.`,
      `${where(5, '마지막 반기')}: 2021년 하반기는 임기 민선8기의 반기(${first} ~ ${last})가 아닙니다.`,
      `${where(6, '마지막 반기')}: ${last}는 임기의 마지막 반기입니다. ` +
        `지금의 부서가 적어도 한 반기는 맡도록 ${secondLast}까지로 적으세요.`,
      `${where(7, '협조부서')}: 주관부서 행정과가 협조부서에도 있습니다.`,
      `${where(9, '마지막 반기')}: 2-2-1의 2024년 상반기가 8행에도 있습니다. 한 세부사업의 반기는 한 번씩만 적으세요.`,
      `${where(11, '마지막 반기')}: 이 행의 부서가 1-1-1을 맡은 마지막 반기를 적으세요 (예: "2019년 하반기" 또는 "2019-H2").`,
      `${where(13, '세부사업')}: 부서가 바뀐 세부사업의 번호를 적으세요 (예: "1-1-1").`,
      `${where(14, '주관부서')}: 부서 이름은 50자까지 적을 수 있습니다 ("${'행'.repeat(20)}…", 51자).`,
      `${where(10, '주관부서')}: 2-1-1의 2025년 하반기까지 부서 아동보육과 (협조: 도시계획과, 경제정책과)는 ` +
        '다음 반기(2026년 상반기)의 부서와 같아, 바뀐 것이 없습니다. 부서가 바뀌지 않았으면 이 행을 지우세요.',
      `${where(12, '주관부서')}: 2-2-1의 2023년 하반기까지 부서 행정과는 ` +
        '다음 반기(2024년 상반기)의 부서와 같아, 바뀐 것이 없습니다. 부서가 바뀌지 않았으면 이 행을 지우세요.',
    ]);
    expect(result.more).toBe(0);
  });

  it('says which column of 부서 이관 is missing', () => {
    const result = read([
      ['세부사업', '주관부서'],
      ['1-1-1', '행정과'],
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        "'부서 이관' 시트 1행에 '마지막 반기' 열이 없습니다 (열 이름: 세부사업, 마지막 반기, 주관부서, 협조부서).",
      ],
      more: 0,
    });
  });
});
