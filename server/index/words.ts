const MIN_WORD_LENGTH = 3;

/** Whether the vocabulary counts a word of letters: shorter ones ("up", "it", "Mr") it never knows. */
export const countedWord = (word: string) => word.length >= MIN_WORD_LENGTH;

/** The words of a text as the vocabulary counts them: lower case, letters only, 3 letters or more. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter(countedWord);
}
