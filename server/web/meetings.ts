import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter, meetingDateFilter, meetingFilter, meetingsFilter } from '../query/filters.js';
import { EVERY_ITEM, type SearchParams } from '../query/search-params.js';
import { MAX_TOTAL_HITS } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';

/** What every list of a meeting's items needs of each: enough to order, number, title and link it. */
export const MEETING_ITEM_ATTRIBUTES = [
  'item_id',
  'meeting_id',
  'council',
  'committee',
  'meeting_date',
  'title',
  'item',
  'position',
  'part',
  'exempt_paragraph',
] as const satisfies (keyof SearchDocument)[];

export type MeetingItem = Pick<SearchDocument, (typeof MEETING_ITEM_ATTRIBUTES)[number]>;

/** A meeting held before or after another of the same committee. */
export interface MeetingRef {
  id: string;
  meeting_date: string;
}

/** Digit runs compare as numbers, so that item 10 follows item 9 and "6.2" follows "6.1". */
function compareItemNumbers(a: string, b: string): number {
  const parts = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const [left, right] = [parts(a), parts(b)];
  for (let k = 0; k < Math.min(left.length, right.length); k += 1) {
    const [x, y] = [left[k] as string, right[k] as string];
    const difference = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * A meeting's items in the order the minutes give them: by their place in the minutes where the
 * converter recorded it, else by item number (unnumbered items last), then by id.
 */
export function compareMeetingItems(a: Pick<MeetingItem, 'item_id' | 'item' | 'position'>, b: typeof a): number {
  if (a.position !== undefined && b.position !== undefined && a.position !== b.position) return a.position - b.position;
  if (a.item !== undefined && b.item !== undefined) {
    const difference = compareItemNumbers(a.item, b.item);
    if (difference !== 0) return difference;
  } else if (a.item !== b.item) {
    return a.item === undefined ? 1 : -1;
  }
  return a.item_id.localeCompare(b.item_id);
}

/**
 * The items of one meeting as this audience may see them (a Part 2 item as its public stub for
 * the public), in order; empty when the archive holds none. `params` narrows them to those a
 * search matches.
 */
export async function meetingItems<K extends keyof SearchDocument>(
  search: ArchiveSearch,
  meetingId: string,
  attributes: readonly K[],
  params: SearchParams = EVERY_ITEM,
): Promise<(MeetingItem & Pick<SearchDocument, K>)[]> {
  const [answer] = await search.derive(params, [
    {
      filter: [meetingFilter(meetingId)],
      limit: MAX_TOTAL_HITS,
      attributesToRetrieve: [...new Set([...MEETING_ITEM_ATTRIBUTES, ...attributes])],
    },
  ]);
  return ((answer?.hits ?? []) as (MeetingItem & Pick<SearchDocument, K>)[]).sort(compareMeetingItems);
}

/** The same committee's meetings just before and after this one; undated meetings have neither. */
export async function neighbourMeetings(
  search: ArchiveSearch,
  meeting: Pick<MeetingItem, 'council' | 'committee' | 'meeting_date'>,
): Promise<{ previous?: MeetingRef; next?: MeetingRef }> {
  const { council, committee, meeting_date: date } = meeting;
  if (committee === undefined || date === undefined) return {};
  const sameCommittee = [facetFilter('council', [council]) as string, facetFilter('committee', [committee]) as string, 'meeting_id EXISTS'];
  const [before, after] = await search.derive(
    EVERY_ITEM,
    (['before', 'after'] as const).map((direction) => ({
      filter: [...sameCommittee, meetingDateFilter(direction, date)],
      sort: [`meeting_ts:${direction === 'before' ? 'desc' : 'asc'}`],
      limit: 1,
      attributesToRetrieve: ['meeting_id', 'meeting_date'],
    })),
  );
  const ref = (hits: SearchDocument[] | undefined): MeetingRef | undefined => {
    const hit = hits?.[0];
    return hit?.meeting_id && hit.meeting_date ? { id: hit.meeting_id, meeting_date: hit.meeting_date } : undefined;
  };
  const previous = ref(before?.hits);
  const next = ref(after?.hits);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** How many items of each of these meetings a search matches (one count-only query). */
export async function matchesPerMeeting(
  search: ArchiveSearch,
  params: SearchParams,
  meetingIds: string[],
): Promise<Record<string, number>> {
  const ids = [...new Set(meetingIds)];
  if (ids.length === 0) return {};
  const [answer] = await search.derive(params, [{ filter: [meetingsFilter(ids)], facets: ['meeting_id'] }]);
  return answer?.facets.meeting_id ?? {};
}
