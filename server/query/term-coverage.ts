import { indexSettings, STOP_WORDS } from '../index/index-settings.js';
import { queryTokens } from './query-language.js';

/**
 * How much of a query an item holds, each term weighted by its rarity: the coordination
 * match of classic retrieval (bm25's idf). The engine's own word count cannot tell it: with
 * `last` an item holding the 1st, 2nd and 4th words counts as holding two, and `frequency`
 * never returns an item without the rarest word.
 */

/** A term the engine matches on: a word or "phrase", not a stop word (not searched) nor a -word (only excluded). */
export const isTelling = (token: string) => !token.startsWith('-') && !STOP_WORDS.has(token.toLowerCase());

/** Phrases of the synonym groups ("domestic violence"): one term, as the engine matches them together. */
let synonymPhrases: ReadonlySet<string> | undefined;
const synonymPhrasesOfIndex = () =>
  (synonymPhrases ??= new Set(Object.keys(indexSettings().synonyms ?? {}).filter((term) => term.includes(' '))));
const LONGEST_PHRASE = 6;

/** The query's telling tokens in order, with runs the synonyms know as one phrase joined; lower case. */
export function termsInOrder(q: string, phrases: ReadonlySet<string> = synonymPhrasesOfIndex()): string[] {
  const words = queryTokens(q)
    .filter(isTelling)
    .map((token) => token.toLowerCase());
  const terms: string[] = [];
  for (let start = 0; start < words.length;) {
    let length = Math.min(LONGEST_PHRASE, words.length - start);
    while (length > 1 && !phrases.has(words.slice(start, start + length).join(' '))) length -= 1;
    terms.push(words.slice(start, start + length).join(' '));
    start += length;
  }
  return terms;
}

/** How many of the engine's words a term is: a "phrase" counts as one, a synonym phrase as its words. */
export const engineWords = (term: string) => (term.startsWith('"') ? 1 : term.split(' ').length);

/** bm25's inverse document frequency: a term most items hold says little about any of them. */
export function rarity(itemsHolding: number, items: number): number {
  return Math.log(1 + (items - itemsHolding + 0.5) / (itemsHolding + 0.5));
}

/**
 * The terms the engine's `matchingWords` vouches for: it counts words in the order its strategy
 * drops them last (the query's order for `last`, rarest first for `frequency`), so an item
 * matching k words holds the terms whose words fit in the first k.
 */
export function termsCounted(order: readonly string[], matchingWords: number): string[] {
  const held: string[] = [];
  let words = 0;
  for (const term of order) {
    words += engineWords(term);
    if (words > matchingWords) break;
    held.push(term);
  }
  return held;
}

/** The share of the query's rarity an item holds: 1 when it holds every term. */
export function coverage(held: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number {
  let all = 0;
  let holds = 0;
  for (const [term, weight] of weights) {
    all += weight;
    if (held.has(term)) holds += weight;
  }
  return all > 0 ? holds / all : 0;
}
