import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EngineStartError, masterKeyIn, startEmbeddedMeili } from '../../server/engine/embedded-meili.js';
import { testEngine } from '../support/engine.js';

describe('embedded Meilisearch', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-engine-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('refuses a binary whose checksum is not the pinned one', async () => {
    const impostor = path.join(dir, 'meilisearch');
    await fs.writeFile(impostor, '#!/bin/sh\necho pretend\n', { mode: 0o755 });
    await assert.rejects(
      startEmbeddedMeili({ dataDir: path.join(dir, 'data'), binaryPath: impostor }),
      (error: unknown) => error instanceof EngineStartError && /Refusing Meilisearch binary/.test(error.message),
    );
  });

  it('keeps its master key in the data folder, readable by the owner only, and reuses it', async () => {
    const key = await masterKeyIn(dir);
    const { mode } = await fs.stat(path.join(dir, 'master-key'));
    assert.equal(mode & 0o777, 0o600);
    assert.ok(key.length >= 32);
    assert.equal(await masterKeyIn(dir), key);
  });

  it('serves on loopback and refuses requests without the key', async () => {
    const { url } = testEngine();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${url}/health`)).status, 200);
    assert.equal((await fetch(`${url}/indexes`)).status, 401);
  });
});
