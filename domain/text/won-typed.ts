/**
 * An amount typed the way people say budget figures, "7억", "7억 5천만원", "1조 2,000억", "500만원", "300 백만원",
 * read as 백만원 (the forms' unit): 700, 750, 1200000, 5, 300. The cells do not take it as it is (the unit is
 * 백만원 and a cell holds the number only); the message names the number to type instead. Null when the text is not
 * such an amount (no digits, a word number like "칠백", an unknown unit), names no unit of 만 or more ("3천" may mean
 * 3천만원 or 3,000 백만원: no figure is guessed) or is no whole number of 천원.
 */
export function millionWonOfTyped(text: string): number | null {
  const typed = text.normalize('NFKC').replace(/\s+/g, '').replace(/원$/, '');
  if (typed === '' || !/^[\d.,]/.test(typed)) return null;
  // Each part: a number with its unit; a part without a unit is 원 and comes last.
  const part =
    /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(조|천억|백억|십억|억|천만|백만|십만|만|천|백|십)?/gy;
  const sizes: Record<string, number> = {
    조: 1e12,
    천억: 1e11,
    백억: 1e10,
    십억: 1e9,
    억: 1e8,
    천만: 1e7,
    백만: 1e6,
    십만: 1e5,
    만: 1e4,
    천: 1e3,
    백: 1e2,
    십: 10,
  };
  let won = 0;
  let lastSize = Number.POSITIVE_INFINITY;
  let at = 0;
  let sawLargeUnit = false;
  for (let m = part.exec(typed); m !== null && m.index === at; m = part.exec(typed)) {
    const size = m[2] === undefined ? 1 : (sizes[m[2]] ?? 1);
    // Larger units first ("7억 5천만"), each once: "5천만 7억" is no amount people write.
    if (size >= lastSize) return null;
    lastSize = size;
    sawLargeUnit ||= size >= 1e4;
    won += Number((m[1] ?? '').replace(/,/g, '')) * size;
    at = part.lastIndex;
  }
  if (at !== typed.length || !sawLargeUnit || !Number.isFinite(won)) return null;
  const rounded = Math.round(won);
  // Whole 원 only, and at most three decimals of 백만원 (1,000원): a smaller figure is no form amount.
  if (Math.abs(rounded - won) > 1e-6 || rounded % 1000 !== 0) return null;
  return rounded / 1_000_000;
}
