import { editDistance } from '../edit-distance.js';
import { EVERY_ITEM } from '../search-params.js';
import type { ArchiveSearch } from './archive-search.js';
import { STOP_WORDS } from './index-settings.js';
import { queryTokens } from './query-language.js';
import { scanResults } from './result-stream.js';

/**
 * "Did you mean …?" for a search that finds nothing. The engine forgives one typo in a word of 5
 * letters or more and two from 9; a word misspelt worse, or a short one, finds nothing. Its
 * correction is the nearest word (by edit distance) the archive's titles, decisions, actions and
 * topics use, the most used on a tie: those fields name what items are about, and reading them is
 * a small share of reading every text.
 */

const WORD = /^\p{L}+$/u;
const MIN_WORD_LENGTH = 3;

/** The words of a text as the vocabulary counts them: lower case, letters only, 3 letters or more. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= MIN_WORD_LENGTH);
}

export interface Vocabulary {
  /** Words and how many items use them. */
  counts: ReadonlyMap<string, number>;
}

/** The nearest word of the vocabulary to a word it lacks (two edits at most, one for a word of 4 letters or fewer). */
export function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const max = word.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary.counts) {
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
  }
  return best?.word;
}

/**
 * The query with each word the vocabulary lacks replaced by its nearest word, or undefined when
 * nothing would change. Phrases, -exclusions, field prefixes and OR are the user's own and stay.
 */
export function correctedQuery(q: string, vocabulary: Vocabulary): string | undefined {
  let changed = false;
  const tokens = queryTokens(q).map((token) => {
    const word = token.toLowerCase();
    if (!WORD.test(token) || STOP_WORDS.has(word) || token === 'OR' || vocabulary.counts.has(word)) return token;
    const nearest = nearestWord(word, vocabulary);
    if (!nearest) return token;
    changed = true;
    return nearest;
  });
  return changed ? tokens.join(' ') : undefined;
}

/** Counts the words of items, each word once an item. */
export async function vocabularyOf(items: AsyncIterable<{ title?: string; topics?: string[]; decisions?: string[]; actions?: string[] }>): Promise<Vocabulary> {
  const counts = new Map<string, number>();
  for await (const item of items) {
    const words = new Set(wordsOf([item.title ?? '', ...(item.topics ?? []), ...(item.decisions ?? []), ...(item.actions ?? [])].join(' ')));
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return { counts };
}

/** Corrections for searches that find nothing, from what the public may see. */
export interface Spelling {
  /** The corrected query, once the vocabulary is read; undefined before, or when no word needs one. */
  suggest(q: string): string | undefined;
  /** Reads the vocabulary again (all items, through the search); resolves when it is in use. */
  refresh(): Promise<void>;
}

/** Every word anyone may read, so a correction never reveals a withheld one: `search` is the public audience's. */
export function createSpelling(search: ArchiveSearch): Spelling {
  let vocabulary: Vocabulary | undefined;
  return {
    suggest: (q) => (vocabulary ? correctedQuery(q, vocabulary) : undefined),
    async refresh() {
      vocabulary = await vocabularyOf(scanResults(search, EVERY_ITEM, ['title', 'topics', 'decisions', 'actions']));
    },
  };
}

/**
 * Reads the words in the background now, and again whenever `changedAt` (when the index last
 * changed) moves: reading scans every item, so it is not repeated for nothing. Looks every
 * `everyMs`; a failure is reported and tried again at the next look. Returns what stops it.
 */
export function keepSpellingCurrent(
  spelling: Spelling,
  changedAt: () => Promise<string>,
  everyMs: number,
  report: (message: string) => void = console.error,
): () => void {
  let readAt: string | undefined;
  const look = async () => {
    try {
      const changed = await changedAt();
      if (changed === readAt) return;
      await spelling.refresh();
      readAt = changed;
    } catch (error) {
      report(`Spelling suggestions not updated: ${(error as Error).message}`);
    }
  };
  void look();
  const timer = setInterval(() => void look(), everyMs).unref();
  return () => clearInterval(timer);
}
