/**
 * An amount in 백만원 (the forms' unit) read out in 조·억·만 원, as people say budget figures: 120000 →
 * "1,200억 원", 1234.5 → "12억 3,450만 원". Shown beside a 총사업비 typed in 백만원, so a figure typed ten times too
 * large or too small is seen before it is submitted.
 */
export function wonReading(millionWon: number): string {
  // Whole 원: 백만원 carry at most three decimals (1,000 원).
  let won = Math.round(millionWon * 1_000_000);
  if (won === 0) return '0원';
  const units: [number, string][] = [
    [1_000_000_000_000, '조'],
    [100_000_000, '억'],
    [10_000, '만'],
  ];
  const parts: string[] = [];
  for (const [size, name] of units) {
    const count = Math.floor(won / size);
    if (count > 0) parts.push(`${count.toLocaleString('ko-KR')}${name}`);
    won -= count * size;
  }
  if (won > 0) parts.push(won.toLocaleString('ko-KR'));
  return `${parts.join(' ')} 원`;
}
