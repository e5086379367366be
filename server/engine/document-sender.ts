import type { EnqueuedTask, MeiliSearch } from 'meilisearch';
import { awaitTask } from './tasks.js';

/** Documents per request at most; a request is also cut at BATCH_BYTES of JSON, so long documents make smaller batches. */
const BATCH_SIZE = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;
/**
 * JSON the engine may hold queued before the sender waits. The engine merges
 * all queued requests into one indexing batch, and each batch costs more as
 * the index grows, so a deep queue matters. At 100k items (npm run bench): a
 * queue of 8 requests (~3k documents a batch) indexed at 266 docs/s, this cap
 * (~15-21k a batch) at 320 docs/s, the same documents all queued at once at
 * 465-2,876 docs/s. The cap keeps a million items (~11 GB of JSON) from all
 * landing in the engine's queue, and one enormous batch, at once.
 */
const MAX_QUEUED_BYTES = 384 * 1024 * 1024;

/** Told every ten batches the engine has applied. */
export interface SendProgress {
  progress(message: string): void;
}

/**
 * Sends documents (keyed by `id`) in batches as they come, and keeps at most
 * `maxQueuedBytes` of them waiting in the engine, so that reading and parsing
 * overlap indexing.
 */
export class DocumentSender {
  private batch: string[] = [];
  private bytes = 0;
  private readonly pending: { task: EnqueuedTask; bytes: number }[] = [];
  private queuedBytes = 0;
  private sentBatches = 0;

  constructor(
    private readonly client: MeiliSearch,
    private readonly uid: string,
    private readonly reporter: SendProgress,
    private readonly maxQueuedBytes = MAX_QUEUED_BYTES,
  ) {}

  /** Buffers documents, sending a request whenever a batch is full. */
  async add(documents: readonly object[]): Promise<void> {
    for (const document of documents) {
      const line = JSON.stringify(document);
      this.batch.push(line);
      this.bytes += line.length;
      if (this.batch.length >= BATCH_SIZE || this.bytes >= BATCH_BYTES) await this.flush();
    }
  }

  /** Enqueues what is buffered; waits first if the engine already has enough queued. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const payload = this.batch.join('\n');
    const bytes = this.bytes;
    this.batch = [];
    this.bytes = 0;
    await this.enqueue(payload, bytes);
  }

  /** Enqueues NDJSON as one request; waits first if the engine already has enough queued. */
  async enqueue(payload: string, bytes: number): Promise<void> {
    while (this.queuedBytes + bytes > this.maxQueuedBytes && this.pending.length > 0) await this.settleOldest();
    const task = await this.client.index(this.uid).addDocumentsFromString(payload, 'application/x-ndjson', { primaryKey: 'id' });
    this.pending.push({ task, bytes });
    this.queuedBytes += bytes;
  }

  /** Enqueues the removal of documents by id, applied in order with what was sent before. */
  async deleteDocuments(ids: string[]): Promise<void> {
    if (ids.length > 0) this.pending.push({ task: await this.client.index(this.uid).deleteDocuments(ids), bytes: 0 });
  }

  /** Flushes and waits until the engine has applied everything sent. */
  async finish(): Promise<void> {
    await this.flush();
    while (this.pending.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const { task: enqueued, bytes } = this.pending.shift() as { task: EnqueuedTask; bytes: number };
    this.queuedBytes -= bytes;
    const task = await awaitTask(this.client, enqueued.taskUid);
    if (task.status !== 'succeeded') {
      throw new Error(
        `The engine did not apply ${task.type} (task ${task.uid}, ${task.status}): ${task.error?.message ?? 'no reason given'}`,
      );
    }
    this.sentBatches += 1;
    if (this.sentBatches % 10 === 0) this.reporter.progress(`Indexed ${this.sentBatches} batches`);
  }
}
