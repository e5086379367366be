const MIN_WORD_LENGTH = 3;

/** The words of a text as the vocabulary counts them: lower case, letters only, 3 letters or more. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= MIN_WORD_LENGTH);
}
