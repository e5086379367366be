import { withoutAccents } from '../common/accents.js';
import { EVERY_ITEM } from '../query/search-params.js';
import type { ArchiveSearch } from '../query/archive-search.js';
import { excludedValuesFilter, facetFilter } from '../query/filters.js';
import { FACETS, MAX_VALUES_PER_FACET } from '../index/index-settings.js';
import { committeePath, councilPath, officerPath, topicPath } from './urls.js';

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

type Counts = Map<string, number>;

async function countFacetValues(search: ArchiveSearch, attribute: string, filters: string[][]): Promise<Counts[]> {
  // The whole archive as the audience may see it: every count goes through its tenant-token search.
  const answers = await search.derive(
    EVERY_ITEM,
    filters.map((filter) => ({ filter, facets: [attribute] })),
  );
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
  let answer = first ?? (await countFacetValues(search, FACETS[name], [filter]))[0] ?? new Map<string, number>();
  for (;;) {
    const before = counts.size;
    for (const [value, count] of answer) counts.set(value, count);
    if (answer.size < MAX_VALUES_PER_FACET || counts.size === before) return counts;
    [answer = new Map()] = await countFacetValues(search, FACETS[name], [[...filter, excludedValuesFilter(name, [...counts.keys()])]]);
  }
}

const inCouncil = (council: string) => [facetFilter('council', [council]) as string];

function sumOf(parts: Counts[]): Counts {
  const sum = new Map<string, number>();
  for (const part of parts) for (const [value, count] of part) sum.set(value, (sum.get(value) ?? 0) + count);
  return sum;
}

/** Facets each item has at most one value of, in the order a list too long for the engine is split by. */
const SPLITS = ['council', 'year', 'committee'] as const;

/**
 * A facet's counts in each part of the items `filters` name, a part still at the engine's limit
 * split into smaller ones by the next of `SPLITS` (its values, and the items without one).
 */
async function countsByPart(search: ArchiveSearch, attribute: string, filters: string[][], level = 0): Promise<Counts[]> {
  if (filters.length === 0) return [];
  const counts = await countFacetValues(search, attribute, filters);
  const split = SPLITS[level];
  if (!split) return counts;
  const parts = await Promise.all(
    filters.map(async (filter, position) => {
      const part = counts[position] ?? new Map<string, number>();
      if (part.size < MAX_VALUES_PER_FACET) return [part];
      const values =
        split === 'year'
          ? ((await countFacetValues(search, FACETS.year, [filter]))[0] ?? new Map())
          : await everyValue(search, split, filter);
      const smaller = [...values.keys()].map((value) => [...filter, facetFilter(split, [value]) as string]);
      return countsByPart(search, attribute, [...smaller, [...filter, `${FACETS[split]} NOT EXISTS`]], level + 1);
    }),
  );
  return parts.flat();
}

/**
 * Every value of an attribute an item may hold several of (topics, officers, members), among the
 * items `filter` names, counted in full past the engine's limit: the items are split into parts
 * (`countsByPart`) that each hold every item at most once, so a value's counts over the parts add
 * up to its count. Only a part that cannot be split further and is still at the limit can leave
 * values out.
 */
export async function everyValueOfMany(
  search: ArchiveSearch,
  attribute: string,
  filter: string[] = [],
): Promise<{ counts: Counts; complete: boolean }> {
  const parts = await countsByPart(search, attribute, [filter]);
  return { counts: sumOf(parts), complete: parts.every((part) => part.size < MAX_VALUES_PER_FACET) };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) || a.localeCompare(b);

function entries(counts: Counts, url: (value: string) => string, children: (value: string) => IndexEntry[] = () => []): IndexEntry[] {
  return [...counts.keys()]
    .sort(byName)
    .map((value) => ({ label: value, count: counts.get(value) ?? 0, url: url(value), children: children(value) }));
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** GET /councils : every council, each with its committees, all counted in full. */
export async function councilIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const councils = await everyValue(search, 'council', []);
  const names = [...councils.keys()];
  const firstCounts = names.length > 0 ? await countFacetValues(search, FACETS.committee, names.map(inCouncil)) : [];
  const committees = new Map<string, Counts>();
  await Promise.all(
    names.map(async (council, position) => {
      const first = firstCounts[position] ?? new Map<string, number>();
      // A council with more committees than the limit is listed in full, in more queries.
      committees.set(council, first.size < MAX_VALUES_PER_FACET ? first : await everyValue(search, 'committee', inCouncil(council), first));
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

/** Said when a list may be incomplete (see `everyValueOfMany`). */
function limitNotice(complete: boolean, plural: string): string | undefined {
  if (complete) return undefined;
  return `Some ${plural} may be missing: one committee's minutes of one year hold more than the ${MAX_VALUES_PER_FACET} the search engine lists at once, and only the ${MAX_VALUES_PER_FACET} in the most items of those are listed.`;
}

/** GET /topics : every topic, A to Z. */
export async function topicIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const { counts: topics, complete } = await everyValueOfMany(search, FACETS.topic);
  const notice = limitNotice(complete, 'topics');
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
  const initial = withoutAccents(name).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(initial) ? initial : 'Other';
}

/**
 * Entries in sections by initial (`initialOf` each), A to Z and "Other" last, in the order given
 * within each, with the page's jump links to them (ids `<idPrefix>-<initial>`).
 */
export function alphabeticalSections<T>(entries: readonly T[], initial: (entry: T) => string, idPrefix: string) {
  const sections = new Map<string, T[]>();
  for (const entry of entries) {
    const key = initialOf(initial(entry));
    const section = sections.get(key);
    if (section) section.push(entry);
    else sections.set(key, [entry]);
  }
  const initials = [...sections.keys()].sort((a, b) => Number(a === 'Other') - Number(b === 'Other') || a.localeCompare(b));
  const id = (key: string) => `${idPrefix}-${key.toLowerCase()}`;
  return {
    jumpLinks: initials.map((key) => ({ label: key, url: `#${id(key)}` })),
    sections: initials.map((key) => ({ heading: key, id: id(key), entries: sections.get(key) ?? [] })),
  };
}

/** GET /officers : officers (or roles, where the minutes name none) A to Z, in sections by initial. */
export async function officerIndex(search: ArchiveSearch): Promise<BrowseIndexPage> {
  const { counts: officers, complete } = await everyValueOfMany(search, FACETS.officer);
  const notice = limitNotice(complete, 'officers');
  return {
    title: 'Officers',
    summary: plural(officers.size, 'officer', 'officers'),
    ...(notice ? { limitNotice: notice } : {}),
    ...alphabeticalSections(entries(officers, officerPath), (entry) => entry.label, 'officers'),
  };
}
