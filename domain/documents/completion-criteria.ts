import type { CardStatus } from './common';

/**
 * The criteria the 공약이행 관리계획 (2018.9) sets for 추진상황 and for 완료, shown where a department picks a
 * status and where the office decides a 완료 request, so that both read the same rules. Text from the plan
 * ("공약 이행실적 점검 기준", "완료기준", "완료처리절차" and the 한국매니페스토실천본부 detail criteria it quotes).
 */

/** What each 추진상황 means (점검 기준; 보류·폐기 are the card's 사업미실시). */
export const STATUS_CRITERIA: Record<CardStatus, string> = {
  completed:
    '공약이행이 완료되어 종료된 사업 (최종목표 달성): 기구 신설, 제도 도입 등을 내용으로 하는 이행이 끝난 사업',
  continuing: '공약내용 이행을 완료한 뒤 추가 목표를 세워 추진 중이거나, 주기적으로 반복되는 사업',
  onTrack: '사업이 정상 추진 중이고, 임기 종료 시점까지 이행 완료가 예상되는 사업',
  partial: '추진하고 있으나 예상 목표를 달성하지 못하고 부진한 사업',
  onHold: '사업미실시: 추진을 멈춘 사업 (보류 사유를 적습니다)',
  dropped: '사업미실시: 추진하지 않기로 한 사업 (폐기 사유를 적습니다)',
};

/** 완료의 기본원칙과 처리절차: who asks, who decides, and when. */
export const COMPLETION_PROCEDURE =
  '완료는 이행실적과 함께 성과 달성 여부를 종합적으로 판단해 결정합니다. 주관부서는 계획 대비 이행이 완료되고 당초 목표한 성과를 달성했다고 판단하면 관리카드의 추진상황을 ‘완료’로 적어 요청하고, 기획담당관(총괄부서)이 관리카드 추진실적을 검토해 상·하반기 연 2회 최종 확정합니다.';

/** 한국매니페스토실천본부의 공약 이행 완료 세부 기준: when a project of each kind counts as 완료. */
export const PROJECT_KIND_COMPLETION_RULES: readonly { kind: string; completedWhen: string }[] = [
  { kind: '조성 사업 (산업단지 등)', completedWhen: '입법 및 재정확보 후 사업 개시' },
  { kind: '건설 사업 (SOC 도로건설 등)', completedWhen: '입법 및 재정확보 후 사업 개시' },
  { kind: '시설유치 사업', completedWhen: '입법 및 행정결정 등 완료 시' },
  { kind: '자본유치 사업', completedWhen: '양해각서에 그치지 않고 자본유입이 시작되었을 경우' },
  { kind: '건립 공약 사업', completedWhen: '완공되었을 경우 (착공은 정상추진으로 분류)' },
  { kind: '재건축·재개발 사업', completedWhen: '이주가 시작되었을 경우 (착공은 정상추진으로 분류)' },
];
