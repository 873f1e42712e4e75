import { describe, expect, it } from 'vitest';
import { requestLabel, requestTitle } from './request-label';

describe('requestLabel', () => {
  it('names a request the app numbered by the time it was started, in local time', () => {
    const started = new Date(2019, 6, 8, 9, 5).getTime();
    expect(requestLabel(`cr-${started}`)).toBe('2019-07-08 09:05 작성 시작');
  });

  it('shows any other id as it is', () => {
    expect(requestLabel('cr-5-9-1-2018-01')).toBe('요청 cr-5-9-1-2018-01');
    expect(requestLabel('cr-123')).toBe('요청 cr-123');
  });

  it('in a list, leads with what the request changes', () => {
    const started = new Date(2019, 6, 8, 9, 5).getTime();
    expect(requestTitle('사업기간 변경', `cr-${started}`)).toBe('사업기간 변경 · 2019-07-08 09:05 작성 시작');
    expect(requestTitle(null, 'cr-5-9-1-2018-01')).toBe('조정 요청 · 요청 cr-5-9-1-2018-01');
  });
});
