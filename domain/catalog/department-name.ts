import { hasControlCharacter } from '../text/control-characters';

/**
 * The longest department name: a submission file, a key file and a 기준 자료 carry the department by name
 * (main/bundles/schemas.ts departmentSchema), so a 공약사업 목록 takes no longer one.
 */
export const DEPARTMENT_NAME_MAX = 50;

/** Why a department name read from a 공약사업 목록 cannot be used, or null (the cell already trimmed, in NFC). */
export function departmentNameProblem(name: string): string | null {
  if (name.length > DEPARTMENT_NAME_MAX)
    return `부서 이름은 ${DEPARTMENT_NAME_MAX}자까지 적을 수 있습니다 ("${name.slice(0, 20)}…", ${name.length}자).`;
  if (hasControlCharacter(name))
    return `부서 이름에 줄바꿈이나 탭이 있습니다 ("${name.replace(/\s+/g, ' ')}"). 한 줄로 적으세요.`;
  return null;
}
