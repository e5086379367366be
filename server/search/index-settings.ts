import type { Settings } from 'meilisearch';

/** Facets shown to users, mapped to the document attribute that holds them. */
export const FACETS = {
  council: 'council',
  committee: 'committee',
  topic: 'topics',
  officer: 'officer_names',
  year: 'year',
} as const;

export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** Engine settings chosen for minutes. */
export const INDEX_SETTINGS: Settings = {
  // Earlier attributes rank higher: what an item is called and what was decided outweigh discussion.
  searchableAttributes: [
    'title',
    'decisions',
    'actions',
    'topics',
    'officer_labels',
    'councillors',
    'committee',
    'council',
    'declarations',
    'paragraphs',
  ],
  filterableAttributes: ['item_id', 'visibility', 'part', 'meeting_ts', 'source_path', ...Object.values(FACETS), 'decisions'],
  // item_id orders the items of one meeting, so a scan can page by (date, id) past the hit window.
  // Listed in the engine's own (alphabetical) order, or settingsMatch would see a change on every ingest.
  sortableAttributes: ['item_id', 'meeting_ts'],
  // A chosen sort (newest/oldest first) orders strictly by date; relevance breaks ties.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 1000 },
  typoTolerance: {
    // Short words in minutes are often acronyms (SEND, CIL, HMO); do not "correct" them.
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  },
};
