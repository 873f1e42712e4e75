import { afterEach, describe, expect, it } from 'vitest';
import { formatTime } from './labels';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('formatTime', () => {
  it("shows Korea's time whatever zone the PC is set to, as the other times on the same screen", () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Seoul']) {
      process.env.TZ = zone;
      // 01:02 UTC is 10:02 in Korea (UTC+9), the same day; 20:30 UTC is 05:30 the next day there.
      expect(formatTime('2019-06-30T01:02:03.000Z')).toBe('2019-06-30 10:02');
      expect(formatTime('2019-06-30T20:30:00Z')).toBe('2019-07-01 05:30');
    }
    expect(formatTime(null)).toBe('');
  });
});
