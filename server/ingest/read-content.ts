import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FrontMatterLanguageError, parseFrontMatter } from '../minutes/front-matter.js';
import { describeIssue, validateMinutesItem, type MinutesItem } from '../minutes/schema.js';
import { decodeText } from '../common/decode-text.js';
import { documentFormat } from '../index/search-document.js';

/** Files larger than this are not minutes of one agenda item; they are skipped, not read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | {
      ok: true;
      item: MinutesItem;
      contentHash: string;
      /** What to tell about a file that is used all the same. */ warnings: string[];
      madeExempt: boolean;
    }
  | { ok: false; reason: string };

/**
 * A file is taken as unchanged, and not read again, when its stamp (size,
 * modification time and the document format) is the one recorded when it was
 * indexed, as git and rsync do. A file modified within this long of being
 * read gets no stamp: a change in the same clock tick would keep its time, so
 * it is read and hashed next time.
 */
const RACY_MS = 2000;

export function fileStamp(stats: { size: number; mtimeMs: number }, readAtMs = Date.now()): string | undefined {
  return readAtMs - stats.mtimeMs < RACY_MS ? undefined : `${documentFormat()}:${stats.size}:${stats.mtimeMs}`;
}

export interface FoundFiles {
  /** Paths relative to the content folder, sorted, with forward slashes. */
  files: string[];
  /** Entries that were not followed, with the reason. */
  ignored: { file: string; reason: string }[];
}

/** Lists the markdown files under a folder; symbolic links are not followed, so loops cannot trap it. */
export async function findMarkdownFiles(root: string): Promise<FoundFiles> {
  // A missing folder is an error, never an empty archive: ingest would remove every indexed item.
  const stats = await fs.stat(root).catch(() => undefined);
  if (!stats) throw new Error(`The content folder ${root} does not exist`);
  if (!stats.isDirectory()) throw new Error(`The content folder ${root} is not a folder`);
  const found: FoundFiles = { files: [], ignored: [] };
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.name.startsWith('.')) continue;
      if (entry.isSymbolicLink()) {
        found.ignored.push({ file: relative, reason: 'is a symbolic link; links are not followed' });
      } else if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        found.files.push(relative);
      } else if (entry.isFile()) {
        found.ignored.push({ file: relative, reason: 'is not a markdown (.md) file' });
      }
    }
  }
  await walk(root);
  found.files.sort();
  return found;
}

/** " at line N" of the file, for a YAML error that knows where it is (the front matter starts on line 2). */
function yamlErrorPlace(error: unknown): string {
  const line = (error as { mark?: { line?: number } }).mark?.line;
  return typeof line === 'number' ? ` at line ${line + 2}` : '';
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

export function contentHashOf(bytes: Buffer): string {
  return createHash('sha256').update(`format ${documentFormat()}\n`).update(bytes).digest('hex');
}

/** Parses and validates one file's bytes (whose hash the caller may have taken already); never throws, the reason names the field at fault. */
export function parseMinutesFile(bytes: Buffer, contentHash?: string): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (looksBinary(bytes)) return { ok: false, reason: 'is a binary file, not markdown' };
  let parsed: ReturnType<typeof parseFrontMatter>;
  try {
    parsed = parseFrontMatter(decodeText(bytes));
  } catch (error) {
    if (error instanceof FrontMatterLanguageError) return { ok: false, reason: error.message };
    return {
      ok: false,
      reason: `front matter is not valid YAML${yamlErrorPlace(error)}: ${(error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0]}`,
    };
  }
  if (Object.keys(parsed.data).length === 0) return { ok: false, reason: 'has no front matter (--- … --- block at the top)' };
  const result = validateMinutesItem(parsed.data, parsed.body.trim());
  if (!result.ok) {
    return { ok: false, reason: result.issues.map(describeIssue).join('; ') };
  }
  return {
    ok: true,
    item: result.item,
    contentHash: contentHash ?? contentHashOf(bytes),
    warnings: result.warnings.map(describeIssue),
    madeExempt: result.madeExempt,
  };
}

export type ReadBytesResult = { ok: true; bytes: Buffer; stamp?: string } | { ok: false; reason: string };

const unreadable = (error: unknown) => ({ ok: false, reason: `could not be read: ${(error as Error).message}` }) as const;

/**
 * A file's bytes and stamp, unless it is too large to be one agenda item or
 * cannot be read; never throws. Synchronous: for many small files it is
 * several times faster than fs/promises (~17 µs against 50–60 µs a file
 * here), and ingest reads before the server listens, or in worker threads.
 */
export function readFileBytes(file: string): ReadBytesResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (stats.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        reason: `is ${(stats.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one item`,
      };
    }
    const bytes = readFileSync(fd);
    const stamp = fileStamp(stats);
    return { ok: true, bytes, ...(stamp ? { stamp } : {}) };
  } catch (error) {
    return unreadable(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The file's bytes, or `unchanged` without reading them when its stamp is `knownStamp`; never throws. */
export function readFileUnlessStamped(file: string, knownStamp: string | undefined): ReadBytesResult | { ok: 'unchanged' } {
  if (knownStamp !== undefined) {
    try {
      if (fileStamp(statSync(file)) === knownStamp) return { ok: 'unchanged' };
    } catch (error) {
      return unreadable(error);
    }
  }
  return readFileBytes(file);
}
