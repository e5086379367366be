import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith, officerAgent } from '../../support/archive.js';

const JANUARY_9 = 'kent-county-council-cabinet-2025-01-09';
const JANUARY_30 = 'kent-county-council-cabinet-2025-01-30';
const EXEMPT_ITEM = `${JANUARY_30}-item-93`;
const SECRET_WORD = 'quarrywoodsecret';

describe('GET /meetings/:id', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  const page = async (path: string, agent = request(app)) => cheerio.load((await agent.get(path).expect(200)).text);
  const items = ($: cheerio.CheerioAPI) =>
    $('.archive-meeting__items > li h3 a')
      .map((_, link) => $(link).text().trim())
      .get();

  it('shows the council, committee, date and place the minutes state', async () => {
    const $ = await page(`/meetings/${JANUARY_30}`);
    assert.match($('h1').text(), /Cabinet, 30 January 2025/);
    const facts = $('.archive-meeting__facts').text();
    assert.match(facts, /Kent County Council/);
    assert.match(facts, /Thursday 30 January 2025/);
    assert.match(facts, /Place\s*the Council Chamber, Sessions House, County Hall, Maidstone/);
  });

  it('lists every item in the order of the minutes, an exempt one as its public stub', async () => {
    const $ = await page(`/meetings/${JANUARY_30}`);
    const titles = items($);
    assert.equal(titles.length, 11);
    assert.equal(titles[0], 'Opening of the meeting');
    assert.deepEqual(
      titles.slice(1).map((title) => title.match(/^Item (\d+)/)?.[1]),
      ['84', '85', '86', '87', '88', '89', '90', '91', '92', '93'],
    );
    const exempt = $(`#item-${EXEMPT_ITEM}`);
    assert.match(exempt.text(), /Exempt item: Disposal of land at Quarry Wood/);
    assert.match(exempt.find('.govuk-tag--red').text(), /Exempt \(para 3\)/);
    assert.doesNotMatch($('main').text(), new RegExp(`${SECRET_WORD}|Quentin Hollis`));
    assert.match($(`#item-${JANUARY_30}-item-88 .archive-meeting__decisions`).text(), /RESOLVED that Cabinet agree to/);
  });

  it('lists who was present and in attendance', async () => {
    const $ = await page(`/meetings/${JANUARY_30}`);
    assert.match($('.archive-meeting__present').text(), /Mr R W Gough \(Chairman\)/);
    assert.equal($('.archive-meeting__present li').length, 9);
    assert.match($('.archive-meeting__in-attendance').text(), /Mr D Shipton \(Head of Finance Policy, Planning and Strategy\)/);
  });

  it('links the same committee’s previous and next meetings', async () => {
    const later = await page(`/meetings/${JANUARY_30}`);
    assert.equal(later('.archive-meeting__neighbours a[rel=prev]').attr('href'), `/meetings/${JANUARY_9}`);
    assert.equal(later('.archive-meeting__neighbours a[rel=next]').length, 0);
    const earlier = await page(`/meetings/${JANUARY_9}`);
    assert.equal(earlier('.archive-meeting__neighbours a[rel=next]').attr('href'), `/meetings/${JANUARY_30}`);
    assert.match(earlier('.archive-meeting__neighbours').text(), /Next meeting\W+Cabinet, 30 January 2025/);
  });

  it('marks the items a search matches when opened from one', async () => {
    const $ = await page(`/meetings/${JANUARY_30}?q=${encodeURIComponent('Strengthening Independence')}`);
    assert.equal($('.archive-meeting__item--match').length, 1);
    assert.match($('.archive-meeting__item--match').text(), /Item 90/);
    assert.match($('.archive-meeting__search').text(), /1 item of this meeting matches\s+Strengthening Independence/);
  });

  it('shows a signed-in officer the exempt item’s decisions', async () => {
    const $ = await page(`/meetings/${JANUARY_30}`, await officerAgent(app));
    assert.match($(`#item-${EXEMPT_ITEM}`).text(), new RegExp(SECRET_WORD));
  });

  it('answers 404 for a meeting the archive does not hold, or a malformed id', async () => {
    await request(app).get('/meetings/no-such-meeting').expect(404).expect('Content-Type', /html/);
    await request(app)
      .get(`/meetings/${encodeURIComponent('x" OR meeting_id EXISTS')}`)
      .expect(404);
  });
});

describe('GET /api/meetings/:id', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  it('gives the meeting, its people and its items in order, unknown facts null', async () => {
    const { body } = await request(app).get(`/api/meetings/${JANUARY_30}`).expect(200);
    assert.equal(body.id, JANUARY_30);
    assert.equal(body.url, `/meetings/${JANUARY_30}`);
    assert.equal(body.committee, 'Cabinet');
    assert.equal(body.meeting_date, '2025-01-30');
    assert.equal(body.present.length, 9);
    assert.equal(body.items.length, 11);
    assert.equal(body.items[0].item, null);
    assert.equal(body.items[1].item, '84');
    assert.deepEqual(body.previous, { url: `/meetings/${JANUARY_9}`, meeting_date: '2025-01-09' });
    assert.equal(body.next, null);
    const exempt = body.items.find((item: { id: string }) => item.id === EXEMPT_ITEM);
    assert.deepEqual([exempt.part, exempt.exempt_paragraph, exempt.decisions], [2, '3', []]);
    assert.doesNotMatch(JSON.stringify(body), new RegExp(SECRET_WORD));
  });

  it('answers 404 as JSON for a meeting it does not hold', async () => {
    const { body } = await request(app).get('/api/meetings/no-such-meeting').expect(404);
    assert.equal(body.error.status, 404);
  });
});

describe('GET /items/:id (its meeting)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  it('says where the item stands in its meeting, and links the items either side', async () => {
    const $ = cheerio.load((await request(app).get(`/items/${JANUARY_30}-item-88`).expect(200)).text);
    assert.match($('.archive-item__in-meeting').text(), /Item 6 of 11 of this meeting/);
    assert.equal($('.archive-item__meeting').attr('href'), `/meetings/${JANUARY_30}`);
    assert.equal($('.archive-item__neighbours a[rel=prev]').attr('href'), `/items/${JANUARY_30}-item-87`);
    assert.equal($('.archive-item__neighbours a[rel=next]').attr('href'), `/items/${JANUARY_30}-item-89`);
    assert.match($('.archive-item__neighbours a[rel=prev]').text(), /Item 87: Cabinet Member Updates/);
  });

  it('has no previous item for the first, nor next for the last', async () => {
    const first = cheerio.load((await request(app).get(`/items/${JANUARY_30}-opening`).expect(200)).text);
    assert.equal(first('.archive-item__neighbours a[rel=prev]').length, 0);
    const last = cheerio.load((await request(app).get(`/items/${EXEMPT_ITEM}`).expect(200)).text);
    assert.match(last('.archive-item__in-meeting').text(), /Item 11 of 11/);
    assert.equal(last('.archive-item__neighbours a[rel=next]').length, 0);
  });
});

describe('GET / (hits and their meetings)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  it('links every hit to its meeting and groups a meeting’s hits under its first', async () => {
    const $ = cheerio.load((await request(app).get('/?q=budget').expect(200)).text);
    const meetingLinks = $('.archive-hit__meeting-link')
      .map((_, link) => $(link).attr('href'))
      .get();
    assert.ok(meetingLinks.length > 0);
    assert.ok(meetingLinks.every((href) => href === `/meetings/${JANUARY_9}` || href === `/meetings/${JANUARY_30}`));
    // Two meetings: two groups, each with the count of its matching items.
    assert.equal($('ol.archive-hits > li.archive-hit').length, 2);
    const counts = $('.archive-hit__meeting a')
      .map((_, link) => [[$(link).text(), $(link).attr('href')]])
      .get();
    assert.ok(counts.length > 0);
    for (const [text, href] of counts) {
      assert.match(text ?? '', /^\d+ items of this meeting match/);
      assert.match(href ?? '', /^\/meetings\/kent-county-council-cabinet-2025-01-(09|30)\?q=budget#items$/);
    }
  });

  it('gives each hit its meeting in the JSON too', async () => {
    const { body } = await request(app).get('/api/search?q=Strengthening').expect(200);
    assert.equal(body.hits[0].meeting_url, `/meetings/${JANUARY_30}`);
  });
});

describe('references to other records', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });
  const page = async (path: string) => cheerio.load((await request(app).get(path).expect(200)).text);

  it('links the minutes an item approves to the meeting the archive holds, and leaves one it does not hold unlinked', async () => {
    const approving = await page('/items/kent-county-council-cabinet-2025-01-30-item-86');
    assert.equal(approving('.archive-item__refers-to a').attr('href'), '/meetings/kent-county-council-cabinet-2025-01-09');
    const older = await page('/items/kent-county-council-cabinet-2025-01-09-item-78');
    assert.equal(older('.archive-item__refers-to a').length, 0, 'the meeting of 28 November 2024 is not in the archive');
  });

  it('links a decision number in the text to the item that took it', async () => {
    const $ = await page('/items/kent-county-council-cabinet-2025-01-30-item-87');
    const link = $('.archive-item__body a.archive-reference').filter((_, a) => $(a).text() === '24/00093');
    assert.equal(link.attr('href'), '/items/kent-county-council-county-council-2025-03-13-item-300');
  });
});

describe('a matter across meetings', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });
  const page = async (path: string) => cheerio.load((await request(app).get(path).expect(200)).text);

  it('shows the meetings a decision number passed through, oldest first, the item on the page among them', async () => {
    const $ = await page('/items/kent-county-council-county-council-2025-03-13-item-300');
    const steps = $('.archive-item__matter a, .archive-item__matter strong')
      .map((_, step) => $(step).text().trim())
      .get();
    assert.deepEqual(steps, ['Cabinet, 30 January 2025', 'County Council, 13 March 2025']);
    assert.equal($('.archive-item__matter a').attr('href'), '/items/kent-county-council-cabinet-2025-01-30-item-87');
    const first = $('.archive-related li').first();
    assert.equal(
      first.find('a').attr('href'),
      '/items/kent-county-council-cabinet-2025-01-30-item-87',
      'the same matter comes first among related items',
    );
    assert.match(first.find('.archive-related__why').text(), /Same matter/);
  });

  it('shows no matter for an item taken once, nor for the routine business of every meeting', async () => {
    for (const id of ['kent-county-council-cabinet-2025-01-30-item-89', 'kent-county-council-cabinet-2025-01-30-item-85']) {
      const $ = await page(`/items/${id}`);
      assert.equal($('.archive-item__matter').length, 0, id);
    }
  });
});
