import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { escapeXml } from '../../../server/web/exports/atom-feed.js';
import { archiveWith, officerAgent } from '../../support/archive.js';

describe('GET /api/feed.atom', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function feed(query: string, agent = request(app)) {
    const response = await agent
      .get(`/api/feed.atom?${query}`)
      .expect(200)
      .expect('Content-Type', /application\/atom\+xml/);
    return { text: response.text, $: cheerio.load(response.text, { xml: true }) };
  }

  it('lists the newest matching items first, as Atom entries', async () => {
    const { $ } = await feed('topic=early%20help');
    assert.equal($('feed').attr('xmlns'), 'http://www.w3.org/2005/Atom');
    assert.equal($('feed > title').text(), 'Minutes Archive: early help');
    assert.match($('feed > link[rel="self"]').attr('href') ?? '', /\/api\/feed\.atom\?topic=early\+help$/);
    assert.match($('feed > link[rel="alternate"]').attr('href') ?? '', /\/\?topic=early\+help&sort=newest$/);
    const entries = $('entry')
      .map((_, entry) => [[$(entry).find('title').text(), $(entry).find('published').text()]])
      .get();
    assert.deepEqual(entries, [
      ['Item 4: Early help and school attendance', '2025-02-06T00:00:00.000Z'],
      ['Item 7: Early Help and Targeted Services', '2021-11-04T00:00:00.000Z'],
      ['Item 5: Early Help Strategy 2019 to 2022', '2019-03-12T00:00:00.000Z'],
      ['Item 3: Family support sessions and affordable housing', ''],
    ]);
    const first = $('entry').first();
    assert.match(first.find('id').text(), /^http:\/\/127\.0\.0\.1:\d+\/items\/kent-2025-02-cyp-scrutiny-item-4$/);
    assert.equal(first.find('author name').text(), 'Kent County Council');
    assert.ok(!Number.isNaN(Date.parse(first.find('updated').text())));
    assert.equal(
      $('feed > updated').text(),
      $('entry updated')
        .map((_, date) => $(date).text())
        .get()
        .sort()
        .at(-1),
    );
  });

  it('follows an OR search as the result list finds it: entries matching either word, each once', async () => {
    const q = 'help OR pothole';
    const listed = (await request(app).get('/api/search').query({ q, per_page: 100 }).expect(200)).body.hits.map(
      (hit: { id: string }) => hit.id,
    );
    const { $ } = await feed(`q=${encodeURIComponent(q)}`);
    const entries = $('entry id')
      .map((_, id) =>
        $(id)
          .text()
          .replace(/^.*\/items\//, ''),
      )
      .get();
    assert.deepEqual(entries, [
      'kent-2025-02-cyp-scrutiny-item-4',
      'medway-2021-11-cyp-scrutiny-item-7',
      'manordeilo-2021-06-community-council-item-8',
      'medway-2019-03-cabinet-item-5',
      'manordeilo-community-council-item-3',
    ]);
    assert.deepEqual([...entries].sort(), [...listed].sort(), 'the same items as the result list');
  });

  it('shows a Part 2 item as its stub only', async () => {
    for (const query of ['', 'q=zanzibarproperty', 'q=zanzibarproperty%20OR%20pothole', 'year=2024']) {
      // The feed's own title and links repeat the search; only entries could leak.
      const { $ } = await feed(query);
      assert.doesNotMatch($.xml($('entry')), /zanzibarproperty|Morgan Hale|terms set out/i, query);
    }
    const { $ } = await feed(`committee=${encodeURIComponent("Leader's Committee")}`);
    assert.match($('entry summary').text(), /Exempt from publication \(Schedule 12A paragraph 3\)/);
    assert.equal($('entry category').length, 0);
    const officer = await feed(`committee=${encodeURIComponent("Leader's Committee")}`, await officerAgent(app));
    assert.match(officer.$('entry summary').text(), /agreed the acquisition/, 'an officer sees the decision (so the check above can fail)');
  });

  it('escapes text for XML and drops characters XML cannot hold', () => {
    assert.equal(escapeXml(`a < b & "c" 'd'\u0001`), 'a &lt; b &amp; &quot;c&quot; &apos;d&apos;');
  });
});
