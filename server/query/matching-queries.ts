import type { MultiSearchQuery } from 'meilisearch';
import type { SearchParams } from './search-params.js';
import { buildFilter } from './filters.js';
import { TEXT_MATCHING, type FacetName } from '../index/index-settings.js';
import { parseQuery, type FieldTerm } from './query-language.js';

/** One engine query of what a search matches: words, how they match, where, and every filter. */
export type MatchingQuery = MultiSearchQuery & { indexUid: string; filter: string[] };

/**
 * What a search matches, as engine queries: one per alternative of its words
 * (`pothole OR hedgerow`; one when there is no OR), each carrying the audience
 * filter and the user's filters. An item matches the search when it matches
 * any of them. The result list, its facet counts, the chart, exports and feeds
 * all start from these, so they agree on what matched. `except` leaves one
 * facet's selection out, to count that facet's other values.
 */
export function matchingQueries(
  indexUid: string,
  params: SearchParams,
  audienceFilter: string,
  fieldTerms: FieldTerm[] = parseQuery(params.q).fieldTerms,
  except?: FacetName,
): [MatchingQuery, ...MatchingQuery[]] {
  const filter = [audienceFilter, ...buildFilter(params, except, fieldTerms)];
  const scope = params.scope === 'decisions' ? { attributesToSearchOn: ['decisions', 'actions'] } : {};
  const query = (q: string): MatchingQuery => ({ indexUid, q, ...TEXT_MATCHING, ...scope, filter });
  const [first = '', ...others] = parseQuery(params.q).alternatives;
  return [query(first), ...others.map(query)];
}
