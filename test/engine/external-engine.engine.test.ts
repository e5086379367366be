import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createApp } from '../../server/web/app.js';
import { loadConfig } from '../../server/common/config.js';
import { PROJECT_ROOT } from '../../server/common/paths.js';
import { createSearchAccess } from '../../server/query/search-access.js';
import { connectEngine } from '../../server/engine/engine.js';
import { createMeiliClient } from '../../server/engine/meili-client.js';
import { FIXTURES, TEST_SESSION_SECRET } from '../support/archive.js';
import { testEngine, uniqueIndexUid } from '../support/engine.js';

const run = promisify(execFile);

/**
 * MEILI_URL: the archive against a Meilisearch it did not start (here the
 * suite's own engine stands in for one run elsewhere, e.g. a replica or a
 * managed server). Nothing embedded is started and nothing is written to DATA_DIR.
 */
describe('an external Meilisearch (MEILI_URL)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let indexUid: string;

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-external-'));
    indexUid = uniqueIndexUid('external');
    const { url, masterKey } = testEngine();
    env = { MEILI_URL: url, MEILI_API_KEY: masterKey, MEILI_INDEX: indexUid, DATA_DIR: dataDir };
  });

  after(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('connects to it without starting an engine, and leaves it running on stop', async () => {
    const engine = await connectEngine(loadConfig(env));
    assert.equal(engine.connection.url, testEngine().url);
    assert.match(engine.description, /^Meilisearch at http:\/\/127\.0\.0\.1:\d+$/);
    await engine.stop();
    assert.equal((await fetch(`${testEngine().url}/health`)).status, 200);
    assert.deepEqual(await fs.readdir(dataDir), [], 'no engine data, key or announcement in DATA_DIR');
  });

  it('is filled by npm run ingest and searched by the app through it', async function () {
    this.timeout(60_000);
    const contentDir = path.join(FIXTURES, 'content');
    const ingest = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--content', contentDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    assert.match(ingest.stdout, /Meilisearch at http/);
    assert.match(ingest.stdout, /Indexed 8 new or changed/);

    const config = loadConfig(env);
    const engine = await connectEngine(config);
    const admin = createMeiliClient(engine.connection);
    const app = createApp({
      searchFor: await createSearchAccess(admin, engine.connection, config.indexUid),
      sessionSecret: TEST_SESSION_SECRET,
      logError: () => undefined,
    });
    const response = await request(app).get('/api/search?q=exclusions').expect(200);
    assert.ok(response.body.total >= 1);
    assert.ok(response.body.hits.every((hit: { part: number }) => hit.part === 1 || hit.part === 2));
    await engine.stop();
    assert.deepEqual(await fs.readdir(dataDir), []);
  });

  it('refuses a MEILI_URL that is not a URL, naming the setting', () => {
    assert.throws(() => loadConfig({ ...env, MEILI_URL: 'not a url' }), /MEILI_URL/);
  });
});
