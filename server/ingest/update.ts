import path from 'node:path';
import type { MeiliSearch } from 'meilisearch';
import { DocumentSender } from '../engine/document-sender.js';
import { toSearchDocuments, type SearchDocument } from '../index/search-document.js';
import { ContentClaims, type ContentSnapshot } from './claims.js';
import { countItems, documentsChanged, indexedContentOf, staleFingerprints, type Fingerprint } from './fingerprints.js';
import { contentHashOf, parseMinutesFile, readFileUnlessStamped, type FoundFiles } from './read-content.js';
import type { IngestReporter } from './reporter.js';
import type { UpdatePeople } from './resolve-people.js';

/** Changed documents given their people at once, before they are sent. */
const PEOPLE_BATCH = 500;

/**
 * Brings the live index in line with the content folder in place: files read
 * in name order, each sent as soon as it is parsed (so reading overlaps
 * indexing) when its documents differ from what the index holds, and the
 * documents no usable file has any more removed. A file whose stamp or bytes
 * are those the index already holds from that path is not parsed again: its
 * documents are known to be current. With `people`, the documents sent carry
 * their people where the indexed versions' still hold (resolve-people.ts).
 */
export async function updateIndex(
  client: MeiliSearch,
  indexUid: string,
  contentDir: string,
  found: FoundFiles,
  indexed: Fingerprint[],
  reporter: IngestReporter,
  people?: UpdatePeople,
): Promise<{ content: ContentSnapshot; stale: Fingerprint[] }> {
  const sender = new DocumentSender(client, indexUid, reporter);
  let changedDocuments: SearchDocument[] = [];
  const send = async () => {
    await people?.complete(changedDocuments);
    await sender.add(changedDocuments);
    changedDocuments = [];
  };
  const known = indexedContentOf(indexed);
  const claims = new ContentClaims(found, reporter);
  let position = 0;
  for (const file of found.files) {
    const held = known.files.get(file);
    const read = readFileUnlessStamped(path.join(contentDir, file), held?.stamp);
    position += 1;
    if (position % 5000 === 0) reporter.progress(`Read ${position} of ${found.files.length} files`);
    if (read.ok === false) {
      claims.reject(file, read.reason);
      continue;
    }
    // Only a file the index holds can be reported unchanged.
    const hash = read.ok === 'unchanged' ? undefined : contentHashOf(read.bytes);
    if (read.ok === 'unchanged' || held?.hash === hash) {
      if (held) claims.claim(file, { itemId: held.itemId, ids: held.ids, sent: false });
      continue;
    }
    const result = parseMinutesFile(read.bytes, hash);
    if (!result.ok) {
      claims.reject(file, result.reason);
      continue;
    }
    const documents = toSearchDocuments(result.item, { path: file, contentHash: result.contentHash, stamp: read.stamp });
    const changed = documentsChanged(documents, known.states);
    const ids = documents.map((document) => document.id);
    if (
      claims.claim(file, { itemId: result.item.id, ids, sent: changed, warnings: result.warnings, madeExempt: result.madeExempt }) &&
      changed
    ) {
      changedDocuments.push(...documents);
      if (changedDocuments.length >= PEOPLE_BATCH) await send();
    }
  }
  await send();

  const content = claims.snapshot;
  const stale = staleFingerprints(indexed, content);
  if (content.sent > 0 || stale.length > 0)
    reporter.progress(`Sending ${content.sent} new or changed items and ${countItems(stale)} deletions`);
  await people?.removing(stale.map((entry) => entry.item_id));
  await sender.deleteDocuments(stale.map((entry) => entry.id));
  await sender.finish();
  return { content, stale };
}
