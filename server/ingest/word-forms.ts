import fs from 'node:fs/promises';
import { STOP_WORDS } from '../index/index-settings.js';
import { wordsOf } from '../index/words.js';
import { publicTexts } from './public-texts.js';

/** The regular English plural of a word: "-es" after a hissing sound, "-ies" for a consonant and "y". */
export function pluralsOf(word: string): string[] {
  return [/(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`, ...(/[^aeiou]y$/.test(word) ? [`${word.slice(0, -1)}ies`] : [])];
}

/** A word ending in "e" (but "ee", "oe", "ye") drops it before a suffix that starts with a vowel ("translate", "translating"). */
const dropsE = (word: string) => /[^eoy]e$/.test(word);

/**
 * The regular -ed and -ing forms of a verb: "leave" leaving, "agree" agreed, "apply" applied. A
 * doubled last letter is not made: "set" and "setting" (a place) are different words.
 */
export function verbFormsOf(word: string): string[] {
  const stem = dropsE(word) ? word.slice(0, -1) : word;
  return [
    word.endsWith('e') ? `${word}d` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${word}ed`,
    word.endsWith('ie') ? `${word.slice(0, -2)}ying` : `${stem}ing`,
  ];
}

/** The shortest word the -ion family is made for: below it, "state" would meet "station" and "port" "portion". */
const MIN_ION_BASE = 6;

/** The nouns of action in -ion and -ation, with their plurals: "translate" translation, "declare" declaration, "consult" consultation. */
export function actionNounsOf(word: string): string[] {
  if (word.length < MIN_ION_BASE) return [];
  const stem = dropsE(word) ? word.slice(0, -1) : word;
  return [`${stem}ion`, `${stem}ation`].flatMap((noun) => [noun, `${noun}s`]);
}

/** A word with a vowel: "str", "cllr" and other abbreviations are no base for a family. */
const hasVowel = (word: string) => /[aeiouy]/.test(word);

/**
 * Families of a word and its regular forms, each form used in the minutes too: the plural
 * ("hub hubs"), the -ed and -ing forms ("leave leaving", "translate translated translating") and
 * the nouns of action in -ion and -ation ("declare declared declaration"). Suffix rules of English
 * make them from the word, so words that only share a start never meet: "universal" and
 * "university", "state" and "statement" stay apart, as a stemmer would not keep them. A form two
 * words could make belongs to the longer ("caring" to "care", not "car"; "called" to "call", not
 * "cal"). Words used at least twice, of 3 letters or more, no stop words. Each family lists its
 * words in alphabetical order, the families in the order of their first word.
 */
export function wordForms(counts: Map<string, number>): string[][] {
  const used = (word: string) => (counts.get(word) ?? 0) >= 2 && word.length >= 3 && !STOP_WORDS.has(word);
  const baseOf = new Map<string, string>();
  for (const word of [...counts.keys()].filter((word) => used(word) && hasVowel(word)).sort()) {
    for (const form of [...pluralsOf(word), ...verbFormsOf(word), ...actionNounsOf(word)]) {
      if (form === word || !used(form)) continue;
      const other = baseOf.get(form);
      if (other === undefined || word.length > other.length) baseOf.set(form, word);
    }
  }
  // A form may itself be the base of others ("unite" of "united"): its family is its base's.
  const rootOf = (word: string): string => {
    const seen = new Set<string>();
    let at = word;
    while (baseOf.has(at) && !seen.has(at)) {
      seen.add(at);
      at = baseOf.get(at) as string;
    }
    return at;
  };
  const families = new Map<string, Set<string>>();
  for (const form of baseOf.keys()) {
    const root = rootOf(form);
    families.set(root, (families.get(root) ?? new Set([root])).add(form));
  }
  return [...families.values()].map((words) => [...words].sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** How often each word occurs in the public items under a folder (words as `wordsOf` finds them). */
export async function countWords(folder: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const text of publicTexts(folder)) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Writes the families into a word-forms file, one a line, under a header saying what they are. */
export async function writeWordForms(file: string, families: string[][]): Promise<void> {
  const header = [
    '# A word and its regular forms (plural, -ed, -ing, -ion), all seen in the minutes: a search for one finds them all.',
    '# Made by `npm run word-forms -- CONTENT_DIR`; a change resends every item at the next ingest.',
  ];
  await fs.writeFile(file, [...header, ...families.map((words) => words.join(' '))].join('\n') + '\n');
}
