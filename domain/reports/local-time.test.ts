import { describe, expect, it } from 'vitest';
import { localTimeOf } from './submissions';

describe('localTimeOf', () => {
  it("gives an instant's time of day in Korea, whatever the zone it was written in", () => {
    expect(localTimeOf('2019-07-08T00:05:09Z')).toBe('09:05:09');
    expect(localTimeOf('2019-07-07T20:05:09-04:00')).toBe('09:05:09');
    expect(localTimeOf('2019-07-08T15:00:00.000Z')).toBe('00:00:00');
  });

  it('returns a text that is no timestamp as it is', () => {
    expect(localTimeOf('모름')).toBe('모름');
  });
});
