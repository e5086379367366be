import type { MultiSearchParams, MultiSearchResult, RankingScoreDetails, SearchParams as EngineSearchParams } from 'meilisearch';
import type { SearchParams } from './search-params.js';
import { itemsFilter } from './filters.js';
import { queryTokens } from './query-language.js';
import { coverage, isTelling, rarity, termsCounted, termsInOrder } from './term-coverage.js';
import { bestParagraph, cropMarked, markWords, matcherOf, queryTerms, readItem, type ItemReading, type QueryTerms } from './passages.js';
import { REORDER_DEPTH } from './semantic-order.js';
import { copiesLast, type Comparable } from './near-duplicates.js';
import { orderByPassages, PASSAGE_DEPTH, PASSAGE_WORDS_READ } from './passage-order.js';

/** How many of the best items each list brings, whatever the page: so pages of one search never overlap. */
export const BLEND_WINDOW = 100;
/** At most this many terms get a list of their own; words past them still count for the engine. */
export const MAX_TERM_LISTS = 8;
/**
 * How much the engine's ranking score (proximity, attribute, exactness) adds to the share of the
 * query's rarity an item holds. Measured on the judged queries, 0.1 to 0.3 rank alike; 0 lets a
 * rare word outweigh the query's subject ("lockdown" over "domestic violence").
 */
const ENGINE_SCORE_WEIGHT = 0.2;
/** Every item has a part (1 or 2), so the sum of its facet counts is how many items match: exact past the hit window. */
const COUNTED_FACET = 'part';
/** The engine's own crop length, for a query that gives none. */
const CROP_WORDS = 10;

type Query = EngineSearchParams & { indexUid: string };
type Hit = { item_id: string; _rankingScore?: number; _rankingScoreDetails?: RankingScoreDetails };

/** Items put in order again once their text is in hand (semantic-order.ts), best first. */
export type Reorder = <T extends { title?: string; paragraphs?: string[] }>(q: string, items: readonly T[]) => T[];

/**
 * The second request: the page's items, ranked by the first, fetched with their passages; and,
 * when the page reaches into the first PASSAGE_DEPTH items, those too, so that they can be put in
 * order again by what their text says (semantic-order.ts, passage-order.ts); and the facets
 * of the items listed when the first request's counts hold none of them.
 */
export interface FollowUp<T> {
  request: MultiSearchParams;
  /** The ranked page with its items as the engine gives them, passages and all. */
  merge(more: MultiSearchResult<T>[], reorder?: Reorder): MultiSearchResult<T>[];
}

export interface Blend {
  /** The first request: ids and ranking signals only, and the `last` query's counts and facets. */
  request: MultiSearchParams;
  /**
   * The first request's queries in up to five requests to send at once (the `last` query, the
   * counts of facets the search narrows, the `frequency` query, the terms' lists in two halves):
   * the engine answers requests side by side on its cores, where it answers one request's queries
   * one after another, and eight lists cost as much as either strategy. Their results, in this
   * order, are the first request's.
   */
  parallel: MultiSearchParams[];
  /**
   * The results in the shape of the search's own request (page of ids, then facet counts), their
   * total the items listed; how many of those the `last` query matches (what its facets count);
   * and the request that fills the page in.
   */
  merge<T extends Hit>(results: MultiSearchResult<T>[]): { results: MultiSearchResult<T>[]; matched: number; followUp?: FollowUp<T> };
}

/**
 * Terms a matching strategy can leave out: a phrase is one term, and stop words
 * and -excluded words are none. With fewer than two, both ways ask the same.
 */
export function optionalTerms(q: string): number {
  return queryTokens(q).filter(isTelling).length;
}

/** The lists' hits by the engine's ranking score, each item once (by item_id: the only key a hit carries). */
function byScore<T extends Hit>(...lists: T[][]): T[] {
  const score = (hit: Hit) => hit._rankingScore ?? 0;
  const seen = new Set<string>();
  return lists
    .flat()
    .map((hit, position) => ({ hit, position }))
    .sort((a, b) => score(b.hit) - score(a.hit) || a.position - b.position)
    .map(({ hit }) => hit)
    .filter((hit) => !seen.has(hit.item_id) && Boolean(seen.add(hit.item_id)));
}

const isPresent = <T>(value: T | undefined): value is T => value !== undefined;
const filterList = (filter: EngineSearchParams['filter']) => (filter === undefined ? [] : Array.isArray(filter) ? filter : [filter]);
const itemsCounted = (result: MultiSearchResult<Hit> | undefined) =>
  Object.values(result?.facetDistribution?.[COUNTED_FACET] ?? {}).reduce((sum, count) => sum + count, 0);
const matchingWords = (hit: Hit) => hit._rankingScoreDetails?.words?.matchingWords ?? 0;

/**
 * The terms each item is known to hold: from each term's own list, and from the engine's word
 * count, which vouches for the first k words (`last`) or the k rarest (`frequency`).
 */
function termsHeld(
  inOrder: string[],
  terms: string[],
  weights: ReadonlyMap<string, number>,
  byLast: Hit[],
  byFrequency: Hit[],
  lists: MultiSearchResult<Hit>[],
): Map<string, Set<string>> {
  const rarestFirst = [...inOrder].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0));
  const held = new Map<string, Set<string>>();
  const hold = (id: string, found: string[]) => {
    const set = held.get(id) ?? new Set<string>();
    found.forEach((term) => set.add(term));
    held.set(id, set);
  };
  byLast.forEach((hit) => hold(hit.item_id, termsCounted(inOrder, matchingWords(hit))));
  byFrequency.forEach((hit) => hold(hit.item_id, termsCounted(rarestFirst, matchingWords(hit))));
  lists.forEach((list, position) => list.hits.forEach((hit) => hold(hit.item_id, [terms[position] as string])));
  return held;
}

/**
 * The query for the page's items with their paragraphs, as stored: no words, so the engine
 * does not search again; the passages are marked and cropped here (passages.ts).
 */
function pageQuery(main: Query, ids: string[]): Query {
  return {
    ...main,
    q: '',
    attributesToRetrieve: [...(main.attributesToRetrieve ?? []), 'paragraphs'],
    attributesToHighlight: [],
    attributesToCrop: [],
    filter: [...filterList(main.filter), itemsFilter(ids)],
    facets: [],
    page: 1,
    hitsPerPage: ids.length,
  };
}

/** The facet counts of the listed items alone: what a search counts when no item holds all of it as the engine counts. */
const listedFacets = (main: Query, ids: string[]): Query => ({ ...pageQuery(main, ids), facets: main.facets, hitsPerPage: 0 });

/**
 * A fetched item with its title marked where the query matches and, of its paragraphs, the one
 * with the most matches cropped and marked (the others empty: a snippet comes from one), its
 * stored paragraphs left out. An item the passage order read is not read again to choose it.
 */
function withPassages<T extends Hit>(main: Query, terms: QueryTerms, readings: ReadonlyMap<string, ItemReading>) {
  const pre = main.highlightPreTag ?? '<em>';
  const post = main.highlightPostTag ?? '</em>';
  const matches = matcherOf(terms);
  return (hit: T & { title?: string; paragraphs?: string[] }): T => {
    const { paragraphs = [], ...rest } = hit;
    const title = hit.title ?? '';
    const best = bestParagraph(paragraphs, matches, readings.get(hit.item_id));
    const cropped = paragraphs.map((paragraph, position) =>
      position === best ? cropMarked(paragraph, matches, main.cropLength ?? CROP_WORDS, pre, post) : '',
    );
    return { ...rest, _formatted: { title: markWords(title, matches, pre, post), paragraphs: cropped } } as unknown as T;
  };
}

type Fetched = Hit & Comparable;

/**
 * The head of the ranking, its text in hand, in order again: the first page by meaning
 * (semantic-order.ts), then the whole head by each item's densest passage (passage-order.ts),
 * each keeping what the order before it said as a prior; a second copy of an item's text last
 * (near-duplicates.ts). Each item's reading is kept in `readings`, for its snippet.
 */
function inOrderAgain<T extends Fetched>(
  q: string,
  terms: QueryTerms,
  head: T[],
  readings: Map<string, ItemReading>,
  reorder?: Reorder,
): T[] {
  const byMeaning = reorder ? [...reorder(q, head.slice(0, REORDER_DEPTH)), ...head.slice(REORDER_DEPTH)] : head;
  const byPassages = orderByPassages(terms, byMeaning, (item) => {
    const reading = readItem(item, terms, PASSAGE_WORDS_READ);
    readings.set(item.item_id, reading);
    return reading;
  });
  return copiesLast(byPassages);
}

/**
 * A relevance search of two terms or more, ranked by how much of the query each item holds.
 *
 * The engine keeps one query word required whatever the matching strategy: the first with `last`
 * (so "medicinal cannabis nursery odour" misses the nursery items that never say "medicinal"), the
 * rarest with `frequency` (so "Cappamore fire station redevelopment" misses "development of
 * Cappamore Fire Station"), and counts the words an item matches by prefix. So one request asks
 * both ways, and each term alone (its best items, and how many items hold it), and ranks every
 * item found by the share of the query's rarity it holds (term-coverage.ts) plus a fraction of
 * the engine's own score, which orders items holding the same terms by proximity, attribute and
 * exactness. Counts and facets stay those of the `last` query. That first request carries ids
 * only, the same lists whatever the page, so pages never overlap; a second fetches the page's
 * items with their passages.
 */
export function blendStrategies(request: MultiSearchParams, params: SearchParams): Blend | undefined {
  const [main, ...others] = request.queries as Query[];
  if (!main || params.sort !== 'relevance' || optionalTerms(main.q ?? '') < 2) return undefined;
  // Past the lists' window the order is the `last` query's own.
  if (params.page * params.perPage > BLEND_WINDOW) return undefined;
  const idsOnly = {
    attributesToRetrieve: ['item_id'],
    attributesToHighlight: [],
    attributesToCrop: [],
    page: 1,
    hitsPerPage: BLEND_WINDOW,
    showRankingScore: true,
  };
  const first: Query = { ...main, ...idsOnly, showRankingScoreDetails: true, matchingStrategy: 'last' };
  const second: Query = { ...main, ...idsOnly, showRankingScoreDetails: true, matchingStrategy: 'frequency', facets: [] };

  const inOrder = termsInOrder(main.q ?? '');
  const terms = [...new Set(inOrder)].slice(0, MAX_TERM_LISTS);
  const exclusions = queryTokens(main.q ?? '').filter((token) => token.startsWith('-'));
  const termLists: Query[] = terms.map((term) => ({
    ...main,
    ...idsOnly,
    q: [term, ...exclusions].join(' '),
    matchingStrategy: 'all',
    facets: [COUNTED_FACET],
  }));
  const everything: Query = { ...main, ...idsOnly, q: '', hitsPerPage: 0, facets: [COUNTED_FACET] };
  const half = Math.ceil(termLists.length / 2);
  const start = (params.page - 1) * params.perPage;

  return {
    request: { queries: [first, ...others, second, ...termLists, everything] },
    parallel: [[first], others, [second], termLists.slice(0, half), [...termLists.slice(half), everything]]
      .filter((queries) => queries.length > 0)
      .map((queries) => ({ queries })),
    merge<T extends Hit>(results: MultiSearchResult<T>[]) {
      const byLast = results[0];
      const counts = results.slice(1, 1 + others.length);
      const byFrequency = results[1 + others.length];
      const lists = results.slice(2 + others.length, 2 + others.length + terms.length);
      if (!byLast || !byFrequency) return { results, matched: results[0]?.totalHits ?? 0 };

      const items = itemsCounted(results[results.length - 1]);
      const weights = new Map(terms.map((term, position) => [term, rarity(itemsCounted(lists[position]), items)]));
      const held = termsHeld(inOrder, terms, weights, byLast.hits, byFrequency.hits, lists);
      // Items the engine found with the whole query, by its score, then those only a term's list found.
      const engineHits = byScore(byLast.hits, byFrequency.hits);
      const engineScore = new Map(engineHits.map((hit) => [hit.item_id, hit._rankingScore ?? 0]));
      const listedOnly = byScore(...lists.map((list) => list.hits)).filter((hit) => !engineScore.has(hit.item_id));
      const score = (hit: T) =>
        coverage(held.get(hit.item_id) ?? new Set(), weights) + ENGINE_SCORE_WEIGHT * (engineScore.get(hit.item_id) ?? 0);
      const ranked = [...engineHits, ...listedOnly]
        .map((hit, position) => ({ hit, position, score: score(hit) }))
        .sort((a, b) => b.score - a.score || a.position - b.position)
        .map(({ hit }) => hit)
        .slice(0, BLEND_WINDOW);

      const end = start + params.perPage;
      const hits = ranked.slice(start, end);
      const matched = byLast.totalHits ?? 0;
      const total = Math.max(matched, byFrequency.totalHits ?? 0, ranked.length);
      const page = (pageHits: T[], facetsOf: MultiSearchResult<T> = byLast): MultiSearchResult<T>[] => [
        {
          ...byLast,
          facetDistribution: facetsOf.facetDistribution,
          facetStats: facetsOf.facetStats,
          hits: pageHits,
          totalHits: total,
          totalPages: Math.ceil(total / params.perPage),
        },
        ...counts,
      ];
      if (hits.length === 0) return { results: page(hits), matched };
      // When no item holds the `last` query's first word, its facets count nothing while the page
      // lists items: the page's request then counts the facets of the items listed.
      const listedIds = ranked.map((hit) => hit.item_id);
      const recount = matched === 0 ? [listedFacets(main, listedIds)] : [];
      // The head is put in order again whatever the page, so the pages of a search never overlap.
      const head = start < PASSAGE_DEPTH ? ranked.slice(0, PASSAGE_DEPTH) : [];
      const fetchedIds = [...new Set([...head, ...hits].map((hit) => hit.item_id))];
      return {
        results: page(hits),
        matched,
        followUp: {
          request: { queries: [pageQuery(main, fetchedIds), ...recount] },
          merge([pageResult, recounted]: MultiSearchResult<T>[], reorder?: Reorder) {
            const fetched = new Map(((pageResult?.hits ?? []) as (T & Fetched)[]).map((hit) => [hit.item_id, hit]));
            const q = main.q ?? '';
            const terms = queryTerms(q, weights);
            const readings = new Map<string, ItemReading>();
            // An item gone since the first request is left out where it stood, so pages keep their bounds.
            const slots = head.map((hit) => fetched.get(hit.item_id));
            const ordered = inOrderAgain(q, terms, slots.filter(isPresent), readings, reorder);
            let next = 0;
            const inPlace = slots.map((slot) => (slot === undefined ? undefined : ordered[next++]));
            const pageItems = [...inPlace, ...ranked.slice(head.length, end).map((hit) => fetched.get(hit.item_id))]
              .slice(start, end)
              .filter(isPresent);
            return page(pageItems.map(withPassages<T>(main, terms, readings)), recounted);
          },
        },
      };
    },
  };
}
