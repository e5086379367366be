import type { SearchParams } from '../query/search-params.js';
import { DEFAULT_PER_PAGE, searchTitle } from '../query/search-params.js';
import { FACET_NAMES } from '../index/index-settings.js';

/** Every path the archive links to is built here. */

export function itemPath(id: string): string {
  return `/items/${encodeURIComponent(id)}`;
}

/** A meeting's page; with `q`, its items that search matches are marked. */
export function meetingPath(id: string, q?: string): string {
  return `/meetings/${encodeURIComponent(id)}${q ? `?${new URLSearchParams({ q }).toString()}` : ''}`;
}

/** The query string of a search, with defaults left out so that shared links stay short. */
export function searchQueryString(params: SearchParams): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const name of FACET_NAMES) for (const value of params.filters[name]) query.append(name, value);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.scope) query.set('scope', params.scope);
  if (params.asTyped) query.set('as_typed', '1');
  if (params.sort !== 'relevance') query.set('sort', params.sort);
  if (params.perPage !== DEFAULT_PER_PAGE) query.set('per_page', String(params.perPage));
  if (params.page !== 1) query.set('page', String(params.page));
  return query.toString();
}

export function searchPath(params: SearchParams, base = '/'): string {
  const query = searchQueryString(params);
  return query ? `${base}?${query}` : base;
}

/** Exports and feeds take every match in their own order: paging and sort are left out of their links. */
function wholeResultSet(params: SearchParams): SearchParams {
  return { ...params, sort: 'relevance', page: 1, perPage: DEFAULT_PER_PAGE };
}

export function exportPath(format: 'csv' | 'json', params: SearchParams): string {
  return searchPath(wholeResultSet(params), `/api/export.${format}`);
}

export function feedPath(params: SearchParams): string {
  return searchPath(wholeResultSet(params), '/api/feed.atom');
}

/** A search's feed by name, as the feed calls itself and as pages announce it. */
export function feedTitle(params: SearchParams): string {
  return `Minutes Archive: ${searchTitle(params)}`;
}

export const API_DOCS_PATH = '/api';

/** The lists of every council (with its committees), topic and officer. */
export const BROWSE_INDEX_PATHS = { council: '/councils', topic: '/topics', officer: '/officers' } as const;

export function councilPath(council: string): string {
  return `/councils/${encodeURIComponent(council)}`;
}

export function committeePath(council: string, committee: string): string {
  return `${councilPath(council)}/committees/${encodeURIComponent(committee)}`;
}

/** The members of a council, and one member's page: a person is a person of one council. */
export function membersPath(council: string): string {
  return `${councilPath(council)}/members`;
}

export function memberPath(council: string, member: string): string {
  return `${membersPath(council)}/${encodeURIComponent(member)}`;
}

export function officerPath(officer: string): string {
  return `/officers/${encodeURIComponent(officer)}`;
}

export function topicPath(topic: string): string {
  return `/topics/${encodeURIComponent(topic)}`;
}

/** What `absoluteUrl` reads of a request: the app's configuration and the connection, never a header. */
export interface LinkContext {
  app: { locals: Record<string, unknown> };
  socket: { localAddress?: string | undefined; localPort?: number | undefined };
}

/**
 * A path as a full URL, for links read away from the site (citations, exports, feeds): on the
 * configured PUBLIC_URL, else on the address and port the server answered on. Never on the
 * Host header, which the client chooses.
 */
export function absoluteUrl(request: LinkContext, path: string): string {
  const configured = request.app.locals.publicUrl;
  if (typeof configured === 'string') return `${configured.replace(/\/+$/, '')}${path}`;
  const address = (request.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${request.socket.localPort ?? 80}${path}`;
}
