import type { SearchParams } from '../search-params.js';
import { meetingTimestamp } from './search-document.js';
import { FACET_NAMES, FACETS, type FacetName } from './index-settings.js';

/**
 * Builds Meilisearch filter expressions from checked parameters. Every user
 * value is quoted and escaped here, and nowhere else.
 */

/** A value as a Meilisearch string literal: quotes and backslashes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One facet's selected values, OR-ed; undefined when none are selected. */
export function facetFilter(name: FacetName, selected: string[]): string | undefined {
  if (selected.length === 0) return undefined;
  const attribute = FACETS[name];
  const terms = selected.map((value) =>
    name === 'year' ? `${attribute} = ${Number(value)}` : `${attribute} = ${quoteFilterValue(value)}`,
  );
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
}

export function dateRangeFilter(from: string | undefined, to: string | undefined): string | undefined {
  const terms: string[] = [];
  if (from) terms.push(`meeting_ts >= ${meetingTimestamp(from)}`);
  if (to) terms.push(`meeting_ts <= ${meetingTimestamp(to)}`);
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}

/**
 * The whole filter, as a list the engine AND-s: facets and date range.
 * `except` leaves one facet out, to count that facet's other values
 * (disjunctive faceting).
 */
export function buildFilter(params: SearchParams, except?: FacetName): string[] {
  const parts = [
    ...FACET_NAMES.filter((name) => name !== except).map((name) => facetFilter(name, params.filters[name])),
    dateRangeFilter(params.from, params.to),
  ];
  return parts.filter((part): part is string => part !== undefined);
}
