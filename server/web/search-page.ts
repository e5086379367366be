import { noFilters, type SearchParams, type Sort } from '../query/search-params.js';
import type { FacetCounts, SearchResult } from '../query/archive-search.js';
import { toHit, type SearchHit } from './hits.js';
import { FACET_NAMES, type FacetName } from '../index/index-settings.js';
import type { ThemePanel } from './theme-panel.js';
import { meetingPath, searchPath } from './urls.js';

/** Everything the search template shows; every link is built here, the template only loops. */
export interface SearchPage {
  params: SearchParams;
  /** The URL of this very page, for sharing. */
  selfUrl: string;
  /** Items the search matches (the facet counts' and the chart's). */
  total: number;
  /** Items listed, `total` and those holding only some of the words (see SearchResult). */
  listed: number;
  hits: SearchHit[];
  /** The hits as the page lists them: each after the first of its meeting on this page is shown under it. */
  groups: HitGroup[];
  facets: FacetGroup[];
  activeFilters: { label: string; removeUrl: string }[];
  clearAllUrl: string;
  sortOptions: { value: Sort; label: string; selected: boolean }[];
  pagination: Pagination;
  firstShown: number;
  lastShown: number;
  /** The engine counts at most this many hits; said when reached. */
  capped: boolean;
  /** A search that finds nothing, spelt as the archive spells its words ("Did you mean …?"), added by the route. */
  suggestion?: { q: string; url: string };
  /** A search whose words the archive never uses, searched as it spells them ("Showing results for …"), added by the route. */
  correction?: { q: string; typed: string; typedUrl: string };
  /** Chart and downloads, added by the route: a chart by council takes one more engine request. */
  theme?: ThemePanel;
}

/** A hit, the page's other hits of the same meeting, and how many items of that meeting the search matches. */
export interface HitGroup {
  hit: SearchHit;
  others: SearchHit[];
  /** Said when more than one item of the meeting matches: "3 items of this meeting match", linking to it with them marked. */
  meetingMatches?: { count: number; url: string };
}

export interface FacetGroup {
  name: FacetName;
  label: string;
  values: FacetValue[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  toggleUrl: string;
}

export interface Pagination {
  previousUrl?: string;
  nextUrl?: string;
  pages: { number: number; url: string; current: boolean }[];
}

const FACET_LABELS: Record<FacetName, string> = {
  council: 'Council',
  committee: 'Committee',
  topic: 'Topic',
  officer: 'Officer',
  year: 'Year',
  councillor: 'Councillor',
};

const SORT_LABELS: Record<Sort, string> = { relevance: 'Best match', newest: 'Newest first', oldest: 'Oldest first' };

/** Facet values shown before the list is cut; selected values are always shown. */
const VALUES_SHOWN = 15;

function withFilters(params: SearchParams, name: FacetName, selected: string[]): SearchParams {
  return { ...params, filters: { ...params.filters, [name]: selected }, page: 1 };
}

function facetGroup(params: SearchParams, counts: FacetCounts, name: FacetName): FacetGroup {
  const selected = params.filters[name];
  const entries = Object.entries(counts[name]);
  // Years read best newest first; other facets by how many items they hold.
  entries.sort(name === 'year' ? ([a], [b]) => b.localeCompare(a) : ([, a], [, b]) => b - a);
  const shown = entries.slice(0, VALUES_SHOWN).map(([value]) => value);
  const values = [...new Set([...selected, ...shown])];
  return {
    name,
    label: FACET_LABELS[name],
    values: values.map((value) => {
      const isSelected = selected.includes(value);
      const toggled = isSelected ? selected.filter((other) => other !== value) : [...selected, value];
      return {
        value,
        label: value,
        count: counts[name][value] ?? 0,
        selected: isSelected,
        toggleUrl: searchPath(withFilters(params, name, toggled)),
      };
    }),
  };
}

function pagination(params: SearchParams, totalPages: number): Pagination {
  const at = (page: number) => searchPath({ ...params, page });
  const window = 2;
  const numbers = new Set([1, totalPages]);
  for (let page = params.page - window; page <= params.page + window; page += 1) numbers.add(page);
  const pages = [...numbers]
    .filter((page) => page >= 1 && page <= totalPages)
    .sort((a, b) => a - b)
    .map((page) => ({ number: page, url: at(page), current: page === params.page }));
  return {
    ...(params.page > 1 ? { previousUrl: at(params.page - 1) } : {}),
    ...(params.page < totalPages ? { nextUrl: at(params.page + 1) } : {}),
    pages,
  };
}

/**
 * Hits grouped by meeting in rank order: a meeting's first hit on the page stands for it, and
 * its later ones follow under it. `matchesPerMeeting` counts the items the whole search matches
 * in each meeting (not only on this page).
 */
export function groupByMeeting(params: SearchParams, hits: SearchHit[], matchesPerMeeting: Record<string, number>): HitGroup[] {
  const groups: HitGroup[] = [];
  const byMeeting = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = hit.meetingId ? byMeeting.get(hit.meetingId) : undefined;
    if (group) {
      group.others.push(hit);
      continue;
    }
    const created: HitGroup = { hit, others: [] };
    groups.push(created);
    if (hit.meetingId) byMeeting.set(hit.meetingId, created);
  }
  for (const group of groups) {
    const { meetingId } = group.hit;
    if (!meetingId) continue;
    // Items listed for holding only some of the words are not among those counted: the page's own are.
    const count = Math.max(matchesPerMeeting[meetingId] ?? 0, 1 + group.others.length);
    if (count > 1) group.meetingMatches = { count, url: `${meetingPath(meetingId, params.q || undefined)}#items` };
  }
  return groups;
}

export function buildSearchPage(
  params: SearchParams,
  result: SearchResult,
  maxTotalHits: number,
  matchesPerMeeting: Record<string, number> = {},
): SearchPage {
  const activeFilters = FACET_NAMES.flatMap((name) =>
    params.filters[name].map((value) => ({
      label: `${FACET_LABELS[name]}: ${value}`,
      removeUrl: searchPath(
        withFilters(
          params,
          name,
          params.filters[name].filter((other) => other !== value),
        ),
      ),
    })),
  );
  if (params.from) activeFilters.push({ label: `From ${params.from}`, removeUrl: searchPath({ ...params, from: undefined, page: 1 }) });
  if (params.to) activeFilters.push({ label: `To ${params.to}`, removeUrl: searchPath({ ...params, to: undefined, page: 1 }) });
  const firstShown = result.hits.length > 0 ? (result.page - 1) * result.perPage + 1 : 0;
  const hits = result.hits.map(toHit);
  return {
    params,
    selfUrl: searchPath(params),
    total: result.total,
    listed: result.listed,
    hits,
    groups: groupByMeeting(params, hits, matchesPerMeeting),
    facets: FACET_NAMES.map((name) => facetGroup(params, result.facets, name)),
    activeFilters,
    clearAllUrl: searchPath({ ...params, filters: noFilters(), from: undefined, to: undefined, page: 1 }),
    sortOptions: (Object.keys(SORT_LABELS) as Sort[]).map((value) => ({
      value,
      label: SORT_LABELS[value],
      selected: value === params.sort,
    })),
    pagination: pagination(params, result.totalPages),
    firstShown,
    lastShown: firstShown === 0 ? 0 : firstShown + result.hits.length - 1,
    capped: result.total >= maxTotalHits,
  };
}
