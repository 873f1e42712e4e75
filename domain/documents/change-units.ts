import { AFTER_TERM } from './common';
import type { ExecutionPlan, PlanUnitProject } from './execution-plan';
import { periodKeyOfLabel, periodLabel } from './validate';

/**
 * Change rows (붙임6) of 단위사업 and 연차별 추진계획, read back from the format their 당초 is written in
 * (change-original.ts) and applied to a plan by its units.
 *
 * - 단위사업 "1. 이름\n2. 이름" renames the plan's named units (non-blank names) in order; it only renames: the
 *   numbering must be 1..N and N the number of the plan's named units, or the plan is left as it is (adding or
 *   removing a 단위사업 goes through the plan itself).
 * - 연차별 추진계획 "[단위사업명]\n- 2019년 상반기: 내용" replaces, for each unit a block names, that unit's whole
 *   schedule; units no block names keep theirs. A block names a unit by its name in the plan, or by the name the
 *   same approval gives it. Any other line continues the text of the line before it, so a text of several lines
 *   reads back as it was written; a continued line that starts with "- " must be indented (else it is read as a
 *   half-year's line), and one written as "[…]" alone starts a block.
 *
 * The values name units by name and position, not by id, so that they apply again to a plan the department sends
 * once more (approved-changes.ts): where they no longer fit that plan, it keeps its own value of the field.
 */

/** One block of a 연차별 추진계획 row: the unit by the name the block gives, and its whole new schedule. */
export interface UnitScheduleChange {
  unit: string;
  schedule: Record<string, string>;
}

type Read<T> = { value: T } | { problem: string };

const MAX_UNIT_NAME = 300;

/** How unit names are compared: NFKC, runs of whitespace as one space, trimmed. */
export const unitNameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim();

const quoted = (line: string): string => `'${line.length > 40 ? `${line.slice(0, 40)}…` : line}'`;

/** 단위사업 as 당초 writes it: "1. 이름" per line ("1)" too), numbered 1..N in order. */
export function readUnitNamesText(text: string): Read<string[]> {
  const lines = text
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return { problem: '변경안이 비어 있습니다' };
  const names: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(\d+)\s*[.)]\s*(.*)$/.exec(line);
    if (m === null) {
      return {
        problem: `${quoted(line)}: 단위사업은 당초처럼 한 줄에 하나씩 "1. 단위사업명"으로 적어야 반영됩니다`,
      };
    }
    if (Number(m[1]) !== i + 1) {
      return {
        problem:
          `${quoted(line)}: 번호가 1부터 차례대로가 아닙니다 (${i + 1}번이어야 합니다). ` +
          '승인은 단위사업의 이름만 바꿉니다. 단위사업을 더하거나 빼거나 순서를 바꾸려면 실천계획서를 고쳐 다시 확정하세요',
      };
    }
    const name = (m[2] as string).trim();
    if (name === '') return { problem: `${i + 1}번 단위사업의 이름이 비어 있습니다` };
    if (name.length > MAX_UNIT_NAME) {
      return { problem: `${i + 1}번 단위사업의 이름이 ${MAX_UNIT_NAME}자를 넘습니다` };
    }
    names.push(name);
  }
  return { value: names };
}

/**
 * 연차별 추진계획 as 당초 writes it: "[단위사업명]" blocks of "- <반기>: 내용" lines, 반기 as periodLabel writes it
 * ("2019년 상반기", "임기후"). With `periods` (the term's half-years), a half-year outside them is a problem.
 */
export function readUnitSchedulesText(text: string, periods?: readonly string[]): Read<UnitScheduleChange[]> {
  const lines = text.normalize('NFKC').split(/\r?\n/);
  const blocks: UnitScheduleChange[] = [];
  let block: UnitScheduleChange | null = null;
  /** The schedule key of the line being continued. */
  let item: string | null = null;
  const at = (index: number, line: string) => `${index + 1}번째 줄 ${quoted(line.trim())}`;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header !== null) {
      const name = (header[1] as string).trim();
      if (name === '') return { problem: `${at(index, line)}: 단위사업명이 비어 있습니다` };
      if (blocks.some((b) => unitNameKey(b.unit) === unitNameKey(name))) {
        return { problem: `${at(index, line)}: 같은 단위사업이 두 번 나옵니다` };
      }
      block = { unit: name, schedule: {} };
      blocks.push(block);
      item = null;
      continue;
    }
    const m = /^-\s*([^:]*?)\s*:\s?(.*)$/.exec(trimmed);
    const key = m === null ? null : periodKeyOfLabel(m[1] as string);
    // "- 반기: 내용", indented or not. Any other line starting with "- " is a mistake; "-10% 절감" and an
    // indented "  - 1차 선발" continue the text before them.
    if (key !== null || /^-\s/.test(line)) {
      if (block === null) {
        return {
          problem: `${at(index, line)}: 어느 단위사업의 줄인지 알 수 없습니다 ("[단위사업명]" 줄 아래에 적으세요)`,
        };
      }
      if (m === null || key === null) {
        return {
          problem: `${at(index, line)}: 반기를 읽을 수 없습니다 ("- 2019년 상반기: 내용" 또는 "- 임기후: 내용"처럼 적으세요)`,
        };
      }
      if (periods !== undefined && key !== AFTER_TERM && !periods.includes(key)) {
        return { problem: `${at(index, line)}: ${periodLabel(key)}는 임기 중의 반기가 아닙니다` };
      }
      if (key in block.schedule) {
        return { problem: `${at(index, line)}: ${periodLabel(key)}가 이 단위사업에 두 번 나옵니다` };
      }
      block.schedule[key] = m[2] as string;
      item = key;
      continue;
    }
    if (trimmed === '') {
      if (block !== null && item !== null) block.schedule[item] += '\n';
      continue;
    }
    if (block === null || item === null) {
      return {
        problem: `${at(index, line)}: 어느 단위사업의 어느 반기인지 알 수 없습니다 ("[단위사업명]" 줄과 "- 2019년 상반기: 내용" 줄로 적으세요)`,
      };
    }
    block.schedule[item] += `\n${line}`;
  }
  if (blocks.length === 0) return { problem: '변경안에 "[단위사업명]" 줄이 없습니다' };
  for (const b of blocks) {
    for (const key of Object.keys(b.schedule)) {
      const value = (b.schedule[key] as string).trim();
      if (value === '') delete b.schedule[key];
      else b.schedule[key] = value;
    }
  }
  return { value: blocks };
}

/** Indexes (in plan.unitProjects) of the units 당초 names: those with a name, in order. */
const namedUnitIndexes = (plan: ExecutionPlan): number[] =>
  plan.unitProjects.flatMap((u, i) => (u.name.trim() === '' ? [] : [i]));

/** Why these names do not rename the plan's units (their number differs), or null when they do. */
export function unitNamesProblem(plan: ExecutionPlan, names: readonly string[]): string | null {
  const named = namedUnitIndexes(plan).length;
  if (named === names.length) return null;
  return (
    `변경안의 단위사업은 ${names.length}개, 확정된 실천계획서의 단위사업은 ${named}개입니다. ` +
    '승인은 단위사업의 이름만 바꿉니다. 단위사업을 더하거나 빼려면 실천계획서를 고쳐 다시 확정하세요'
  );
}

/** The plan with its named units renamed in order, or null when the number of names does not fit. */
export function withUnitNames(plan: ExecutionPlan, names: readonly string[]): ExecutionPlan | null {
  if (unitNamesProblem(plan, names) !== null) return null;
  const at = new Map(namedUnitIndexes(plan).map((index, n) => [index, names[n] as string]));
  return {
    ...plan,
    unitProjects: plan.unitProjects.map((u, i) => {
      const name = at.get(i);
      return name === undefined ? u : { ...u, name };
    }),
  };
}

/**
 * The unit each block names, as an index: the unit whose name is the block's in `before` (the plan) or in
 * `after` (the same plan with the approval's renames); a block naming none, or two different units, is a problem.
 */
function resolveUnits(
  before: ExecutionPlan,
  after: ExecutionPlan,
  changes: readonly UnitScheduleChange[],
): Read<number[]> {
  const indexes: number[] = [];
  for (const change of changes) {
    const key = unitNameKey(change.unit);
    const matching = (plan: ExecutionPlan) =>
      plan.unitProjects.flatMap((u, i) => (u.name.trim() !== '' && unitNameKey(u.name) === key ? [i] : []));
    const found = [...new Set([...matching(before), ...matching(after)])];
    if (found.length === 0) {
      const names = after.unitProjects.map((u) => u.name.trim()).filter((name) => name !== '');
      return {
        problem: `'[${change.unit}]': 확정된 실천계획서에 이 이름의 단위사업이 없습니다 (단위사업: ${names.map((n) => `'${n}'`).join(', ') || '없음'})`,
      };
    }
    if (found.length > 1) {
      return { problem: `'[${change.unit}]': 이 이름의 단위사업이 여럿이라 어느 것인지 알 수 없습니다` };
    }
    indexes.push(found[0] as number);
  }
  return { value: indexes };
}

/** Why these schedules do not apply to the plan (renamed by `renamed`, the same approval's 단위사업), or null. */
export function unitSchedulesProblem(
  plan: ExecutionPlan,
  changes: readonly UnitScheduleChange[],
  renamed: ExecutionPlan = plan,
): string | null {
  const resolved = resolveUnits(plan, renamed, changes);
  return 'problem' in resolved ? resolved.problem : null;
}

/**
 * `renamed` (the plan `before`, perhaps with the approval's renames) with each named unit's schedule replaced, or
 * null when a block names no unit of it: then no schedule changes. A later block of the same unit wins.
 */
export function withUnitSchedules(
  before: ExecutionPlan,
  renamed: ExecutionPlan,
  changes: readonly UnitScheduleChange[],
): ExecutionPlan | null {
  const resolved = resolveUnits(before, renamed, changes);
  if ('problem' in resolved) return null;
  const units: PlanUnitProject[] = [...renamed.unitProjects];
  resolved.value.forEach((index, n) => {
    units[index] = {
      ...(units[index] as PlanUnitProject),
      schedule: { ...(changes[n] as UnitScheduleChange).schedule },
    };
  });
  return { ...renamed, unitProjects: units };
}

/** The units' schedules for comparison: per unit, its non-blank half-years in key order, text trimmed. */
export function schedulesKey(plan: ExecutionPlan): string {
  return JSON.stringify(
    plan.unitProjects.map((u) =>
      Object.keys(u.schedule)
        .filter((key) => (u.schedule[key] ?? '').trim() !== '')
        .sort()
        .map((key) => [key, (u.schedule[key] ?? '').trim()]),
    ),
  );
}

/** The named units' names for comparison, whitespace aside. */
export function unitNamesKey(plan: ExecutionPlan): string {
  return JSON.stringify(namedUnitIndexes(plan).map((i) => unitNameKey(plan.unitProjects[i]?.name ?? '')));
}

/**
 * Schedules approved one after the other: the later approval's blocks, and the earlier ones of units it does not
 * name (by name).
 */
export function mergeUnitSchedules(
  earlier: readonly UnitScheduleChange[] | undefined,
  later: readonly UnitScheduleChange[] | undefined,
): UnitScheduleChange[] | undefined {
  if (later === undefined) return earlier === undefined ? undefined : [...earlier];
  const named = new Set(later.map((c) => unitNameKey(c.unit)));
  return [...(earlier ?? []).filter((c) => !named.has(unitNameKey(c.unit))), ...later];
}
