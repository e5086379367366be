import { EXEMPT_PART, officerLabel, type MinutesItem, type Officer } from '../minutes/schema.js';

/**
 * What the engine stores for one agenda item. Part 2 (exempt) items are
 * indexed as a public stub only: title, meeting and exemption paragraph.
 */
export interface SearchDocument {
  id: string;
  council: string;
  committee?: string;
  meeting_date?: string;
  /** Start of the meeting day in seconds since the epoch (UTC), for date ranges and sorting. */
  meeting_ts?: number;
  year?: number;
  title: string;
  item?: string;
  part: 1 | 2;
  exempt_paragraph?: string;
  officers: Officer[];
  /** Officers as facet values: the name, or the role where no name is given. */
  officer_names: string[];
  /** Officers as searchable text, "name (role)". */
  officer_labels: string[];
  councillors: string[];
  topics: string[];
  decisions: string[];
  actions: string[];
  declarations: string[];
  /** The markdown as published, for the item page. */
  body: string;
  /** The body as plain text: what is searched, cropped and highlighted. */
  text: string;
  source_url?: string;
  /** Path of the source file relative to the content folder. */
  source_path: string;
  /** Hash of the source file and the document format, to skip unchanged files on re-ingest. */
  content_hash: string;
}

/** Bumped whenever `toSearchDocument` changes shape, so a re-ingest resends everything. */
export const DOCUMENT_FORMAT_VERSION = 1;

export function meetingTimestamp(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

/** Markdown to the words a reader sees: markers, escapes and link targets removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function toSearchDocument(item: MinutesItem, sourcePath: string, contentHash: string): SearchDocument {
  const dated = item.meeting_date
    ? { meeting_date: item.meeting_date, meeting_ts: meetingTimestamp(item.meeting_date), year: Number(item.meeting_date.slice(0, 4)) }
    : {};
  const meeting = {
    id: item.id,
    council: item.council,
    ...(item.committee ? { committee: item.committee } : {}),
    ...dated,
    title: item.title,
    ...(item.item ? { item: item.item } : {}),
    ...(item.source_url ? { source_url: item.source_url } : {}),
    source_path: sourcePath,
    content_hash: contentHash,
  };
  if (item.part === EXEMPT_PART) {
    return {
      ...meeting,
      part: EXEMPT_PART,
      ...(item.exempt_paragraph ? { exempt_paragraph: item.exempt_paragraph } : {}),
      officers: [],
      officer_names: [],
      officer_labels: [],
      councillors: [],
      topics: [],
      decisions: [],
      actions: [],
      declarations: [],
      body: '',
      text: '',
    };
  }
  return {
    ...meeting,
    part: 1,
    officers: item.officers,
    officer_names: item.officers.map((officer) => (officer.name ?? officer.role) as string),
    officer_labels: item.officers.map(officerLabel),
    councillors: item.councillors,
    topics: item.topics,
    decisions: item.decisions,
    actions: item.actions,
    declarations: item.declarations,
    body: item.body,
    text: plainText(item.body),
  };
}
