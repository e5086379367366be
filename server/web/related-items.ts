import { EVERY_ITEM } from '../query/search-params.js';
import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter, otherItemsFilter } from '../query/filters.js';
import type { SearchDocument } from '../index/search-document.js';
import { itemPath } from './urls.js';

/** An item that shares something with the one on the page, and what it shares. */
export interface RelatedItem {
  url: string;
  title: string;
  item?: string;
  council: string;
  committee?: string;
  meeting_date?: string;
  part: 1 | 2;
  /** In words: "Topic: housing", "Officer: Ann James", "Same committee". */
  reasons: string[];
}

export const RELATED_SHOWN = 8;
/** Candidates fetched for each kind of tie, newest first; ranked together afterwards. */
const CANDIDATES_PER_TIE = 20;

type Candidate = Pick<
  SearchDocument,
  'item_id' | 'title' | 'item' | 'council' | 'committee' | 'meeting_date' | 'part' | 'topics' | 'officer_names'
>;
const CANDIDATE_ATTRIBUTES: (keyof Candidate)[] = [
  'item_id',
  'title',
  'item',
  'council',
  'committee',
  'meeting_date',
  'part',
  'topics',
  'officer_names',
];

const sameCommittee = (a: Candidate, b: Candidate) => a.committee !== undefined && a.council === b.council && a.committee === b.committee;

/** What a candidate shares with the item; empty for an item of the same meeting, which is not "elsewhere". */
export function reasonsRelated(item: Candidate, candidate: Candidate): string[] {
  if (sameCommittee(item, candidate) && item.meeting_date !== undefined && item.meeting_date === candidate.meeting_date) return [];
  return [
    ...(candidate.topics ?? []).filter((topic) => item.topics.includes(topic)).map((topic) => `Topic: ${topic}`),
    ...(candidate.officer_names ?? []).filter((officer) => item.officer_names.includes(officer)).map((officer) => `Officer: ${officer}`),
    ...(sameCommittee(item, candidate) ? ['Same committee'] : []),
  ];
}

/**
 * Items sharing a topic, an officer or the committee with `item`, elsewhere
 * in time or in other councils: one query for candidates per kind of tie, all
 * in one request, ranked by how much they share, then newest first.
 */
export async function relatedItems(search: ArchiveSearch, item: SearchDocument): Promise<RelatedItem[]> {
  const ties: (string | undefined)[][] = [
    [facetFilter('topic', item.topics)],
    [facetFilter('officer', item.officer_names)],
    [facetFilter('council', [item.council]), item.committee ? facetFilter('committee', [item.committee]) : undefined],
  ];
  const queries = ties
    .filter((terms): terms is string[] => terms.every((term) => term !== undefined))
    .map((terms) => ({
      filter: [...terms, otherItemsFilter(item.item_id)],
      sort: ['meeting_ts:desc'],
      limit: CANDIDATES_PER_TIE,
      attributesToRetrieve: CANDIDATE_ATTRIBUTES,
    }));
  if (queries.length === 0) return [];
  const answers = await search.derive(EVERY_ITEM, queries);

  const seen = new Map<string, { candidate: Candidate; reasons: string[] }>();
  for (const candidate of answers.flatMap((answer) => answer.hits)) {
    if (seen.has(candidate.item_id)) continue;
    const reasons = reasonsRelated(item, candidate);
    if (reasons.length > 0) seen.set(candidate.item_id, { candidate, reasons });
  }
  return [...seen.values()]
    .sort((a, b) => b.reasons.length - a.reasons.length || (b.candidate.meeting_date ?? '').localeCompare(a.candidate.meeting_date ?? ''))
    .slice(0, RELATED_SHOWN)
    .map(({ candidate, reasons }) => ({
      url: itemPath(candidate.item_id),
      title: candidate.title,
      ...(candidate.item ? { item: candidate.item } : {}),
      council: candidate.council,
      ...(candidate.committee ? { committee: candidate.committee } : {}),
      ...(candidate.meeting_date ? { meeting_date: candidate.meeting_date } : {}),
      part: candidate.part,
      reasons,
    }));
}
