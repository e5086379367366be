import { BadParameter } from '../common/errors.js';
import { isRealCalendarDate } from '../minutes/schema.js';
import { FACET_NAMES, MAX_TOTAL_HITS, type FacetName } from '../index/index-settings.js';
import { parseQuery } from './query-language.js';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
const MAX_QUERY_LENGTH = 500;
const MAX_VALUE_LENGTH = 200;
const MAX_VALUES_PER_FACET = 50;
/** Each alternative is asked of the engine on its own (and again per facet narrowed by); people join a few. */
export const MAX_ALTERNATIVES = 10;

/** A search, as the user asked for it, checked and normalised. */
export interface SearchParams {
  q: string;
  filters: Record<FacetName, string[]>;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  sort: Sort;
  page: number;
  perPage: number;
  /** `decisions`: search what was decided and actioned, not what was discussed. */
  scope?: 'decisions';
  /** Search the words as typed, even those the archive never uses (no automatic correction). */
  asTyped?: true;
}

type RawQuery = Record<string, unknown>;

export function noFilters(): Record<FacetName, string[]> {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as Record<FacetName, string[]>;
}

function values(query: RawQuery, name: string): string[] {
  const raw = query[name];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((value): value is string => typeof value === 'string')) {
    throw new BadParameter(name, 'must be plain text, not a nested value');
  }
  return list;
}

function single(query: RawQuery, name: string): string | undefined {
  const list = values(query, name)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (list.length > 1) throw new BadParameter(name, 'may be given only once');
  return list[0];
}

function wholeNumber(query: RawQuery, name: string, fallback: number, min: number, max: number): number {
  const text = single(query, name);
  if (text === undefined) return fallback;
  if (!/^\d{1,7}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new BadParameter(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

function isoDate(query: RawQuery, name: string): string | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealCalendarDate(text)) {
    throw new BadParameter(name, 'must be a date written YYYY-MM-DD');
  }
  return text;
}

function facetValues(query: RawQuery, name: FacetName): string[] {
  const list = [
    ...new Set(
      values(query, name)
        .map((value) => value.trim())
        .filter((value) => value !== ''),
    ),
  ];
  if (list.length > MAX_VALUES_PER_FACET) throw new BadParameter(name, `may be given at most ${MAX_VALUES_PER_FACET} times`);
  if (list.some((value) => value.length > MAX_VALUE_LENGTH)) {
    throw new BadParameter(name, `values must be at most ${MAX_VALUE_LENGTH} characters`);
  }
  if (name === 'year' && list.some((value) => !/^\d{4}$/.test(value))) throw new BadParameter(name, 'must be a four-digit year');
  return list;
}

/** Checks a query string (as Express parses it) and turns it into a search; throws BadParameter. */
export function parseSearchParams(query: RawQuery): SearchParams {
  const q = (single(query, 'q') ?? '').replace(/\s+/g, ' ');
  if (q.length > MAX_QUERY_LENGTH) throw new BadParameter('q', `must be at most ${MAX_QUERY_LENGTH} characters`);

  const { fieldTerms, alternatives } = parseQuery(q);
  if (alternatives.length > MAX_ALTERNATIVES) throw new BadParameter('q', `may join at most ${MAX_ALTERNATIVES} alternatives with OR`);
  if (fieldTerms.some((term) => term.name === 'year' && !/^\d{4}$/.test(term.value))) {
    throw new BadParameter('q', 'year: must be followed by a four-digit year');
  }

  const asTyped = single(query, 'as_typed');
  if (asTyped !== undefined && asTyped !== '1') throw new BadParameter('as_typed', 'must be 1 or left out');

  const scope = single(query, 'scope');
  if (scope !== undefined && scope !== 'decisions') throw new BadParameter('scope', 'must be "decisions" or left out');

  const sort = single(query, 'sort') ?? 'relevance';
  if (!(SORTS as readonly string[]).includes(sort)) throw new BadParameter('sort', `must be one of ${SORTS.join(', ')}`);

  const perPage = wholeNumber(query, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const lastPage = Math.ceil(MAX_TOTAL_HITS / perPage);
  const page = wholeNumber(query, 'page', 1, 1, lastPage);

  const from = isoDate(query, 'from');
  const to = isoDate(query, 'to');
  if (from && to && from > to) throw new BadParameter('from', 'must not be after "to"');

  const filters = Object.fromEntries(FACET_NAMES.map((name) => [name, facetValues(query, name)])) as Record<FacetName, string[]>;
  return {
    q,
    filters,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    sort: sort as Sort,
    page,
    perPage,
    ...(scope ? { scope } : {}),
    ...(asTyped ? { asTyped: true } : {}),
  };
}

/** No words and no filters: every item the audience may see (browse lists, related items, spelling). */
export const EVERY_ITEM: SearchParams = parseSearchParams({});

/** A search in words, as its feed is titled: "early help, Medway Council, from 2021-01-01". */
export function searchTitle(params: SearchParams): string {
  const parts = [
    ...(params.q ? [`“${params.q}”`] : []),
    ...FACET_NAMES.flatMap((name) => params.filters[name]),
    ...(params.from ? [`from ${params.from}`] : []),
    ...(params.to ? [`to ${params.to}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'all items';
}
