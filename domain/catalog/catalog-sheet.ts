import { parseYearMonthText } from '../documents/common';
import { periodLabel } from '../documents/validate-format';
import { departmentNameProblem } from './department-name';
import { josa } from '../text/josa';
import { listPeriods } from '../term/periods';
import type { Term } from '../term/types';
import { termSchema } from '../term/types';
import {
  catalogSchema,
  type Area,
  type Catalog,
  type CatalogProject,
  type CorePledge,
  type FormerAssignment,
  type SubGoal,
} from './types';

/**
 * 공약사업 목록 파일: the catalog (붙임1) and the term as the sheets a planning office edits in Excel — 기본 정보
 * (the city, the list, the term and its calendar), 분야, 공약사업 목록 (one row per 세부사업, its 핵심공약 and
 * 분야 on the same row) and 부서 이관 (one row per former assignment: "이 세부사업은 마지막 반기까지 이
 * 주관부서·협조부서가 맡았다"; optional, an older file without it has no moves) — and read back into a checked
 * catalog and term. Pure: the workbook itself is built and
 * read in main (main/catalog/catalog-workbook.ts); here are the rows and every rule, with the problems named by
 * sheet, row and column so that the office can correct the file.
 */

export type SheetCell = string | number | boolean | null | undefined;
export type SheetRows = readonly (readonly SheetCell[])[];

export const CATALOG_SHEETS = {
  info: '기본 정보',
  areas: '분야',
  projects: '공약사업 목록',
  moves: '부서 이관',
} as const;

/** The sheets a file must have; 부서 이관 may be missing (a file from before moves were kept). */
const REQUIRED_SHEETS = ['info', 'areas', 'projects'] as const;

/** 기본 정보: label → what it holds (the sheet is two columns, 항목 and 값). */
const INFO = {
  city: '시·도',
  title: '목록 이름',
  catalogId: '목록 ID',
  version: '목록 판',
  asOf: '목록 기준일',
  termName: '임기 이름',
  termId: '임기 ID',
  termStart: '임기 시작',
  termEnd: '임기 끝',
  planDueDate: '실천계획서 제출기한',
  cardDueDay: '관리카드 제출일',
} as const;
type InfoKey = keyof typeof INFO;

const INFO_NOTES: Record<InfoKey, string> = {
  city: '예: 서울특별시',
  title: '화면과 인쇄물에 쓰는 목록의 이름',
  catalogId: '비우면 목록 이름을 씁니다',
  version: '목록을 고쳐 다시 나눠 줄 때마다 바꾸세요 (비우면 목록 기준일)',
  asOf: '예: 2018-09-11',
  termName: '예: 민선7기',
  termId: '비우면 임기 이름을 씁니다',
  termStart: '임기의 첫 달, 예: 2018-07',
  termEnd: '임기의 마지막 달, 예: 2022-06',
  planDueDate: '예: 2018-09-18',
  cardDueDay: '반기가 끝난 다음 달의 며칠 (1~28, 보통 15)',
};

export const AREA_HEADERS = ['분야', '분야명', '목표'] as const;

export const PROJECT_HEADERS = [
  '분야',
  '정책내용',
  '핵심공약',
  '핵심공약명',
  '공약번호',
  '공약분류',
  '세부사업',
  '세부사업명',
  '주관부서',
  '협조부서',
  '세부항목',
] as const;
type ProjectHeader = (typeof PROJECT_HEADERS)[number];

/** 부서 이관: one row per former assignment of a 세부사업, its last half-year and its departments then. */
export const MOVE_HEADERS = ['세부사업', '마지막 반기', '주관부서', '협조부서'] as const;
type MoveHeader = (typeof MOVE_HEADERS)[number];

/** More than ten times Seoul's 238 projects is not a mayor's pledge list: a file that large is refused. */
export const MAX_CATALOG_PROJECTS = 5000;
const MAX_TEXT = 500;
/** Problems listed in full; the rest are counted. */
const MAX_PROBLEMS_LISTED = 20;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export interface CatalogSheets {
  info: SheetCell[][];
  areas: SheetCell[][];
  projects: SheetCell[][];
  /** 부서 이관, its header row even when no project moved. */
  moves: SheetCell[][];
}

/** The four sheets' rows for a catalog and its term, headers first. */
export function catalogToSheets(catalog: Catalog, term: Term): CatalogSheets {
  const values: Record<InfoKey, string | number> = {
    city: catalog.city,
    title: catalog.title,
    catalogId: catalog.id,
    version: catalog.version,
    asOf: catalog.asOf,
    termName: term.name,
    termId: term.id,
    termStart: term.start,
    termEnd: term.end,
    planDueDate: term.planDueDate,
    cardDueDay: term.cardDueDay,
  };
  const info: SheetCell[][] = [['항목', '값', '설명']];
  for (const key of Object.keys(INFO) as InfoKey[]) info.push([INFO[key], values[key], INFO_NOTES[key]]);

  const areas: SheetCell[][] = [[...AREA_HEADERS]];
  for (const area of catalog.areas) areas.push([area.id, area.name, area.goal]);

  const coreById = new Map(catalog.corePledges.map((c) => [c.id, c]));
  const areaById = new Map(catalog.areas.map((a) => [a.id, a]));
  const projects: SheetCell[][] = [[...PROJECT_HEADERS]];
  for (const project of catalog.projects) {
    const core = coreById.get(project.corePledgeId);
    const area = core === undefined ? undefined : areaById.get(core.areaId);
    projects.push([
      core?.areaId ?? null,
      (core === undefined ? undefined : area?.subGoals[core.subGoalIndex]?.name) ?? '',
      project.corePledgeId,
      core?.name ?? '',
      core?.campaignNumber ?? null,
      core?.campaignCategory ?? '',
      project.id,
      project.name,
      project.leadDepartment,
      project.coDepartments.join(', '),
      project.subItems.map((item, i) => `${CIRCLED[i] ?? `${i + 1}.`} ${item}`).join('\n'),
    ]);
  }

  // 부서 이관: the projects in catalog order, each one's earliest first (as the catalog keeps them).
  const moves: SheetCell[][] = [[...MOVE_HEADERS]];
  for (const project of catalog.projects)
    for (const former of project.formerAssignments ?? [])
      moves.push([
        project.id,
        periodLabel(former.through),
        former.leadDepartment,
        former.coDepartments.join(', '),
      ]);
  return { info, areas, projects, moves };
}

export type CatalogSheetsRead =
  { ok: true; catalog: Catalog; term: Term } | { ok: false; problems: string[]; more: number };

/** A cell as trimmed text ('' for blank); numbers as written ("3", "2018.7"). */
function text(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return String(cell).normalize('NFC').trim();
}

/** Days since 1899-12-30 (Excel's serial date, as a date typed into Excel is stored) as "YYYY-MM-DD". */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

function isoDateOf(cell: SheetCell): string | null {
  if (typeof cell === 'number') return excelSerialDate(cell);
  const typed = text(cell).normalize('NFKC');
  const m = /^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*(?:\.|일)?$/.exec(typed);
  if (!m) return null;
  const iso = `${m[1] as string}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

function yearMonthOf(cell: SheetCell): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 9999) {
    return excelSerialDate(cell)?.slice(0, 7) ?? null;
  }
  const read = parseYearMonthText(text(cell));
  return 'value' in read && read.value !== '' ? read.value : null;
}

/** A positive whole number written as a number or as text ("3", "3번"), else null. */
function wholeNumberOf(cell: SheetCell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? cell : null;
  const m = /^(\d{1,6})\s*(?:번)?$/.exec(text(cell).normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** A row's department names that cannot be used (too long, or with a line break), each at its column. */
function departmentProblems(
  where: (column: '주관부서' | '협조부서') => string,
  lead: string,
  coDepartments: readonly string[],
): string[] {
  const problems: string[] = [];
  const leadProblem = lead === '' ? null : departmentNameProblem(lead);
  if (leadProblem !== null) problems.push(`${where('주관부서')}: ${leadProblem}`);
  for (const co of coDepartments) {
    const problem = departmentNameProblem(co);
    if (problem !== null) problems.push(`${where('협조부서')}: ${problem}`);
  }
  return problems;
}

/** 협조부서 as written in 붙임1 or a list: "(여성가족정책실)", "경제진흥본부, 문화본부", one per line. */
function departmentsOf(cell: SheetCell): string[] {
  return text(cell)
    .split(/[,，、;\n/]+/)
    .map((d) =>
      d
        .trim()
        .replace(/^\((.*)\)$/, '$1')
        .trim(),
    )
    .filter((d) => d !== '');
}

const CIRCLED_PREFIX = new RegExp(`^[${CIRCLED}]\\s*`);

/**
 * 세부항목, one per line, with or without their ①② (or "1. ", "2) ") in front; only that numbering is taken off, so
 * an item that itself begins with a number ("3.1운동 기념사업") stays whole.
 */
function subItemsOf(cell: SheetCell): string[] {
  return text(cell)
    .split(/\r?\n/)
    .map((line) => {
      const item = line.trim();
      const unnumbered = item.replace(CIRCLED_PREFIX, '');
      return (unnumbered === item ? item.replace(/^\d{1,2}[.)]\s+/, '') : unnumbered).trim();
    })
    .filter((line) => line !== '');
}

const isBlankRow = (row: readonly SheetCell[]): boolean => row.every((cell) => text(cell) === '');

/** 마지막 반기 as written: "2019-H1", "2019년 상반기", "2019 하반기" (spaces aside) → "2019-H1"; else null. */
function halfYearOf(cell: SheetCell): string | null {
  const typed = text(cell).normalize('NFKC').replace(/\s+/g, '');
  const id = /^(\d{4})-?H([12])$/i.exec(typed);
  if (id) return `${id[1] as string}-H${id[2] as string}`;
  const label = /^(\d{4})년?([상하])반기$/.exec(typed);
  return label ? `${label[1] as string}-H${label[2] === '상' ? '1' : '2'}` : null;
}

/** The half-year after "2019-H2": "2020-H1". */
function nextHalfYear(periodId: string): string {
  const year = Number(periodId.slice(0, 4));
  return periodId.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

/** "경제정책과 (협조: 도시계획과, 아동보육과)". */
const departmentsText = (lead: string, co: readonly string[]): string =>
  co.length === 0 ? lead : `${lead} (협조: ${co.join(', ')})`;

const sameDepartments = (
  a: { leadDepartment: string; coDepartments: readonly string[] },
  b: { leadDepartment: string; coDepartments: readonly string[] },
): boolean =>
  a.leadDepartment === b.leadDepartment &&
  a.coDepartments.length === b.coDepartments.length &&
  a.coDepartments.every((d) => b.coDepartments.includes(d));

/**
 * The catalog and term the sheets hold, or every problem found (named by sheet, row and column as Excel shows
 * them). Columns are found by their headers in the first row, so the office may reorder or add columns. 부서 이관
 * is optional: absent or without rows, no project gets `formerAssignments` (a catalog without moves reads back
 * exactly as it was written).
 */
export function catalogFromSheets(sheets: {
  info: SheetRows | null;
  areas: SheetRows | null;
  projects: SheetRows | null;
  /** 부서 이관; null or absent when the file has no such sheet. */
  moves?: SheetRows | null | undefined;
}): CatalogSheetsRead {
  const problems: string[] = [];
  const at = (sheet: string, row: number, column?: string): string =>
    column === undefined ? `'${sheet}' 시트 ${row}행` : `'${sheet}' 시트 ${row}행 ${column}`;

  for (const key of REQUIRED_SHEETS) {
    if (sheets[key] === null) problems.push(`'${CATALOG_SHEETS[key]}' 시트가 없습니다.`);
  }
  if (problems.length > 0) return { ok: false, problems, more: 0 };
  const infoRows = sheets.info ?? [];
  const areaRows = sheets.areas ?? [];
  const projectRows = sheets.projects ?? [];
  const moveRows = sheets.moves ?? [];

  // 기본 정보: the value beside each label, wherever its row is.
  const info = new Map<string, { cell: SheetCell; row: number }>();
  infoRows.forEach((row, i) => {
    const label = text(row[0]);
    if (label !== '' && !info.has(label)) info.set(label, { cell: row[1], row: i + 1 });
  });
  const infoCell = (key: InfoKey): { cell: SheetCell; where: string } => {
    const found = info.get(INFO[key]);
    return {
      cell: found?.cell,
      where:
        found === undefined
          ? `'${CATALOG_SHEETS.info}' 시트의 ${INFO[key]}`
          : at(CATALOG_SHEETS.info, found.row, INFO[key]),
    };
  };
  const requiredText = (key: InfoKey): string => {
    const { cell, where } = infoCell(key);
    const value = text(cell);
    if (value === '') problems.push(`${where}: 값을 적으세요 (${INFO_NOTES[key]}).`);
    else if (value.length > MAX_TEXT) problems.push(`${where}: ${MAX_TEXT}자를 넘습니다.`);
    return value;
  };
  const city = requiredText('city');
  const title = requiredText('title');
  const termName = requiredText('termName');
  const catalogId = text(infoCell('catalogId').cell) || title;
  const termId = text(infoCell('termId').cell) || termName;
  /** A date or a year-month of 기본 정보, read by `parse`; '' (and the problem said) when it cannot be. */
  const infoOf = (
    key: InfoKey,
    parse: (cell: SheetCell) => string | null,
    what: '날짜' | '연월',
    example: string,
  ): string => {
    const { cell, where } = infoCell(key);
    const value = parse(cell);
    if (value === null)
      problems.push(
        text(cell) === ''
          ? `${where}: ${josa(what, '을/를')} 적으세요 (${INFO_NOTES[key]}).`
          : `${where}: ${josa(`"${text(cell)}"`, '은/는')} ${what}로 읽을 수 없습니다. "${example}"처럼 적으세요.`,
      );
    return value ?? '';
  };
  const asOf = infoOf('asOf', isoDateOf, '날짜', '2018-09-11');
  const planDueDate = infoOf('planDueDate', isoDateOf, '날짜', '2018-09-11');
  const version = text(infoCell('version').cell) || asOf;
  const termStart = infoOf('termStart', yearMonthOf, '연월', '2022-07');
  const termEnd = infoOf('termEnd', yearMonthOf, '연월', '2022-07');
  /** Whether the term's months are readable and make a term (its half-years can then be listed). */
  let termUsable = false;
  if (termStart !== '' && termEnd !== '') {
    const months =
      (Number(termEnd.slice(0, 4)) - Number(termStart.slice(0, 4))) * 12 +
      Number(termEnd.slice(5)) -
      Number(termStart.slice(5)) +
      1;
    if (months < 1)
      problems.push(
        `${infoCell('termEnd').where}: 임기 끝(${termEnd})이 임기 시작(${termStart})보다 앞섭니다.`,
      );
    else if (months < 6 || months > 72)
      problems.push(
        `${infoCell('termEnd').where}: 임기가 ${termStart}부터 ${termEnd}까지 ${months}개월입니다. ` +
          '6개월에서 6년 사이여야 합니다.',
      );
    else termUsable = true;
  }
  let cardDueDay = 15;
  {
    const { cell, where } = infoCell('cardDueDay');
    if (text(cell) !== '') {
      const day = wholeNumberOf(typeof cell === 'string' ? cell.replace(/일$/, '') : cell);
      if (day === null || day > 28) problems.push(`${where}: 1에서 28 사이의 날짜(일)를 적으세요 (보통 15).`);
      else cardDueDay = day;
    }
  }

  // 분야.
  const areas: Area[] = [];
  const areaHeader = (areaRows[0] ?? []).map(text);
  const areaColumn = (name: (typeof AREA_HEADERS)[number]): number => areaHeader.indexOf(name);
  for (const name of ['분야', '분야명'] as const) {
    if (areaColumn(name) < 0) problems.push(`'${CATALOG_SHEETS.areas}' 시트 1행에 '${name}' 열이 없습니다.`);
  }
  if (areaColumn('분야') >= 0 && areaColumn('분야명') >= 0) {
    areaRows.slice(1).forEach((row, i) => {
      if (isBlankRow(row)) return;
      const rowNo = i + 2;
      const id = wholeNumberOf(row[areaColumn('분야')]);
      const name = text(row[areaColumn('분야명')]);
      if (id === null) {
        problems.push(`${at(CATALOG_SHEETS.areas, rowNo, '분야')}: 분야 번호(1, 2, …)를 적으세요.`);
        return;
      }
      if (areas.some((a) => a.id === id)) {
        problems.push(
          `${at(CATALOG_SHEETS.areas, rowNo, '분야')}: ${josa(`분야 ${id}`, '이/가')} 두 번 있습니다.`,
        );
        return;
      }
      if (name === '') problems.push(`${at(CATALOG_SHEETS.areas, rowNo, '분야명')}: 분야 이름을 적으세요.`);
      const goalColumn = areaColumn('목표');
      areas.push({ id, name, goal: goalColumn < 0 ? '' : text(row[goalColumn]), subGoals: [] });
    });
    if (areas.length === 0) problems.push(`'${CATALOG_SHEETS.areas}' 시트에 분야가 하나도 없습니다.`);
  }

  // 공약사업 목록: one row per 세부사업.
  const header = (projectRows[0] ?? []).map(text);
  const columns = new Map<ProjectHeader, number>();
  for (const name of PROJECT_HEADERS) {
    const index = header.indexOf(name);
    if (index >= 0) columns.set(name, index);
  }
  const required: ProjectHeader[] = ['분야', '핵심공약', '핵심공약명', '세부사업', '세부사업명', '주관부서'];
  const missing = required.filter((name) => !columns.has(name));
  // Not one column name read: the row is not a list's header (a damaged file, or another form), not a typo.
  if (missing.length === required.length)
    problems.push(
      `'${CATALOG_SHEETS.projects}' 시트 1행에서 열 이름을 하나도 읽지 못했습니다. 파일이 손상되었거나 ` +
        `이 프로그램의 공약사업 목록 양식이 아닙니다 (1행에 적는 열 이름: ${PROJECT_HEADERS.join(', ')}).`,
    );
  else if (missing.length > 0)
    problems.push(
      `'${CATALOG_SHEETS.projects}' 시트 1행에 ${missing.map((m) => `'${m}'`).join(', ')} 열이 없습니다 ` +
        `(열 이름: ${PROJECT_HEADERS.join(', ')}).`,
    );
  const corePledges: CorePledge[] = [];
  const projects: CatalogProject[] = [];
  const coreRow = new Map<string, number>();
  const projectRow = new Map<string, number>();
  /** Every 세부사업 번호 written on 공약사업 목록, read or not (a row with a problem is named there only). */
  const namedProjects = new Set<string>();
  let projectsRead = false;
  if (missing.length === 0 && areas.length > 0) {
    const cell = (row: readonly SheetCell[], name: ProjectHeader): SheetCell => {
      const index = columns.get(name);
      return index === undefined ? null : row[index];
    };
    const areaById = new Map(areas.map((a) => [a.id, a]));
    const rows = projectRows.slice(1);
    const filled = rows.filter((row) => !isBlankRow(row)).length;
    if (filled > MAX_CATALOG_PROJECTS)
      problems.push(
        `'${CATALOG_SHEETS.projects}' 시트에 세부사업이 ${filled.toLocaleString('ko-KR')}개 있습니다. ` +
          `${MAX_CATALOG_PROJECTS.toLocaleString('ko-KR')}개까지 읽습니다.`,
      );
    else {
      projectsRead = true;
      for (const row of rows) if (!isBlankRow(row)) namedProjects.add(text(cell(row, '세부사업')));
      rows.forEach((row, i) => {
        if (isBlankRow(row)) return;
        const rowNo = i + 2;
        const where = (column: ProjectHeader) => at(CATALOG_SHEETS.projects, rowNo, column);
        const areaId = wholeNumberOf(cell(row, '분야'));
        const area = areaId === null ? undefined : areaById.get(areaId);
        if (area === undefined) {
          problems.push(
            `${where('분야')}: ${
              areaId === null
                ? '분야 번호를 적으세요'
                : `${josa(`분야 ${areaId}`, '은/는')} '${CATALOG_SHEETS.areas}' 시트에 없습니다`
            }.`,
          );
          return;
        }
        const coreId = text(cell(row, '핵심공약'));
        if (!/^\d+-\d+$/.test(coreId) || coreId.split('-')[0] !== String(area.id)) {
          problems.push(
            coreId === ''
              ? `${where('핵심공약')}: 핵심공약 번호를 적으세요 (예: "${area.id}-1").`
              : `${where('핵심공약')}: 핵심공약 번호 ${josa(`"${coreId}"`, '은/는')} 이 행의 ${josa(`분야 ${area.id}`, '으로/로')} 시작하는 ` +
                  `"${area.id}-1" 형식이어야 합니다.`,
          );
          return;
        }
        const projectId = text(cell(row, '세부사업'));
        if (!/^\d+-\d+-\d+$/.test(projectId) || !projectId.startsWith(`${coreId}-`)) {
          problems.push(
            projectId === ''
              ? `${where('세부사업')}: 세부사업 번호(관리번호)를 적으세요 (예: "${coreId}-1").`
              : `${where('세부사업')}: 세부사업 번호 ${josa(`"${projectId}"`, '은/는')} 이 행의 ${josa(`핵심공약 ${coreId}`, '으로/로')} ` +
                  `시작하는 "${coreId}-1" 형식이어야 합니다.`,
          );
          return;
        }
        const earlier = projectRow.get(projectId);
        if (earlier !== undefined) {
          problems.push(
            `${where('세부사업')}: ${josa(projectId, '은/는')} ${earlier}행에도 있습니다. 번호는 한 번씩만 씁니다.`,
          );
          return;
        }
        projectRow.set(projectId, rowNo);

        // The core pledge: the first row names it; every later row of it must say the same.
        const subGoalName = text(cell(row, '정책내용'));
        const coreName = text(cell(row, '핵심공약명'));
        const campaignText = text(cell(row, '공약번호'));
        const campaignNumber = campaignText === '' ? null : wholeNumberOf(cell(row, '공약번호'));
        if (campaignText !== '' && campaignNumber === null)
          problems.push(
            `${where('공약번호')}: 공약번호는 1 이상의 숫자로 적거나 비워 두세요 ("${campaignText}").`,
          );
        const campaignCategory = text(cell(row, '공약분류')) || null;
        const existing = corePledges.find((c) => c.id === coreId);
        if (existing === undefined) {
          if (coreName === '') problems.push(`${where('핵심공약명')}: ${coreId}의 이름을 적으세요.`);
          let subGoalIndex = 0;
          if (subGoalName !== '') {
            const known = area.subGoals.findIndex((g) => g.name === subGoalName);
            subGoalIndex = known >= 0 ? known : area.subGoals.length;
            if (known < 0) area.subGoals.push({ name: subGoalName, corePledgeCount: 0, projectCount: 0 });
          }
          corePledges.push({
            id: coreId,
            areaId: area.id,
            subGoalIndex,
            name: coreName,
            campaignNumber,
            campaignCategory,
          });
          coreRow.set(coreId, rowNo);
        } else {
          const first = coreRow.get(coreId);
          const differs: string[] = [];
          if (coreName !== '' && coreName !== existing.name) differs.push('핵심공약명');
          if (campaignText !== '' && campaignNumber !== existing.campaignNumber) differs.push('공약번호');
          if (campaignCategory !== null && campaignCategory !== existing.campaignCategory)
            differs.push('공약분류');
          const existingSubGoal = area.subGoals[existing.subGoalIndex]?.name ?? '';
          if (subGoalName !== '' && subGoalName !== existingSubGoal) differs.push('정책내용');
          if (differs.length > 0)
            problems.push(
              `${at(CATALOG_SHEETS.projects, rowNo)}: 핵심공약 ${coreId}의 ${josa(differs.join(', '), '이/가')} ${first}행과 다릅니다. ` +
                '같은 핵심공약의 행은 같게 적거나 비워 두세요.',
            );
        }

        const name = text(cell(row, '세부사업명'));
        const lead = text(cell(row, '주관부서'));
        if (name === '') problems.push(`${where('세부사업명')}: ${projectId}의 사업명을 적으세요.`);
        if (lead === '') problems.push(`${where('주관부서')}: ${projectId}의 주관부서를 적으세요.`);
        const coDepartments = departmentsOf(cell(row, '협조부서'));
        if (coDepartments.includes(lead))
          problems.push(`${where('협조부서')}: 주관부서 ${josa(lead, '이/가')} 협조부서에도 있습니다.`);
        if (new Set(coDepartments).size !== coDepartments.length)
          problems.push(`${where('협조부서')}: 같은 부서가 두 번 있습니다.`);
        for (const [column, value] of [
          ['세부사업명', name],
          ['핵심공약명', coreName],
        ] as const) {
          if (value.length > MAX_TEXT) problems.push(`${where(column)}: ${MAX_TEXT}자를 넘습니다.`);
        }
        problems.push(...departmentProblems(where, lead, coDepartments));
        projects.push({
          id: projectId,
          corePledgeId: coreId,
          name,
          leadDepartment: lead,
          coDepartments,
          subItems: subItemsOf(cell(row, '세부항목')),
        });
      });
    }
    if (filled === 0) problems.push(`'${CATALOG_SHEETS.projects}' 시트에 세부사업이 하나도 없습니다.`);
  }

  const termFields = { id: termId, name: termName, start: termStart, end: termEnd, cardDueDay, planDueDate };
  // 부서 이관 (optional): read once the projects are, each row against its project and the term's half-years.
  const formerByProject = new Map<string, FormerAssignment[]>();
  if (projectsRead && moveRows.some((row) => !isBlankRow(row))) {
    const sheet = CATALOG_SHEETS.moves;
    const moveHeader = (moveRows[0] ?? []).map(text);
    const moveColumns = new Map<MoveHeader, number>();
    for (const name of MOVE_HEADERS) {
      const index = moveHeader.indexOf(name);
      if (index >= 0) moveColumns.set(name, index);
    }
    const missingMoves = (['세부사업', '마지막 반기', '주관부서'] as const).filter(
      (name) => !moveColumns.has(name),
    );
    const filledMoves = moveRows.slice(1).filter((row) => !isBlankRow(row)).length;
    if (missingMoves.length > 0)
      problems.push(
        `'${sheet}' 시트 1행에 ${missingMoves.map((m) => `'${m}'`).join(', ')} 열이 없습니다 ` +
          `(열 이름: ${MOVE_HEADERS.join(', ')}).`,
      );
    else if (filledMoves > MAX_CATALOG_PROJECTS)
      problems.push(
        `'${sheet}' 시트에 행이 ${filledMoves.toLocaleString('ko-KR')}개 있습니다. ` +
          `${MAX_CATALOG_PROJECTS.toLocaleString('ko-KR')}개까지 읽습니다.`,
      );
    else {
      const termPeriods = termUsable ? listPeriods(termFields).map((p) => p.id) : null;
      const projectById = new Map(projects.map((p) => [p.id, p]));
      const movesOf = new Map<string, { former: FormerAssignment; rowNo: number }[]>();
      moveRows.slice(1).forEach((row, i) => {
        if (isBlankRow(row)) return;
        const rowNo = i + 2;
        const where = (column: MoveHeader) => at(sheet, rowNo, column);
        const cell = (name: MoveHeader): SheetCell => {
          const index = moveColumns.get(name);
          return index === undefined ? null : row[index];
        };
        const projectId = text(cell('세부사업'));
        if (projectId === '') {
          problems.push(`${where('세부사업')}: 부서가 바뀐 세부사업의 번호를 적으세요 (예: "1-1-1").`);
          return;
        }
        if (!namedProjects.has(projectId)) {
          problems.push(
            `${where('세부사업')}: 세부사업 ${josa(`"${projectId}"`, '은/는')} '${CATALOG_SHEETS.projects}' 시트에 없습니다.`,
          );
          return;
        }
        const periodText = text(cell('마지막 반기'));
        const through = halfYearOf(cell('마지막 반기'));
        const first = termPeriods?.[0];
        const last = termPeriods?.at(-1);
        let periodOk = false;
        if (periodText === '')
          problems.push(
            `${where('마지막 반기')}: 이 행의 부서가 ${josa(projectId, '을/를')} 맡은 마지막 반기를 적으세요 ` +
              '(예: "2019년 하반기" 또는 "2019-H2").',
          );
        else if (through === null)
          problems.push(
            `${where('마지막 반기')}: ${josa(`"${periodText}"`, '은/는')} 반기로 읽을 수 없습니다. ` +
              '"2019년 하반기"나 "2019-H2"처럼 적으세요.',
          );
        else if (first !== undefined && last !== undefined && !termPeriods?.includes(through))
          problems.push(
            `${where('마지막 반기')}: ${josa(periodLabel(through), '은/는')} 임기 ${termName}의 반기` +
              `(${periodLabel(first)} ~ ${periodLabel(last)})가 아닙니다.`,
          );
        else if (termPeriods !== null && through === last)
          problems.push(
            `${where('마지막 반기')}: ${josa(periodLabel(through), '은/는')} 임기의 마지막 반기입니다. ` +
              (termPeriods.length < 2
                ? '반기가 하나뿐인 임기에는 부서 이관을 적을 수 없습니다.'
                : `지금의 부서가 적어도 한 반기는 맡도록 ${periodLabel(termPeriods.at(-2) ?? last)}까지로 적으세요.`),
          );
        else periodOk = true;
        const lead = text(cell('주관부서'));
        if (lead === '')
          problems.push(
            `${where('주관부서')}: ${projectId}의 ` +
              `${periodOk && through !== null ? `${periodLabel(through)}까지 ` : ''}주관부서를 적으세요.`,
          );
        const coDepartments = departmentsOf(cell('협조부서'));
        if (lead !== '' && coDepartments.includes(lead))
          problems.push(`${where('협조부서')}: 주관부서 ${josa(lead, '이/가')} 협조부서에도 있습니다.`);
        if (new Set(coDepartments).size !== coDepartments.length)
          problems.push(`${where('협조부서')}: 같은 부서가 두 번 있습니다.`);
        problems.push(...departmentProblems(where, lead, coDepartments));
        // A project whose own row has a problem is named on 공약사업 목록; its moves wait until it is read.
        if (!periodOk || through === null || !projectById.has(projectId)) return;
        const list = movesOf.get(projectId) ?? [];
        const twice = list.find((m) => m.former.through === through);
        if (twice !== undefined) {
          problems.push(
            `${where('마지막 반기')}: ${projectId}의 ${josa(periodLabel(through), '이/가')} ${twice.rowNo}행에도 ` +
              '있습니다. 한 세부사업의 반기는 한 번씩만 적으세요.',
          );
          return;
        }
        list.push({ former: { through, leadDepartment: lead, coDepartments }, rowNo });
        movesOf.set(projectId, list);
      });

      // Each project's rows earliest first; a row must differ from the departments of the half-year after it.
      const unchanged: { rowNo: number; problem: string }[] = [];
      for (const [projectId, list] of movesOf) {
        const project = projectById.get(projectId);
        if (project === undefined) continue;
        list.sort((a, b) => (a.former.through < b.former.through ? -1 : 1));
        list.forEach(({ former, rowNo }, i) => {
          const after = list[i + 1]?.former ?? project;
          if (!sameDepartments(former, after)) return;
          unchanged.push({
            rowNo,
            problem:
              `${at(sheet, rowNo, '주관부서')}: ${projectId}의 ${periodLabel(former.through)}까지 부서 ` +
              `${josa(departmentsText(former.leadDepartment, former.coDepartments), '은/는')} 다음 반기` +
              `(${periodLabel(nextHalfYear(former.through))})의 부서와 같아, 바뀐 것이 없습니다. ` +
              '부서가 바뀌지 않았으면 이 행을 지우세요.',
          });
        });
        formerByProject.set(
          projectId,
          list.map((m) => m.former),
        );
      }
      for (const { problem } of unchanged.sort((a, b) => a.rowNo - b.rowNo)) problems.push(problem);
    }
  }

  if (problems.length > 0) return { ok: false, ...listed(problems) };
  const movedProjects = projects.map((project) => {
    const formerAssignments = formerByProject.get(project.id);
    return formerAssignments === undefined ? project : { ...project, formerAssignments };
  });

  // The overview's counts, from the rows themselves.
  for (const area of areas) {
    area.subGoals = area.subGoals.map((goal, index): SubGoal => {
      const cores = corePledges.filter((c) => c.areaId === area.id && c.subGoalIndex === index);
      const ids = new Set(cores.map((c) => c.id));
      return {
        name: goal.name,
        corePledgeCount: cores.length,
        projectCount: projects.filter((p) => ids.has(p.corePledgeId)).length,
      };
    });
  }
  const catalog = catalogSchema.safeParse({
    id: catalogId,
    city,
    title,
    version,
    asOf,
    areas,
    corePledges,
    projects: movedProjects,
  });
  const term = termSchema.safeParse(termFields);
  if (!catalog.success || !term.success) {
    // Every rule above is checked first; this names what a rule there missed instead of passing it on.
    const issues = [...(catalog.error?.issues ?? []), ...(term.error?.issues ?? [])];
    return {
      ok: false,
      ...listed(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    };
  }
  return { ok: true, catalog: catalog.data, term: term.data };
}

function listed(problems: string[]): { problems: string[]; more: number } {
  return {
    problems: problems.slice(0, MAX_PROBLEMS_LISTED),
    more: Math.max(0, problems.length - MAX_PROBLEMS_LISTED),
  };
}
