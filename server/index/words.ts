/** Letters a word needs to be counted: shorter ones ("up", "it", "Mr") the vocabulary never knows. */
const MIN_WORD_LENGTH = 3;
const LETTERS = `\\p{L}{${MIN_WORD_LENGTH},}`;
const COUNTED_WORDS = new RegExp(LETTERS, 'gu');
const COUNTED_WORD = new RegExp(`^${LETTERS}$`, 'u');

/** Whether the vocabulary counts a word as it is written: letters only, 3 or more. */
export const countedWord = (word: string) => COUNTED_WORD.test(word);

/** The words of a text as the vocabulary counts them: lower case, letters only, 3 letters or more. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(COUNTED_WORDS) ?? [];
}
