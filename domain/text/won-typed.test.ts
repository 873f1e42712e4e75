import { describe, expect, it } from 'vitest';
import { millionWonOfTyped } from './won-typed';
import { wonReading } from './won-reading';

describe('an amount typed in 조·억·만 원, read as 백만원', () => {
  it.each([
    ['7억', 700],
    ['7억원', 700],
    ['7억 5천만원', 750],
    ['7억5,000만원', 750],
    ['1조 2,000억', 1_200_000],
    ['500만원', 5],
    ['300 백만원', 300],
    ['1.5억', 150],
    ['12억 3,450만 원', 1234.5],
    ['３억', 300],
  ])('%s is %d 백만원', (typed, expected) => {
    expect(millionWonOfTyped(typed)).toBe(expected);
  });

  it('reads back what wonReading says for a figure of at least 만 원', () => {
    for (const millionWon of [5, 700, 1234.5, 1_200_000, 98765.432]) {
      expect(millionWonOfTyped(wonReading(millionWon)), String(millionWon)).toBe(millionWon);
    }
  });

  it.each([
    ['칠백'],
    ['백만원'],
    ['700'],
    ['500원'],
    ['3천'],
    ['3천원'],
    ['5천만 7억'],
    ['7억 7억'],
    ['7 달러'],
    ['7억abc'],
    [''],
  ])('%s is no such amount', (typed) => {
    expect(millionWonOfTyped(typed)).toBeNull();
  });
});
