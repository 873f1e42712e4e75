/**
 * Korean particles (조사) after a name the program fills in: "소방재난본부가", "r4는", "2019년 하반기는", instead
 * of the "이(가)" a form letter falls back to. A word ending in a Hangul syllable or a digit (read as Sino-Korean:
 * 영 일 이 삼 사 오 육 칠 팔 구) takes the form its last sound asks for; anything else keeps both forms.
 */

type Pair = '이/가' | '은/는' | '을/를' | '과/와' | '으로/로';

/** Digits whose Sino-Korean reading ends in a consonant (영, 일, 삼, 육, 칠, 팔), and those ending in ㄹ. */
const CONSONANT_DIGITS = new Set(['0', '1', '3', '6', '7', '8']);
const RIEUL_DIGITS = new Set(['1', '7', '8']);

/**
 * The last sound of a word: 'vowel', 'rieul' (ㄹ), 'consonant', or null when not known (Latin letters, symbols).
 * Closing quotes and a final parenthesis are skipped: the particle follows the word before them
 * ("'승인(시민공약평가단 심의)'으로").
 */
function lastSound(word: string): 'vowel' | 'rieul' | 'consonant' | null {
  let text = word.trimEnd();
  for (;;) {
    const unquoted = text.replace(/['"’”」』]$/, '');
    const bare = unquoted.replace(/\s*\([^()]*\)$/, '');
    if (bare === text) break;
    text = bare.trimEnd();
  }
  const last = text.at(-1);
  if (last === undefined) return null;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  if (last >= '0' && last <= '9') {
    return RIEUL_DIGITS.has(last) ? 'rieul' : CONSONANT_DIGITS.has(last) ? 'consonant' : 'vowel';
  }
  return null;
}

/**
 * The particle of `pair` that fits after `word` ("이/가": after a consonant 이, after a vowel 가; "으로/로": 로
 * after a vowel or ㄹ as well).
 */
export function particle(word: string | number, pair: Pair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const sound = lastSound(String(word));
  if (sound === null) return pair === '으로/로' ? '(으)로' : `${afterConsonant}(${afterVowel})`;
  if (sound === 'vowel' || (sound === 'rieul' && pair === '으로/로')) return afterVowel;
  return afterConsonant;
}

/** The word followed by its particle: josa('소방재난본부', '이/가') → "소방재난본부가". */
export const josa = (word: string | number, pair: Pair): string => `${word}${particle(word, pair)}`;
