import type { FoundItem } from '../query/archive-search.js';
import { HIGHLIGHT_PRE } from '../query/search-plan.js';
import { highlightToHtml } from './highlight.js';
import { committeePath, councilPath, itemPath, meetingPath } from './urls.js';

/** A hit as pages and the API show it: links built, title and passage as safe HTML. */
export interface SearchHit {
  id: string;
  title: string;
  /** The title as safe HTML, with matches marked. */
  titleHtml: string;
  council: string;
  committee?: string;
  meeting_date?: string;
  item?: string;
  part: 1 | 2;
  exempt_paragraph?: string;
  url: string;
  /** Browse pages of the hit's council and committee. */
  councilUrl: string;
  committeeUrl?: string;
  /** The meeting the item was taken at, where the archive knows it. */
  meetingId?: string;
  meetingUrl?: string;
  /** The item page at the paragraph the snippet comes from, when the query matched the text. */
  passageUrl?: string;
  /** The best-matching paragraph (cropped) as safe HTML, with matches marked. */
  snippet: string;
  officers: string[];
  topics: string[];
}

const countMarks = (text: string) => text.split(HIGHLIGHT_PRE).length - 1;

/** The paragraph with the most matches (the first on a tie), or the opening one when none matched. */
export function bestPassage(formatted: string[], anchors: string[]): { text: string; anchor?: string } {
  let best = -1;
  let bestMarks = 0;
  formatted.forEach((paragraph, position) => {
    const marks = countMarks(paragraph);
    if (marks > bestMarks) [best, bestMarks] = [position, marks];
  });
  if (best === -1) return { text: formatted[0] ?? '' };
  return { text: formatted[best] as string, ...(anchors[best] ? { anchor: anchors[best] } : {}) };
}

export function toHit(hit: FoundItem): SearchHit {
  const formatted = hit._formatted ?? {};
  const paragraphs = Array.isArray(formatted.paragraphs) ? (formatted.paragraphs as string[]) : [];
  const passage = bestPassage(paragraphs, hit.paragraph_anchors ?? []);
  return {
    id: hit.item_id,
    title: hit.title,
    titleHtml: highlightToHtml(typeof formatted.title === 'string' ? formatted.title : hit.title),
    council: hit.council,
    ...(hit.committee ? { committee: hit.committee } : {}),
    ...(hit.meeting_date ? { meeting_date: hit.meeting_date } : {}),
    ...(hit.item ? { item: hit.item } : {}),
    part: hit.part,
    ...(hit.exempt_paragraph ? { exempt_paragraph: hit.exempt_paragraph } : {}),
    url: itemPath(hit.item_id),
    councilUrl: councilPath(hit.council),
    ...(hit.committee ? { committeeUrl: committeePath(hit.council, hit.committee) } : {}),
    ...(hit.meeting_id ? { meetingId: hit.meeting_id, meetingUrl: meetingPath(hit.meeting_id) } : {}),
    ...(passage.anchor ? { passageUrl: `${itemPath(hit.item_id)}#${passage.anchor}` } : {}),
    snippet: highlightToHtml(passage.text),
    officers: hit.officer_labels ?? [],
    topics: hit.topics ?? [],
  };
}
