import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncIndex, type FileWarning, type SkippedFile } from '../../server/ingest/sync-index.js';
import { copyOfFixtures, FIXTURES } from '../support/archive.js';
import { testClient, uniqueIndexUid } from '../support/engine.js';

/** The agenda items in an index (an exempt item is stored twice: stub and restricted record). */
async function indexedIds(indexUid: string): Promise<string[]> {
  const { results } = await testClient()
    .index(indexUid)
    .getDocuments({ fields: ['item_id'], limit: 1000 });
  return [...new Set(results.map((document) => document.item_id as string))].sort();
}

describe('ingest (syncIndex)', () => {
  it('indexes the valid files and skips each broken one with a reason naming the field', async () => {
    const indexUid = uniqueIndexUid('ingest-broken');
    const skippedAsReported: SkippedFile[] = [];
    const summary = await syncIndex(
      { client: testClient(), indexUid, contentDir: path.join(FIXTURES, 'broken') },
      { progress: () => undefined, skipped: (entry) => skippedAsReported.push(entry), warned: () => undefined },
    );
    assert.equal(summary.files, 6);
    assert.equal(summary.indexed, 2);
    assert.deepEqual(await indexedIds(indexUid), ['broken-fixture-valid-1', 'broken-fixture-valid-2']);
    const reasons = Object.fromEntries(summary.skipped.map(({ file, reason }) => [file, reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['bad-date.md', 'bad-yaml.md', 'empty.md', 'missing-title.md']);
    assert.match(reasons['bad-yaml.md'] as string, /not valid YAML/);
    assert.match(reasons['missing-title.md'] as string, /field "title"/);
    assert.match(reasons['bad-date.md'] as string, /field "meeting_date" is not a real calendar date/);
    assert.match(reasons['empty.md'] as string, /is empty/);
    assert.deepEqual(skippedAsReported, summary.skipped);
  });

  it('sends nothing when nothing changed, and only what changed otherwise', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-incremental');
    const first = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.equal(first.indexed, 8);

    const again = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual([again.indexed, again.unchanged, again.deleted], [0, 8, 0]);

    const file = path.join(contentDir, 'kent-2016-05-county-council-item-9.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('hedgerow', 'hedgerows and verges'));
    const changed = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual([changed.indexed, changed.unchanged], [1, 7]);
    const document = await testClient().index(indexUid).getDocument('kent-2016-05-county-council-item-9');
    assert.match(document.body as string, /hedgerows and verges/);
  });

  it('warns of what a changed file gets wrong, naming it, and keeps it private at a sign of exemption', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-warnings');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    const id = 'medway-2024-07-cabinet-item-12';
    const file = path.join(contentDir, `${id}.md`);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('part: 1\n', 'confidential: true\n'));
    const warned: FileWarning[] = [];
    const summary = await syncIndex(
      { client: testClient(), indexUid, contentDir },
      { progress: () => undefined, skipped: () => undefined, warned: (entry) => warned.push(entry) },
    );
    assert.deepEqual(
      warned.map((entry) => entry.file),
      [`${id}.md`, `${id}.md`],
    );
    assert.deepEqual(warned, summary.warnings);
    assert.equal(summary.madeExempt, 1);
    assert.equal((await testClient().index(indexUid).getDocument(id)).part, 2);
  });

  it('trusts a file whose size and modification time are unchanged without reading it, and reads it when either changes', async () => {
    const contentDir = await copyOfFixtures('content');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const name of await fs.readdir(contentDir)) await fs.utimes(path.join(contentDir, name), anHourAgo, anHourAgo);
    const indexUid = uniqueIndexUid('ingest-stamp');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    const id = 'kent-2016-05-county-council-item-9';
    const file = path.join(contentDir, `${id}.md`);
    assert.ok((await testClient().index(indexUid).getDocument(id)).source_stamp);

    // Same size, same time: taken as unchanged, as git and rsync would (`--full` reads everything).
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('hedgerow', 'HEDGEROW'));
    await fs.utimes(file, anHourAgo, anHourAgo);
    const sameStamp = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual([sameStamp.indexed, sameStamp.unchanged], [0, 8]);

    const aMinuteAgo = new Date(Date.now() - 60 * 1000);
    await fs.utimes(file, aMinuteAgo, aMinuteAgo);
    const newTime = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual([newTime.indexed, newTime.unchanged], [1, 7]);
    assert.match((await testClient().index(indexUid).getDocument(id)).body as string, /HEDGEROW/);
  });

  it('records no stamp for a file modified just before it was read, so a change in the same instant is not missed', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-racy');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    const { results } = await testClient()
      .index(indexUid)
      .getDocuments({ fields: ['source_stamp'], limit: 100 });
    assert.deepEqual(
      results.filter((document) => document.source_stamp !== undefined),
      [],
    );
  });

  it('refuses a content folder that is missing or not a folder, and keeps what is indexed', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-missing');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    const missing = path.join(contentDir, 'no-such-folder');
    await assert.rejects(syncIndex({ client: testClient(), indexUid, contentDir: missing }), {
      message: `The content folder ${missing} does not exist`,
    });
    const file = path.join(contentDir, 'medway-2019-03-cabinet-item-5.md');
    await assert.rejects(syncIndex({ client: testClient(), indexUid, contentDir: file }), /is not a folder/);
    assert.equal((await indexedIds(indexUid)).length, 8);
  });

  it('removes items whose files were deleted', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-delete');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    await fs.rm(path.join(contentDir, 'medway-2024-07-cabinet-item-12.md'));
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.equal(summary.deleted, 1);
    assert.ok(!(await indexedIds(indexUid)).includes('medway-2024-07-cabinet-item-12'));
    assert.equal((await indexedIds(indexUid)).length, 7);
  });

  it('keeps what was indexed from a file that has since been broken', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-keep');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    await fs.writeFile(path.join(contentDir, 'medway-2019-03-cabinet-item-5.md'), '---\ntitle: [unclosed\n---\n');
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual(
      summary.skipped.map((entry) => entry.file),
      ['medway-2019-03-cabinet-item-5.md'],
    );
    assert.equal(summary.deleted, 0);
    assert.ok((await indexedIds(indexUid)).includes('medway-2019-03-cabinet-item-5'));
  });

  it('skips a second file claiming an id already used, naming the first', async () => {
    const contentDir = await copyOfFixtures('content');
    await fs.copyFile(path.join(contentDir, 'medway-2019-03-cabinet-item-5.md'), path.join(contentDir, 'zz-copy.md'));
    const summary = await syncIndex({ client: testClient(), indexUid: uniqueIndexUid('ingest-dup'), contentDir });
    assert.equal(summary.indexed, 8);
    assert.equal(summary.skipped[0]?.file, 'zz-copy.md');
    assert.match(summary.skipped[0]?.reason as string, /already used by medway-2019-03-cabinet-item-5\.md/);
  });

  it('indexes an exempt item as a stub without its body, officers or decisions', async () => {
    const indexUid = uniqueIndexUid('ingest-exempt');
    await syncIndex({ client: testClient(), indexUid, contentDir: await copyOfFixtures('content') });
    const stub = await testClient().index(indexUid).getDocument('kent-2024-09-leaders-committee-exempt-item-3');
    assert.equal(stub.part, 2);
    assert.equal(stub.exempt_paragraph, '3');
    assert.equal(stub.title, 'Exempt item: Property acquisition');
    assert.doesNotMatch(JSON.stringify(stub), /zanzibarproperty|Morgan Hale|acquisition on the terms/);
    assert.deepEqual([stub.content_hash, stub.source_stamp], [undefined, undefined], 'no fingerprint of the withheld file');
  });

  it('sends an exempt item again, stub and record, only when its file changed', async () => {
    const contentDir = await copyOfFixtures('content');
    const indexUid = uniqueIndexUid('ingest-exempt-change');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.equal((await syncIndex({ client: testClient(), indexUid, contentDir })).indexed, 0);
    const id = 'kent-2024-09-leaders-committee-exempt-item-3';
    const file = path.join(contentDir, `${id}.md`);
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace('Exempt item: Property acquisition', 'Exempt item: Land acquisition'),
    );
    const changed = await syncIndex({ client: testClient(), indexUid, contentDir });
    assert.deepEqual([changed.indexed, changed.unchanged], [1, 7]);
    assert.equal((await testClient().index(indexUid).getDocument(id)).title, 'Exempt item: Land acquisition');
    assert.equal((await testClient().index(indexUid).getDocument(`${id}_restricted`)).title, 'Exempt item: Land acquisition');
  });
});
