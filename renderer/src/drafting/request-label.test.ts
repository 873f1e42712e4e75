import { afterEach, describe, expect, it } from 'vitest';
import { requestLabel, requestState, requestTitle } from './request-label';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

/** 2019-07-08 00:05 UTC: 09:05 in Korea (UTC+9), still 7 July in New York. */
const started = Date.parse('2019-07-08T00:05:00Z');

describe('requestLabel', () => {
  it("names a request the app numbered by the time it was started, in Korea's time whatever zone the PC is set to", () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Seoul']) {
      process.env.TZ = zone;
      expect(requestLabel(`cr-${started}`)).toBe('2019-07-08 09:05 작성 시작');
      // 20:30 UTC is 05:30 the next day in Korea.
      expect(requestLabel(`cr-${Date.parse('2019-06-30T20:30:00Z')}`)).toBe('2019-07-01 05:30 작성 시작');
    }
  });

  it('shows any other id as it is', () => {
    expect(requestLabel('cr-5-9-1-2018-01')).toBe('요청 cr-5-9-1-2018-01');
    expect(requestLabel('cr-123')).toBe('요청 cr-123');
  });

  it('in a list, leads with what the request changes', () => {
    process.env.TZ = 'America/New_York';
    expect(requestTitle('사업기간 변경', `cr-${started}`)).toBe('사업기간 변경 · 2019-07-08 09:05 작성 시작');
    expect(requestTitle(null, 'cr-5-9-1-2018-01')).toBe('조정 요청 · 요청 cr-5-9-1-2018-01');
  });
});

describe('requestState', () => {
  it('shows the office’s decision once its package brought the request back, else where the department has it', () => {
    expect(requestState({ status: 'draft', decision: null })).toBe('작성중');
    expect(requestState({ status: 'submitted', decision: 'requested' })).toBe('제출');
    expect(requestState({ status: 'confirmed', decision: 'approved' })).toBe('승인');
    expect(requestState({ status: 'confirmed', decision: 'rejected' })).toBe('반려');
  });
});
