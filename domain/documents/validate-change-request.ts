import { PHONE_MESSAGE, PHONE_PATTERN } from './common';
import { type ChangeRequest, DECISION_STATUS_LABELS, DECISION_TRANSITIONS } from './change-request';
import { josa } from '../text/josa';
import {
  Collector,
  isBlank,
  requireText,
  type ValidationContext,
  type ValidationResult,
} from './validate-common';

// ---------------------------------------------------------------------------------------------------------------
// 공약 조정 요청서

export function validateChangeRequest(doc: ChangeRequest, ctx: ValidationContext): ValidationResult {
  const c = new Collector();
  requireText(c, 'projectName', doc.projectName, '공약명을 입력하세요');
  requireText(c, 'department', doc.department, '부서명을 입력하세요');
  requireText(c, 'contact.name', doc.contact.name, '담당자 이름을 입력하세요');
  requireText(c, 'contact.phone', doc.contact.phone, '담당자 연락번호를 입력하세요');
  if (!PHONE_PATTERN.test(doc.contact.phone)) c.error('contact.phone', 'phone.invalid', PHONE_MESSAGE);
  if (doc.rows.length === 0) c.error('rows', 'required', '변경 요구내용을 한 줄 이상 입력하세요');
  doc.rows.forEach((r, i) => {
    // Each message names its row, as the form numbers them ("변경 항목 2: 당초 공약을 입력하세요").
    const row = `변경 항목 ${i + 1}`;
    requireText(c, `rows.${i}.category`, r.category, `${row}: 구분을 입력하세요`);
    requireText(c, `rows.${i}.original`, r.original, `${row}: 당초 공약을 입력하세요`);
    requireText(c, `rows.${i}.proposed`, r.proposed, `${row}: 변경안을 입력하세요`);
    if (!isBlank(r.proposed) && r.original.trim() === r.proposed.trim()) {
      c.warn(`rows.${i}.proposed`, 'change.noDifference', `${row}: 변경안이 당초 공약과 같습니다`);
    }
  });
  requireText(c, 'reason', doc.reason, '변경 요구사유를 입력하세요');
  if (doc.evidence.length === 0) {
    c.warn(
      'evidence',
      'evidence.missing',
      '근거서류(전문가 검토의견, 공청회 회의자료 등)가 첨부되지 않았습니다',
    );
  }
  if (ctx.confirmedPlan && ctx.confirmedPlan.projectId !== doc.projectId) {
    c.error(
      'projectId',
      'project.mismatch',
      `요청서(${doc.projectId})와 실천계획서(${ctx.confirmedPlan.projectId})의 공약번호가 다릅니다`,
    );
  }
  checkDecisionHistory(c, doc);
  return c.result();
}

function checkDecisionHistory(c: Collector, doc: ChangeRequest): void {
  if (doc.lifecycle !== 'draft' && doc.decisionHistory.length === 0) {
    c.error('decisionHistory', 'decision.invalid', '제출된 요청서에는 요청 이력이 있어야 합니다');
  }
  doc.decisionHistory.forEach((entry, i) => {
    const base = `decisionHistory.${i}`;
    const prev = doc.decisionHistory[i - 1];
    if (prev === undefined) {
      if (entry.status !== 'requested') {
        c.error(`${base}.status`, 'decision.invalid', '처리 이력은 요청으로 시작해야 합니다');
      }
    } else {
      if (!DECISION_TRANSITIONS[prev.status].includes(entry.status)) {
        c.error(
          `${base}.status`,
          'decision.invalid',
          `'${DECISION_STATUS_LABELS[prev.status]}' 다음에 ${josa(`'${DECISION_STATUS_LABELS[entry.status]}'`, '으로/로')} 갈 수 없습니다`,
        );
      }
      if (entry.date < prev.date)
        c.error(`${base}.date`, 'decision.invalid', '처리 일자가 앞 단계보다 이릅니다');
    }
    if ((entry.status === 'approved' || entry.status === 'rejected') && isBlank(entry.note)) {
      c.warn(
        `${base}.note`,
        'required',
        `${DECISION_STATUS_LABELS[entry.status]} 사유를 적어 두면 공개할 때 필요합니다`,
      );
    }
  });
}
