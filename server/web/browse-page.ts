import { yearChart, type YearChart } from './charts/year-chart.js';
import { officerLabel } from '../minutes/schema.js';
import { parseSearchParams, type SearchParams } from '../query/search-params.js';
import { MAX_TOTAL_HITS } from '../index/index-settings.js';
import type { SearchResult } from '../query/archive-search.js';
import { toHit, type SearchHit } from './hits.js';
import type { FacetName } from '../index/index-settings.js';
import type { SearchDocument } from '../index/search-document.js';
import { downloadLinks, type ThemePanel } from './theme-panel.js';
import { BROWSE_INDEX_PATHS, committeePath, councilPath, memberPath, membersPath, officerPath, searchPath, topicPath } from './urls.js';

/** What a browse page is about: each is a search with one facet (two for a committee) fixed. */
export type BrowseSubject =
  | { kind: 'council'; council: string }
  | { kind: 'committee'; council: string; committee: string }
  | { kind: 'officer'; officer: string }
  | { kind: 'topic'; topic: string };

export interface LinkGroup {
  heading: string;
  links: { label: string; count: number; url: string }[];
}

/** One role an officer held, as the minutes record it, with when. */
export interface OfficerRole {
  role: string;
  councils: string[];
  /** ISO dates of the first and last dated items with this role. */
  first?: string;
  last?: string;
  items: number;
}

/** Everything the browse template shows. */
export interface BrowsePage {
  kindLabel: string;
  name: string;
  /** A committee's council, linked. */
  parent?: { label: string; url: string };
  /** Where the page sits: the search, the list of its kind, a committee's council. */
  breadcrumbs: { label: string; url: string }[];
  total: number;
  /** The engine counts at most 1,000 matches; said when reached. */
  capped: boolean;
  chart?: YearChart;
  /** Officer pages only: the roles recorded for them, earliest first, and the ways the minutes write their name. */
  roles: OfficerRole[];
  variants: string[];
  /** Council and committee pages: the council's members. */
  membersUrl?: string;
  groups: LinkGroup[];
  /** The newest items. */
  latest: SearchHit[];
  /** The same items as a search, newest first, to narrow further. */
  searchUrl: string;
  downloads: ThemePanel['downloads'];
}

/** Items listed on a browse page; the rest are a click away in the search. */
export const LATEST_SHOWN = 10;
const LINKS_PER_GROUP = 12;

const KIND_LABELS: Record<BrowseSubject['kind'], string> = {
  council: 'Council',
  committee: 'Committee',
  officer: 'Officer',
  topic: 'Topic',
};

/** The list each kind of page is found in (a committee's is its council's). */
const INDEXES: Record<BrowseSubject['kind'], { label: string; url: string }> = {
  council: { label: 'Councils', url: BROWSE_INDEX_PATHS.council },
  committee: { label: 'Councils', url: BROWSE_INDEX_PATHS.council },
  officer: { label: 'Officers', url: BROWSE_INDEX_PATHS.officer },
  topic: { label: 'Topics', url: BROWSE_INDEX_PATHS.topic },
};

export function subjectName(subject: BrowseSubject): string {
  return subject.kind === 'committee'
    ? subject.committee
    : subject.kind === 'council'
      ? subject.council
      : subject.kind === 'officer'
        ? subject.officer
        : subject.topic;
}

/** The subject's search, newest first, checked like any other (length limits apply to the names in the path). */
export function browseParams(subject: BrowseSubject): SearchParams {
  const { kind: _kind, ...facets } = subject;
  return parseSearchParams({ ...facets, sort: 'newest', per_page: String(LATEST_SHOWN) });
}

/** The path of the browse page for one value of a facet, where there is one. */
function browsePathOf(name: FacetName, value: string, council: string | undefined): string | undefined {
  if (name === 'council') return councilPath(value);
  if (name === 'committee') return council ? committeePath(council, value) : undefined;
  if (name === 'officer') return officerPath(value);
  if (name === 'topic') return topicPath(value);
  if (name === 'councillor') return council ? memberPath(council, value) : undefined;
  return undefined;
}

function linkGroup(heading: string, name: FacetName, result: SearchResult, params: SearchParams, council?: string): LinkGroup {
  const links = Object.entries(result.facets[name])
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .slice(0, LINKS_PER_GROUP)
    .map(([value, count]) => ({
      label: value,
      count,
      // Without a page of its own (a committee across councils), a value links to the narrowed search.
      url: browsePathOf(name, value, council) ?? searchPath({ ...params, filters: { ...params.filters, [name]: [value] }, perPage: 20 }),
    }));
  return { heading, links };
}

/** The facets worth listing for each kind of subject (never the subject's own). */
function linkGroups(subject: BrowseSubject, result: SearchResult, params: SearchParams): LinkGroup[] {
  switch (subject.kind) {
    case 'council':
      return [
        linkGroup('Committees', 'committee', result, params, subject.council),
        linkGroup('Members named most', 'councillor', result, params, subject.council),
        linkGroup('Topics', 'topic', result, params),
        linkGroup('Officers', 'officer', result, params),
      ];
    case 'committee':
      return [
        linkGroup('Members named most', 'councillor', result, params, subject.council),
        linkGroup('Topics', 'topic', result, params),
        linkGroup('Officers', 'officer', result, params),
      ];
    case 'officer':
      return [linkGroup('Councils', 'council', result, params), linkGroup('Topics', 'topic', result, params)];
    case 'topic':
      return [linkGroup('Councils', 'council', result, params), linkGroup('Officers', 'officer', result, params)];
  }
}

/**
 * The roles recorded for an officer across their items, earliest first
 * (undated last). An officer is known by name, or by role where the minutes
 * give no name: the facet value `officer` is that.
 */
export function officerRoles(
  officer: string,
  documents: (Pick<SearchDocument, 'officers' | 'meeting_date' | 'council'> & Partial<Pick<SearchDocument, 'officer_names'>>)[],
): OfficerRole[] {
  const roles = new Map<string, OfficerRole>();
  for (const document of documents) {
    for (const [position, entry] of (document.officers ?? []).entries()) {
      // officer_names holds each officer as resolved (the same person written two ways is one name), in the same order.
      if ((document.officer_names?.[position] ?? entry.name ?? entry.role) !== officer) continue;
      const role = entry.name ? (entry.role ?? 'Role not stated') : officerLabel(entry);
      const known = roles.get(role) ?? { role, councils: [], items: 0 };
      known.items += 1;
      if (!known.councils.includes(document.council)) known.councils.push(document.council);
      const date = document.meeting_date;
      if (date && (!known.first || date < known.first)) known.first = date;
      if (date && (!known.last || date > known.last)) known.last = date;
      roles.set(role, known);
    }
  }
  return [...roles.values()].sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999') || a.role.localeCompare(b.role));
}

export function buildBrowsePage(
  subject: BrowseSubject,
  params: SearchParams,
  result: SearchResult,
  roles: OfficerRole[],
  variants: string[] = [],
): BrowsePage {
  const name = subjectName(subject);
  const chart = yearChart('browse-chart', 'Items per year', [{ label: name, counts: result.facets.year }]);
  const everything = { ...params, perPage: 20 };
  const parent = subject.kind === 'committee' ? { label: subject.council, url: councilPath(subject.council) } : undefined;
  return {
    kindLabel: KIND_LABELS[subject.kind],
    name,
    ...(parent ? { parent } : {}),
    breadcrumbs: [{ label: 'Search', url: '/' }, INDEXES[subject.kind], ...(parent ? [parent] : [])],
    total: result.total,
    capped: result.total >= MAX_TOTAL_HITS,
    ...(chart ? { chart } : {}),
    roles,
    variants,
    ...(subject.kind === 'council' || subject.kind === 'committee' ? { membersUrl: membersPath(subject.council) } : {}),
    groups: linkGroups(subject, result, params).filter((group) => group.links.length > 0),
    latest: result.hits.map(toHit),
    searchUrl: searchPath(everything),
    downloads: downloadLinks(params),
  };
}
