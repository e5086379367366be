import { parseSearchParams } from './search-params.js';
import type { ArchiveSearch } from './search/archive-search.js';
import { excludedValuesFilter, facetFilter } from './search/filters.js';
import { FACETS, INDEX_SETTINGS } from './search/index-settings.js';
import { committeePath, councilPath, officerPath, topicPath } from './urls.js';

/**
 * The engine lists at most this many values of a facet per query, those in the
 * most items first (index-settings.ts; Meilisearch's own default is 100).
 */
export const FACET_VALUES_LIMIT = INDEX_SETTINGS.faceting?.maxValuesPerFacet ?? 100;

/** One council, committee, topic or officer in a list, with its browse page. */
export interface IndexEntry {
  label: string;
  count: number;
  url: string;
  /** A council's committees. */
  children: IndexEntry[];
}

export interface IndexSection {
  /** Officers come in sections by initial, each a target of the A–Z links. */
  heading?: string;
  id?: string;
  entries: IndexEntry[];
}

/** Everything the browse-index template shows. */
export interface BrowseIndexPage {
  title: string;
  /** "16 councils". */
  summary: string;
  /** Said when the engine's limit cut the list. */
  limitNotice?: string;
  /** Links to the sections, when there are several. */
  jumpLinks: { label: string; url: string }[];
  sections: IndexSection[];
}

/** The whole archive as the audience may see it: every count goes through its tenant-token search. */
const EVERYTHING = parseSearchParams({});

type Counts = Map<string, number>;

async function facetCounts(search: ArchiveSearch, attribute: string, filters: string[][]): Promise<Counts[]> {
  const answers = await search.derive(EVERYTHING, filters.map((filter) => ({ filter, facets: [attribute] })));
  return filters.map((_, position) => new Map(Object.entries(answers[position]?.facets[attribute] ?? {})));
}

/**
 * Every value of a single-valued facet with its count, past the engine's
 * limit: each further query leaves out the items holding the values already
 * counted. (For a facet with several values per item that would also leave
 * out other values' items, so topics and officers are not listed this way.)
 */
async function everyValue(search: ArchiveSearch, name: 'council' | 'committee', filter: string[], first?: Counts): Promise<Counts> {
  const counts = new Map<string, number>();
  let answer = first ?? (await facetCounts(search, FACETS[name], [filter]))[0] ?? new Map<string, number>();
  for (;;) {
    const before = counts.size;
    for (const [value, count] of answer) counts.set(value, count);
    if (answer.size < FACET_VALUES_LIMIT || counts.size === before) return counts;
    [answer = new Map()] = await facetCounts(search, FACETS[name], [[...filter, excludedValuesFilter(name, [...counts.keys()])]]);
  }
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) || a.localeCompare(b);

function entries(counts: Counts, url: (value: string) => string, children: (value: string) => IndexEntry[] = () => []): IndexEntry[] {
  return [...counts.keys()].sort(byName).map((value) => ({ label: value, count: counts.get(value) ?? 0, url: url(value), children: children(value) }));
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** GET /councils : every council, each with its committees, all counted in full. */
export async function councilIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const councils = await everyValue(search, 'council', []);
  const names = [...councils.keys()];
  const inCouncil = (council: string) => [facetFilter('council', [council]) as string];
  const firstCounts = names.length > 0 ? await facetCounts(search, FACETS.committee, names.map(inCouncil)) : [];
  const committees = new Map<string, Counts>();
  await Promise.all(
    names.map(async (council, position) => {
      const first = firstCounts[position] ?? new Map<string, number>();
      // A council with more committees than the limit is listed in full, in more queries.
      committees.set(council, first.size < FACET_VALUES_LIMIT ? first : await everyValue(search, 'committee', inCouncil(council), first));
    }),
  );
  return {
    title: 'Councils and committees',
    summary: plural(councils.size, 'council', 'councils'),
    jumpLinks: [],
    sections: [
      {
        entries: entries(councils, councilPath, (council) =>
          entries(committees.get(council) ?? new Map(), (committee) => committeePath(council, committee)),
        ),
      },
    ],
  };
}

/** Topics and officers can be many per item: what the engine lists is all there is to list, and the limit is said. */
function limitNotice(counts: Counts, plural: string): string | undefined {
  if (counts.size < FACET_VALUES_LIMIT) return undefined;
  return `These are the ${FACET_VALUES_LIMIT} ${plural} in the most items: the search engine lists at most ${FACET_VALUES_LIMIT} at once.`;
}

/** GET /topics : every topic, A to Z. */
export async function topicIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const [topics = new Map<string, number>()] = await facetCounts(search, FACETS.topic, [[]]);
  const notice = limitNotice(topics, 'topics');
  return {
    title: 'Topics',
    summary: plural(topics.size, 'topic', 'topics'),
    ...(notice ? { limitNotice: notice } : {}),
    jumpLinks: [],
    sections: [{ entries: entries(topics, topicPath) }],
  };
}

/** The section an officer is listed under: the initial without accents, or "Other". */
export function initialOf(name: string): string {
  const initial = name.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(initial) ? initial : 'Other';
}

/** GET /officers : officers (or roles, where the minutes name none) A to Z, in sections by initial. */
export async function officerIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const [officers = new Map<string, number>()] = await facetCounts(search, FACETS.officer, [[]]);
  const sections = new Map<string, IndexEntry[]>();
  for (const entry of entries(officers, officerPath)) {
    const initial = initialOf(entry.label);
    sections.set(initial, [...(sections.get(initial) ?? []), entry]);
  }
  const initials = [...sections.keys()].sort((a, b) => Number(a === 'Other') - Number(b === 'Other') || a.localeCompare(b));
  const id = (initial: string) => `officers-${initial.toLowerCase()}`;
  const notice = limitNotice(officers, 'officers');
  return {
    title: 'Officers',
    summary: plural(officers.size, 'officer', 'officers'),
    ...(notice ? { limitNotice: notice } : {}),
    jumpLinks: initials.map((initial) => ({ label: initial, url: `#${id(initial)}` })),
    sections: initials.map((initial) => ({ heading: initial, id: id(initial), entries: sections.get(initial) ?? [] })),
  };
}
