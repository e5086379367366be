import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveIndexPeople } from '../../server/ingest/resolve-people.js';
import { silentReporter, syncIndex, type IngestReporter } from '../../server/ingest/sync-index.js';
import { loadPeopleRules } from '../../server/index/people-rules.js';
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

describe('ingest: people resolved before sending, and only where they change', () => {
  const client = () => testClient();
  /** What resolving every document of the index again would change: nothing, when ingest left it complete. */
  const fullPassUpdates = async (indexUid: string, rulesFile: string) =>
    (await resolveIndexPeople(client(), indexUid, loadPeopleRules(rulesFile), silentReporter)).updated;
  const progressOf = (messages: string[]): IngestReporter => ({ ...silentReporter, progress: (message) => messages.push(message) });

  let contentDir: string;
  let rulesFile: string;
  before(async () => {
    contentDir = await copyOfFixtures('meetings');
    rulesFile = path.join(path.dirname(contentDir), `${path.basename(contentDir)}-people.txt`);
    await fs.writeFile(rulesFile, '# no rules\n');
  });
  after(() => fs.rm(rulesFile, { force: true }));

  it('sends each document of a rebuild once, with its people, as resolving the whole index afterwards would make them', async () => {
    const indexUid = uniqueIndexUid('people-once');
    const summary = await syncIndex({ client: client(), indexUid, contentDir, peopleFile: rulesFile });
    const total = (await client().index(indexUid).getStats()).numberOfDocuments;
    assert.equal(summary.peopleUpdated, total);
    const tasks = await client().tasks.getTasks({ indexUids: [`${indexUid}_next`], types: ['documentAdditionOrUpdate'], limit: 1000 });
    const received = tasks.results.reduce((sum, task) => sum + Number(task.details?.receivedDocuments ?? 0), 0);
    assert.equal(received, total, 'documents received by the engine');
    assert.equal(await fullPassUpdates(indexUid, rulesFile), 0);
  });

  it('sends an edit that names nobody new with the people its indexed version had, resolving nothing again', async () => {
    const indexUid = uniqueIndexUid('people-edit');
    const dir = await copyOfFixtures('meetings');
    await syncIndex({ client: client(), indexUid, contentDir: dir, peopleFile: rulesFile });
    const before = await client().index<SearchDocument>(indexUid).getDocument(`${MEETING}-item-88`);
    await fs.appendFile(path.join(dir, `${MEETING}-item-88.md`), '\nThe table of figures was corrected after the meeting.\n');
    const messages: string[] = [];
    const summary = await syncIndex({ client: client(), indexUid, contentDir: dir, peopleFile: rulesFile }, progressOf(messages));
    assert.equal(summary.indexed, 1);
    assert.equal(summary.peopleUpdated, 0);
    assert.ok(!messages.some((message) => message.startsWith('Resolving')), messages.join('; '));
    const after = await client().index<SearchDocument>(indexUid).getDocument(`${MEETING}-item-88`);
    assert.match(after.body, /corrected after the meeting/);
    for (const field of [
      'councillor_names',
      'members_present',
      'member_roles',
      'member_variants',
      'officer_names',
      'people_rules',
    ] as const)
      assert.deepEqual(after[field], before[field], field);
    assert.equal(await fullPassUpdates(indexUid, rulesFile), 0);
  });

  it('resolves again the documents of a council whose people change, and only that council', async () => {
    const indexUid = uniqueIndexUid('people-variant');
    const dir = await copyOfFixtures('content');
    await fs.cp(contentDir, dir, { recursive: true });
    await syncIndex({ client: client(), indexUid, contentDir: dir, peopleFile: rulesFile });
    assert.ok(
      (await client().index<SearchDocument>(indexUid).getDocument(`${MEETING}-item-88`)).councillor_names?.includes('Mr P J Oakford'),
    );
    // A given name for Mr P J Oakford, in another meeting's item: every item naming him now names him by it.
    await fs.appendFile(
      path.join(dir, 'kent-county-council-cabinet-2025-01-09-item-77.md'),
      '\nCouncillor Peter Oakford answered questions on the budget.\n',
    );
    const messages: string[] = [];
    const summary = await syncIndex({ client: client(), indexUid, contentDir: dir, peopleFile: rulesFile }, progressOf(messages));
    assert.ok(messages.includes('Resolving the people of 1 councils'), messages.join('; '));
    assert.ok(summary.peopleUpdated > 1);
    const item88 = await client().index<SearchDocument>(indexUid).getDocument(`${MEETING}-item-88`);
    assert.ok(item88.councillor_names?.includes('Peter J Oakford'), String(item88.councillor_names));
    assert.equal(await fullPassUpdates(indexUid, rulesFile), 0);
  });
});
