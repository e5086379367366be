import type { MultiSearchParams, MultiSearchResult, RankingScoreDetails, SearchParams as EngineSearchParams } from 'meilisearch';
import type { SearchParams } from '../search-params.js';
import { quoteFilterValue } from './filters.js';
import { queryTokens } from './query-language.js';
import { coverage, isTelling, rarity, termsCounted, termsInOrder } from './term-coverage.js';

/** How many of the best hits are blended; each term's own list is this long too. */
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

type Query = EngineSearchParams & { indexUid: string };
type Hit = { item_id: string; _rankingScore?: number; _rankingScoreDetails?: RankingScoreDetails };

/** A second request, for the hits of the page that came from a term's list alone and so carry no passages yet. */
export interface FollowUp<T> {
  request: MultiSearchParams;
  /** The blended results with those hits as the engine gives them, passages and all. */
  merge(more: MultiSearchResult<T>[]): MultiSearchResult<T>[];
}

export interface Blend {
  request: MultiSearchParams;
  /** The results in the shape of the search's own request (page of hits, then facet counts), and the follow-up the page may need. */
  merge<T extends Hit>(results: MultiSearchResult<T>[]): { results: MultiSearchResult<T>[]; followUp?: FollowUp<T> };
}

/**
 * Terms a matching strategy can leave out: a phrase is one term, and stop words
 * and -excluded words are none. With fewer than two, both ways ask the same.
 */
export function optionalTerms(q: string): number {
  return queryTokens(q).filter(isTelling).length;
}

/** Both lists by the engine's ranking score, each item once (by item_id: the only key a hit carries). */
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

const filterList = (filter: EngineSearchParams['filter']) => (filter === undefined ? [] : Array.isArray(filter) ? filter : [filter]);
const itemsCounted = (result: MultiSearchResult<Hit> | undefined) =>
  Object.values(result?.facetDistribution?.[COUNTED_FACET] ?? {}).reduce((sum, count) => sum + count, 0);
const matchingWords = (hit: Hit) => hit._rankingScoreDetails?.words?.matchingWords ?? 0;

/**
 * The terms each item is known to hold: from each term's own list, and from the engine's word
 * count, which vouches for the first k words (`last`) or the k rarest (`frequency`).
 */
function termsHeld(inOrder: string[], terms: string[], weights: ReadonlyMap<string, number>, byLast: Hit[], byFrequency: Hit[], lists: MultiSearchResult<Hit>[]): Map<string, Set<string>> {
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

/** Queries for items a term's list alone found, with their passages: those holding the same terms together, asked with those terms, so the passages are the ones they match. */
function passageQueries(main: Query, terms: string[], held: ReadonlyMap<string, ReadonlySet<string>>, bare: Hit[]): Query[] {
  const byTerms = new Map<string, string[]>();
  for (const hit of bare) {
    const q = terms.filter((term) => held.get(hit.item_id)?.has(term)).join(' ');
    byTerms.set(q, [...(byTerms.get(q) ?? []), hit.item_id]);
  }
  return [...byTerms].map(([q, ids]) => ({
    ...main,
    q,
    matchingStrategy: 'all',
    filter: [...filterList(main.filter), `item_id IN [${ids.map(quoteFilterValue).join(', ')}]`],
    facets: [],
    page: 1,
    hitsPerPage: ids.length,
  }));
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
 * exactness. Counts and facets stay those of the `last` query.
 */
export function blendStrategies(request: MultiSearchParams, params: SearchParams): Blend | undefined {
  const [main, ...others] = request.queries as Query[];
  if (!main || params.sort !== 'relevance' || optionalTerms(main.q ?? '') < 2) return undefined;
  // The lists are fetched from the top, so only the first pages are blended (a later page pays
  // for every hit before it); past them the order is the `last` query's own.
  if (params.page * params.perPage > BLEND_WINDOW) return undefined;
  const window = { page: 1, hitsPerPage: params.page * params.perPage, showRankingScore: true, showRankingScoreDetails: true };
  const first: Query = { ...main, ...window, matchingStrategy: 'last' };
  const second: Query = { ...main, ...window, matchingStrategy: 'frequency', facets: [] };

  const inOrder = termsInOrder(main.q ?? '');
  const terms = [...new Set(inOrder)].slice(0, MAX_TERM_LISTS);
  const exclusions = queryTokens(main.q ?? '').filter((token) => token.startsWith('-'));
  const counting = { facets: [COUNTED_FACET], attributesToRetrieve: ['item_id'], attributesToHighlight: [], attributesToCrop: [], matchingStrategy: 'all' as const };
  const termLists: Query[] = terms.map((term) => ({ ...main, ...counting, q: [term, ...exclusions].join(' '), page: 1, hitsPerPage: BLEND_WINDOW, showRankingScore: true }));
  const everything: Query = { ...main, ...counting, q: '', page: 1, hitsPerPage: 0 };
  const start = (params.page - 1) * params.perPage;

  return {
    request: { queries: [first, ...others, second, ...termLists, everything] },
    merge<T extends Hit>(results: MultiSearchResult<T>[]) {
      const byLast = results[0];
      const counts = results.slice(1, 1 + others.length);
      const byFrequency = results[1 + others.length];
      const lists = results.slice(2 + others.length, 2 + others.length + terms.length);
      if (!byLast || !byFrequency) return { results };

      const items = itemsCounted(results[results.length - 1]);
      const weights = new Map(terms.map((term, position) => [term, rarity(itemsCounted(lists[position]), items)]));
      const held = termsHeld(inOrder, terms, weights, byLast.hits, byFrequency.hits, lists);
      // Hits the engine ranked with the whole query carry passages; a term's list only ids.
      const engineHits = byScore(byLast.hits, byFrequency.hits);
      const engineScore = new Map(engineHits.map((hit) => [hit.item_id, hit._rankingScore ?? 0]));
      const listedOnly = byScore(...lists.map((list) => list.hits)).filter((hit) => !engineScore.has(hit.item_id));
      const score = (hit: T) => coverage(held.get(hit.item_id) ?? new Set(), weights) + ENGINE_SCORE_WEIGHT * (engineScore.get(hit.item_id) ?? 0);
      const ranked = [...engineHits, ...listedOnly]
        .map((hit, position) => ({ hit, position, score: score(hit) }))
        .sort((a, b) => b.score - a.score || a.position - b.position)
        .map(({ hit }) => hit)
        .slice(0, BLEND_WINDOW);

      const hits = ranked.slice(start, start + params.perPage);
      const total = Math.max(byLast.totalHits ?? 0, byFrequency.totalHits ?? 0, ranked.length);
      const page = (pageHits: T[]): MultiSearchResult<T>[] => [{ ...byLast, hits: pageHits, totalHits: total, totalPages: Math.ceil(total / params.perPage) }, ...counts];
      const bare = hits.filter((hit) => !engineScore.has(hit.item_id));
      if (bare.length === 0) return { results: page(hits) };
      return {
        results: page(hits),
        followUp: {
          request: { queries: passageQueries(main, terms, held, bare) },
          merge(more: MultiSearchResult<T>[]) {
            const fetched = new Map(more.flatMap((result) => result.hits).map((hit) => [hit.item_id, hit]));
            // An item gone since the first request is left out.
            return page(hits.flatMap((hit) => (engineScore.has(hit.item_id) ? [hit] : (fetched.get(hit.item_id) ?? []))));
          },
        },
      };
    },
  };
}
