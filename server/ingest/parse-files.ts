import path from 'node:path';
import { toSearchDocuments } from '../index/search-document.js';
import { parseMinutesFile, readFileBytes } from './read-content.js';

/** One file read, validated and turned into search documents, ready for a rebuild's spool. */
export type ParsedFile =
  | {
      ok: true;
      itemId: string;
      ids: string[];
      /** The file's documents as NDJSON, one per line, ending with a newline. */
      ndjson: string;
      warnings: string[];
      madeExempt: boolean;
    }
  | { ok: false; reason: string };

/** Reads and parses files of the content folder; never throws (a failure is the file's reason). */
export function parseFiles(contentDir: string, files: string[]): ParsedFile[] {
  return files.map((file): ParsedFile => {
    const read = readFileBytes(path.join(contentDir, file));
    if (!read.ok) return read;
    const result = parseMinutesFile(read.bytes);
    if (!result.ok) return result;
    const documents = toSearchDocuments(result.item, { path: file, contentHash: result.contentHash, stamp: read.stamp });
    let ndjson = '';
    for (const document of documents) ndjson += `${JSON.stringify(document)}\n`;
    return {
      ok: true,
      itemId: result.item.id,
      ids: documents.map((document) => document.id),
      ndjson,
      warnings: result.warnings,
      madeExempt: result.madeExempt,
    };
  });
}
