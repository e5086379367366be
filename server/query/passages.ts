import { withoutAccents } from '../common/accents.js';
import { indexSettings, typosForgive } from '../index/index-settings.js';
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

/** Whether a word of the text matches one of the query. */
export type WordMatcher = (word: string) => boolean;

/**
 * Whether a folded word matches the query: its telling words and their synonyms exactly, its own
 * words within the typos the engine forgives.
 */
export function foldedMatcher(q: string, synonyms: Record<string, string[]> = indexSettings().synonyms ?? {}): WordMatcher {
  const terms = termsInOrder(q).map((term) => fold(term.replace(/"/g, '')));
  const typed = [...new Set(terms.flatMap((term) => term.match(WORD) ?? []))];
  const exact = new Set([
    ...typed,
    ...[...terms, ...typed].flatMap((term) => synonyms[term] ?? []).flatMap((other) => fold(other).match(WORD) ?? []),
  ]);
  const prefix = /[\p{L}\p{N}]$/u.test(q) ? typed.at(-1) : undefined;
  return (folded) =>
    exact.has(folded) || (prefix !== undefined && folded.startsWith(prefix)) || typed.some((own) => typosForgive(own, folded));
}

/** The matcher of a query, for words as written (see foldedMatcher). */
export function queryMatcher(q: string, synonyms?: Record<string, string[]>): WordMatcher {
  const compare = foldedMatcher(q, synonyms);
  // A page's passages repeat their words: each, as written, is folded and compared once.
  const known = new Map<string, boolean>();
  return (word) => {
    let matched = known.get(word);
    if (matched === undefined) known.set(word, (matched = compare(fold(word))));
    return matched;
  };
}

/** How many words of a text match. */
export function countMatches(text: string, matches: WordMatcher): number {
  let count = 0;
  for (const [word] of text.matchAll(WORD)) if (matches(word)) count += 1;
  return count;
}

/** Which paragraph a snippet comes from: the one with the most matches, the first on a tie and when none match. */
export function bestParagraph(paragraphs: string[], matches: WordMatcher): number {
  let best = 0;
  let bestCount = 0;
  paragraphs.forEach((paragraph, position) => {
    const count = countMatches(paragraph, matches);
    if (count > bestCount) [best, bestCount] = [position, count];
  });
  return best;
}

/** The text with each matching word wrapped in the marks. */
export function markWords(text: string, matches: WordMatcher, pre: string, post: string): string {
  return text.replace(WORD, (word) => (matches(word) ? `${pre}${word}${post}` : word));
}

/**
 * A paragraph cropped to `length` words around its matches (the window holding the most
 * different matching words, then the most matches, the earliest on a tie, the matches centred;
 * the opening words when none match), "…" where text was cut, the matches marked.
 */
export function cropMarked(text: string, matches: WordMatcher, length: number, pre: string, post: string): string {
  const words = [...text.matchAll(WORD)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }));
  const hits = words.map((word) => (matches(word.word) ? fold(word.word) : undefined));
  // Each window's count of every matching word, slid along the paragraph one word at a time.
  const inWindow = new Map<string, number>();
  const slide = (position: number, change: number) => {
    const hit = hits[position];
    if (hit !== undefined) inWindow.set(hit, (inWindow.get(hit) ?? 0) + change);
  };
  for (let position = 0; position < Math.min(length, words.length); position += 1) slide(position, 1);
  const scoreOf = (): [number, number] => {
    const counts = [...inWindow.values()].filter((count) => count > 0);
    return [counts.length, counts.reduce((sum, count) => sum + count, 0)];
  };
  let best = 0;
  let bestScore = scoreOf();
  for (let start = 1; start + length <= words.length; start += 1) {
    slide(start - 1, -1);
    slide(start + length - 1, 1);
    const score = scoreOf();
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) [best, bestScore] = [start, score];
  }
  // The matches centred in the window, which keeps them all.
  const matched = hits.flatMap((hit, position) => (hit !== undefined && position >= best && position < best + length ? [position] : []));
  if (matched.length > 0) {
    const middle = ((matched[0] as number) + (matched.at(-1) as number) + 1) / 2;
    best = Math.max(0, Math.min(words.length - length, Math.round(middle - length / 2)));
  }
  const first = words[best];
  const last = words[Math.min(words.length, best + length) - 1];
  if (!first || !last) return text;
  const toEnd = best + length >= words.length;
  const cut = text.slice(best === 0 ? 0 : first.start, toEnd ? text.trimEnd().length : last.end);
  return `${best > 0 ? '…' : ''}${markWords(cut, matches, pre, post)}${toEnd ? '' : '…'}`;
}
