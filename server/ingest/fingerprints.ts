import type { MeiliSearch } from 'meilisearch';
import { fetchAllDocuments } from '../engine/indexes.js';
import type { SearchDocument } from '../index/search-document.js';

/** What ingest reads back of each indexed document to tell what changed. */
export type Fingerprint = Pick<SearchDocument, 'id' | 'item_id' | 'content_hash' | 'source_path' | 'source_stamp'>;
const FINGERPRINT_FIELDS: (keyof Fingerprint)[] = ['id', 'item_id', 'content_hash', 'source_path', 'source_stamp'];
/** Fingerprints fetched per request: they are small, so fewer, larger pages. */
const FINGERPRINT_PAGE = 10_000;

/** The fingerprint of every document in an index. */
export function readFingerprints(client: MeiliSearch, uid: string): Promise<Fingerprint[]> {
  return fetchAllDocuments<Fingerprint>(client, uid, FINGERPRINT_FIELDS, undefined, FINGERPRINT_PAGE);
}

/** A document as the index holds it: its file's hash (none on a Part 2 stub) and its path. */
const indexedStateOf = (document: Fingerprint) => `${document.content_hash ?? ''} ${document.source_path}`;

/** What the index holds from one source file, to skip the file when its stamp or bytes have not changed. */
export interface IndexedFile {
  /** From the file's full record (a Part 2 stub carries neither); absent when only a stub is indexed, so the file is read. */
  hash?: string;
  stamp?: string;
  itemId: string;
  ids: string[];
}

/** What the index holds, by source file and by document, for an update to compare the content folder with. */
export interface IndexedContent {
  files: Map<string, IndexedFile>;
  /** "content_hash source_path" of each indexed document. */
  states: Map<string, string>;
}

/** Groups the fingerprints by source file, leaving out a path whose documents disagree (its file is then read). */
export function indexedContentOf(fingerprints: readonly Fingerprint[]): IndexedContent {
  const states = new Map<string, string>();
  const files = new Map<string, IndexedFile>();
  const inconsistent = new Set<string>();
  for (const entry of fingerprints) {
    states.set(entry.id, indexedStateOf(entry));
    const file = files.get(entry.source_path) ?? { itemId: entry.item_id, ids: [] };
    files.set(entry.source_path, file);
    const hashed = entry.content_hash !== undefined;
    if (
      file.itemId !== entry.item_id ||
      (hashed && file.hash !== undefined && (file.hash !== entry.content_hash || file.stamp !== entry.source_stamp))
    ) {
      inconsistent.add(entry.source_path);
      continue;
    }
    if (hashed && file.hash === undefined) Object.assign(file, { hash: entry.content_hash, stamp: entry.source_stamp });
    file.ids.push(entry.id);
  }
  inconsistent.forEach((file) => files.delete(file));
  return { files, states };
}

/**
 * Whether a file's documents differ from what the index holds: also when the
 * same bytes moved to another path, so source_path stays true. All of a
 * file's documents go when one changed: a Part 2 stub has no hash to tell
 * that it did.
 */
export function documentsChanged(documents: readonly Fingerprint[], states: IndexedContent['states']): boolean {
  return documents.some((document) => states.get(document.id) !== indexedStateOf(document));
}

/** Indexed documents that no usable file has any more; those of files that exist but are unusable stay. */
export function staleFingerprints(
  indexed: readonly Fingerprint[],
  content: { ids: Set<string>; unusablePaths: Set<string> },
): Fingerprint[] {
  return indexed.filter((entry) => !content.ids.has(entry.id) && !content.unusablePaths.has(entry.source_path));
}

/** Agenda items among documents (an exempt item has a stub and a full record). */
export const countItems = (documents: readonly { item_id: string }[]) => new Set(documents.map((document) => document.item_id)).size;
