import type { Officer } from '../minutes/schema.js';
import type { SearchDocument } from '../index/search-document.js';

/**
 * An agenda item as the archive gives it out, the same in `/api/items/:id`, every export and
 * every feed entry: what its audience may see (a Part 2 item's public stub has no officers,
 * topics, decisions or text), with its provenance. Facts not known are null, never left out.
 */
export interface ItemRecord {
  id: string;
  /** The archive's page for the item. */
  url: string;
  title: string;
  council: string;
  committee: string | null;
  meeting_date: string | null;
  item: string | null;
  part: 1 | 2;
  exempt_paragraph: string | null;
  officers: Officer[];
  councillors: string[];
  topics: string[];
  decisions: string[];
  actions: string[];
  declarations: string[];
  /** The minutes of the item as published (markdown). */
  body: string;
  /** The council's own copy. */
  source_url: string | null;
  /** SHA-256 of the source file (and document format); null for a Part 2 item's public stub. */
  content_hash: string | null;
  /** When the archive indexed this version; null for items indexed before it was recorded. */
  ingested_at: string | null;
}

/** The stored attributes a record is made of: nothing else leaves the engine. */
export const RECORD_ATTRIBUTES = [
  'item_id',
  'title',
  'council',
  'committee',
  'meeting_date',
  'item',
  'part',
  'exempt_paragraph',
  'officers',
  'councillors',
  'topics',
  'decisions',
  'actions',
  'declarations',
  'body',
  'source_url',
  'content_hash',
  'ingested_at',
] as const satisfies (keyof SearchDocument)[];

/** The document as its record; `itemUrl` turns an item id into the URL to give (a path, or an absolute URL for exports and feeds). */
export function toItemRecord(
  document: Pick<SearchDocument, (typeof RECORD_ATTRIBUTES)[number]>,
  itemUrl: (id: string) => string,
): ItemRecord {
  return {
    id: document.item_id,
    url: itemUrl(document.item_id),
    title: document.title,
    council: document.council,
    committee: document.committee ?? null,
    meeting_date: document.meeting_date ?? null,
    item: document.item ?? null,
    part: document.part,
    exempt_paragraph: document.exempt_paragraph ?? null,
    officers: document.officers ?? [],
    councillors: document.councillors ?? [],
    topics: document.topics ?? [],
    decisions: document.decisions ?? [],
    actions: document.actions ?? [],
    declarations: document.declarations ?? [],
    body: document.body ?? '',
    source_url: document.source_url ?? null,
    content_hash: document.content_hash ?? null,
    ingested_at: document.ingested_at ?? null,
  };
}

/** What each field means, for the API page; typed so that a new field cannot go undocumented. */
export const RECORD_FIELDS: Record<keyof ItemRecord, string> = {
  id: 'The item’s id: a stable slug, also its address in the archive.',
  url: 'The archive’s permanent page for the item.',
  title: 'The agenda item’s title as published.',
  council: 'The council’s official name.',
  committee: 'The committee, when the minutes name it.',
  meeting_date: 'The meeting date, YYYY-MM-DD, when known (never guessed).',
  item: 'The item number as published, e.g. "6.1".',
  part: '1 for a public item; 2 for an item exempt under Schedule 12A to the Local Government Act 1972.',
  exempt_paragraph: 'For a Part 2 item, the Schedule 12A paragraph relied on.',
  officers: 'Officers who presented or were named, each with a name, a role or both. In CSV, as "name (role)", separated by "; ".',
  councillors: 'Councillors the item names.',
  topics: 'Topics from the archive’s vocabulary.',
  decisions: 'What was decided, as recorded.',
  actions: 'Actions recorded.',
  declarations: 'Declarations of interest made on the item, as recorded.',
  body: 'The minutes of the item as published (markdown).',
  source_url: 'The council’s own published copy.',
  content_hash:
    'SHA-256 of the source file the archive indexed: the same hash means the same text. Null for a Part 2 item seen by the public, as the hash would confirm a guess at the withheld text.',
  ingested_at: 'When the archive indexed this version of the item (UTC, ISO 8601).',
};
