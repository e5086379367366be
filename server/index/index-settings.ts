import type { Settings } from 'meilisearch';
import { editDistance } from '../common/edit-distance.js';
import type { SearchDocument } from './search-document.js';
import { loadEngineSynonyms } from './synonyms.js';

/** Facets shown to users, mapped to the document attribute that holds them. */
export const FACETS = {
  council: 'council',
  committee: 'committee',
  topic: 'topics',
  officer: 'officer_names',
  year: 'year',
  councillor: 'councillor_names',
} as const satisfies Record<string, keyof SearchDocument>;

export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** The most hits one search can page through (the engine's `maxTotalHits`). */
export const MAX_TOTAL_HITS = 1000;
/** The most values of one facet the engine counts (`maxValuesPerFacet`). */
export const MAX_VALUES_PER_FACET = 200;

// Words that say nothing about a subject, so that a question ("when did we last set the parish
// precept", "where are young offenders held now …", "let me know whether …") is matched on its
// telling words. Listed in the engine's own (sorted) order.
const STOP_WORD_LIST = [
  'a',
  'about',
  'also',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'been',
  'being',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'ever',
  'for',
  'from',
  'had',
  'has',
  'have',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'its',
  'let',
  'many',
  'me',
  'my',
  'now',
  'of',
  'on',
  'or',
  'our',
  'should',
  'so',
  'than',
  'that',
  'the',
  'their',
  'them',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'very',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'whether',
  'which',
  'who',
  'whom',
  'why',
  'will',
  'with',
  'would',
  'you',
  'your',
];

/** Word lengths from which the engine forgives one typo, and two. */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 } as const;

/** How many typos the engine forgives in a word of this many letters. */
export function typosForgiven(length: number): number {
  return length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos ? 2 : length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo ? 1 : 0;
}

/**
 * Whether the engine finds `word` for `typed`, a word of the query, by the typos it forgives:
 * as many as `typosForgiven` allows, a typo in the first letter counting two.
 */
export function typosForgive(typed: string, word: string): boolean {
  const typos = typosForgiven(typed.length) - (word[0] === typed[0] ? 0 : 1);
  return typos > 0 && editDistance(typed, word, typos) <= typos;
}

let settings: Settings | undefined;

/** Engine settings chosen for minutes; the synonyms are read from their files on first use. */
export function indexSettings(): Settings {
  settings ??= {
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
      // The paragraphs with the other forms of the item's words (search-document.ts).
      'search_text',
    ] satisfies (keyof SearchDocument)[],
    filterableAttributes: [
      'item_id',
      'meeting_id',
      'visibility',
      'part',
      'meeting_ts',
      'source_path',
      ...Object.values(FACETS),
      'decisions',
      'position',
      'members_present',
      'members_absent',
      'member_acts',
      'member_roles',
      'member_variants',
      'officer_variants',
      'people_rules',
    ] satisfies (keyof SearchDocument)[],
    // item_id orders the items of one meeting, so a scan can page by (date, id) past the hit window.
    // Listed in the engine's own (alphabetical) order, or settingsMatch would see a change on every ingest.
    sortableAttributes: ['item_id', 'meeting_ts'] satisfies (keyof SearchDocument)[],
    // A chosen sort (newest/oldest first) orders strictly by date; relevance breaks ties.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    proximityPrecision: 'byAttribute',
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    stopWords: STOP_WORD_LIST,
    // Local-government vocabulary and British spelling, from synonyms.yaml (which councils may edit),
    // and the acronyms the minutes define; a word's forms are the items' own (search_text).
    synonyms: loadEngineSynonyms(),
    typoTolerance: {
      // Short words in minutes are often acronyms (SEND, CIL, HMO); do not "correct" them.
      minWordSizeForTypos: { ...MIN_WORD_SIZE_FOR_TYPOS },
    },
  };
  return settings;
}

/** The stop words as a set, for the code that reads queries and minutes the way the engine does. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST);

/**
 * How many query words an item must match: when too few items hold them all, the engine drops
 * words from the end, keeping the first. A relevance search of two words or more also asks with
 * `frequency` (drop the most common first) and blends the two (blend.ts); counts, exports and
 * date-ordered searches use this strategy alone.
 */
export const TEXT_MATCHING = { matchingStrategy: 'last' } as const;
