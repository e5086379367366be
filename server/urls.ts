import type { SearchParams } from './search-params.js';
import { DEFAULT_PER_PAGE } from './search-params.js';
import { FACET_NAMES } from './search/index-settings.js';

/** Every path the archive links to is built here. */

export function itemPath(id: string): string {
  return `/items/${encodeURIComponent(id)}`;
}

/** The query string of a search, with defaults left out so that shared links stay short. */
export function searchQueryString(params: SearchParams): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const name of FACET_NAMES) for (const value of params.filters[name]) query.append(name, value);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.sort !== 'relevance') query.set('sort', params.sort);
  if (params.perPage !== DEFAULT_PER_PAGE) query.set('per_page', String(params.perPage));
  if (params.page !== 1) query.set('page', String(params.page));
  return query.toString();
}

export function searchPath(params: SearchParams, base = '/'): string {
  const query = searchQueryString(params);
  return query ? `${base}?${query}` : base;
}
