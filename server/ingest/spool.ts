import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { DocumentSender } from '../engine/document-sender.js';

/** Requests read back from a spool are cut at this size, under the engine's default 100 MB payload limit. */
const REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * A rebuild's documents, one a line, in a temporary file, written as they are
 * parsed and then queued at once (each line made a document as it is read
 * back), so the engine indexes them in as few
 * batches as it would ready-made JSON. Writing waits when the stream's buffer
 * is full, so memory stays bounded.
 */
export class Spool {
  bytes = 0;
  private readonly file: string;
  private readonly stream: WriteStream;
  private readonly removeNow: () => void;

  private constructor(private readonly dir: string) {
    this.file = path.join(dir, 'documents.ndjson');
    this.stream = createWriteStream(this.file);
    // Also when the process exits with the rebuild unfinished (process.exit, a test runner ending).
    this.removeNow = () => rmSync(dir, { recursive: true, force: true });
    process.once('exit', this.removeNow);
  }

  /** A new, empty spool in a temporary folder of its own. */
  static async create(): Promise<Spool> {
    return new Spool(await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-ingest-')));
  }

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends writing; the file stays until `remove`. */
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Deletes the spool's folder; safe to call again. */
  async remove(): Promise<void> {
    process.off('exit', this.removeNow);
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /**
   * Reads the spool back in requests of up to REQUEST_BYTES, each cut after a
   * whole line, and enqueues every one of them (as many waiting in the engine
   * as the sender allows) before the caller waits for the engine. `complete`
   * is called on each line in order and makes the document sent in its place.
   */
  async enqueue(sender: DocumentSender, complete: (line: string) => string): Promise<void> {
    const handle = await fs.open(this.file, 'r');
    try {
      let buffer = Buffer.alloc(REQUEST_BYTES);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        filled += bytesRead;
        if (filled === 0) return;
        const end = bytesRead === 0 ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
        if (end === 0) {
          // One line longer than a request: grow the buffer rather than split it.
          const larger = Buffer.alloc(buffer.length * 2);
          buffer.copy(larger, 0, 0, filled);
          buffer = larger;
          continue;
        }
        const lines = buffer.toString('utf8', 0, end).split('\n');
        lines.pop(); // after the last newline
        const completed = `${lines.map(complete).join('\n')}\n`;
        await sender.enqueue(completed, Buffer.byteLength(completed));
        buffer.copy(buffer, 0, end, filled);
        filled -= end;
        if (bytesRead === 0 && filled === 0) return;
      }
    } finally {
      await handle.close();
    }
  }
}
