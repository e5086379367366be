import fs from 'node:fs/promises';
import path from 'node:path';
import { INDEX_SETTINGS } from '../../server/search/index-settings.js';

/** The regular English plural of a word: "-es" after a hissing sound, "-ies" for a consonant and "y". */
export function pluralsOf(word: string): string[] {
  return [/(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`, ...(/[^aeiou]y$/.test(word) ? [`${word.slice(0, -1)}ies`] : [])];
}

/** Pairs of a word and its plural, both used at least twice; short words and stop words are left out. */
export function wordForms(counts: Map<string, number>): [string, string][] {
  const stop = new Set(INDEX_SETTINGS.stopWords ?? []);
  const used = (word: string) => (counts.get(word) ?? 0) >= 2 && word.length >= 3 && !stop.has(word);
  return [...counts.keys()]
    .filter(used)
    .sort()
    .flatMap((word) => pluralsOf(word).filter(used).map((plural): [string, string] => [word, plural]));
}

/** How often each word (lower-cased) occurs in the markdown files under a folder. */
export async function countWords(folder: string, counts = new Map<string, number>()): Promise<Map<string, number>> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) await countWords(file, counts);
    else if (entry.name.endsWith('.md')) {
      for (const word of (await fs.readFile(file, 'utf8')).toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}
