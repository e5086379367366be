import { quoteFilterValue } from '../engine/filter-syntax.js';
import type { SearchParams } from './search-params.js';
import { parseQuery } from './query-language.js';
import { meetingTimestamp } from '../index/search-document.js';
import { FACET_NAMES, FACETS, type FacetName } from '../index/index-settings.js';

/**
 * Builds Meilisearch filter expressions from checked parameters. Every user
 * value is quoted and escaped here, and nowhere else.
 */

/** One facet's selected values, OR-ed; undefined when none are selected. */
export function facetFilter(name: FacetName, selected: string[]): string | undefined {
  if (selected.length === 0) return undefined;
  const attribute = FACETS[name];
  const terms = selected.map((value) =>
    name === 'year' ? `${attribute} = ${Number(value)}` : `${attribute} = ${quoteFilterValue(value)}`,
  );
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
}

/** Items whose (single-valued) facet holds none of these values: to list a facet's values past the engine's limit. */
export function excludedValuesFilter(name: 'council' | 'committee', values: string[]): string {
  return `${FACETS[name]} NOT IN [${values.map(quoteFilterValue).join(', ')}]`;
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
export function buildFilter(params: SearchParams, except?: FacetName, fieldTerms = parseQuery(params.q).fieldTerms): string[] {
  const parts = [
    ...FACET_NAMES.filter((name) => name !== except).map((name) => facetFilter(name, params.filters[name])),
    dateRangeFilter(params.from, params.to),
    // Prefixes typed in the query (`council:Medway`) narrow like ticked facets, each ANDed.
    // A term that matched no facet value keeps its literal value, so it matches nothing rather than everything.
    ...fieldTerms.map((term) => facetFilter(term.name, term.matches?.length ? term.matches : [term.value])),
    params.scope === 'decisions' && parseQuery(params.q).text === '' ? 'decisions IS NOT EMPTY' : undefined,
  ];
  return parts.filter((part): part is string => part !== undefined);
}

export const DATED_FILTER = 'meeting_ts EXISTS';
export const UNDATED_FILTER = 'meeting_ts NOT EXISTS';

/** The last item a scan has passed, in scan order: newest meeting first, then item id; undated items last. */
export interface ScanCursor {
  meetingTs?: number;
  itemId: string;
}

/** The items after `cursor` in scan order (the engine compares strings, so ids page as well as dates). */
export function afterCursorFilter(cursor: ScanCursor): string {
  const id = quoteFilterValue(cursor.itemId);
  if (cursor.meetingTs === undefined) return `${UNDATED_FILTER} AND item_id > ${id}`;
  if (!Number.isSafeInteger(cursor.meetingTs)) throw new Error(`Not a meeting timestamp: ${cursor.meetingTs}`);
  return `(meeting_ts < ${cursor.meetingTs} OR (meeting_ts = ${cursor.meetingTs} AND item_id > ${id}))`;
}

/** Every item but this one. */
export function otherItemsFilter(itemId: string): string {
  return `item_id != ${quoteFilterValue(itemId)}`;
}

/** The items of one meeting. */
export function meetingFilter(meetingId: string): string {
  return `meeting_id = ${quoteFilterValue(meetingId)}`;
}

/** The items of any of these meetings. */
export function meetingsFilter(meetingIds: string[]): string {
  return `meeting_id IN [${meetingIds.map(quoteFilterValue).join(', ')}]`;
}

/** Items of meetings held before (or after) the day `isoDate`. */
export function meetingDateFilter(direction: 'before' | 'after', isoDate: string): string {
  return `meeting_ts ${direction === 'before' ? '<' : '>'} ${meetingTimestamp(isoDate)}`;
}

/** These items, by id. */
export function itemsFilter(itemIds: string[]): string {
  return `item_id IN [${itemIds.map(quoteFilterValue).join(', ')}]`;
}

/** Attributes that hold resolved people ("Helen Marsh", "Helen Marsh|moved"). */
export type PeopleAttribute =
  'councillor_names' | 'members_present' | 'members_absent' | 'member_acts' | 'member_roles' | 'member_variants';

/** Items whose people attribute holds this value. */
export function peopleFilter(attribute: PeopleAttribute, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

/** One item of each meeting: the first, whose lists are the meeting's (to count meetings, not items). */
export const FIRST_OF_MEETING_FILTER = 'position = 1';
