import { describe, expect, it } from 'vitest';
import { listPeriods } from '../term/periods';
import { catalogFromSheets, PROJECT_HEADERS, type SheetCell } from './catalog-sheet';
import { listDepartments } from './departments';

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
