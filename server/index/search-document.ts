import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { paragraphsOf } from '../minutes/markdown.js';
import { peopleMentions, type PersonMention } from '../minutes/people-mentions.js';
import type { ResolvedPeople } from './people.js';
import type { Visibility } from './visibility.js';
import { WORD_FORMS_FILE, wordFamilies } from './synonyms.js';
import { wordsOf } from './words.js';
import { EXEMPT_PART, officerLabel, type MinutesItem } from '../minutes/schema.js';

/**
 * What the engine stores for one agenda item: the item as read (`MinutesItem`, its `id` as
 * `item_id`), the fields derived from it for searching and faceting, and where it came from.
 * A Part 1 item is one public document. A Part 2 (exempt) item is two: a public stub with only
 * its title, meeting and exemption paragraph, as councils publish it, and a restricted full
 * record that only signed-in officers can reach.
 */
export type SearchDocument = Omit<MinutesItem, 'id'> &
  DerivedFields &
  Partial<ResolvedPeople> &
  Provenance & {
    /** The engine's key: the item id, or the restricted record's id for a Part 2 item's full record. */
    id: string;
    /** The agenda item's own id, shared by a Part 2 item's stub and full record; its URL. */
    item_id: string;
    visibility: Visibility;
  };

/** Fields computed from the item, for the engine to search, filter and sort on. */
export interface DerivedFields {
  /** Start of the meeting day in seconds since the epoch (UTC), for date ranges and sorting. */
  meeting_ts?: number;
  year?: number;
  /** Officers as facet values: the name, or the role where no name is given. */
  officer_names: string[];
  /** Officers as searchable text, "name (role)". */
  officer_labels: string[];
  /** The body's paragraphs as plain text: what is searched, and where a hit's snippet comes from. */
  paragraphs: string[];
  /** The anchor of each paragraph on the item page, in the same order. */
  paragraph_anchors: string[];
  /** People the text names with a title, as written, and what it says they did; resolved across the council later (people.ts). */
  people_mentions: PersonMention[];
  /**
   * What the engine searches as the item's text: its paragraphs, then the other forms
   * (word-forms.txt) of the words the document uses, so "family hubs" finds "family hub" as
   * closely as the words as written (proximity is by attribute). Made from what the document
   * shows: a Part 2 stub's forms are its title's alone.
   */
  search_text: string[];
}

/** Where a document comes from and when it was made. */
export interface Provenance {
  /** Path of the source file relative to the content folder. */
  source_path: string;
  /**
   * Hash of the source file and the document format, to skip unchanged files
   * on re-ingest. Absent from a Part 2 item's public stub, as is the stamp: it
   * would confirm a guess at the withheld text.
   */
  content_hash?: string;
  /** The source file's size and modification time when read, to skip it on re-ingest without reading it. */
  source_stamp?: string;
  /** When this version of the file was indexed (ISO 8601); absent on documents indexed before it was recorded. */
  ingested_at?: string;
}

/** Bumped whenever `toSearchDocument` changes shape, so a re-ingest resends everything. */
export const DOCUMENT_FORMAT_VERSION = 11;

let format: string | undefined;

/**
 * The document format as file stamps and content hashes record it: the version and the word-forms
 * file's hash, so a change to either resends every item at the next ingest.
 */
export function documentFormat(): string {
  format ??= `${DOCUMENT_FORMAT_VERSION}.${createHash('sha256').update(readFileSync(WORD_FORMS_FILE)).digest('hex').slice(0, 12)}`;
  return format;
}

/** The words of the texts that a word-forms family holds, less the words the texts use: sorted, each once. */
export function otherForms(texts: readonly string[], families: ReadonlyMap<string, readonly string[]> = wordFamilies()): string {
  const used = new Set(texts.flatMap(wordsOf));
  const others = new Set<string>();
  for (const word of used) for (const form of families.get(word) ?? []) if (!used.has(form)) others.add(form);
  return [...others].sort().join(' ');
}

/** The texts of a document that are searched as words (names and committees are not given forms). */
const textsOf = (document: Pick<SearchDocument, 'title' | 'decisions' | 'actions' | 'topics' | 'declarations' | 'paragraphs'>) => [
  document.title,
  ...document.decisions,
  ...document.actions,
  ...document.topics,
  ...document.declarations,
  ...document.paragraphs,
];

/** The file a document is made from: its path in the content folder, the hash of its bytes, and its stamp when read. */
export interface SourceFile {
  path: string;
  contentHash: string;
  stamp?: string;
}

/** The key of a Part 2 item's full record; `_` never occurs in item ids, so it cannot collide. */
export function restrictedRecordId(itemId: string): string {
  return `${itemId}_restricted`;
}

export function meetingTimestamp(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

function paragraphFields(body: string): Pick<SearchDocument, 'paragraphs' | 'paragraph_anchors'> {
  const paragraphs = paragraphsOf(body);
  return { paragraphs: paragraphs.map((paragraph) => paragraph.text), paragraph_anchors: paragraphs.map((paragraph) => paragraph.anchor) };
}

function fullRecord(item: MinutesItem, source: SourceFile): Omit<SearchDocument, 'id' | 'visibility'> {
  const { id, ...fields } = item;
  const paragraphs = paragraphFields(item.body);
  return {
    ...fields,
    item_id: id,
    ...(item.meeting_date ? { meeting_ts: meetingTimestamp(item.meeting_date), year: Number(item.meeting_date.slice(0, 4)) } : {}),
    officer_names: item.officers.map((officer) => (officer.name ?? officer.role) as string),
    officer_labels: item.officers.map(officerLabel),
    ...paragraphs,
    search_text: [...paragraphs.paragraphs, otherForms(textsOf({ ...item, ...paragraphs }))],
    people_mentions: peopleMentions(`${item.title}\n${item.body}`, item.declarations),
    source_path: source.path,
    content_hash: source.contentHash,
    ...(source.stamp ? { source_stamp: source.stamp } : {}),
  };
}

/** What anyone may see of a Part 2 item: what the council itself publishes, nothing more. */
export const STUB_FIELDS = [
  'item_id',
  'meeting_id',
  'council',
  'committee',
  'meeting_date',
  'meeting_ts',
  'year',
  'title',
  'item',
  'position',
  'exempt_paragraph',
  'source_url',
  'source_path',
  'ingested_at',
] as const satisfies (keyof SearchDocument)[];

/** The rest of a stub: no officers, topics, decisions or text. */
const WITHHELD = {
  officers: [],
  officer_names: [],
  officer_labels: [],
  councillors: [],
  topics: [],
  decisions: [],
  actions: [],
  declarations: [],
  body: '',
  paragraphs: [],
  paragraph_anchors: [],
  people_mentions: [],
} satisfies Partial<SearchDocument>;

/** The public face of a Part 2 item. */
function exemptStub(full: Omit<SearchDocument, 'id' | 'visibility'>): SearchDocument {
  const shown = Object.fromEntries(STUB_FIELDS.filter((field) => full[field] !== undefined).map((field) => [field, full[field]]));
  return {
    ...(shown as Pick<SearchDocument, (typeof STUB_FIELDS)[number]>),
    ...WITHHELD,
    search_text: [otherForms([full.title])],
    id: full.item_id,
    visibility: 'public',
    part: EXEMPT_PART,
  };
}

/** The documents stored for one agenda item: one for a public item, a stub and a restricted record for an exempt one. */
export function toSearchDocuments(item: MinutesItem, source: SourceFile, ingestedAt = new Date()): SearchDocument[] {
  const full = { ...fullRecord(item, source), ingested_at: ingestedAt.toISOString() };
  if (item.part !== EXEMPT_PART) return [{ id: item.id, visibility: 'public', ...full }];
  return [exemptStub(full), { id: restrictedRecordId(item.id), visibility: 'restricted', ...full }];
}
