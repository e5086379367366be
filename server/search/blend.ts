import type { MultiSearchParams, MultiSearchResult, SearchParams as EngineSearchParams } from 'meilisearch';
import type { SearchParams } from '../search-params.js';

/** How many of the best hits are blended. */
export const BLEND_WINDOW = 100;

type Query = EngineSearchParams & { indexUid: string };

/**
 * The engine keeps one query word required whatever the matching strategy: the first with 'last'
 * (so "medicinal cannabis nursery odour" misses items about the cannabis nursery that never say
 * "medicinal"), the rarest with 'frequency' (so "Cappamore fire station redevelopment" misses
 * "development of Cappamore Fire Station"). A relevance search of two words or more therefore asks
 * both ways and merges the two lists by the engine's ranking score: an item found either way is
 * found, ranked by how well it matched. Counts and facets stay those of the first ('last') query,
 * the total the larger of the two.
 */
export function blendStrategies(request: MultiSearchParams, params: SearchParams): { request: MultiSearchParams; merge: <T extends { item_id: string }>(results: MultiSearchResult<T>[]) => MultiSearchResult<T>[] } | undefined {
  const [main, ...others] = request.queries as Query[];
  if (!main || params.sort !== 'relevance' || (main.q ?? '').trim().split(/\s+/).length < 2) return undefined;
  // Both lists are fetched from the top, so only the first pages are blended (a later page pays
  // for every hit before it); past them the order is the 'last' query's own.
  if (params.page * params.perPage > BLEND_WINDOW) return undefined;
  const window = { page: 1, hitsPerPage: params.page * params.perPage, showRankingScore: true };
  const first: Query = { ...main, ...window, matchingStrategy: 'last' };
  const second: Query = { ...main, ...window, matchingStrategy: 'frequency', facets: [] };
  return {
    request: { queries: [first, ...others, second] },
    merge<T extends { item_id: string }>(results: MultiSearchResult<T>[]): MultiSearchResult<T>[] {
      const byLast = results[0];
      const byFrequency = results[results.length - 1];
      if (!byLast || !byFrequency) return results;
      const score = (hit: { _rankingScore?: number }) => hit._rankingScore ?? 0;
      const seen = new Set<string>(); // by item_id: the only key a hit carries
      const merged = [...byLast.hits, ...byFrequency.hits]
        .map((hit, position) => ({ hit, position }))
        .sort((a, b) => score(b.hit) - score(a.hit) || a.position - b.position)
        .map(({ hit }) => hit)
        .filter((hit) => !seen.has(hit.item_id) && Boolean(seen.add(hit.item_id)));
      const total = Math.max(byLast.totalHits ?? 0, byFrequency.totalHits ?? 0);
      const start = (params.page - 1) * params.perPage;
      return [
        { ...byLast, hits: merged.slice(start, start + params.perPage), totalHits: total, totalPages: Math.ceil(total / params.perPage) },
        ...results.slice(1, -1),
      ];
    },
  };
}
