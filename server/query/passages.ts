import { withoutAccents } from '../common/accents.js';
import { typosForgive } from '../index/index-settings.js';
import { matchedSynonyms } from '../index/synonyms.js';
import { isSeparatedNumber } from './query-language.js';
import { termsInOrder } from './term-coverage.js';

/**
 * Passages marked and cropped here, not by the engine, for a blended search's page: asked to
 * highlight, the engine would run the whole query again once per way the page's items were found,
 * which cost as much as the search itself. A word is marked as the engine would match it: a query
 * word, a word of its synonyms or word forms, one within the typos the engine forgives, or one
 * the last query word begins (the engine takes it as a prefix, unless the query ends in a space).
 */

/** A word as the engine compares it: lower case, accents dropped. */
export const fold = (word: string) => withoutAccents(word).toLowerCase();

/** A word of the text as passages are read and marked: letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A term's words as the text is read, less the one-letter tail of a possessive or contraction
 * ("children's", "don't"): a word on its own, "s" would match every other possessive.
 */
const termWords = (term: string) => term.replace(/['’]\p{L}(?!\p{L})/gu, '').match(WORD) ?? [];

/** Whether a word of the text matches one of the query. */
export type WordMatcher = (word: string) => boolean;

/** Which words of a run of text match the query, each read with those beside it: a phrase matches only where its words stand together. */
export type TextMatcher = (words: readonly string[]) => boolean[];

/**
 * Whether a folded word matches the query: its telling words and their synonyms exactly, its own
 * words within the typos the engine forgives.
 */
export function foldedMatcher(q: string, synonyms: Record<string, string[]> = matchedSynonyms()): WordMatcher {
  const terms = termsInOrder(q).map((term) => fold(term.replace(/"/g, '')));
  const typed = [...new Set(terms.flatMap(termWords))];
  const exact = new Set([
    ...typed,
    ...[...terms, ...typed].flatMap((term) => synonyms[term] ?? []).flatMap((other) => termWords(fold(other))),
  ]);
  const prefix = /[\p{L}\p{N}]$/u.test(q) ? typed.at(-1) : undefined;
  return (folded) =>
    exact.has(folded) || (prefix !== undefined && folded.startsWith(prefix)) || typed.some((own) => typosForgive(own, folded));
}

/** Which of the query's terms a word of the text is (a bit each), and each term's weight. */
export interface QueryTerms {
  /** The terms a word could be: a phrase's bit for any of its words, wherever it stands. */
  termsOf: (word: string) => number;
  /** The terms each word of a run of text is: a phrase's bit only where its words stand together, in order. */
  masksOf: (words: readonly string[]) => number[];
  weights: readonly number[];
}

/** A phrase of the query ("£5,000", "Ann James" in quotes): its bit and its words, folded. */
interface Phrase {
  bit: number;
  words: string[];
}

/** The masks of a run of words with each phrase's bit kept only where the whole phrase stands. */
function phrasesInPlace(words: readonly string[], masks: number[], phrases: readonly Phrase[]): number[] {
  for (const { bit, words: phrase } of phrases) {
    const standing = new Uint8Array(masks.length);
    const at = (start: number) => (word: string, offset: number) =>
      ((masks[start + offset] as number) & bit) !== 0 && fold(words[start + offset] as string) === word;
    for (let start = 0; start + phrase.length <= masks.length; start += 1)
      if (phrase.every(at(start))) standing.fill(1, start, start + phrase.length);
    masks.forEach((mask, position) => {
      if (!standing[position]) masks[position] = mask & ~bit;
    });
  }
  return masks;
}

/** Bits a term mask has: the query's terms past the 30th share the last, which weighs nothing. */
const TERM_BITS = 31;

/**
 * The query's terms, a bit each, matched as the engine matches them (see foldedMatcher): the
 * query's last word as a prefix unless it ends in a space. Each term weighs what `weights` says
 * (its rarity), 0 when it says nothing.
 */
export function queryTerms(q: string, weights: ReadonlyMap<string, number> = new Map(), synonyms?: Record<string, string[]>): QueryTerms {
  const terms = [...new Set(termsInOrder(q))];
  const prefix = /[\p{L}\p{N}]$/u.test(q);
  const bits = terms.map((_, position) => 1 << Math.min(position, TERM_BITS - 1));
  // The engine matches a quoted phrase's words as typed: no typo, prefix or synonym. A number
  // written with separators ("£5,000") is read so too: marked "5" and "000" anywhere, it would
  // mark every count and sum of the text.
  const phraseWords = (term: string): string[] | undefined =>
    term.startsWith('"') || isSeparatedNumber(term) ? termWords(fold(term.replace(/"/g, ''))) : undefined;
  const matchers = terms.map((term, position): WordMatcher => {
    const words = phraseWords(term);
    if (words) return (folded) => words.includes(folded);
    return foldedMatcher(prefix && position === terms.length - 1 ? term : `${term} `, synonyms);
  });
  // Terms past the 30th share a bit: a phrase among them is matched word by word.
  const phrases = terms.flatMap((term, position): Phrase[] => {
    const words = phraseWords(term);
    return words && words.length > 1 && position < TERM_BITS - 1 ? [{ bit: bits[position] as number, words }] : [];
  });
  // Items and pages repeat their words: each, as written, is folded and compared once a search.
  const known = new Map<string, number>();
  const termsOf = (word: string) => {
    let mask = known.get(word);
    if (mask === undefined) {
      const folded = fold(word);
      mask = matchers.reduce((found, matches, position) => (matches(folded) ? found | (bits[position] as number) : found), 0);
      known.set(word, mask);
    }
    return mask;
  };
  return {
    weights: terms.slice(0, TERM_BITS).map((term, position) => (position < TERM_BITS - 1 ? (weights.get(term) ?? 0) : 0)),
    termsOf,
    masksOf: (words) => (phrases.length === 0 ? words.map(termsOf) : phrasesInPlace(words, words.map(termsOf), phrases)),
  };
}

/** Which words of a run match one of the terms. */
export const matcherOf =
  (terms: QueryTerms): TextMatcher =>
  (words) =>
    terms.masksOf(words).map((mask) => mask !== 0);

/** The matcher of a query, for a word as written alone (see foldedMatcher). */
export const queryMatcher = (q: string, synonyms?: Record<string, string[]>): WordMatcher => {
  const terms = queryTerms(q, undefined, synonyms);
  return (word) => terms.termsOf(word) !== 0;
};

/** A word of a text as passages read it, and where it stands. */
interface TextWord {
  word: string;
  start: number;
  end: number;
}

const wordsAt = (text: string): TextWord[] =>
  [...text.matchAll(WORD)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));

/** An item as its words are read: its title, then its paragraphs. */
export interface ItemWords {
  title?: string;
  paragraphs?: string[];
}

/**
 * An item's words as the query's terms, a mask a word: its title's, then each paragraph's, read
 * up to a budget of words; the paragraphs before `whole` were read to their end.
 */
export interface ItemReading {
  title: number[];
  paragraphs: number[][];
  whole: number;
}

/** The item's words read as the terms, at most `budget` of them, title first (see ItemReading). */
export function readItem(item: ItemWords, terms: QueryTerms, budget = Infinity): ItemReading {
  const reading: ItemReading = { title: [], paragraphs: [], whole: 0 };
  let read = 0;
  // A text's words up to the budget, read together (so that a phrase is found where it stands); false when it was cut.
  const readInto = (text: string, masks: number[]) => {
    const words: string[] = [];
    const pattern = new RegExp(WORD);
    let whole = true;
    for (let word = pattern.exec(text); word !== null; word = pattern.exec(text)) {
      if (read >= budget) {
        whole = false;
        break;
      }
      words.push(word[0]);
      read += 1;
    }
    for (const mask of terms.masksOf(words)) masks.push(mask);
    return whole;
  };
  if (!readInto(item.title ?? '', reading.title)) return reading;
  for (const paragraph of item.paragraphs ?? []) {
    const masks: number[] = [];
    reading.paragraphs.push(masks);
    if (!readInto(paragraph, masks)) return reading;
    reading.whole += 1;
  }
  return reading;
}

/** How many words of a text match. */
export function countMatches(text: string, matches: TextMatcher): number {
  return matches(text.match(WORD) ?? []).filter(Boolean).length;
}

/**
 * Which paragraph a snippet comes from: the one with the most matches, the first on a tie and
 * when none match. Where a reading holds a match, the snippet comes from the words it read, the
 * ones the item was put in order by: the paragraphs past it are not read (a budget book's
 * 40,000 words cost a page tens of milliseconds). Where it holds none, they are.
 */
export function bestParagraph(paragraphs: readonly string[], matches: TextMatcher, reading?: ItemReading): number {
  const read = (reading?.paragraphs ?? []).map((masks) => masks.reduce((sum, mask) => (mask === 0 ? sum : sum + 1), 0));
  const counts = read.some((count) => count > 0)
    ? read
    : paragraphs.map((paragraph, position) => (position < (reading?.whole ?? 0) ? 0 : countMatches(paragraph, matches)));
  // The first of the most, and the first when none match.
  return counts.reduce((best, count, position) => (count > (counts[best] as number) ? position : best), 0);
}

/**
 * The text from `from` to `to` (a word's bounds, or the text's) with the marked words wrapped in
 * the marks, marked words joined by no space ("5,000", "anti-social") as one.
 */
function withMarks(
  text: string,
  words: readonly TextWord[],
  marked: readonly boolean[],
  pre: string,
  post: string,
  from = 0,
  to = text.length,
) {
  const joins = (left: TextWord, right: TextWord | undefined): right is TextWord =>
    right !== undefined && right.end <= to && !/\s/u.test(text.slice(left.end, right.start));
  let out = '';
  let copied = from;
  for (let position = 0; position < words.length; position += 1) {
    const word = words[position] as TextWord;
    if (!marked[position] || word.start < from || word.end > to) continue;
    let last = word;
    for (let next = words[position + 1]; marked[position + 1] && joins(last, next); next = words[position + 1]) {
      last = next;
      position += 1;
    }
    out += `${text.slice(copied, word.start)}${pre}${text.slice(word.start, last.end)}${post}`;
    copied = last.end;
  }
  return out + text.slice(copied, to);
}

/** The text with each matching word wrapped in the marks (see withMarks). */
export function markWords(text: string, matches: TextMatcher, pre: string, post: string): string {
  const words = wordsAt(text);
  return withMarks(text, words, matches(words.map(({ word }) => word)), pre, post);
}

/**
 * A paragraph cropped to `length` words around its matches (the window holding the most
 * different matching words, then the most matches, the earliest on a tie, the matches centred;
 * the opening words when none match), "…" where text was cut, the matches marked.
 */
export function cropMarked(text: string, matches: TextMatcher, length: number, pre: string, post: string): string {
  const words = wordsAt(text);
  const marked = matches(words.map(({ word }) => word));
  const hits = words.map(({ word }, position) => (marked[position] ? fold(word) : undefined));
  // Each window's count of every matching word, slid along the paragraph one word at a time,
  // with how many different words it holds and how many matches.
  const inWindow = new Map<string, number>();
  let different = 0;
  let all = 0;
  const slide = (position: number, change: 1 | -1) => {
    const hit = hits[position];
    if (hit === undefined) return;
    const count = (inWindow.get(hit) ?? 0) + change;
    inWindow.set(hit, count);
    all += change;
    if (count === (change === 1 ? 1 : 0)) different += change;
  };
  for (let position = 0; position < Math.min(length, words.length); position += 1) slide(position, 1);
  let best = 0;
  let [bestDifferent, bestAll] = [different, all];
  for (let start = 1; start + length <= words.length; start += 1) {
    slide(start - 1, -1);
    slide(start + length - 1, 1);
    if (different > bestDifferent || (different === bestDifferent && all > bestAll))
      [best, bestDifferent, bestAll] = [start, different, all];
  }
  // The matches centred in the window, which keeps them all.
  const inBest = hits.slice(best, best + length);
  const firstHit = inBest.findIndex((hit) => hit !== undefined);
  if (firstHit >= 0) {
    const lastHit = inBest.findLastIndex((hit) => hit !== undefined);
    const middle = best + (firstHit + lastHit + 1) / 2;
    best = Math.max(0, Math.min(words.length - length, Math.round(middle - length / 2)));
  }
  const first = words[best];
  const last = words[Math.min(words.length, best + length) - 1];
  if (!first || !last) return text;
  const toEnd = best + length >= words.length;
  // The marks as the whole paragraph read them: a phrase cut at the window's edge keeps its mark.
  const cut = withMarks(text, words, marked, pre, post, best === 0 ? 0 : first.start, toEnd ? text.trimEnd().length : last.end);
  return `${best > 0 ? '…' : ''}${cut}${toEnd ? '' : '…'}`;
}

type Formatted = { _formatted?: Partial<Record<string, unknown>> };

/**
 * The engine marks the words of a query as typed in the paragraphs it crops, and an item found by
 * another form of a query word (its `search_text`) comes back with none marked: its crops are
 * then marked here, as a blended page's passages are, so "vacancies" marks "vacancy".
 */
export function formsMarked<T extends Formatted>(q: string, pre: string, post: string): (hit: T) => T {
  let matches: TextMatcher | undefined;
  return (hit) => {
    const paragraphs = hit._formatted?.paragraphs;
    if (!Array.isArray(paragraphs) || paragraphs.some((paragraph) => String(paragraph).includes(pre))) return hit;
    matches ??= matcherOf(queryTerms(q));
    const marked = paragraphs.map((paragraph) => markWords(String(paragraph), matches as TextMatcher, pre, post));
    return { ...hit, _formatted: { ...hit._formatted, paragraphs: marked } };
  };
}
