/** The workbook's sheets, in order, by their Korean names (at most 31 characters, Excel's limit). */
export const SHEET_NAMES = {
  overview: '개요',
  byArea: '분야별 추진현황',
  byCorePledge: '핵심공약별 추진현황',
  byDepartment: '부서별 추진현황',
  finance: '재정집행현황',
  submissions: '제출현황',
  bundles: '접수내역',
  contacts: '담당자',
  lagging: '부진사업',
  participation: '시민참여실적',
  changes: '공약조정 이력',
  comparison: '반기 비교',
} as const;
