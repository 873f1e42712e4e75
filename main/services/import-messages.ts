import { recogniseFile } from '../bundles';
import type { ReceivedBundle } from '../../db/bundles';
import { josa } from '../../domain/text/josa';

/** Codes of a bundle (a submission file or a 기준 자료) whose content no longer matches what was signed. */
export const ALTERED_CODES: ReadonlySet<string> = new Set([
  'MEMBER_HASH',
  'MEMBER_SIZE',
  'SIGNATURE_INVALID',
]);

/** What a person reads first for a file that cannot be taken: what it is and what to do, then the detail. */
export function plainReason(code: string, message: string, bytes: Buffer): string {
  const kind = recogniseFile(bytes);
  if (kind === 'enrollment')
    return "이 파일은 제출 파일이 아니라 부서 키 등록 파일(.pledgekey.json)입니다. '부서 키 등록부'의 '부서 키 등록 파일·키 교체 문서 가져오기'로 가져오세요.";
  if (kind === 'rotation')
    return "이 파일은 제출 파일이 아니라 부서의 키 교체 문서(.pledgekey.json)입니다. '부서 키 등록부'의 '부서 키 등록 파일·키 교체 문서 가져오기'로 가져오세요.";
  if (kind === 'repacked-bundle')
    return `압축 프로그램으로 풀었다가 다시 묶은 제출 파일입니다. 이 프로그램이 만든 파일 그대로가 아니어서 반영하지 않았습니다. 부서에 '제출 파일' 화면에서 만든 .pledge 파일을 압축을 풀거나 다시 묶지 말고 그대로 보내 달라고 하세요. (자세히: ${message})`;
  if (kind === 'draft-file')
    return "이 파일은 제출 파일이 아니라 부서 안에서 PC끼리 주고받는 작성 문서 파일(.pledgedraft)입니다. 서명이 없어 여기서는 가져오지 않습니다: 부서에 '제출 파일' 화면에서 만든 .pledge 파일을 보내 달라고 하세요.";
  if (kind === 'ordinary-zip')
    return `이 프로그램의 제출 파일이 아닌 일반 압축 파일입니다. 부서가 '제출 파일' 화면에서 만든 .pledge 파일을 압축을 풀거나 다시 묶지 말고 그대로 보내 달라고 하세요. (자세히: ${message})`;
  if (code === 'ZIP_INVALID')
    return `이 프로그램의 제출 파일(.pledge)이 아니거나 손상된 파일입니다. 부서에 파일을 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (ALTERED_CODES.has(code))
    return `제출 파일이 서명된 뒤 내용이 바뀌었습니다 (전송 중 손상되었거나 누군가 고쳤습니다). 반영하지 않았습니다. 부서에 원래 파일을 다시 보내 달라고 하세요. (자세히: ${message})`;
  if (code === 'TYPE_MISMATCH')
    return "이 파일은 기획담당관이 부서에 보내는 기준 자료입니다 — 부서의 제출 파일이 아니어서 여기서는 가져오지 않습니다. 기준 자료는 부서 PC의 '제출 파일' 화면, '기준 자료 적용'에서 씁니다.";
  return message;
}

/** What to ask the department for when revisions are missing between the last accepted one and this one. */
export function missingBetween(last: number, revision: number): string {
  if (revision <= last + 1) return '빠진 제출 파일이 있다면 먼저 가져오거나, ';
  const missing = revision === last + 2 ? `r${last + 1}` : `r${last + 1}–r${revision - 1}`;
  return `부서가 그 사이에 만든 ${missing} 파일을 먼저 가져오거나(부서에 보내 달라고 하세요), `;
}

/**
 * A file chained onto the last accepted one past revisions never received: the department resumed its chain from
 * the office's receipts (이어 보내기) after those files were lost; their half-years come again in later files.
 */
export function skippedNote(last: number, revision: number): string {
  if (revision <= last + 1) return '';
  const skipped = revision === last + 2 ? `r${last + 1}` : `r${last + 1}–r${revision - 1}`;
  return last === 0
    ? ` 부서가 ${josa(skipped, '을/를')} 건너뛰고 이 부서의 첫 파일로 보냈습니다.`
    : ` 부서가 받지 못한 ${josa(skipped, '을/를')} 건너뛰고 r${last} 다음으로 이어 보냈습니다.`;
}

/** What to ask the department for when a department's first bundle received is not its first one. */
export function missingBefore(revision: number): string {
  const missing = revision <= 2 ? 'r1' : `r1–r${revision - 1}`;
  return revision <= 1
    ? '부서가 그 전에 만든 제출 파일을 먼저(또는 함께) 가져오세요.'
    : `부서가 그 전에 만든 ${missing} 파일을 먼저(또는 함께) 가져오세요 — 부서의 '만든 제출 파일' 목록에 파일 위치가 있습니다.`;
}

/**
 * Why the previous bundle, already in quarantine, is not in the chain yet, and what the office does: the file is not
 * to be asked for again.
 */
export function waitingFor(previous: Pick<ReceivedBundle, 'revision' | 'reasonCode' | 'reason'>): string {
  const r = `r${previous.revision}`;
  const then = `${josa(r, '이/가')} 반영된 뒤 이 파일을 다시 가져오세요.`;
  if (previous.reasonCode === 'KEY_UNKNOWN')
    return `등록되지 않은 키로 서명되어 키를 기다리고 있습니다: 부서의 키 등록 파일이나 키 교체 문서를 받아 키를 승인하면 ${josa(r, '이/가')} 반영됩니다. ${then}`;
  if (previous.reasonCode === 'KEY_PENDING')
    return `승인 대기 중인 키로 서명되어 키 승인을 기다리고 있습니다: 지문을 부서와 전화로 확인해 키를 승인하면 ${josa(r, '이/가')} 반영됩니다. ${then}`;
  if (previous.reasonCode === 'KEY_REVOKED')
    return `${josa(r, '은/는')} 폐기된 키로 서명되어 반영할 수 없어, 그 다음에 만든 이 파일도 이어 받을 수 없습니다. 부서와 어떻게 할지 확인하세요.`;
  return `격리 사유: ${previous.reason}. ${then}`;
}

/** What happens next to a file kept in quarantine, by why it is there. */
export function quarantineNote(code: string): string {
  if (code === 'KEY_REVOKED') return '제출 파일은 격리 보관했습니다 (반영하지 않았습니다).';
  if (code === 'KEY_UNKNOWN') return '제출 파일은 격리 보관했습니다. 부서의 키를 등록해 승인하면 반영됩니다.';
  return '제출 파일은 격리 보관했습니다. 키를 승인하면 반영됩니다.';
}
