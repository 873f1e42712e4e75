import { describe, expect, it } from 'vitest';
import { josa } from './josa';

describe('josa', () => {
  it('follows the last sound of a Hangul word', () => {
    expect(josa('소방재난본부', '이/가')).toBe('소방재난본부가');
    expect(josa('민간', '이/가')).toBe('민간이');
    expect(josa('2019년 하반기', '은/는')).toBe('2019년 하반기는');
    expect(josa('확보총계', '을/를')).toBe('확보총계를');
    expect(josa('연차별 투자수요', '과/와')).toBe('연차별 투자수요와');
    expect(josa('집행액', '과/와')).toBe('집행액과');
  });

  it('reads a final digit as Sino-Korean, and keeps both forms when the sound is unknown', () => {
    expect(josa('r4', '은/는')).toBe('r4는');
    expect(josa('r3', '은/는')).toBe('r3은');
    expect(josa('r10', '을/를')).toBe('r10을');
    expect(josa('버전 2', '이/가')).toBe('버전 2가');
    expect(josa('documents/card.json', '이/가')).toBe('documents/card.json이(가)');
  });

  it('takes 로 after a vowel or ㄹ and 으로 after other consonants, past closing quotes and a parenthesis', () => {
    expect(josa("'총괄부서 검토중'", '으로/로')).toBe("'총괄부서 검토중'으로");
    expect(josa("'승인(시민공약평가단 심의)'", '으로/로')).toBe("'승인(시민공약평가단 심의)'으로");
    expect(josa("'반려'", '으로/로')).toBe("'반려'로");
    expect(josa('기획담당관실', '으로/로')).toBe('기획담당관실로');
    expect(josa('r1', '으로/로')).toBe('r1로');
    expect(josa('r3', '으로/로')).toBe('r3으로');
    expect(josa('PDF', '으로/로')).toBe('PDF(으)로');
    expect(josa('사업(가)', '이/가')).toBe('사업(가)이');
  });
});
