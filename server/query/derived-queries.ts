import type { FederatedMultiSearchParams, MultiSearchParams, MultiSearchResponse, MultiSearchResult, SearchResponse } from 'meilisearch';
import type { MatchingQuery } from './matching-queries.js';
import type { SearchDocument } from '../index/search-document.js';

/**
 * A query derived from a search: what the search matches (its words, filters
 * and search options), narrowed further and shaped differently (another sort,
 * other attributes, counts only). Used by the chart, browse pages, related
 * items, exports and feeds, so that each sees exactly what the page sees.
 */
export interface QueryVariant {
  /** Words to search instead of the search's own, under its filters and audience (to count a word's items). */
  q?: string;
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

export type DerivedRequest = MultiSearchParams | FederatedMultiSearchParams;

/**
 * The variants of a search as multi-search requests; `matching` is what the
 * search matches (`matchingQueries`). A search of one alternative sends every
 * variant in one request. A search with alternatives (`A OR B`) sends one
 * federated request per variant: the engine merges the alternatives' hits in
 * the variant's sort order, each item once, and counts facets over the items
 * matching any of them, each once.
 */
export function derivedRequests(matching: [MatchingQuery, ...MatchingQuery[]], variants: QueryVariant[]): DerivedRequest[] {
  const narrowed = (query: MatchingQuery, filter: string[] = []) => ({ ...query, filter: [...query.filter, ...filter] });
  if (matching.length === 1) {
    return [{ queries: variants.map(({ filter, ...shape }) => ({ ...narrowed(matching[0], filter), limit: 0, ...shape })) }];
  }
  const { indexUid } = matching[0];
  return variants.map(({ filter, limit = 0, facets, ...shape }) => ({
    // Paging and facets belong to the federation, not to its queries.
    federation: { limit, ...(facets ? { facetsByIndex: { [indexUid]: facets }, mergeFacets: {} } : {}) },
    queries: matching.map((query) => ({ ...narrowed(query, filter), ...shape })),
  }));
}

/** The answers to the variants a request asked for, in their order. */
export function toVariantAnswers(response: MultiSearchResponse<SearchDocument> | SearchResponse<SearchDocument>): VariantAnswer[] {
  const answer = (result: MultiSearchResult<SearchDocument> | SearchResponse<SearchDocument>) => ({
    hits: result.hits,
    facets: result.facetDistribution ?? {},
  });
  return 'results' in response ? response.results.map(answer) : [answer(response)];
}
