import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { syncIndex } from '../../server/ingest/sync-index.js';
import { createApp } from '../../server/web/app.js';
import { createSearchAccess } from '../../server/query/search-access.js';
import { restartDelayMs, startEmbeddedMeili, type EmbeddedMeili } from '../../server/engine/embedded-meili.js';
import { createMeiliClient } from '../../server/engine/meili-client.js';
import { FIXTURES, TEST_SESSION_SECRET } from '../support/archive.js';

describe('when the embedded engine dies', () => {
  let engine: EmbeddedMeili;
  let dataDir: string;
  const events: string[] = [];

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-restart-'));
    engine = await startEmbeddedMeili({ dataDir, onEvent: (message) => events.push(message) });
  });
  after(async () => {
    await engine.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is down, starts it again and serves without a restart of its own', async function () {
    this.timeout(60_000);
    const connection = { url: engine.url, apiKey: engine.masterKey };
    const admin = createMeiliClient(connection);
    await syncIndex({ client: admin, indexUid: 'minutes', contentDir: path.join(FIXTURES, 'content') });
    const app = createApp({
      searchFor: await createSearchAccess(admin, connection, 'minutes'),
      sessionSecret: TEST_SESSION_SECRET,
      logError: () => undefined,
    });
    await request(app).get('/api/search?q=exclusions').expect(200);

    const firstPid = engine.pid;
    process.kill(firstPid, 'SIGKILL');
    const down = await request(app).get('/?q=exclusions').expect(503);
    assert.match(down.text, /temporarily unavailable/);

    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
      await delay(200);
      status = (await request(app).get('/api/search?q=exclusions')).status;
    }
    assert.equal(status, 200);
    assert.notEqual(engine.pid, firstPid);
    // The supervisor reports recovery after its own health check, a moment after the engine answers.
    for (let attempt = 0; attempt < 50 && !events.some((event) => /running again/.test(event)); attempt += 1) await delay(100);
    assert.match(events.join('\n'), /stopped unexpectedly[\s\S]*running again/);
  });

  it('backs off between restarts, up to half a minute', () => {
    assert.deepEqual([0, 1, 2, 3].map(restartDelayMs), [500, 1000, 2000, 4000]);
    assert.equal(restartDelayMs(20), 30_000);
  });
});
