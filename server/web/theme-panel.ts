import { yearChart, type YearChart, type YearSeries } from './charts/year-chart.js';
import type { SearchParams } from '../query/search-params.js';
import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter } from '../query/filters.js';
import { FACETS } from '../index/index-settings.js';
import { API_DOCS_PATH, exportPath, feedPath, feedTitle } from './urls.js';

/** "Seeing a theme" on the search page: matches per year, and the whole result set to take away. */
export interface ThemePanel {
  chart?: YearChart;
  downloads: { csvUrl: string; jsonUrl: string; feedUrl: string; feedTitle: string; apiUrl: string };
}

/** More selected councils than this are charted together: panels that small are no longer readable. */
export const MAX_COUNCIL_PANELS = 8;

/**
 * Matching items per year from the year facet. When years are selected the
 * facet counts ignore that selection (so other years stay choosable); the
 * counts of the selected years are still exact, and they are what matched.
 */
export function matchedYears(params: SearchParams, yearCounts: Record<string, number>): Record<string, number> {
  const selected = params.filters.year;
  if (selected.length === 0) return yearCounts;
  return Object.fromEntries(Object.entries(yearCounts).filter(([year]) => selected.includes(year)));
}

/** Each selected council's matches per year: one count-only query per council, all in one request. */
async function councilSeries(search: ArchiveSearch, params: SearchParams): Promise<YearSeries[]> {
  const councils = params.filters.council;
  const answers = await search.derive(
    params,
    // One value always gives a filter.
    councils.map((council) => ({ filter: [facetFilter('council', [council]) as string], facets: [FACETS.year] })),
  );
  return councils.map((council, position) => ({ label: council, counts: answers[position]?.facets[FACETS.year] ?? {} }));
}

/** Where to take the whole result set of a search. */
export function downloadLinks(params: SearchParams): ThemePanel['downloads'] {
  return {
    csvUrl: exportPath('csv', params),
    jsonUrl: exportPath('json', params),
    feedUrl: feedPath(params),
    feedTitle: feedTitle(params),
    apiUrl: API_DOCS_PATH,
  };
}

/** The chart for a search page whose year facet counts are `yearCounts`, and its download links. */
export async function themePanel(search: ArchiveSearch, params: SearchParams, yearCounts: Record<string, number>): Promise<ThemePanel> {
  const councils = params.filters.council.length;
  const byCouncil = councils > 1 && councils <= MAX_COUNCIL_PANELS;
  const series = byCouncil
    ? await councilSeries(search, params)
    : [{ label: 'All matching items', counts: matchedYears(params, yearCounts) }];
  const chart = yearChart('year-chart', byCouncil ? 'Matching items per year, by council' : 'Matching items per year', series);
  return {
    ...(chart ? { chart } : {}),
    downloads: downloadLinks(params),
  };
}
