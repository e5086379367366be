import fs from 'node:fs/promises';
import path from 'node:path';
import { STOP_WORDS } from '../index/index-settings.js';
import { wordsOf } from '../index/words.js';
import { decodeText } from '../common/decode-text.js';
import { findMarkdownFiles, readFileBytes } from './read-content.js';

/** The regular English plural of a word: "-es" after a hissing sound, "-ies" for a consonant and "y". */
export function pluralsOf(word: string): string[] {
  return [/(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`, ...(/[^aeiou]y$/.test(word) ? [`${word.slice(0, -1)}ies`] : [])];
}

/** Pairs of a word and its plural, both used at least twice; short words and stop words are left out. */
export function wordForms(counts: Map<string, number>): [string, string][] {
  const used = (word: string) => (counts.get(word) ?? 0) >= 2 && word.length >= 3 && !STOP_WORDS.has(word);
  return [...counts.keys()]
    .filter(used)
    .sort()
    .flatMap((word) =>
      pluralsOf(word)
        .filter(used)
        .map((plural): [string, string] => [word, plural]),
    );
}

/** How often each word occurs in the markdown files under a folder (read as ingest reads them, words as `wordsOf` finds them). */
export async function countWords(folder: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of (await findMarkdownFiles(folder)).files) {
    const read = readFileBytes(path.join(folder, file));
    if (!read.ok) continue; // ingest skips it too, with its reason
    for (const word of wordsOf(decodeText(read.bytes))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Writes the pairs into a word-forms file, one a line, under a header saying what they are. */
export async function writeWordForms(file: string, pairs: [string, string][]): Promise<void> {
  const header = [
    '# A word and its plural, both seen in the minutes: a search for either finds both.',
    '# Made by `npm run word-forms -- CONTENT_DIR`; a change rebuilds the index at the next ingest.',
  ];
  await fs.writeFile(file, [...header, ...pairs.map((pair) => pair.join(' '))].join('\n') + '\n');
}
