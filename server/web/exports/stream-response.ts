import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Starts an async iterable, so that a failure of its first step (the engine
 * down, a bad filter) happens before any header is sent and is answered with
 * its own status, not a broken download.
 */
export async function started<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      // yield* passes an early stop (return) on to the source, so it sends no more requests.
      yield* { [Symbol.asyncIterator]: () => iterator };
    },
  };
}

/**
 * Sends text as it is produced, at the pace the client reads it. A client
 * that goes away stops the producer; a failure part-way cuts the connection,
 * so a download is never silently short.
 */
export async function streamText(res: Response, contentType: string, filename: string, chunks: AsyncIterable<string>): Promise<void> {
  res.type(contentType);
  res.attachment(filename);
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  }
}
