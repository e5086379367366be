import { STOP_WORDS } from '../index/index-settings.js';
import type { WordVectors } from './word-vectors.js';

/**
 * The best-ranked items put in order again by meaning as well: how close the query comes to the
 * nearest short passage of each item, in word vectors. Matching words find an item; they cannot
 * tell that "beacon" answers "bonfire", or that "bulk buying of oil" answers "schemes to buy
 * heating fuel in bulk", and a long item that uses every query word somewhere outranks a short one
 * that says the thing in other words. A passage's vector is the smooth inverse frequency average
 * of its words' (Arora, Liang and Ma, 2017: common words count little, the direction every
 * average shares taken out), so rare, telling words carry it; the weights come from the vectors'
 * own word frequencies, so nothing is learnt from the minutes indexed or goes stale as more arrive.
 */

/** Words a passage holds: short enough that its vector stays about one thing. */
export const PASSAGE_WORDS = 20;
/**
 * How many of the best-ranked items are put in order again: the first page. Reordered deeper
 * (20 or 30), items close in meaning come up from the second page and push judged ones off the
 * first (recall@10 fell on a fold); within it, which items a first page shows stays the words' choice.
 */
export const REORDER_DEPTH = 10;
/**
 * How much closeness in meaning weighs against the place the words gave: the second item passes
 * the first with a passage about 0.12 closer to the query (cosine), the tenth the first with 0.38.
 */
const MEANING_WEIGHT = 6;
/** Smooth inverse frequency's constant: a word as common as one in ten thousand weighs a half. */
const SIF_CONSTANT = 1e-4;
/** The most common words whose average gives the direction taken out. */
const COMMON_WORDS = 50_000;

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

const withoutPossessive = (word: string) => (word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word);

/** The words of a text as the vectors know them: lower case, a possessive "'s" dropped, stop words left out. */
export function vectorWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(withoutPossessive).filter((word) => !STOP_WORDS.has(word));
}

export interface Meaning {
  /** The unit vector of these words, or undefined when the vectors know none of them. */
  vectorOf(words: readonly string[]): Float32Array | undefined;
  /** The best cosine with `query` of the title's words joined to each run of PASSAGE_WORDS of `words`. */
  nearestPassage(query: Float32Array, titleWords: readonly string[], words: readonly string[]): number;
}

/** Word vectors made ready to average: each word's weight from its frequency rank (Zipf), and the common direction. */
export function meaningOf(vectors: WordVectors): Meaning {
  const { dimensions, values, scales, rows } = vectors;
  const harmonic = Math.log(vectors.sourceWords) + 0.5772;
  // A row's bytes times its factor: its vector, weighed by smooth inverse frequency.
  const factors = new Float32Array(scales.length);
  for (let row = 0; row < factors.length; row += 1) {
    factors[row] = ((scales[row] as number) / 127) * (SIF_CONSTANT / (SIF_CONSTANT + 1 / ((row + 1) * harmonic)));
  }
  const add = (sum: Float32Array, row: number, factor: number) => {
    const base = row * dimensions;
    for (let at = 0; at < dimensions; at += 1) sum[at] = (sum[at] as number) + factor * (values[base + at] as number);
  };
  const common = new Float32Array(dimensions);
  for (let row = 0; row < Math.min(COMMON_WORDS, factors.length); row += 1)
    add(common, row, (scales[row] as number) / 127 / ((row + 1) * harmonic));
  normalise(common);
  /** Adds the words' weighed vectors to `sum`; how many the vectors know. */
  const addWords = (sum: Float32Array, words: readonly string[], from: number, to: number) => {
    let known = 0;
    for (let at = from; at < to; at += 1) {
      const row = rows.get(words[at] as string);
      if (row === undefined) continue;
      add(sum, row, factors[row] as number);
      known += 1;
    }
    return known;
  };
  /** The sum's cosine with a unit vector, once the common direction is taken out of it. */
  const cosine = (sum: Float32Array, unit: Float32Array) => {
    const shared = dot(sum, common);
    let length = 0;
    let along = 0;
    for (let at = 0; at < dimensions; at += 1) {
      const value = (sum[at] as number) - shared * (common[at] as number);
      length += value * value;
      along += value * (unit[at] as number);
    }
    return length > 0 ? along / Math.sqrt(length) : 0;
  };

  return {
    vectorOf(words) {
      const sum = new Float32Array(dimensions);
      if (addWords(sum, words, 0, words.length) === 0) return undefined;
      const shared = dot(sum, common);
      for (let at = 0; at < dimensions; at += 1) sum[at] = (sum[at] as number) - shared * (common[at] as number);
      return normalise(sum);
    },
    nearestPassage(query, titleWords, words) {
      const title = new Float32Array(dimensions);
      const titleKnown = addWords(title, titleWords, 0, titleWords.length);
      const passage = new Float32Array(dimensions);
      let best = 0;
      for (let start = 0; start < Math.max(words.length, 1); start += PASSAGE_WORDS) {
        passage.set(title);
        const known = titleKnown + addWords(passage, words, start, Math.min(start + PASSAGE_WORDS, words.length));
        if (known > 0) best = Math.max(best, cosine(passage, query));
      }
      return best;
    },
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let at = 0; at < a.length; at += 1) sum += (a[at] as number) * (b[at] as number);
  return sum;
}

function normalise(vector: Float32Array): Float32Array {
  const length = Math.sqrt(dot(vector, vector)) || 1;
  for (let at = 0; at < vector.length; at += 1) vector[at] = (vector[at] as number) / length;
  return vector;
}

/**
 * The words of an item read for its passages, at most: a 250,000-character budget book would
 * otherwise take tens of milliseconds of a search's time; its first 2,000 words show what it is about.
 */
export const WORDS_READ = 2000;
/** Characters read for them: the minutes' words average under 8 letters with their spaces. */
const CHARACTERS_READ = WORDS_READ * 12;

/** The first WORDS_READ words of the paragraphs, reading no more of them than those take. */
function firstWords(paragraphs: readonly string[]): string[] {
  let text = '';
  for (const paragraph of paragraphs) {
    if (text.length >= CHARACTERS_READ) break;
    text += `${paragraph}\n`;
  }
  return vectorWords(text.slice(0, CHARACTERS_READ)).slice(0, WORDS_READ);
}

/** How close the query comes to the item's nearest passage: its title with each run of PASSAGE_WORDS words of its text. */
export function closeness(meaning: Meaning, query: Float32Array, title: string, paragraphs: readonly string[]): number {
  return meaning.nearestPassage(query, vectorWords(title), firstWords(paragraphs));
}

/** An item as the reordering reads it. */
export interface ItemText {
  title?: string;
  paragraphs?: string[];
}

/**
 * The share of a query's telling words that are not names: names (a word typed with a capital,
 * the first word only when the second has one too) are matched by their letters, and the vectors
 * know them poorly or as other things ("Acorn Tree Services", "Wendy Phillips").
 */
export function commonWordShare(q: string): number {
  const words = q.match(WORD) ?? [];
  const capital = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);
  const telling = words.map((word, at) => ({ word, named: capital(word) && (at > 0 || capital(words[1])) }));
  const typed = telling.filter(({ word }) => !STOP_WORDS.has(word.toLowerCase()));
  return typed.length > 0 ? typed.filter(({ named }) => !named).length / typed.length : 0;
}

/**
 * The items (best first, as the words ranked them) in order again: each scored by its closeness
 * in meaning, weighed by the query's share of common words, less the log of its place, so a close
 * item climbs a few places, not to the top from anywhere. A query whose words the vectors do not
 * know, or all names, keeps the words' order.
 */
export function orderByMeaning<T extends ItemText>(meaning: Meaning, q: string, items: readonly T[]): T[] {
  const query = meaning.vectorOf(vectorWords(q));
  const weight = MEANING_WEIGHT * commonWordShare(q);
  if (!query || weight === 0) return [...items];
  return items
    .map((item, place) => ({
      item,
      place,
      score: weight * closeness(meaning, query, item.title ?? '', item.paragraphs ?? []) - Math.log(place + 1),
    }))
    .sort((a, b) => b.score - a.score || a.place - b.place)
    .map(({ item }) => item);
}
