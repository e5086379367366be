import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { syncIndex } from '../../server/ingest/sync-index.js';
import { PROJECT_ROOT } from '../../server/common/paths.js';
import { copyOfFixtures } from '../support/archive.js';
import { testClient, testEngine, uniqueIndexUid } from '../support/engine.js';

/** Adds `count` plain items to a content folder, enough to keep the engine busy for a while. */
async function addGeneratedItems(dir: string, count: number): Promise<void> {
  const paragraph =
    'The Committee considered the report on highways maintenance, street lighting and winter gritting across the district. ';
  await fs.mkdir(path.join(dir, 'generated'), { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, n) =>
      fs.writeFile(
        path.join(dir, 'generated', `item-${n}.md`),
        `---\nid: generated-item-${n}\ncouncil: Generated Council\ntitle: Generated item ${n}\n---\n${paragraph.repeat(20)}item${n}\n`,
      ),
    ),
  );
}

/** Documents in the live index: the fixtures' eight items are nine documents (an exempt item is two). */
async function documentCount(indexUid: string): Promise<number> {
  return (await testClient().index(indexUid).getStats()).numberOfDocuments;
}

describe('re-index without a gap', () => {
  it('serves the old index, complete, until a rebuild is swapped in', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('swap');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.equal(await documentCount(indexUid), 9);

    await addGeneratedItems(contentDir, 1500);
    const seen = new Set<number>();
    let rebuilding = true;
    const watcher = (async () => {
      while (rebuilding) seen.add(await documentCount(indexUid));
    })();
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir, full: true });
    rebuilding = false;
    await watcher;
    seen.add(await documentCount(indexUid));

    assert.ok(summary.rebuilt);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      [9, 1509],
      'only the old and the new index were ever seen',
    );
  });

  it('keeps the previous index serving when a rebuild is killed mid-way', async function () {
    this.timeout(120_000);
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('killed');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    await addGeneratedItems(contentDir, 3000);

    const { url, masterKey } = testEngine();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-kill-'));
    const ingest = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--content', contentDir, '--full'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, MEILI_URL: url, MEILI_API_KEY: masterKey, MEILI_INDEX: indexUid, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      ingest.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Building a fresh index')) resolve();
      });
      ingest.once('exit', () => reject(new Error(`ingest ended before the rebuild began:\n${output}`)));
    });
    ingest.kill('SIGKILL');
    await new Promise((resolve) => ingest.once('exit', resolve));

    assert.equal(await documentCount(indexUid), 9, 'the live index is untouched');
    const hits = (await testClient().index(indexUid).search('exclusions', { filter: 'visibility = "public"' })).hits;
    assert.equal(hits.length, 2);

    // The next run clears what the killed one left and completes.
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.equal(summary.indexed, 3000);
    assert.equal(await documentCount(indexUid), 3009);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps documents of files that became unusable through a full rebuild', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('rebuild-keeps');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    await fs.writeFile(path.join(contentDir, 'medway-2019-03-cabinet-item-5.md'), '---\nid: [broken\n---\n');
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir, full: true });
    assert.equal(summary.skipped.length, 1);
    assert.equal(await documentCount(indexUid), 9);
    assert.equal((await testClient().index(indexUid).getDocument('medway-2019-03-cabinet-item-5')).council, 'Medway Council');
  });
});
