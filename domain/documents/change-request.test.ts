import { describe, expect, it } from 'vitest';
import {
  type ChangeRow,
  changeRequestSubject,
  changeRequestSubjectOf,
  emptyChangeRequest,
  requestedOn,
} from './change-request';

const row = (category: string): ChangeRow => ({ category, original: '당초', proposed: '변경' });

describe('changeRequestSubject', () => {
  it('names what a request changes by its rows’ 구분, each once, in the order written', () => {
    expect(changeRequestSubject({ rows: [row('사업기간')] })).toBe('사업기간 변경');
    expect(changeRequestSubject({ rows: [row(' 사업기간 '), row('총사업비'), row('사업기간')] })).toBe(
      '사업기간·총사업비 변경',
    );
  });

  it('counts the 구분 beyond three, calls a blank one 기타, and says when nothing is written yet', () => {
    const rows = ['공약명', '단위사업', '사업기간', '총사업비', '연차별 추진계획'].map(row);
    expect(changeRequestSubject({ rows })).toBe('공약명·단위사업·사업기간 외 2건 변경');
    expect(changeRequestSubject({ rows: [row('  ')] })).toBe('기타 변경');
    expect(changeRequestSubject({ rows: [] })).toBe('변경 내용 미작성');
  });
});

describe('changeRequestSubjectOf', () => {
  it('reads the subject from JSON not yet checked, as changeRequestSubject names a checked request', () => {
    const rows = [row('사업기간'), row('총사업비')];
    expect(changeRequestSubjectOf(JSON.parse(JSON.stringify({ rows })))).toBe(changeRequestSubject({ rows }));
    expect(changeRequestSubjectOf({ rows: [{ category: 7 }, null, { category: '사업기간' }] })).toBe(
      '기타·사업기간 변경',
    );
    for (const json of [null, 'text', {}, { rows: 'x' }]) {
      expect(changeRequestSubjectOf(json)).toBe('변경 내용 미작성');
    }
  });
});

describe('requestedOn', () => {
  it('is the date of the first 요청 step, null while drafting', () => {
    const request = emptyChangeRequest('cr-1', '1-1-1', '기획담당관');
    expect(requestedOn(request)).toBeNull();
    request.decisionHistory.push(
      { status: 'requested', date: '2019-07-08', by: '담당', note: '' },
      { status: 'approvedByDirector', date: '2019-07-09', by: '국장', note: '' },
    );
    expect(requestedOn(request)).toBe('2019-07-08');
  });
});
