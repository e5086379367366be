import type { ArchiveSearch } from '../query/archive-search.js';
import { facetFilter } from '../query/filters.js';
import { EVERY_ITEM } from '../query/search-params.js';
import type { SearchDocument } from '../index/search-document.js';
import { DECISION_NUMBER } from './matter-references.js';
import { itemPath } from './urls.js';

/** One record of a matter as it passed through the council: a committee's meeting and its item. */
export interface MatterStep {
  itemId: string;
  url: string;
  /** The committee (or council) that took it, and when. */
  label: string;
  meeting_date?: string;
  title: string;
  /** The item on the page. */
  current: boolean;
}

type Candidate = Pick<SearchDocument, 'item_id' | 'meeting_id' | 'council' | 'committee' | 'meeting_date' | 'title'>;
const ATTRIBUTES: (keyof Candidate)[] = ['item_id', 'meeting_id', 'council', 'committee', 'meeting_date', 'title'];
const CANDIDATES = 30;
/** Titles this alike name the same matter; fewer words than this name a kind of business, not a matter. */
export const SAME_TITLE = 0.8;
const TITLE_WORDS = 4;

const LITTLE_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', '-', '–']);

/** A title's telling words, folded: "24/00108 - Revenue and Capital Budget" → 24/00108, revenue, capital, budget. */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[\s,;:()]+/)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((word) => word !== '' && !LITTLE_WORDS.has(word)),
  );
}

/** How alike two titles are: the words they share among all their words (Jaccard). */
export function titleLikeness(a: string, b: string): number {
  const [left, right] = [titleWords(a), titleWords(b)];
  const shared = [...left].filter((word) => right.has(word)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : shared / all;
}

/**
 * A title that comes back at most of one committee's meetings ("Cabinet Member Updates") is a
 * kind of business, not a matter: where the alike titles fall at two or more meetings of one
 * committee, and that is at least half the meetings of it the archive holds.
 */
export function recurring(alike: Candidate[], meetingsPerCommittee: Map<string, number>): boolean {
  const byCommittee = new Map<string, Set<string>>();
  for (const candidate of alike) {
    const committee = candidate.committee ?? '';
    byCommittee.set(committee, (byCommittee.get(committee) ?? new Set()).add(candidate.meeting_id ?? candidate.item_id));
  }
  return [...byCommittee].some(
    ([committee, meetings]) => meetings.size >= 2 && meetings.size * 2 >= (meetingsPerCommittee.get(committee) ?? Infinity),
  );
}

/**
 * The item's matter across the council's meetings, oldest first: the items sharing a decision
 * number its title gives, and the items of other meetings whose titles are near-identical to
 * its own. Empty when nothing else is found, or the title names a kind of business that recurs.
 */
export async function matterTimeline(search: ArchiveSearch, item: Candidate): Promise<MatterStep[]> {
  const council = facetFilter('council', [item.council]) as string;
  const numbers = [...new Set(item.title.match(DECISION_NUMBER) ?? [])];
  const telling = titleWords(item.title).size >= TITLE_WORDS;
  const [byNumber, byTitle] = await Promise.all([
    Promise.all(
      numbers.map(async (number) => {
        const [answer] = await search.derive({ ...EVERY_ITEM, q: `"${number}"` }, [
          { filter: [council], limit: CANDIDATES, attributesToRetrieve: ATTRIBUTES },
        ]);
        return answer?.hits ?? [];
      }),
    ),
    telling ? titleMatches(search, item, council) : Promise.resolve([]),
  ]);
  const steps = new Map<string, Candidate>();
  for (const candidate of [item, ...byNumber.flat(), ...byTitle]) {
    // One step a meeting: the item on the page, else the first found.
    const meeting = candidate.meeting_id ?? candidate.item_id;
    if (!steps.has(meeting)) steps.set(meeting, candidate);
  }
  if (steps.size < 2) return [];
  return [...steps.values()]
    .sort((a, b) => (a.meeting_date ?? '9999').localeCompare(b.meeting_date ?? '9999') || a.item_id.localeCompare(b.item_id))
    .map((step) => ({
      itemId: step.item_id,
      url: itemPath(step.item_id),
      label: step.committee ?? step.council,
      ...(step.meeting_date ? { meeting_date: step.meeting_date } : {}),
      title: step.title,
      current: step.item_id === item.item_id,
    }));
}

/** Items of other meetings with near-identical titles, unless the title is a recurring kind of business. */
async function titleMatches(search: ArchiveSearch, item: Candidate, council: string): Promise<Candidate[]> {
  const [answer] = await search.derive({ ...EVERY_ITEM, q: item.title }, [
    { filter: [council], limit: CANDIDATES, attributesToRetrieve: ATTRIBUTES },
  ]);
  const alike = (answer?.hits ?? []).filter((hit) => titleLikeness(hit.title, item.title) >= SAME_TITLE);
  const others = alike.filter((hit) => hit.meeting_id !== item.meeting_id);
  if (others.length === 0) return [];
  const committees = [...new Set(alike.map((hit) => hit.committee).filter((committee): committee is string => committee !== undefined))];
  const counts = await search.derive(
    EVERY_ITEM,
    committees.map((committee) => ({
      filter: [council, facetFilter('committee', [committee]) as string],
      limit: 0,
      facets: ['meeting_id'],
    })),
  );
  const meetingsPerCommittee = new Map(
    committees.map((committee, position) => [committee, Object.keys(counts[position]?.facets.meeting_id ?? {}).length]),
  );
  return recurring(alike, meetingsPerCommittee) ? [] : others;
}
