import type { SearchDocument } from '../index/search-document.js';
import { formatMeetingDate } from './formatting.js';
import { meetingFacts, type MeetingFacts } from './meeting-facts.js';
import type { MeetingItem, MeetingRef } from './meetings.js';
import { committeePath, councilPath, itemPath, meetingPath, memberPath } from './urls.js';
import { splitPersonValue } from '../index/people.js';
import { parsePersonName } from '../minutes/person-names.js';

/** What a meeting page reads of each item. */
export const MEETING_PAGE_ATTRIBUTES = [
  'decisions',
  'declarations',
  'present',
  'apologies',
  'in_attendance',
  'source_url',
  'body',
  'member_variants',
  'meeting_place',
  'meeting_time',
] as const satisfies (keyof SearchDocument)[];

export type MeetingPageItem = MeetingItem & Pick<SearchDocument, (typeof MEETING_PAGE_ATTRIBUTES)[number]>;

/** A person as an attendance list names them, with their member page where the archive knows who they are. */
export interface PersonEntry {
  label: string;
  url?: string;
}

export interface MeetingItemEntry {
  id: string;
  url: string;
  number?: string;
  title: string;
  part: 1 | 2;
  exemptParagraph?: string;
  decisions: string[];
  /** Set when the page was opened from a search: the item matches it. */
  matches: boolean;
}

export interface MeetingLink {
  url: string;
  label: string;
  meeting_date: string;
}

/** Everything the meeting template shows. */
export interface MeetingPage extends MeetingFacts {
  id: string;
  /** "Cabinet, 30 January 2025". */
  title: string;
  council: string;
  councilUrl: string;
  committee?: string;
  committeeUrl?: string;
  meeting_date?: string;
  present: PersonEntry[];
  apologies: PersonEntry[];
  inAttendance: PersonEntry[];
  declarations: { text: string; itemUrl: string; itemLabel: string }[];
  items: MeetingItemEntry[];
  /** The councils' own published copies the items come from. */
  sources: string[];
  previous?: MeetingLink;
  next?: MeetingLink;
  /** The search the page was opened from, and how many of the items it matches. */
  search?: { q: string; matched: number };
  breadcrumbs: { label: string; url: string }[];
  jsonUrl: string;
}

/** A meeting by name: its committee (or council) and date. */
export function meetingTitle(meeting: Pick<MeetingItem, 'council' | 'committee' | 'meeting_date'>): string {
  return `${meeting.committee ?? meeting.council}, ${meeting.meeting_date ? formatMeetingDate(meeting.meeting_date) : 'date not known'}`;
}

/** An item as lists show it: "Item 5: Budget", or its title alone. */
export function itemLabel(item: Pick<MeetingItem, 'item' | 'title'>): string {
  return item.item ? `Item ${item.item}: ${item.title}` : item.title;
}

function meetingLink(meeting: Pick<MeetingItem, 'council' | 'committee'>, ref: MeetingRef | undefined): MeetingLink | undefined {
  if (!ref) return undefined;
  return { url: meetingPath(ref.id), label: meetingTitle({ ...meeting, meeting_date: ref.meeting_date }), meeting_date: ref.meeting_date };
}

/** Every item carries the meeting's lists (a public stub carries none): the first that has them gives them. */
function attendanceOf(items: MeetingPageItem[]): Pick<MeetingPage, 'present' | 'apologies' | 'inAttendance'> {
  const listed = items.find((item) => (item.present?.length ?? 0) + (item.apologies?.length ?? 0) + (item.in_attendance?.length ?? 0) > 0);
  // Each list entry's resolved member, through the way the item writes them ("Mr R W Gough|Mr R W Gough").
  const members = new Map((listed?.member_variants ?? []).map((value) => [splitPersonValue(value).what, splitPersonValue(value).person]));
  const entries = (names: string[] | undefined) =>
    (names ?? []).map((label) => {
      const written = parsePersonName(label)?.written;
      const member = written ? members.get(written) : undefined;
      return member && listed ? { label, url: memberPath(listed.council, member) } : { label };
    });
  return { present: entries(listed?.present), apologies: entries(listed?.apologies), inAttendance: entries(listed?.in_attendance) };
}

/** Where and when: the venue and time a council's system gave with the items (ModernGov's) before what the text states. */
function placeAndTimes(items: readonly MeetingPageItem[]): MeetingFacts {
  const stated = meetingFacts(items[0]?.body ?? '', items[items.length - 1]?.body ?? '');
  const given = items.find((item) => item.meeting_place !== undefined || item.meeting_time !== undefined);
  return {
    ...stated,
    ...(given?.meeting_place ? { place: given.meeting_place } : {}),
    ...(given?.meeting_time ? { starts: given.meeting_time } : {}),
  };
}

/**
 * The page of one meeting from its items (`items`, in order, as the audience may see them), the
 * same committee's meetings either side, and the ids of the items a search matched (`matched`).
 */
export function buildMeetingPage(
  id: string,
  items: [MeetingPageItem, ...MeetingPageItem[]],
  neighbours: { previous?: MeetingRef; next?: MeetingRef },
  search?: { q: string; matched: ReadonlySet<string> },
): MeetingPage {
  const first = items[0];
  const previous = meetingLink(first, neighbours.previous);
  const next = meetingLink(first, neighbours.next);
  const councilUrl = councilPath(first.council);
  const committeeUrl = first.committee ? committeePath(first.council, first.committee) : undefined;
  // A declaration made under "Declarations of interest" is often repeated on the item it concerns: each is listed once.
  const declared = new Map<string, { text: string; itemUrl: string; itemLabel: string }>();
  for (const item of items) {
    for (const text of item.declarations ?? []) {
      if (!declared.has(text)) declared.set(text, { text, itemUrl: itemPath(item.item_id), itemLabel: itemLabel(item) });
    }
  }
  return {
    id,
    title: meetingTitle(first),
    council: first.council,
    councilUrl,
    ...(first.committee ? { committee: first.committee, committeeUrl } : {}),
    ...(first.meeting_date ? { meeting_date: first.meeting_date } : {}),
    ...placeAndTimes(items),
    ...attendanceOf(items),
    declarations: [...declared.values()],
    items: items.map((item) => ({
      id: item.item_id,
      url: itemPath(item.item_id),
      ...(item.item ? { number: item.item } : {}),
      title: item.title,
      part: item.part,
      ...(item.exempt_paragraph ? { exemptParagraph: item.exempt_paragraph } : {}),
      decisions: item.decisions ?? [],
      matches: search?.matched.has(item.item_id) ?? false,
    })),
    sources: [...new Set(items.flatMap((item) => (item.source_url ? [item.source_url] : [])))],
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
    ...(search ? { search: { q: search.q, matched: items.filter((item) => search.matched.has(item.item_id)).length } } : {}),
    breadcrumbs: [
      { label: 'Search', url: '/' },
      { label: first.council, url: councilUrl },
      ...(first.committee && committeeUrl ? [{ label: first.committee, url: committeeUrl }] : []),
    ],
    jsonUrl: `/api${meetingPath(id)}`,
  };
}
