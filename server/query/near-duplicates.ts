import { WORD } from './passages.js';

/**
 * The same text published twice: draft and approved minutes of one meeting, a meeting posted
 * again under another file, a notice reprinted in every year's record. A second copy holds nothing
 * the first did not, so among the items put in order it goes after the others: the first page
 * shows different records, and the copy is still listed.
 */

/**
 * The share of their runs of words two texts must have in common (Jaccard) to count as one text.
 * At 0.8 the copies found are the same record; below it, different records sharing a long
 * quotation (two amendments to one motion, two questions with one answer) begin to count.
 */
export const SAME_TEXT = 0.8;
/** Words a run holds: four words in the same order are seldom shared by chance. */
const RUN_WORDS = 4;
/** Words of an item compared: enough to tell copies apart, bounded for a long report. */
const WORDS_COMPARED = 500;

export interface Comparable {
  council?: string;
  meeting_date?: string | null;
  title?: string;
  paragraphs?: string[];
}

const textsOf = (item: Comparable) => [item.title ?? '', ...(item.paragraphs ?? [])];
const lengthOf = (item: Comparable) => textsOf(item).reduce((sum, text) => sum + text.length, 0);

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a: a word's hash. */
function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let at = 0; at < word.length; at += 1) hash = Math.imul(hash ^ word.charCodeAt(at), FNV_PRIME);
  return hash;
}

/**
 * The texts' runs of RUN_WORDS words (words as passages read them, case aside), each hashed, from
 * their first `budget` words: read word by word up to the budget, as a budget book's 250,000
 * characters would cost a search milliseconds read whole.
 */
export function wordRuns(texts: readonly string[], budget = WORDS_COMPARED): Set<number> {
  const words: number[] = [];
  for (const text of texts) {
    const pattern = new RegExp(WORD);
    for (let word = pattern.exec(text); word !== null && words.length < budget; word = pattern.exec(text))
      words.push(hashWord(word[0].toLowerCase()));
  }
  const runs = new Set<number>();
  for (let at = 0; at + RUN_WORDS <= Math.max(words.length, RUN_WORDS); at += 1) {
    let run = FNV_OFFSET;
    for (let next = at; next < at + RUN_WORDS; next += 1) run = Math.imul(run ^ (words[next] ?? 0), FNV_PRIME);
    runs.add(run >>> 0);
  }
  return runs;
}

/** Jaccard: the runs both hold over the runs either holds. */
export function resemblance(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const run of a) if (b.has(run)) shared += 1;
  const either = a.size + b.size - shared;
  return either === 0 ? 1 : shared / either;
}

/**
 * The items in their order, each later copy of an earlier item's text (same council,
 * SAME_TEXT of its runs) moved after the rest; but a dated copy of an undated item takes its
 * place, being the one a reader can cite. Only texts of like length are compared: a resemblance
 * of t needs the smaller set at least t of the larger, and characters stand in for runs with room
 * to spare.
 */
export function copiesLast<T extends Comparable>(items: readonly T[]): T[] {
  const lengths = items.map(lengthOf);
  const runs = new Map<number, Set<number>>();
  const runsOf = (at: number) => {
    if (!runs.has(at)) runs.set(at, wordRuns(textsOf(items[at] as T)));
    return runs.get(at) as Set<number>;
  };
  const likeLength = (a: number, b: number) => {
    const [one, other] = [lengths[a] as number, lengths[b] as number];
    return Math.min(one, other) >= (SAME_TEXT - 0.1) * Math.max(one, other);
  };
  const alike = (a: number, b: number) =>
    items[a]?.council === items[b]?.council && likeLength(a, b) && resemblance(runsOf(a), runsOf(b)) >= SAME_TEXT;
  const dated = (at: number) => Boolean(items[at]?.meeting_date);
  const shown: number[] = [];
  const copies: number[] = [];
  items.forEach((_, at) => {
    const slot = shown.findIndex((first) => alike(first, at));
    const first = shown[slot] as number;
    if (slot < 0) shown.push(at);
    else if (dated(first) || !dated(at)) copies.push(at);
    else {
      copies.push(first);
      shown[slot] = at;
    }
  });
  return [...shown, ...copies].map((at) => items[at] as T);
}
