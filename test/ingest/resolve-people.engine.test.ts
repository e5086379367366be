import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncIndex } from '../../server/ingest/sync-index.js';
import type { SearchDocument } from '../../server/index/search-document.js';
import { copyOfFixtures } from '../support/archive.js';
import { testClient, uniqueIndexUid } from '../support/engine.js';

const MEETING = 'kent-county-council-cabinet-2025-01-30';

describe('ingest: resolving people', () => {
  let contentDir: string;
  let indexUid: string;
  let rulesFile: string;
  const stored = (id: string) => testClient().index<SearchDocument>(indexUid).getDocument(id);

  before(async () => {
    contentDir = await copyOfFixtures('meetings');
    rulesFile = path.join(path.dirname(contentDir), `${path.basename(contentDir)}-people.txt`);
    await fs.writeFile(rulesFile, '# no rules yet\n');
    indexUid = uniqueIndexUid('people');
    const summary = await syncIndex({ client: testClient(), indexUid, contentDir, peopleFile: rulesFile });
    assert.ok(summary.peopleUpdated > 0);
  });
  after(() => fs.rm(rulesFile, { force: true }));

  it('writes who was present, named and moving, as one name each, and the roles the minutes give them', async () => {
    const item = await stored(`${MEETING}-item-88`);
    assert.equal(item.members_present?.length, 9);
    assert.ok(item.members_present?.includes('Mr R W Gough'));
    // "Mr Oakford" in the text is the Mr P J Oakford the meeting lists as present.
    assert.ok(item.councillor_names?.includes('Mr P J Oakford'));
    assert.ok(item.member_variants?.includes('Mr P J Oakford|Mr Oakford'));
    assert.ok(item.member_roles?.includes('Mr P J Oakford|Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services'));
    assert.ok((await stored(`${MEETING}-opening`)).member_roles?.includes('Mr R W Gough|Chairman'));
  });

  it('resolves a Part 2 record through the public’s people, and leaves its stub without any', async () => {
    const record = await stored(`${MEETING}-item-93_restricted`);
    assert.deepEqual(record.councillor_names?.sort(), ['Mr D Murphy', 'Mr P J Oakford', 'Mr R J Thomas']);
    assert.ok(record.member_acts?.includes('Mr D Murphy|declared'));
    assert.ok(record.member_acts?.includes('Mr P J Oakford|moved'));
    const stub = await stored(`${MEETING}-item-93`);
    for (const field of ['councillor_names', 'members_present', 'member_acts', 'member_roles', 'member_variants'] as const)
      assert.deepEqual(stub[field], [], field);
  });

  it('sends nothing again when nothing changed, and resolves again when the rules change', async () => {
    const again = await syncIndex({ client: testClient(), indexUid, contentDir, peopleFile: rulesFile });
    assert.equal(again.peopleUpdated, 0);
    await fs.writeFile(
      rulesFile,
      `same officers: Kent County Council | Mr D Shipton | Dave Shipton\napart: Kent County Council | Mr R W Gough | Mr R Gough\n`,
    );
    const ruled = await syncIndex({ client: testClient(), indexUid, contentDir, peopleFile: rulesFile });
    assert.ok(ruled.peopleUpdated > 0);
  });

  it('refuses a rules file it cannot read before sending anything, naming the file and line', async () => {
    await fs.writeFile(rulesFile, '# fine\nsame: Kent County Council | Mr R W Gough\n');
    await assert.rejects(syncIndex({ client: testClient(), indexUid, contentDir, peopleFile: rulesFile }), (error: Error) => {
      assert.match(error.message, new RegExp(`${rulesFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 2: needs at least two names`));
      return true;
    });
  });
});
