import { readItem, type ItemReading, type ItemWords, type QueryTerms } from './passages.js';

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
 * words within a paragraph, the title read with the first): 1 when one passage holds every term.
 * Read from the item's first PASSAGE_WORDS_READ words, or from a reading of them.
 */
export function densestPassage(item: ItemWords | ItemReading, terms: QueryTerms): number {
  const all = terms.weights.reduce((sum, weight) => sum + weight, 0);
  if (all <= 0) return 0;
  const { title, paragraphs } = 'whole' in item ? item : readItem(item, terms, PASSAGE_WORDS_READ);
  const [first = [], ...rest] = paragraphs;
  return [[...title, ...first], ...rest].reduce((best, masks) => Math.max(best, densestRun(masks, terms.weights)), 0) / all;
}

/**
 * The items (best first, as the words ranked them) in order again: each scored by its densest
 * passage's share of the query's rarity, less the log of its place, so an item whose terms stand
 * together climbs past those that scatter them, and a first item is not displaced by a small margin.
 * `read` gives an item's reading of its first PASSAGE_WORDS_READ words, where one is kept.
 */
export function orderByPassages<T extends ItemWords>(
  terms: QueryTerms,
  items: readonly T[],
  read: (item: T) => ItemReading = (item) => readItem(item, terms, PASSAGE_WORDS_READ),
): T[] {
  return items
    .map((item, place) => ({ item, place, score: PASSAGE_WEIGHT * densestPassage(read(item), terms) - Math.log(place + 1) }))
    .sort((a, b) => b.score - a.score || a.place - b.place)
    .map(({ item }) => item);
}
