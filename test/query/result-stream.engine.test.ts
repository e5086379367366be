import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { syncIndex } from '../../server/ingest/sync-index.js';
import { createApp } from '../../server/web/app.js';
import type { SearchFor } from '../../server/query/search-access.js';
import { scanResults } from '../../server/query/result-stream.js';
import type { SearchDocument } from '../../server/index/search-document.js';
import { parseSearchParams } from '../../server/query/search-params.js';
import { searchAccessFor, TEST_SESSION_SECRET } from '../support/archive.js';
import { testClient, uniqueIndexUid } from '../support/engine.js';

/** More items than the engine's 1,000-hit search window: many share a meeting date, some have none. */
const ITEMS = 1_234;
const UNDATED = 34;

/** Items about culverts: with those about drainage, more than the window, many about both. */
const culverts = (n: number) => n % 3 !== 0;

function minutesFile(n: number): string {
  // 40 meetings a year apart in days, ~30 items each, so ties on the date are the rule.
  const date = n < ITEMS - UNDATED ? new Date(Date.UTC(2000, 0, 1 + (n % 40) * 97)).toISOString().slice(0, 10) : undefined;
  return [
    '---',
    `id: bulk-item-${n}`,
    `council: ${n % 3 === 0 ? 'North Council' : 'South Council'}`,
    ...(date ? [`meeting_date: ${date}`] : []),
    `title: "Bulk item ${n}"`,
    ...(n % 100 === 7 ? ['part: 2', 'exempt_paragraph: "3"'] : []),
    '---',
    '',
    `Routine business number ${n}${n % 2 === 0 ? ' about drainage' : ''}${culverts(n) ? ' and culverts' : ''}.${n % 100 === 7 ? ' Confidential vendor quillbarrow.' : ''}`,
    '',
  ].join('\n');
}

describe('scanResults (export past the 1,000-hit window)', function () {
  this.timeout(120_000);
  let searchFor: SearchFor;
  let contentDir: string;

  before(async () => {
    contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-bulk-'));
    await Promise.all(Array.from({ length: ITEMS }, (_, n) => fs.writeFile(path.join(contentDir, `item-${n}.md`), minutesFile(n))));
    const indexUid = uniqueIndexUid('bulk');
    await syncIndex({ client: testClient(), indexUid, contentDir });
    searchFor = await searchAccessFor(indexUid);
  });
  after(() => fs.rm(contentDir, { recursive: true, force: true }));

  async function scan(query: Record<string, string>, pageSize?: number): Promise<SearchDocument[]> {
    const found: SearchDocument[] = [];
    for await (const document of scanResults(searchFor('public'), parseSearchParams(query), ['title'], pageSize)) found.push(document);
    return found;
  }

  it('yields every item once, past the window, newest first, then the undated by id', async () => {
    const all = await scan({});
    assert.equal(all.length, ITEMS);
    assert.equal(new Set(all.map((document) => document.item_id)).size, ITEMS);
    const dated = all.slice(0, ITEMS - UNDATED);
    for (const [position, document] of dated.entries()) {
      const next = dated[position + 1];
      if (next) assert.ok((document.meeting_ts ?? 0) >= (next.meeting_ts ?? 0), 'newest meeting first');
    }
    assert.ok(
      all.slice(ITEMS - UNDATED).every((document) => document.meeting_ts === undefined),
      'undated items last',
    );
  });

  it('gives the same sequence whatever the page size, ties on the date included', async () => {
    const reference = (await scan({ council: 'North Council' })).map((document) => document.item_id);
    for (const pageSize of [1, 7, 29]) {
      assert.deepEqual(
        (await scan({ council: 'North Council' }, pageSize)).map((document) => document.item_id),
        reference,
        `pages of ${pageSize}`,
      );
    }
  });

  it('keeps the words of the search', async () => {
    const found = await scan({ q: 'drainage' }, 100);
    assert.equal(found.length, ITEMS / 2, 'every even-numbered item');
  });

  it('yields each item matching either of two alternatives once, past the window, in scan order', async () => {
    const idsOf = (documents: SearchDocument[]) => documents.map((document) => document.item_id);
    const number = (id: string) => Number(id.replace('bulk-item-', ''));
    // Part 2 items are found only by their public stub, which holds neither word.
    const expected = idsOf(await scan({})).filter((id) => number(id) % 100 !== 7 && (number(id) % 2 === 0 || culverts(number(id))));
    assert.ok(expected.length > 1_000);
    assert.deepEqual(idsOf(await scan({ q: 'drainage OR culverts' }, 100)), expected);
  });

  it('streams the whole set through the export route, stubs only for Part 2', async () => {
    const app = createApp({ searchFor, sessionSecret: TEST_SESSION_SECRET, logError: () => undefined });
    const { text } = await request(app).get('/api/export.csv').expect(200);
    assert.equal(text.split('\r\n').filter((line) => line.startsWith('bulk-item-')).length, ITEMS);
    assert.doesNotMatch(text, /quillbarrow/);
    const { body } = await request(app).get('/api/export.json?q=quillbarrow').expect(200);
    assert.equal(body.count, 0);
  });
});
