import type { OfficeReceipt } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';

/**
 * A file held as a same-revision conflict: waiting for the office's decision, or decided — the other file of the
 * revision counts (held-decisions.ts) — with what that means for this PC's next file.
 */
function heldText(receipt: Extract<OfficeReceipt, { state: 'held' }>): string {
  const received = `기획담당관이 ${localDateTimeOf(receipt.receivedAt)}에 받았으나`;
  const kept = receipt.keptOther;
  if (kept === null)
    return `${received} 같은 회차의 다른 파일과 겹쳐 보류 중입니다. 기획담당관에 문의하세요.`;
  const memo = kept.note.trim() === '' ? '' : `, 메모: ${kept.note.trim()}`;
  const next = kept.countedMadeHere
    ? '반영된 파일도 이 PC에서 만든 것이므로 다음 제출 파일은 그 파일에 이어집니다. 이 파일에만 있던 내용은 다음 제출 파일로 보내세요.'
    : '반영된 파일은 다른 PC(또는 다른 데이터 폴더)에서 만든 것입니다. 다음 회차는 그 PC에서 만들어 보내세요. 이 PC에서 이어 보내면 회차가 갈라져 거부됩니다.';
  return `${received} 같은 회차의 다른 제출 파일을 반영하기로 정했습니다 (${localDateTimeOf(kept.decidedAt)} 결정${memo}). 이 파일의 내용은 반영되지 않습니다. ${next}`;
}

/**
 * 접수 확인 in words: what the office's last baseline package says of the department's last submission file.
 * `warn` marks a file the office should have had by then and did not (or holds but does not count).
 */
export function receiptLabel(receipt: OfficeReceipt): { text: string; warn: boolean } {
  const asOf = localDateTimeOf(receipt.asOf);
  switch (receipt.state) {
    case 'accepted':
      return {
        text: `기획담당관 접수 확인: 반영됨 (${localDateTimeOf(receipt.receivedAt)} 접수)`,
        warn: false,
      };
    case 'quarantined':
      return {
        text: `기획담당관이 ${localDateTimeOf(receipt.receivedAt)}에 받았으나 부서 키가 승인되지 않아 보관 중입니다. 키 지문을 기획담당관과 전화로 확인하세요.`,
        warn: true,
      };
    case 'held':
      return { text: heldText(receipt), warn: true };
    case 'skipped':
      return {
        text: `기획담당관이 받지 못해 건너뛴 파일입니다 (이어 보내기). 이 파일의 기간은 제출 파일을 다시 만들어 보내세요.`,
        warn: false,
      };
    case 'missing': {
      if (receipt.mayBeInTransit) {
        return {
          text: `기획담당관의 마지막 기준 자료(${asOf} 기준)에는 아직 없습니다. 그 무렵이나 뒤에 도착했을 수 있으니 다음 기준 자료에서 확인하세요.`,
          warn: false,
        };
      }
      const upTo = receipt.receivedUpTo === null ? '' : ` (이 반기 파일은 r${receipt.receivedUpTo}까지 받음)`;
      return {
        text: `기획담당관의 기준 자료(${asOf} 기준)에 이 파일이 없습니다${upTo}. 보냈는지 확인하세요. 파일을 찾을 수 없으면 '제출 파일' 화면에서 이어 보내기를 하세요.`,
        warn: true,
      };
    }
  }
}

/** The same in a table cell (보낸 제출 파일): a few words; null when no package has said anything yet. */
export function receiptCellLabel(receipt: OfficeReceipt | null): { text: string; warn: boolean } {
  if (receipt === null) return { text: '—', warn: false };
  switch (receipt.state) {
    case 'accepted':
      return { text: `반영됨 (${localDateTimeOf(receipt.receivedAt)} 접수)`, warn: false };
    case 'quarantined':
      return { text: '받음, 부서 키 승인 대기', warn: true };
    case 'held':
      return receipt.keptOther === null
        ? { text: '받음, 충돌로 보류', warn: true }
        : { text: '보류: 같은 회차의 다른 파일 반영', warn: true };
    case 'skipped':
      return { text: '건너뜀 (이어 보내기)', warn: false };
    case 'missing':
      return receipt.mayBeInTransit
        ? { text: '아직 없음 (도착 전일 수 있음)', warn: false }
        : { text: '기준 자료에 없음: 보냈는지 확인', warn: true };
  }
}
