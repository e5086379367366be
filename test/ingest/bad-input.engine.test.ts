import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { syncIndex, type IngestSummary } from '../../server/ingest/sync-index.js';
import { PROJECT_ROOT } from '../../server/common/paths.js';
import { copyOfFixtures } from '../support/archive.js';
import { testClient, testEngine, uniqueIndexUid } from '../support/engine.js';

const run = promisify(execFile);

describe('ingest of bad input', () => {
  let contentDir: string;
  let indexUid: string;
  let summary: IngestSummary;

  before(async () => {
    contentDir = await copyOfFixtures('bad-input');
    // Made here, not kept in git: a 50 MB file and a symbolic link that loops.
    const huge = await fs.open(path.join(contentDir, 'huge.md'), 'w');
    await huge.truncate(50 * 1024 * 1024);
    await huge.close();
    await fs.mkdir(path.join(contentDir, 'loop'));
    await fs.symlink('..', path.join(contentDir, 'loop', 'back-up'));
    indexUid = uniqueIndexUid('bad-input');
    summary = await syncIndex({ client: testClient(), indexUid, contentDir });
  });

  const reasonFor = (file: string) => summary.skipped.find((entry) => entry.file === file)?.reason ?? '(not skipped)';
  const stored = (id: string) => testClient().index(indexUid).getDocument(id);

  it('indexes every usable file and only those', async () => {
    const { results } = await testClient()
      .index(indexUid)
      .getDocuments({ fields: ['id'], limit: 100 });
    assert.deepEqual(results.map((document) => document.id).sort(), [
      'bad-input-valid',
      'duplicate-id',
      'encoding-latin-1',
      'encoding-utf-8-bom',
      'encoding-windows-1252',
      'line-endings-crlf',
      'sign-of-exemption',
      'sign-of-exemption_restricted',
    ]);
  });

  it('decodes Windows-1252 and Latin-1 text', async () => {
    assert.equal((await stored('encoding-windows-1252')).title, 'Budget – “fees and charges”');
    assert.match((await stored('encoding-windows-1252')).body as string, /£120 — ‘agreed’/);
    assert.match((await stored('encoding-latin-1')).body as string, /£45 for the café at Pont-ar-Gîli/);
  });

  it('reads UTF-8 with a byte-order mark and CRLF line endings', async () => {
    assert.equal((await stored('encoding-utf-8-bom')).title, 'Allotments');
    assert.doesNotMatch((await stored('line-endings-crlf')).body as string, /\r/);
  });

  it('names the problem of each skipped file', () => {
    assert.match(reasonFor('empty.md'), /is empty/);
    assert.match(reasonFor('scanned-page.md'), /binary file/);
    assert.match(reasonFor('agenda-pack.pdf'), /not a markdown/);
    assert.match(reasonFor('huge.md'), /50\.0 MB, over the 10 MB limit/);
    assert.match(reasonFor('bad-yaml.md'), /not valid YAML at line \d+/);
    assert.match(reasonFor('wrong-types.md'), /field "part".*field "officers".*field "topics"/);
    assert.match(reasonFor('impossible-date.md'), /field "meeting_date" must be an ISO date/);
    assert.match(reasonFor('impossible-iso-date.md'), /field "meeting_date" is not a real calendar date/);
    assert.match(reasonFor('duplicate-b.md'), /"duplicate-id" is already used by duplicate-a\.md/);
    assert.match(reasonFor('escaping-id.md'), /field "id" must be a slug/);
    assert.match(reasonFor('loop/back-up'), /symbolic link/);
  });

  it('reads only YAML front matter, and runs no code a file holds', async () => {
    for (const language of ['js', 'javascript', 'json', 'coffee']) {
      assert.match(
        reasonFor(`front-matter-${language}.md`),
        new RegExp(`front matter is marked "${language}": only YAML front matter is read`),
      );
      // The JavaScript files write this file if their code runs (the CoffeeScript one would, given an engine).
      await assert.rejects(
        fs.access(path.join(os.tmpdir(), `minutes-archive-ran-${process.pid}-${language}`)),
        { code: 'ENOENT' },
        language,
      );
    }
  });

  it('tells scripts through the exit code that files were skipped, naming them', async () => {
    const { url, masterKey } = testEngine();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-cli-'));
    const env = { ...process.env, MEILI_URL: url, MEILI_API_KEY: masterKey, MEILI_INDEX: uniqueIndexUid('cli'), DATA_DIR: dataDir };
    const outcome = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--content', contentDir], {
      cwd: PROJECT_ROOT,
      env,
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /skipped empty\.md: is empty/);
    assert.match(outcome.stderr, /skipped wrong-types\.md: field "part"/);
    assert.match(outcome.stderr, /skipped front-matter-js\.md: front matter is marked "js"/);
    assert.match(outcome.stderr, /warning sign-of-exemption\.md: field "Part" is not known; did you mean "part"\?/);
    assert.match(outcome.stdout, /^2 warnings; 1 item made exempt \(Part 2\) by a sign of exemption in its front matter\.$/m);
    await fs.rm(dataDir, { recursive: true, force: true });
  });
});
