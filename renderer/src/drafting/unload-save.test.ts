import { describe, expect, it } from 'vitest';
import { fitsKeepalive, KEEPALIVE_MAX_BYTES, utf8Bytes } from './unload-save';

describe('fitsKeepalive', () => {
  it('counts UTF-8 bytes: Hangul is 3 bytes a character', () => {
    expect(utf8Bytes('가')).toBe(3);
    expect(utf8Bytes('○ 목표 1')).toBe(12);
  });

  it('refuses a Korean body of 25,000 characters (75,000 bytes) that a count of characters would let through', () => {
    const body = JSON.stringify({ json: { policyGoal: '가'.repeat(25_000) } });
    expect(body.length).toBeLessThan(60_000);
    expect(fitsKeepalive(body)).toBe(false);
  });

  it('takes bodies up to the limit, in bytes, below the browser cap of 64 KiB', () => {
    expect(KEEPALIVE_MAX_BYTES).toBeLessThan(64 * 1024);
    expect(fitsKeepalive('a'.repeat(KEEPALIVE_MAX_BYTES))).toBe(true);
    expect(fitsKeepalive('가'.repeat(KEEPALIVE_MAX_BYTES / 3))).toBe(true);
    expect(fitsKeepalive('가'.repeat(KEEPALIVE_MAX_BYTES / 3 + 1))).toBe(false);
  });
});
