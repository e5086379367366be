import { setTimeout as delay } from 'node:timers/promises';
import type { MeiliSearch, Task } from 'meilisearch';

const POLL_MS = 50;

/** For the client's own waitTask on the few tasks of an ingest that are not document batches (index creation, settings, swap). */
export const TASK_WAIT = { timeout: 24 * 60 * 60 * 1000, interval: POLL_MS };

/**
 * Waits for an engine task by polling it. The client's own waitForTask adds a
 * listener to one abort signal per poll, which warns (and grows) when a long
 * indexing run is polled thousands of times.
 */
export async function awaitTask(client: MeiliSearch, taskUid: number): Promise<Task> {
  for (;;) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    await delay(POLL_MS);
  }
}
