import { EVERY_ITEM } from '../query/search-params.js';
import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter, itemsFilter, otherItemsFilter } from '../query/filters.js';
import type { SearchDocument } from '../index/search-document.js';
import { STOP_WORDS } from '../index/index-settings.js';
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
  /** In words: "Same matter", "Words: budget, reserves" (telling words in its title), "Similar wording", "Topic: housing", "Officer: Ann James", "Same committee". */
  reasons: string[];
}

/** Words asked of the engine for an item's text, and words weighed to find them. */
const TELLING_WORDS = 5;
const WEIGHED_WORDS = 25;
/** A title word counts for this many of the text's. */
const TITLE_WEIGHT = 3;
const WORD = /^\p{L}[\p{L}'’-]{3,}$/u;

/**
 * The words an item uses most, the title's counting more, and every word of its title: the
 * candidates for its telling words. The names of the people it names are left out: they say who
 * spoke, not what about.
 */
export function frequentWords(
  item: Pick<SearchDocument, 'title' | 'decisions' | 'body'> & Partial<Pick<SearchDocument, 'councillors' | 'officer_names'>>,
): Map<string, number> {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}'’-]+/u)
      .map((token) => token.replace(/^['’-]+|['’-]+$/g, ''));
  const names = new Set([...(item.councillors ?? []), ...(item.officer_names ?? [])].flatMap(words));
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of words(text))
      if (WORD.test(word) && !STOP_WORDS.has(word) && !names.has(word)) counts.set(word, (counts.get(word) ?? 0) + weight);
  };
  add(item.title, TITLE_WEIGHT);
  const inTitle = new Set(counts.keys());
  add([...(item.decisions ?? []), item.body].join('\n'), 1);
  return new Map(
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .filter(([word], position) => position < WEIGHED_WORDS || inTitle.has(word)),
  );
}

/**
 * The item's most telling words: used often in it and rarely in the archive (tf-idf, the use
 * dampened as 1 + ln tf so that a long text does not drown its title), `documents` giving in how
 * many items each word occurs and `total` how many items there are.
 */
export function tellingWords(frequent: Map<string, number>, documents: Map<string, number>, total: number): string[] {
  return [...frequent]
    .map(([word, count]) => ({ word, weight: (1 + Math.log(count)) * Math.log((total + 1) / ((documents.get(word) ?? 0) + 1)) }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, TELLING_WORDS)
    .map(({ word }) => word);
}

/**
 * A line the converter took for a title that is none: a fragment broken off a sentence or a
 * heading ("AND ONLINE ON MONDAY"), which begins with a word that joins it to what came before.
 */
export function isTitleFragment(title: string): boolean {
  const first = title.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return !/\p{L}/u.test(title) || /^(and|or|but|of|on|in|at|to|by|with|for|from|the|a|an|which|that|who|held|be)$/.test(first);
}

/** How many items hold each word, and how many there are, as this audience may see the archive. */
async function documentCounts(search: ArchiveSearch, words: string[]): Promise<{ documents: Map<string, number>; total: number }> {
  // One request: the archive's items, then each word's, counted over the council facet.
  const answers = await search.derive(
    EVERY_ITEM,
    ['', ...words].map((q) => ({ q, limit: 0, facets: ['council'] })),
  );
  const [total, ...counts] = answers.map((answer) => Object.values(answer.facets.council ?? {}).reduce((sum, value) => sum + value, 0));
  return { documents: new Map(words.map((word, position) => [word, counts[position] ?? 0])), total: total ?? 0 };
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

const sameMeeting = (a: Candidate, b: Candidate) =>
  sameCommittee(a, b) && a.meeting_date !== undefined && a.meeting_date === b.meeting_date;

/** What a candidate shares with the item; empty for an item of the same meeting, which is not "elsewhere". */
export function reasonsRelated(item: Candidate, candidate: Candidate): string[] {
  if (sameMeeting(item, candidate)) return [];
  return [
    ...(candidate.topics ?? []).filter((topic) => item.topics.includes(topic)).map((topic) => `Topic: ${topic}`),
    ...(candidate.officer_names ?? []).filter((officer) => item.officer_names.includes(officer)).map((officer) => `Officer: ${officer}`),
    ...(sameCommittee(item, candidate) ? ['Same committee'] : []),
  ];
}

/**
 * Items related to `item` elsewhere in time or in other councils: first those of its matter
 * (`matter`, item ids), then those the engine finds for its most telling words, in the engine's
 * order, each raised by the topics, officers and committee it shares; then items sharing only
 * those. A candidate whose title is a fragment is never shown.
 */
export async function relatedItems(search: ArchiveSearch, item: SearchDocument, matter: string[] = []): Promise<RelatedItem[]> {
  const frequent = frequentWords(item);
  const { documents, total } = await documentCounts(search, [...frequent.keys()]);
  const words = tellingWords(frequent, documents, total);
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
  const wanted = { filter: [otherItemsFilter(item.item_id)], limit: CANDIDATES_PER_TIE, attributesToRetrieve: CANDIDATE_ATTRIBUTES };
  const [tied, [texts], [ofMatter]] = await Promise.all([
    queries.length > 0 ? search.derive(EVERY_ITEM, queries) : Promise.resolve([]),
    words.length > 0 ? search.derive({ ...EVERY_ITEM, q: words.join(' ') }, [wanted]) : Promise.resolve([]),
    matter.length > 0 ? search.derive(EVERY_ITEM, [{ ...wanted, filter: [...wanted.filter, itemsFilter(matter)] }]) : Promise.resolve([]),
  ]);
  const textHits = texts?.hits ?? [];
  const textRank = new Map(textHits.map((hit, position) => [hit.item_id, position]));
  const inMatter = new Set(matter);

  const seen = new Map<string, { candidate: Candidate; reasons: string[]; score: number }>();
  for (const candidate of [...(ofMatter?.hits ?? []), ...textHits, ...tied.flatMap((answer) => answer.hits)]) {
    if (seen.has(candidate.item_id) || isTitleFragment(candidate.title)) continue;
    const shared = reasonsRelated(item, candidate);
    const sameMatter = inMatter.has(candidate.item_id);
    // Items of the same meeting are not "elsewhere"; one of the same matter always is.
    if (shared.length === 0 && !textRank.has(candidate.item_id) && !sameMatter) continue;
    if (sameMeeting(item, candidate) && !sameMatter) continue;
    const titleWords = words.filter((word) => candidate.title.toLowerCase().includes(word));
    const rank = textRank.get(candidate.item_id);
    const reasons = [
      ...(sameMatter ? ['Same matter'] : []),
      ...(titleWords.length > 0 ? [`Words: ${titleWords.join(', ')}`] : []),
      ...shared,
    ];
    // The same matter, then what the engine finds for the telling words in its order (ties moving an item a little),
    // then what shares only topics, officers or the committee.
    const score =
      (sameMatter ? 100 : 0) + (rank === undefined ? 0 : 10 + 3 * (1 - rank / CANDIDATES_PER_TIE)) + Math.min(shared.length, 4) / 2;
    seen.set(candidate.item_id, { candidate, reasons: reasons.length > 0 ? reasons : ['Similar wording'], score });
  }
  return [...seen.values()]
    .sort((a, b) => b.score - a.score || (b.candidate.meeting_date ?? '').localeCompare(a.candidate.meeting_date ?? ''))
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
