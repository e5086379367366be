import fs from 'node:fs/promises';
import { publicTexts } from './public-texts.js';

/** Words a phrase may hold that its initials may leave out: "Special Educational Needs and Disabilities (SEND)". */
const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'with', 'at', 'by', 'a', 'an', '&']);

/** The longest phrase read before a bracket: initials of more words are a name, not an acronym. */
const MAX_PHRASE_WORDS = 10;

/**
 * An acronym in brackets: 3 to 8 capitals (an "&" among them), a plural "s" after them ("NICs").
 * Two letters are most often a person's initials ("Jane Edwards (JE)"), which would make every
 * "JE" in the minutes a match for the name.
 */
const BRACKETED = /\(([A-Z][A-Z&]{2,7})s?\)/g;

/** The letters each word may give the initials: its first, or one per part of a hyphenated word ("Anti-Social"). */
function initialsOf(word: string): string[] {
  const parts = word.split('-').filter(Boolean);
  const first = word[0] === undefined ? [] : [word[0]];
  return parts.length > 1 ? [...first, parts.map((part) => part[0]).join('')] : first;
}

/**
 * How many of the words, counted back from the last, spell `letters`: each word gives its initials
 * or, a minor word, may give none; the phrase starts on a word that is not minor. 0 when none do.
 */
function phraseLength(words: string[], letters: string): number {
  const spells = (end: number, left: string): number => {
    if (left === '') return 0;
    const word = words[end - 1];
    if (word === undefined) return -1;
    const lower = word.toLowerCase();
    for (const initials of initialsOf(lower)) {
      if (!left.endsWith(initials)) continue;
      const rest = left.slice(0, -initials.length);
      const before = spells(end - 1, rest);
      if (before >= 0 && !(rest === '' && MINOR_WORDS.has(lower))) return before + 1;
    }
    if (MINOR_WORDS.has(lower)) {
      const before = spells(end - 1, left);
      if (before >= 0) return before + 1;
    }
    return -1;
  };
  return Math.max(0, spells(words.length, letters));
}

/**
 * The acronyms a text defines, each with its phrase, both in lower case: a phrase followed by
 * its initials in brackets ("Anti-Social Behaviour (ASB)", "employer National Insurance
 * Contributions (NICs)"). Only initials decide where the phrase starts, so a bracketed word that
 * the words before it do not spell is no acronym.
 */
export function definedAcronyms(text: string): [string, string][] {
  const found: [string, string][] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const acronym = match[1] as string;
    const before =
      text
        .slice(Math.max(0, match.index - 200), match.index)
        .split(/\n\s*\n|[.;:,()]/)
        .at(-1) ?? '';
    const words = (before.match(/[\p{L}&][\p{L}'’-]*/gu) ?? []).slice(-MAX_PHRASE_WORDS);
    const length = phraseLength(words, acronym.replace(/&/g, '').toLowerCase());
    if (length > 0) found.push([acronym.toLowerCase(), words.slice(-length).join(' ').toLowerCase()]);
  }
  return found;
}

/** The words a text uses in lower case: an acronym that is also one ("CAP", "ACE") is not made a synonym. */
const lowerCaseWords = (text: string) => new Set(text.match(/(?<![\p{L}-])\p{Ll}+(?![\p{L}-])/gu) ?? []);

/**
 * The acronyms the public items under a folder define, with their phrases: each pair once, sorted.
 */
export async function collectAcronyms(folder: string): Promise<[string, string][]> {
  const pairs = new Map<string, [string, string]>();
  const words = new Set<string>();
  for await (const text of publicTexts(folder)) {
    lowerCaseWords(text).forEach((word) => words.add(word));
    for (const pair of definedAcronyms(text)) pairs.set(pair.join('\t'), pair);
  }
  return [...pairs.values()].filter(([acronym]) => !words.has(acronym)).sort((a, b) => a.join('\t').localeCompare(b.join('\t')));
}

/** Writes the acronyms into an acronyms file, one "acronym = phrase" a line, under a header saying what they are. */
export async function writeAcronyms(file: string, pairs: [string, string][]): Promise<void> {
  const header = [
    '# Acronyms the public minutes define ("Anti-Social Behaviour (ASB)"): a search for either finds both.',
    '# Made by `npm run word-forms -- CONTENT_DIR`; a change rebuilds the index at the next ingest.',
  ];
  await fs.writeFile(file, [...header, ...pairs.map(([acronym, phrase]) => `${acronym} = ${phrase}`)].join('\n') + '\n');
}
