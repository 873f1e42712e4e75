import { localDateOf, localDateTimeOf } from './submissions';

/**
 * The question before swapping in a held bundle that arrived after the due date while the counted one arrived in
 * time: 제출 현황 goes by the receipt of the bundle that counts, so the department would turn 지연. Null: no change.
 */
export function swapMakesLate(
  c: { department: string; heldReceivedAt?: string; countedReceivedAt?: string },
  dueDate: string,
): string | null {
  if (c.heldReceivedAt === undefined) return null;
  const held = localDateOf(c.heldReceivedAt);
  const counted = c.countedReceivedAt === undefined ? null : localDateOf(c.countedReceivedAt);
  if (held <= dueDate || (counted !== null && counted > dueDate)) return null;
  return `보류한 제출 파일은 ${localDateTimeOf(c.heldReceivedAt)}에 받아 제출 기한(${dueDate}) 뒤입니다. 바꾸면 제출 현황에서 ${c.department}의 이 회차 제출이 '지연'으로 바뀝니다. 바꿀까요?`;
}
