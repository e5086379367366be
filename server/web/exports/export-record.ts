import { officerLabel } from '../../minutes/schema.js';
import type { SearchDocument } from '../../index/search-document.js';

/**
 * One item in an export or feed: what its audience may see (a Part 2 item's
 * public stub has no officers, topics, decisions or text), with its provenance.
 */
export interface ExportRecord {
  id: string;
  /** The archive's permanent page for the item. */
  url: string;
  title: string;
  council: string;
  committee: string | null;
  meeting_date: string | null;
  item: string | null;
  part: 1 | 2;
  exempt_paragraph: string | null;
  officers: string[];
  topics: string[];
  decisions: string[];
  actions: string[];
  /** The minutes as published (markdown). */
  text: string;
  /** The council's own copy. */
  source_url: string | null;
  /** SHA-256 of the source file (and document format): two exports with the same hash hold the same text. Null for a Part 2 item's public stub. */
  content_hash: string | null;
  /** When the archive indexed this version; null for items indexed before it was recorded. */
  ingested_at: string | null;
}

/** The stored attributes an export reads: nothing else leaves the engine. */
export const EXPORT_ATTRIBUTES: (keyof SearchDocument)[] = [
  'item_id', 'title', 'council', 'committee', 'meeting_date', 'item', 'part', 'exempt_paragraph', 'officers', 'topics',
  'decisions', 'actions', 'body', 'source_url', 'content_hash', 'ingested_at',
];

/** `itemUrl` turns an item id into its absolute URL. */
export function toExportRecord(document: SearchDocument, itemUrl: (id: string) => string): ExportRecord {
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
    officers: (document.officers ?? []).map(officerLabel),
    topics: document.topics ?? [],
    decisions: document.decisions ?? [],
    actions: document.actions ?? [],
    text: document.body ?? '',
    source_url: document.source_url ?? null,
    content_hash: document.content_hash ?? null,
    ingested_at: document.ingested_at ?? null,
  };
}

/** What each field means, for the API page; typed so that a new field cannot go undocumented. */
export const EXPORT_FIELDS: Record<keyof ExportRecord, string> = {
  id: 'The item’s id: a stable slug, also its address in the archive.',
  url: 'The archive’s permanent page for the item.',
  title: 'The agenda item’s title as published.',
  council: 'The council’s official name.',
  committee: 'The committee, when the minutes name it.',
  meeting_date: 'The meeting date, YYYY-MM-DD, when known (never guessed).',
  item: 'The item number as published, e.g. "6.1".',
  part: '1 for a public item; 2 for an item exempt under Schedule 12A to the Local Government Act 1972.',
  exempt_paragraph: 'For a Part 2 item, the Schedule 12A paragraph relied on.',
  officers: 'Officers who presented or were named, as "name (role)". In CSV, separated by "; ".',
  topics: 'Topics from the archive’s vocabulary.',
  decisions: 'What was decided, as recorded.',
  actions: 'Actions recorded.',
  text: 'The minutes of the item as published (markdown).',
  source_url: 'The council’s own published copy.',
  content_hash: 'SHA-256 of the source file the archive indexed: the same hash means the same text. Null for a Part 2 item seen by the public, as the hash would confirm a guess at the withheld text.',
  ingested_at: 'When the archive indexed this version of the item (UTC, ISO 8601).',
};
