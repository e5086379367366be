import { editDistance } from '../common/edit-distance.js';
import { EVERY_ITEM } from './search-params.js';
import type { ArchiveSearch, SearchResult } from './archive-search.js';
import type { SearchParams } from './search-params.js';
import { STOP_WORDS, typosForgive } from '../index/index-settings.js';
import { countedWord, wordsOf } from '../index/words.js';
import { queryTokens } from './query-language.js';
import { scanResults } from './result-stream.js';

/**
 * Spelling corrected from the archive's own words. The engine forgives one typo in a word of 5
 * letters or more and two from 9; a word misspelt worse, or a short one, finds nothing or the
 * wrong thing. A word no public item uses anywhere (title, decisions, actions, topics or text) is
 * searched as the nearest word (by edit distance) that they do use, the most used on a tie
 * ("Showing results for …"), unless the search asks for its words as typed; a search as typed
 * that finds nothing is offered the correction ("Did you mean …?"). Knowing every word read, not
 * only the titles', is what makes correcting without asking safe: a name said once in a paragraph
 * is a word of the archive, never a misspelling.
 */

export interface Vocabulary {
  /** Words and how many items use them, in the order they were first counted. */
  counts: ReadonlyMap<string, number>;
  /**
   * The words that may lie within `edits` edits (two at most) of `word`, in the order they were
   * first counted: all that a lookup compares it with.
   */
  candidates(word: string, edits: number): string[];
}

/** Letters of a word's start that the index keys on: what is past them only makes the index larger (SymSpell's prefix). */
const PREFIX_LENGTH = 7;
/** The most edits a correction may be; `deletionHashes` deletes up to two letters. */
const MAX_EDITS = 2;
/** At most this many words of one query are looked up; the rest stay as typed. */
export const MAX_WORDS_CORRECTED = 10;
/** Words indexed between two turns of the event loop (a few milliseconds' work), so that requests are not held up. */
const WORDS_PER_TURN = 500;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** FNV-1a hash of the first `length` letters of `word` but those at `skipped` and `alsoSkipped`, cut to 30 bits (so V8 keeps it a small integer). */
function hashWithout(word: string, length: number, skipped: number, alsoSkipped: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < length; at += 1) if (at !== skipped && at !== alsoSkipped) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193);
  return hash & 0x3fffffff;
}

/** Hashes of every string the first PREFIX_LENGTH letters of `word` become with `edits` (two at most) letters or fewer deleted. */
function deletionHashes(word: string, edits: number): number[] {
  const length = Math.min(word.length, PREFIX_LENGTH);
  const hashes = [hashWithout(word, length, -1, -1)];
  for (let first = 0; edits >= 1 && first < length; first += 1) {
    hashes.push(hashWithout(word, length, first, -1));
    for (let second = first + 1; edits >= 2 && second < length; second += 1) hashes.push(hashWithout(word, length, first, second));
  }
  return hashes;
}

/**
 * The vocabulary indexed by symmetric deletion (SymSpell). Two words within n edits (of any
 * kind, a swap included) have starts that reach one same string by n deletions or fewer each, so
 * each word is filed under the hashes of its start's deletions, and a misspelling is compared only
 * with the words filed under its own: dozens, not the whole vocabulary (a hash shared by chance
 * adds a word to compare, never loses one). The index is flat arrays, a hash table whose buckets
 * lie end to end (about 12 MB for 50,000 words), built in two passes of WORDS_PER_TURN words per
 * turn of the event loop, so requests are answered while it is built.
 */
export async function indexedVocabulary(counts: ReadonlyMap<string, number>): Promise<Vocabulary> {
  const words = [...counts.keys()];
  // A word has at most 29 deletions, most fewer: about two entries a bucket.
  const buckets = 2 ** Math.ceil(Math.log2(Math.max(words.length * 8, 2)));
  const mask = buckets - 1;
  const starts = new Uint32Array(buckets + 1);
  const eachDeletion = async (file: (hash: number, position: number) => void) => {
    for (let position = 0; position < words.length; position += 1) {
      for (const hash of deletionHashes(words[position] as string, MAX_EDITS)) file(hash, position);
      if (position % WORDS_PER_TURN === WORDS_PER_TURN - 1) await nextTurn();
    }
  };
  // A counting sort: count each bucket's entries, sum the counts into where each bucket ends, then
  // file each entry just before its bucket's end, which leaves that end at the bucket's start.
  await eachDeletion((hash) => (starts[hash & mask] as number)++);
  for (let bucket = 1; bucket <= buckets; bucket += 1) (starts[bucket] as number) += starts[bucket - 1] as number;
  const entries = starts[buckets] as number;
  const hashes = new Int32Array(entries);
  const positions = new Uint32Array(entries);
  await eachDeletion((hash, position) => {
    const at = --(starts[hash & mask] as number);
    hashes[at] = hash;
    positions[at] = position;
  });
  return {
    counts,
    candidates(word, edits) {
      const found = new Set<number>();
      for (const hash of deletionHashes(word, Math.min(edits, MAX_EDITS))) {
        const bucket = hash & mask;
        for (let at = starts[bucket] as number; at < (starts[bucket + 1] as number); at += 1)
          if (hashes[at] === hash) found.add(positions[at] as number);
      }
      return [...found].sort((a, b) => a - b).map((position) => words[position] as string);
    },
  };
}

/** The nearest word of the vocabulary to a word it lacks (two edits at most, one for a word of 4 letters or fewer). */
export function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const max = word.length <= 4 ? 1 : MAX_EDITS;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const candidate of vocabulary.candidates(word, max)) {
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    const count = vocabulary.counts.get(candidate) ?? 0;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count))
      best = { word: candidate, distance, count };
  }
  return best?.word;
}

/**
 * The query with each word the vocabulary lacks replaced by its nearest word, or undefined when
 * nothing would change. Phrases, -exclusions, field prefixes and OR are the user's own and stay,
 * and so do words shorter than the vocabulary counts.
 * Past the first MAX_WORDS_CORRECTED words looked up, words stay as typed. With `beyondTypos`, a
 * word stays as typed when its nearest word is within the typos the engine forgives a word of its
 * length: the engine then finds that word and any other as near ("bouys" finds "buoys" as well as
 * "boys"), which a correction to one of them would lose.
 */
export function correctedQuery(q: string, vocabulary: Vocabulary, beyondTypos = false): string | undefined {
  let changed = false;
  let lookedUp = 0;
  const tokens = queryTokens(q).map((token) => {
    const word = token.toLowerCase();
    // Only a word the vocabulary would count can be known to be misspelt ("digging up roads" is not "cup").
    if (!countedWord(word) || STOP_WORDS.has(word) || token === 'OR' || vocabulary.counts.has(word)) return token;
    if (lookedUp === MAX_WORDS_CORRECTED) return token;
    lookedUp += 1;
    const nearest = nearestWord(word, vocabulary);
    if (!nearest) return token;
    if (beyondTypos && typosForgive(word, nearest)) return token;
    changed = true;
    return nearest;
  });
  return changed ? tokens.join(' ') : undefined;
}

/** Counts the words of items, each word once an item, and indexes them (see `indexedVocabulary`). */
export async function vocabularyOf(
  items: AsyncIterable<{ title?: string; topics?: string[]; decisions?: string[]; actions?: string[]; paragraphs?: string[] }>,
): Promise<Vocabulary> {
  const counts = new Map<string, number>();
  for await (const item of items) {
    const words = new Set(
      wordsOf(
        [item.title ?? '', ...(item.topics ?? []), ...(item.decisions ?? []), ...(item.actions ?? []), ...(item.paragraphs ?? [])].join(
          ' ',
        ),
      ),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return indexedVocabulary(counts);
}

/** Corrections of words the archive never uses, from what the public may see. */
export interface Spelling {
  /** The corrected query, once the vocabulary is read; undefined before, or when no word needs one. */
  suggest(q: string): string | undefined;
  /** The same, correcting only words misspelt beyond what the engine forgives: what is searched without asking. */
  correct(q: string): string | undefined;
  /** Reads the vocabulary again (all items, through the search); resolves when it is in use. */
  refresh(): Promise<void>;
}

/** Every word anyone may read, so a correction never reveals a withheld one: `search` is the public audience's. */
export function createSpelling(search: ArchiveSearch): Spelling {
  let vocabulary: Vocabulary | undefined;
  return {
    suggest: (q) => (vocabulary ? correctedQuery(q, vocabulary) : undefined),
    correct: (q) => (vocabulary ? correctedQuery(q, vocabulary, true) : undefined),
    async refresh() {
      vocabulary = await vocabularyOf(scanResults(search, EVERY_ITEM, ['title', 'topics', 'decisions', 'actions', 'paragraphs']));
    },
  };
}

/** What a search answered, and how its words were spelt. */
export interface SpeltSearch {
  /** What was searched: the search as asked, or with its words corrected. */
  params: SearchParams;
  result: SearchResult;
  /** When the words were corrected: what was searched, and what was typed (to search it instead). */
  correction?: { q: string; typed: string };
  /** When the words as typed find nothing: the correction to offer ("Did you mean …?"). */
  suggestion?: string;
}

/**
 * Searches with the words the archive never uses, misspelt beyond what the engine forgives,
 * corrected, unless the search asks for its words as typed or the correction finds nothing (then
 * as typed). A search as typed that finds nothing is offered its correction. One search, as the
 * engine is asked it, whenever no word needs correcting.
 */
export async function searchSpelt(search: ArchiveSearch, spelling: Spelling | undefined, params: SearchParams): Promise<SpeltSearch> {
  const corrected = params.q && !params.asTyped ? spelling?.correct(params.q) : undefined;
  if (corrected) {
    const correctedParams = { ...params, q: corrected };
    const result = await search.search(correctedParams);
    if (result.listed > 0) return { params: correctedParams, result, correction: { q: corrected, typed: params.q } };
  }
  const result = await search.search(params);
  const suggestion = result.listed === 0 && params.q ? spelling?.suggest(params.q) : undefined;
  // A correction already found to find nothing is not offered.
  return { params, result, ...(suggestion && suggestion !== corrected ? { suggestion } : {}) };
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
