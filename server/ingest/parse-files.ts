import path from 'node:path';
import type { PeopleInput } from '../index/people.js';
import { toSearchDocuments } from '../index/search-document.js';
import { parseMinutesFile, readFileBytes } from './read-content.js';
import { peopleInputOf, spoolLine } from './resolve-people.js';

/** One file read, validated and turned into search documents, ready for a rebuild's spool. */
export type ParsedFile =
  | {
      ok: true;
      itemId: string;
      ids: string[];
      /** The file's documents as a rebuild spools them (`spoolLine`), one per line, ending with a newline. */
      lines: string;
      /** What resolving each document's people reads, in the order of `lines`. */
      people: PeopleInput[];
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
    const people = documents.map(peopleInputOf);
    let lines = '';
    documents.forEach((document, position) => (lines += `${spoolLine(document, people[position])}\n`));
    return {
      ok: true,
      itemId: result.item.id,
      ids: documents.map((document) => document.id),
      lines,
      people,
      warnings: result.warnings,
      madeExempt: result.madeExempt,
    };
  });
}
