import { describe, expect, it } from 'vitest';
import { receiptCellLabel, receiptLabel } from './receipt-label';

describe('receiptLabel', () => {
  const asOf = '2019-07-16T01:00:00.000Z'; // 10:00 KST

  it('confirms an accepted file with the time the office took it in (KST)', () => {
    expect(receiptLabel({ asOf, state: 'accepted', receivedAt: '2019-07-15T23:30:00.000Z' })).toEqual({
      text: '기획담당관 접수 확인: 반영됨 (2019-07-16 08:30 접수)',
      warn: false,
    });
  });

  it('warns when the office holds the file without counting it, and says what to do', () => {
    const quarantined = receiptLabel({ asOf, state: 'quarantined', receivedAt: asOf });
    expect(quarantined.warn).toBe(true);
    expect(quarantined.text).toContain('부서 키가 승인되지 않아');
    const held = receiptLabel({ asOf, state: 'held', receivedAt: asOf, keptOther: null });
    expect(held.warn).toBe(true);
    expect(held.text).toContain('보류 중');
    expect(held.text).toContain('기획담당관에 문의하세요');
  });

  it("a held file the office decided on says the other file counts, when, the memo, and what this PC's next file does", () => {
    const decided = { decidedAt: '2019-07-25T00:00:00.000Z', note: ' 부서 확인: 첫 PC 파일이 최종본 ' };
    const elsewhere = receiptLabel({
      asOf,
      state: 'held',
      receivedAt: '2019-07-20T01:00:00.000Z',
      keptOther: { ...decided, countedMadeHere: false },
    });
    expect(elsewhere).toEqual({
      text:
        '기획담당관이 2019-07-20 10:00에 받았으나 같은 회차의 다른 제출 파일을 반영하기로 정했습니다 ' +
        '(2019-07-25 09:00 결정, 메모: 부서 확인: 첫 PC 파일이 최종본). 이 파일의 내용은 반영되지 않습니다. ' +
        '반영된 파일은 다른 PC(또는 다른 데이터 폴더)에서 만든 것입니다. 다음 회차는 그 PC에서 만들어 보내세요. ' +
        '이 PC에서 이어 보내면 회차가 갈라져 거부됩니다.',
      warn: true,
    });
    const here = receiptLabel({
      asOf,
      state: 'held',
      receivedAt: asOf,
      keptOther: { decidedAt: decided.decidedAt, note: '', countedMadeHere: true },
    });
    expect(here.text).toContain('(2019-07-25 09:00 결정)');
    expect(here.text).toContain('다음 제출 파일은 그 파일에 이어집니다');
    expect(here.text).not.toContain('메모');
    expect(
      receiptCellLabel({
        asOf,
        state: 'held',
        receivedAt: asOf,
        keptOther: { ...decided, countedMadeHere: true },
      }),
    ).toEqual({ text: '보류: 같은 회차의 다른 파일 반영', warn: true });
    expect(receiptCellLabel({ asOf, state: 'held', receivedAt: asOf, keptOther: null })).toEqual({
      text: '받음, 충돌로 보류',
      warn: true,
    });
  });

  it('a file 이어 보내기 passed over is not a warning, and says to send its half-year again', () => {
    const skipped = receiptLabel({ asOf, state: 'skipped', receivedAt: null });
    expect(skipped.warn).toBe(false);
    expect(skipped.text).toContain('건너뛴 파일');
    expect(skipped.text).toContain('다시 만들어 보내세요');
    expect(receiptCellLabel({ asOf, state: 'skipped', receivedAt: null })).toEqual({
      text: '건너뜀 (이어 보내기)',
      warn: false,
    });
  });

  it('tells a file that may still be on its way from one the office should have had', () => {
    const newer = receiptLabel({
      asOf,
      state: 'missing',
      receivedAt: null,
      mayBeInTransit: true,
      receivedUpTo: null,
    });
    expect(newer).toEqual({
      text: '기획담당관의 마지막 기준 자료(2019-07-16 10:00 기준)에는 아직 없습니다. 그 무렵이나 뒤에 도착했을 수 있으니 다음 기준 자료에서 확인하세요.',
      warn: false,
    });
    const lost = receiptLabel({
      asOf,
      state: 'missing',
      receivedAt: null,
      mayBeInTransit: false,
      receivedUpTo: 2,
    });
    expect(lost.warn).toBe(true);
    expect(lost.text).toBe(
      "기획담당관의 기준 자료(2019-07-16 10:00 기준)에 이 파일이 없습니다 (이 반기 파일은 r2까지 받음). 보냈는지 확인하세요. 파일을 찾을 수 없으면 '제출 파일' 화면에서 이어 보내기를 하세요.",
    );
    const none = receiptLabel({
      asOf,
      state: 'missing',
      receivedAt: null,
      mayBeInTransit: false,
      receivedUpTo: null,
    });
    expect(none.text).not.toContain('까지 받음');
  });

  it('says it in a few words in the list of files made, and nothing before any package', () => {
    expect(receiptCellLabel(null)).toEqual({ text: '—', warn: false });
    expect(receiptCellLabel({ asOf, state: 'accepted', receivedAt: asOf }).text).toBe(
      '반영됨 (2019-07-16 10:00 접수)',
    );
    const lost = { asOf, state: 'missing' as const, receivedAt: null, receivedUpTo: null };
    expect(receiptCellLabel({ ...lost, mayBeInTransit: false })).toEqual({
      text: '기준 자료에 없음: 보냈는지 확인',
      warn: true,
    });
    expect(receiptCellLabel({ ...lost, mayBeInTransit: true }).warn).toBe(false);
  });
});
