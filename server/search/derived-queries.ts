import type { MultiSearchParams, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import type { SearchDocument } from './search-document.js';

/**
 * A query derived from a search: the same words, filters and search options
 * as the page's own query, narrowed further and shaped differently (another
 * sort, other attributes, counts only). Used by the chart, browse pages,
 * related items and exports, so that each sees exactly what the page sees.
 */
export interface QueryVariant {
  /** Filter expressions AND-ed to the search's own (built in filters.ts). */
  filter?: string[];
  sort?: string[];
  limit?: number;
  facets?: string[];
  attributesToRetrieve?: (keyof SearchDocument)[];
}

export interface VariantAnswer {
  hits: SearchDocument[];
  /** Facet counts by document attribute, for the facets the variant asked for. */
  facets: Record<string, Record<string, number>>;
}

/** What a page's query carries that only matters for showing a page of hits. */
const PAGE_ONLY_OPTIONS = [
  'page', 'hitsPerPage', 'offset', 'limit', 'facets', 'sort', 'attributesToRetrieve', 'attributesToHighlight', 'attributesToCrop',
  'cropLength', 'cropMarker', 'highlightPreTag', 'highlightPostTag', 'showMatchesPosition', 'showRankingScore',
] as const;

function filterList(filter: MultiSearchQuery['filter']): (string | string[])[] {
  if (filter === undefined) return [];
  return typeof filter === 'string' ? [filter] : filter;
}

/**
 * The variants of a search as one multi-search request. `search` is the
 * request the page itself sends (from `buildSearchRequest`): its first query
 * holds the words, the audience filter and the user's filters, all kept.
 */
export function derivedRequest(search: MultiSearchParams, variants: QueryVariant[]): MultiSearchParams {
  const [main] = search.queries;
  if (!main) throw new Error('A search request has no query to derive from');
  const matching: Record<string, unknown> = { ...main };
  for (const option of PAGE_ONLY_OPTIONS) delete matching[option];
  return {
    queries: variants.map(({ filter = [], ...shape }) => ({
      ...(matching as MultiSearchQuery),
      limit: 0,
      ...shape,
      filter: [...filterList(main.filter), ...filter],
    })),
  };
}

export function toVariantAnswer(result: MultiSearchResult<SearchDocument>): VariantAnswer {
  return { hits: result.hits, facets: result.facetDistribution ?? {} };
}
