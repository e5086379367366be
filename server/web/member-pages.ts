import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter, FIRST_OF_MEETING_FILTER, peopleFilter } from '../query/filters.js';
import { EVERY_ITEM, noFilters, type SearchParams } from '../query/search-params.js';
import { MAX_TOTAL_HITS, MAX_VALUES_PER_FACET } from '../index/index-settings.js';
import { PERSON_SEPARATOR, splitPersonValue } from '../index/people.js';
import type { SearchDocument } from '../index/search-document.js';
import { parsePersonName } from '../minutes/person-names.js';
import { alphabeticalSections, everyValueOfMany } from './browse-index.js';
import { itemLabel, meetingTitle } from './meeting-page.js';
import { councilPath, itemPath, meetingPath, memberPath, membersPath, searchPath } from './urls.js';

/** A meeting a member attended or sent apologies to. */
export interface MemberMeeting {
  url: string;
  title: string;
  meeting_date?: string;
}

export interface MemberItem {
  url: string;
  label: string;
  council: string;
  committee?: string;
  meeting_date?: string;
}

/** What the minutes say a member did, with the items that say it (the newest first). */
export interface MemberActs {
  act: 'moved' | 'seconded' | 'asked' | 'declared';
  heading: string;
  count: number;
  items: MemberItem[];
}

export interface MemberRole {
  role: string;
  items: number;
  first?: string;
  last?: string;
}

/** Everything the member template shows. */
export interface MemberPage {
  name: string;
  council: string;
  councilUrl: string;
  membersUrl: string;
  /** The ways the minutes write this member, merged into one person, with how many items write each. */
  variants: { label: string; count: number }[];
  attended: MemberMeeting[];
  apologies: MemberMeeting[];
  /** Items naming the member, and their search. */
  named: number;
  namedUrl: string;
  acts: MemberActs[];
  roles: MemberRole[];
  /** Said when a list stops at the engine's limit. */
  capped: boolean;
  breadcrumbs: { label: string; url: string }[];
}

/** Items listed for each thing a member did; all of them are a search away. */
export const ACT_ITEMS_SHOWN = 10;

const ACT_HEADINGS: Record<MemberActs['act'], string> = {
  moved: 'Moved or proposed',
  seconded: 'Seconded',
  asked: 'Asked',
  declared: 'Declared an interest',
};

const inCouncil = (council: string) => facetFilter('council', [council]) as string;
const ofPerson = (name: string, what: string) => `${name}${PERSON_SEPARATOR}${what}`;

/** The council's items naming this member, as a search with both filters ticked. */
export function memberSearch(council: string, name: string): SearchParams {
  return { ...EVERY_ITEM, filters: { ...noFilters(), council: [council], councillor: [name] }, sort: 'newest' };
}

function meetingOf(document: SearchDocument): MemberMeeting {
  return {
    url: meetingPath(document.meeting_id ?? ''),
    title: meetingTitle(document),
    ...(document.meeting_date ? { meeting_date: document.meeting_date } : {}),
  };
}

function itemOf(document: SearchDocument): MemberItem {
  return {
    url: itemPath(document.item_id),
    label: itemLabel(document),
    council: document.council,
    ...(document.committee ? { committee: document.committee } : {}),
    ...(document.meeting_date ? { meeting_date: document.meeting_date } : {}),
  };
}

const MEETING_ATTRIBUTES: (keyof SearchDocument)[] = [
  'meeting_id',
  'meeting_date',
  'committee',
  'council',
  'member_roles',
  'member_variants',
];
const ITEM_ATTRIBUTES: (keyof SearchDocument)[] = ['item_id', 'title', 'item', 'council', 'committee', 'meeting_date'];

/** What a member's records say of them: "Helen Marsh|Chairman" values of this member, with the dates they are recorded on. */
function saidOf(name: string, documents: SearchDocument[], attribute: 'member_roles' | 'member_variants' | 'member_acts') {
  const found = new Map<string, { count: number; dates: string[] }>();
  for (const document of documents) {
    for (const value of new Set(document[attribute] ?? [])) {
      const { person, what } = splitPersonValue(value);
      if (person !== name) continue;
      const entry = found.get(what) ?? { count: 0, dates: [] };
      entry.count += 1;
      if (document.meeting_date) entry.dates.push(document.meeting_date);
      found.set(what, entry);
    }
  }
  return found;
}

/**
 * One member of one council as this audience may see the minutes: every query goes through its
 * search, so nothing of a Part 2 record the public may not read is counted or shown. Undefined
 * when the archive holds nothing of them. Their meetings are read from each meeting's first
 * item, which carries the meeting's lists; what they did, from the items naming them.
 */
export async function memberPage(search: ArchiveSearch, council: string, name: string): Promise<MemberPage | undefined> {
  const here = inCouncil(council);
  const acts = Object.keys(ACT_HEADINGS) as MemberActs['act'][];
  const newest = { sort: ['meeting_ts:desc'], limit: MAX_TOTAL_HITS };
  const [attended, absent, named, count, ...actAnswers] = await search.derive(EVERY_ITEM, [
    ...(['members_present', 'members_absent'] as const).map((attribute) => ({
      filter: [here, FIRST_OF_MEETING_FILTER, peopleFilter(attribute, name)],
      ...newest,
      attributesToRetrieve: MEETING_ATTRIBUTES,
    })),
    {
      filter: [here, peopleFilter('councillor_names', name)],
      ...newest,
      attributesToRetrieve: ['meeting_date', 'member_roles', 'member_variants', 'member_acts'] as (keyof SearchDocument)[],
    },
    { filter: [here, peopleFilter('councillor_names', name)], facets: ['councillor_names'] },
    ...acts.map((act) => ({
      filter: [here, peopleFilter('member_acts', ofPerson(name, act))],
      sort: ['meeting_ts:desc'],
      limit: ACT_ITEMS_SHOWN,
      attributesToRetrieve: ITEM_ATTRIBUTES,
    })),
  ]);
  const [attendedHits, absentHits, namedHits] = [attended?.hits ?? [], absent?.hits ?? [], named?.hits ?? []];
  const namedCount = count?.facets.councillor_names?.[name] ?? 0;
  if (namedCount === 0 && attendedHits.length === 0 && absentHits.length === 0) return undefined;
  const records = [...attendedHits, ...absentHits, ...namedHits];
  const roles = [...saidOf(name, records, 'member_roles')]
    .map(([role, { count: items, dates }]) => {
      const sorted = dates.sort();
      return { role, items, ...(sorted[0] ? { first: sorted[0], last: sorted.at(-1) as string } : {}) };
    })
    .sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999') || a.role.localeCompare(b.role));
  const actCounts = saidOf(name, namedHits, 'member_acts');
  const councilUrl = councilPath(council);
  const membersUrl = membersPath(council);
  const meetings = (hits: SearchDocument[]) => hits.filter((hit) => hit.meeting_id).map(meetingOf);
  return {
    name,
    council,
    councilUrl,
    membersUrl,
    variants: [...saidOf(name, records, 'member_variants')]
      .map(([label, { count: times }]) => ({ label, count: times }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    attended: meetings(attendedHits),
    apologies: meetings(absentHits),
    named: namedCount,
    namedUrl: searchPath(memberSearch(council, name)),
    acts: acts
      .map((act, position) => ({
        act,
        heading: ACT_HEADINGS[act],
        count: actCounts.get(act)?.count ?? 0,
        items: (actAnswers[position]?.hits ?? []).map(itemOf),
      }))
      .filter((entry) => entry.count > 0),
    roles,
    capped: [attendedHits, absentHits, namedHits].some((hits) => hits.length >= MAX_TOTAL_HITS),
    breadcrumbs: [
      { label: 'Search', url: '/' },
      { label: council, url: councilUrl },
      { label: 'Members', url: membersUrl },
    ],
  };
}

/** One member in a council's list. */
export interface MemberEntry {
  name: string;
  url: string;
  attended: number;
  named: number;
}

/** Everything the members template shows. */
export interface MembersPage {
  council: string;
  councilUrl: string;
  summary: string;
  /** Said when the engine's limit may have cut the list. */
  limitNotice?: string;
  jumpLinks: { label: string; url: string }[];
  sections: { heading: string; id: string; entries: MemberEntry[] }[];
  breadcrumbs: { label: string; url: string }[];
}

/** A member is listed by surname: "Mr R W Gough" under G. */
function surnameOf(name: string): string {
  return parsePersonName(name.replace(/\s\(\d+\)$/, ''))?.surname ?? name;
}

/** GET /councils/:council/members : every member the council's minutes list or name, A to Z by surname. */
export async function membersPage(search: ArchiveSearch, council: string): Promise<MembersPage | undefined> {
  const here = inCouncil(council);
  const [attended, named] = await Promise.all([
    everyValueOfMany(search, 'members_present', [here, FIRST_OF_MEETING_FILTER]),
    everyValueOfMany(search, 'councillor_names', [here]),
  ]);
  // Each name parsed once, not at every comparison of the sort.
  const surnames = new Map([...attended.counts.keys(), ...named.counts.keys()].map((name) => [name, surnameOf(name)]));
  const names = [...surnames.keys()].sort(
    (a, b) => surnames.get(a)!.localeCompare(surnames.get(b)!, 'en-GB', { sensitivity: 'base' }) || a.localeCompare(b, 'en-GB'),
  );
  if (names.length === 0) return undefined;
  const entries: MemberEntry[] = names.map((name) => ({
    name,
    url: memberPath(council, name),
    attended: attended.counts.get(name) ?? 0,
    named: named.counts.get(name) ?? 0,
  }));
  const councilUrl = councilPath(council);
  return {
    council,
    councilUrl,
    summary: `${names.length.toLocaleString('en-GB')} ${names.length === 1 ? 'member' : 'members'}`,
    ...(attended.complete && named.complete
      ? {}
      : {
          limitNotice: `Some members may be missing: one committee's minutes of one year name more than the ${MAX_VALUES_PER_FACET} the search engine lists at once.`,
        }),
    ...alphabeticalSections(entries, (entry) => surnames.get(entry.name)!, 'members'),
    breadcrumbs: [
      { label: 'Search', url: '/' },
      { label: council, url: councilUrl },
    ],
  };
}
