import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedMeili, type EmbeddedMeili } from '../../server/engine/embedded-meili.js';
import { createMeiliClient } from '../../server/engine/meili-client.js';

/** One real Meilisearch for the whole run, on a free port with a temporary data folder. */
let engine: EmbeddedMeili | undefined;
let dataDir: string | undefined;

export async function startTestEngine(): Promise<void> {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-test-'));
  engine = await startEmbeddedMeili({ dataDir });
}

export async function stopTestEngine(): Promise<void> {
  await engine?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}

/** Set by `npm run test:unit`, which runs only the test files not named `*.engine.test.ts`. */
export const UNIT_ONLY = process.env.TEST_ENGINE === 'none';

export function testEngine(): EmbeddedMeili {
  if (UNIT_ONLY) throw new Error('This test needs the engine: name its file *.engine.test.ts');
  if (!engine) throw new Error('The test engine is not running (test/hooks.ts starts it)');
  return engine;
}

export function testClient() {
  const { url, masterKey } = testEngine();
  return createMeiliClient({ url, apiKey: masterKey });
}

let indexCounter = 0;
/** A fresh index name, so test files never see each other's documents. */
export function uniqueIndexUid(label: string): string {
  indexCounter += 1;
  return `test-${label}-${process.pid}-${indexCounter}`;
}
