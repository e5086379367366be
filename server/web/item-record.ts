import type { SearchDocument } from '../index/search-document.js';

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

type Recorded = Pick<SearchDocument, Exclude<(typeof RECORD_ATTRIBUTES)[number], 'item_id'>>;

/** A fact not known is null, never left out: a reader of the JSON sees every field. */
type NullWhenUnknown<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/**
 * An agenda item as the archive gives it out, the same in `/api/items/:id`, every export and
 * every feed entry: what its audience may see (a Part 2 item's public stub has no officers,
 * topics, decisions or text), with its provenance (`content_hash`, null on a public stub, and
 * `ingested_at`).
 */
export type ItemRecord = { id: string; url: string } & NullWhenUnknown<Recorded>;

/** The document as its record; `itemUrl` turns an item id into the URL to give (a path, or an absolute URL for exports and feeds). */
export function toItemRecord(
  document: Pick<SearchDocument, (typeof RECORD_ATTRIBUTES)[number]>,
  itemUrl: (id: string) => string,
): ItemRecord {
  const facts = Object.fromEntries(
    RECORD_ATTRIBUTES.filter((attribute) => attribute !== 'item_id').map((attribute) => [attribute, document[attribute] ?? null]),
  );
  return { id: document.item_id, url: itemUrl(document.item_id), ...(facts as NullWhenUnknown<Recorded>) };
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
