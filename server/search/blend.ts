import type { MultiSearchParams, MultiSearchResult, SearchParams as EngineSearchParams } from 'meilisearch';
import type { SearchParams } from '../search-params.js';
import { STOP_WORDS } from './index-settings.js';
import { queryTokens } from './query-language.js';

/** How many of the best hits are blended. */
export const BLEND_WINDOW = 100;

type Query = EngineSearchParams & { indexUid: string };
type Hit = { item_id: string; _rankingScore?: number };

/** A follow-up request when a page is not filled, and how its answer joins the first. */
export interface Widening<T> {
  request: MultiSearchParams;
  /** The first answer's results with the follow-up's hits after its own. */
  merge(more: MultiSearchResult<T>[]): MultiSearchResult<T>[];
}

/** A term the engine matches on: a word or "phrase", not a stop word (not searched) nor a -word (only excluded). */
const isTelling = (token: string) => !token.startsWith('-') && !STOP_WORDS.has(token.toLowerCase());

/**
 * Terms a matching strategy can leave out: a phrase is one term, and stop words
 * and -excluded words are none. With fewer than two, both ways ask the same.
 */
export function optionalTerms(q: string): number {
  return queryTokens(q).filter(isTelling).length;
}

/** The query without its first telling word, or undefined when no telling word would be left. */
export function withoutFirstWord(q: string): string | undefined {
  const tokens = queryTokens(q);
  const first = tokens.findIndex(isTelling);
  const rest = tokens.slice(first + 1);
  // Phrases and exclusions are the user's own rules: widening would break them.
  if (first < 0 || tokens.some((token) => /^[-"]/.test(token))) return undefined;
  return rest.some(isTelling) ? rest.join(' ') : undefined;
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

/**
 * The engine keeps one query word required whatever the matching strategy: the first with 'last'
 * (so "medicinal cannabis nursery odour" misses items about the cannabis nursery that never say
 * "medicinal"), the rarest with 'frequency' (so "Cappamore fire station redevelopment" misses
 * "development of Cappamore Fire Station"). A relevance search of two words or more therefore asks
 * both ways and merges the two lists by the engine's ranking score: an item found either way is
 * found, ranked by how well it matched. Counts and facets stay those of the first ('last') query,
 * the total the larger of the two.
 *
 * When both ways together do not fill the page, the words they kept were too strict (items on
 * "Devolution Priority Programme" never say "English"): `widen` asks again, both ways, without the
 * first word and lists what that finds after them.
 */
export function blendStrategies(request: MultiSearchParams, params: SearchParams): { request: MultiSearchParams; merge: <T extends Hit>(results: MultiSearchResult<T>[]) => MultiSearchResult<T>[]; widen: <T extends Hit>(results: MultiSearchResult<T>[]) => Widening<T> | undefined } | undefined {
  const [main, ...others] = request.queries as Query[];
  if (!main || params.sort !== 'relevance' || optionalTerms(main.q ?? '') < 2) return undefined;
  // Both lists are fetched from the top, so only the first pages are blended (a later page pays
  // for every hit before it); past them the order is the 'last' query's own.
  if (params.page * params.perPage > BLEND_WINDOW) return undefined;
  const window = { page: 1, hitsPerPage: params.page * params.perPage, showRankingScore: true };
  const first: Query = { ...main, ...window, matchingStrategy: 'last' };
  const second: Query = { ...main, ...window, matchingStrategy: 'frequency', facets: [] };
  const start = (params.page - 1) * params.perPage;
  const page = <T extends Hit>(result: MultiSearchResult<T>, hits: T[], total: number): MultiSearchResult<T> => ({
    ...result,
    hits: hits.slice(start, start + params.perPage),
    totalHits: total,
    totalPages: Math.ceil(total / params.perPage),
  });
  const strict = <T extends Hit>(results: MultiSearchResult<T>[]) => {
    const byLast = results[0];
    const byFrequency = results[results.length - 1];
    if (!byLast || !byFrequency) return undefined;
    return { byLast, hits: byScore(byLast.hits, byFrequency.hits), total: Math.max(byLast.totalHits ?? 0, byFrequency.totalHits ?? 0) };
  };
  return {
    request: { queries: [first, ...others, second] },
    merge<T extends Hit>(results: MultiSearchResult<T>[]): MultiSearchResult<T>[] {
      const found = strict(results);
      return found ? [page(found.byLast, found.hits, found.total), ...results.slice(1, -1)] : results;
    },
    widen<T extends Hit>(results: MultiSearchResult<T>[]): Widening<T> | undefined {
      const found = strict(results);
      const q = withoutFirstWord(main.q ?? '');
      if (!found || found.total >= window.hitsPerPage || q === undefined) return undefined;
      const wider = (matchingStrategy: 'last' | 'frequency'): Query => ({ ...main, ...window, q, matchingStrategy, facets: [] });
      return {
        request: { queries: [wider('last'), wider('frequency')] },
        merge(more: MultiSearchResult<T>[]): MultiSearchResult<T>[] {
          const ids = new Set(found.hits.map((hit) => hit.item_id));
          const added = byScore(...more.map((result) => result.hits)).filter((hit) => !ids.has(hit.item_id));
          const total = Math.max(found.total + added.length, ...more.map((result) => result.totalHits ?? 0));
          // Counts and facets stay those of the words kept; the hits found without them come after.
          return [page(found.byLast, [...found.hits, ...added], total), ...results.slice(1, -1)];
        },
      };
    },
  };
}
