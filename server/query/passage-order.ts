import { fold, foldedMatcher, WORD } from './passages.js';

/**
 * The best-ranked items put in order again by their densest passage: the share of the query's
 * rarity that one short run of an item's words holds. Which terms an item holds somewhere is what
 * finds it; where they stand tells what it is about. A long budget report holds "community",
 * "scheme", "buy", "home" and "fuel" pages apart, a parish item "bulk buying of oil" in four words:
 * counting terms over the whole item ranks the report first, a passage ranks the parish item.
 */

/** Words a passage holds: about a sentence, so the terms in it are said of one thing. */
export const PASSAGE_WORDS = 20;
/**
 * How many of the best-ranked items are put in order again: three pages of ten. Items whose terms
 * stand together climb from the second and third pages; past them, the words' order stands.
 */
export const PASSAGE_DEPTH = 30;
/**
 * How much a passage's share of the query's rarity weighs against the place before: the second
 * item passes the first with a passage holding 0.09 more of it, the tenth the first with 0.29,
 * the thirtieth the tenth with 0.14. Weighed 10 or more, close passages displaced the one item
 * a named search wants (success@3 fell on both folds).
 */
const PASSAGE_WEIGHT = 8;
/** The words of an item read: a 250,000-character budget book would cost a search tens of milliseconds. */
export const PASSAGE_WORDS_READ = 5000;

/** An item as its passages are read: its title, then its paragraphs. */
export interface ItemWords {
  title?: string;
  paragraphs?: string[];
}

/** Which of the query's terms a word of the text is (a bit each), and each term's weight. */
export interface QueryTerms {
  termsOf: (word: string) => number;
  weights: readonly number[];
}

/**
 * The query's terms (at most 31), each with its weight (rarity) and matched as the engine matches
 * it: the word, its synonyms and forms, its typos forgiven, the query's last word as a prefix.
 */
export function queryTerms(q: string, weights: ReadonlyMap<string, number>): QueryTerms {
  const terms = [...weights.keys()].slice(0, 31);
  const prefix = /[\p{L}\p{N}]$/u.test(q);
  const matchers = terms.map((term, position) => foldedMatcher(prefix && position === terms.length - 1 ? term : `${term} `));
  // Items repeat their words: each, as written, is matched once a search.
  const known = new Map<string, number>();
  return {
    weights: terms.map((term) => weights.get(term) ?? 0),
    termsOf(word) {
      let mask = known.get(word);
      if (mask === undefined) {
        const folded = fold(word);
        mask = matchers.reduce((bits, matches, position) => (matches(folded) ? bits | (1 << position) : bits), 0);
        known.set(word, mask);
      }
      return mask;
    },
  };
}

/**
 * The terms of the first PASSAGE_WORDS_READ words, a mask a word, paragraph by paragraph: a
 * passage is not read across two, which may be about different things; the title is read with
 * the first.
 */
function termsRead(item: ItemWords, terms: QueryTerms): number[][] {
  const paragraphs: number[][] = [];
  let read = 0;
  for (const [position, text] of [item.title ?? '', ...(item.paragraphs ?? [])].entries()) {
    if (position !== 1) paragraphs.push([]);
    const masks = paragraphs.at(-1) as number[];
    const words = new RegExp(WORD);
    for (let word = words.exec(text); word !== null; word = words.exec(text)) {
      if (read >= PASSAGE_WORDS_READ) return paragraphs;
      masks.push(terms.termsOf(word[0]));
      read += 1;
    }
  }
  return paragraphs;
}

/** The weight of the terms held by the densest run of PASSAGE_WORDS words of a paragraph, each term counted once. */
function densestRun(masks: readonly number[], weights: readonly number[]): number {
  const counts = new Array<number>(weights.length).fill(0);
  let inWindow = 0;
  let best = 0;
  const slide = (mask: number, change: 1 | -1) => {
    for (let position = 0; mask !== 0; position += 1, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      const count = (counts[position] as number) + change;
      counts[position] = count;
      // A term enters the window with its first word there and leaves with its last.
      if (count === (change === 1 ? 1 : 0)) inWindow += change * (weights[position] as number);
    }
  };
  masks.forEach((mask, at) => {
    if (mask !== 0) slide(mask, 1);
    if (at >= PASSAGE_WORDS && masks[at - PASSAGE_WORDS] !== 0) slide(masks[at - PASSAGE_WORDS] as number, -1);
    best = Math.max(best, inWindow);
  });
  return best;
}

/**
 * The share of the terms' weight that the item's densest passage holds (a run of PASSAGE_WORDS
 * words within a paragraph): 1 when one passage holds every term.
 */
export function densestPassage(item: ItemWords, terms: QueryTerms): number {
  const all = terms.weights.reduce((sum, weight) => sum + weight, 0);
  if (all <= 0) return 0;
  return termsRead(item, terms).reduce((best, masks) => Math.max(best, densestRun(masks, terms.weights)), 0) / all;
}

/**
 * The items (best first, as the words ranked them) in order again: each scored by its densest
 * passage's share of the query's rarity, less the log of its place, so an item whose terms stand
 * together climbs past those that scatter them, and a first item is not displaced by a small margin.
 */
export function orderByPassages<T extends ItemWords>(q: string, weights: ReadonlyMap<string, number>, items: readonly T[]): T[] {
  const terms = queryTerms(q, weights);
  return items
    .map((item, place) => ({ item, place, score: PASSAGE_WEIGHT * densestPassage(item, terms) - Math.log(place + 1) }))
    .sort((a, b) => b.score - a.score || a.place - b.place)
    .map(({ item }) => item);
}
