/**
 * Korean particles (조사) after a name the program fills in: "소방재난본부가", "r4는", "2019년 하반기는", instead
 * of the "이(가)" a form letter falls back to. A word ending in a Hangul syllable or a digit (read as Sino-Korean:
 * 영 일 이 삼 사 오 육 칠 팔 구) takes the form its last sound asks for; anything else keeps both forms.
 */

type Pair = '이/가' | '은/는' | '을/를' | '과/와';

/** Digits whose Sino-Korean reading ends in a consonant (영, 일, 삼, 육, 칠, 팔). */
const CONSONANT_DIGITS = new Set(['0', '1', '3', '6', '7', '8']);

/** True, false, or null when the word's last sound is not known (Latin letters, symbols). */
function endsInConsonant(word: string): boolean | null {
  const last = word.trimEnd().at(-1);
  if (last === undefined) return null;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (last >= '0' && last <= '9') return CONSONANT_DIGITS.has(last);
  return null;
}

/** The particle of `pair` that fits after `word` ("이/가": after a consonant 이, after a vowel 가). */
export function particle(word: string | number, pair: Pair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const consonant = endsInConsonant(String(word));
  if (consonant === null) return `${afterConsonant}(${afterVowel})`;
  return consonant ? afterConsonant : afterVowel;
}

/** The word followed by its particle: josa('소방재난본부', '이/가') → "소방재난본부가". */
export const josa = (word: string | number, pair: Pair): string => `${word}${particle(word, pair)}`;
