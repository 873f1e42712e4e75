import { describe, expect, it } from 'vitest';
import { wonReading } from './won-reading';

describe('wonReading', () => {
  it('reads 백만원 in 조·억·만 원', () => {
    // 1 백만원 = 100만 원; 100 백만원 = 1억 원; 1,000,000 백만원 = 1조 원.
    expect(wonReading(120_000)).toBe('1,200억 원');
    expect(wonReading(1234.5)).toBe('12억 3,450만 원');
    expect(wonReading(50)).toBe('5,000만 원');
    expect(wonReading(1_500_000)).toBe('1조 5,000억 원');
    expect(wonReading(0.001)).toBe('1,000 원');
    expect(wonReading(2.0105)).toBe('201만 500 원');
    expect(wonReading(0)).toBe('0원');
  });

  it('gives back the amount it reads: the parts sum to the 원 of the figure', () => {
    const size: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
    for (const millionWon of [1, 99.999, 100, 12_345.678, 987_654.321, 1_000_000]) {
      const parts = wonReading(millionWon).replace(/ 원$/, '').split(' ');
      const won = parts.reduce((total, part) => {
        const unit = part.at(-1) ?? '';
        const count = Number(part.replace(/[조억만]$/, '').replace(/,/g, ''));
        return total + count * (size[unit] ?? 1);
      }, 0);
      expect(won).toBe(Math.round(millionWon * 1e6));
    }
  });
});
