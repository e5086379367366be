import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { archiveWith, copyOfFixtures, officerAgent } from '../../support/archive.js';

const KENT = '/councils/Kent%20County%20Council';
const member = (name: string) => `${KENT}/members/${encodeURIComponent(name)}`;

describe('GET /councils/:council/members', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  it('lists the council’s members A to Z by surname, with the meetings they attended', async () => {
    const $ = cheerio.load((await request(app).get(`${KENT}/members`).expect(200)).text);
    const entries = $('.archive-members li')
      .map((_, entry) => $(entry).text().replace(/\s+/g, ' ').trim())
      .get();
    assert.ok(
      entries.some((entry) => /^Mr P J Oakford present at 3 meetings, named in \d+ items$/.test(entry)),
      entries.join('\n'),
    );
    assert.ok(entries.some((entry) => /^Mr R W Gough present at 3 meetings/.test(entry)));
    const surnames = entries.map((entry) => entry.split(' present')[0]?.split(' ').at(-1) ?? '');
    assert.deepEqual(
      surnames,
      [...surnames].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })),
    );
  });

  it('answers 404 for a council that has no members in the archive', async () => {
    await request(app).get('/councils/Nowhere%20Council/members').expect(404);
  });
});

describe('GET /councils/:council/members/:member', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });
  const page = async (path: string, agent = request(app)) => cheerio.load((await agent.get(path).expect(200)).text);

  it('shows the meetings attended, the roles given and the ways the name is written', async () => {
    const $ = await page(member('Mr P J Oakford'));
    assert.match($('h1').text(), /Mr P J Oakford/);
    assert.deepEqual(
      $('.archive-member__attended a')
        .map((_, link) => $(link).text())
        .get(),
      ['County Council, 13 March 2025', 'Cabinet, 30 January 2025', 'Cabinet, 9 January 2025'],
    );
    assert.match(
      $('.archive-roles').text(),
      /Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services\s*30 January 2025\s*30 January 2025/,
    );
    const variants = $('.archive-member__variants').text();
    assert.match(variants, /Mr P J Oakford/);
    assert.match(variants, /Mr Oakford/);
  });

  it('lists the items where a member moved, seconded or declared', async () => {
    const booth = await page(member('Mr A Booth'));
    assert.match(booth('#moved').text(), /Moved or proposed \(1\)/);
    assert.match(booth('.archive-member__acts').text(), /Item 300/);
    const sole = await page(member('Mr M J Sole'));
    assert.match(sole('#declared').text(), /Declared an interest \(1\)/);
  });

  it('never shows or counts the public anything of a Part 2 record', async () => {
    const murphy = await page(member('Mr D Murphy'));
    assert.equal(murphy('#declared').length, 0);
    assert.doesNotMatch(murphy('main').text(), /quarrywoodsecret|Quarry Wood|neighbour/);
    const named = (text: string) => Number(/named in (\d+) item/.exec(text)?.[1]);
    const publicNamed = named(murphy('.govuk-body-l').text());
    const officerNamed = named((await page(member('Mr D Murphy'), await officerAgent(app)))('.govuk-body-l').text());
    assert.equal(officerNamed, publicNamed + 1, 'the exempt item names him, and only officers count it');
    const oakford = await page(member('Mr P J Oakford'));
    assert.equal(oakford('#moved').length, 0, 'he moved only in the exempt item');
    const { body } = await request(app)
      .get(`/api/search?council=Kent%20County%20Council&councillor=${encodeURIComponent('Mr D Murphy')}`)
      .expect(200);
    assert.equal(body.total, publicNamed);
    assert.ok(body.hits.every((hit: { part: number }) => hit.part === 1));
  });

  it('shows a signed-in officer what the Part 2 record says', async () => {
    const agent = await officerAgent(app);
    const murphy = await page(member('Mr D Murphy'), agent);
    assert.match(murphy('#declared').text(), /Declared an interest \(1\)/);
    const oakford = await page(member('Mr P J Oakford'), agent);
    assert.match(oakford('#moved').text(), /\(1\)/);
  });

  it('answers 404 for a name the council’s minutes do not give', async () => {
    await request(app).get(member('Mr Nobody Atall')).expect(404);
  });
});

describe('members across the archive', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('meetings'));
  });

  it('narrows a search by the councillor facet and by the councillor: prefix', async () => {
    const faceted = await request(app)
      .get(`/api/search?councillor=${encodeURIComponent('Mr P J Oakford')}`)
      .expect(200);
    assert.ok(faceted.body.total >= 2);
    assert.ok(faceted.body.hits.every((hit: { council: string }) => hit.council === 'Kent County Council'));
    const prefixed = await request(app)
      .get(`/api/search?q=${encodeURIComponent('councillor:"Mr P J Oak"')}`)
      .expect(200);
    assert.equal(prefixed.body.total, faceted.body.total);
    const $ = cheerio.load((await request(app).get('/?q=budget').expect(200)).text);
    assert.ok($('[data-facet=councillor] a').length > 0, 'the search page offers the councillor facet');
  });

  it('links a meeting’s list of those present, and an item’s councillors, to their pages', async () => {
    const meeting = cheerio.load((await request(app).get('/meetings/kent-county-council-cabinet-2025-01-30').expect(200)).text);
    const gough = meeting('.archive-meeting__present a').filter((_, link) => /Gough/.test(meeting(link).text()));
    assert.equal(gough.attr('href'), member('Mr R W Gough'));
    await request(app)
      .get(gough.attr('href') ?? '')
      .expect(200);
    const item = cheerio.load((await request(app).get('/items/kent-county-council-cabinet-2025-01-30-item-88').expect(200)).text);
    assert.equal(item('.archive-item__councillors a').first().attr('href'), member('Mr P J Oakford'));
  });

  it('links the council page to its members', async () => {
    const $ = cheerio.load((await request(app).get(KENT).expect(200)).text);
    assert.equal($('.archive-browse__members').attr('href'), `${KENT}/members`);
  });
});

describe('officers as people', () => {
  it('takes "Mr D Shipton" and "Dave Shipton" as one officer, and shows both ways of writing him', async () => {
    // Item 89's text writes him "Dave Shipton"; its officers list is made to say so too.
    const contentDir = await copyOfFixtures('meetings');
    const file = path.join(contentDir, 'kent-county-council-cabinet-2025-01-30-item-89.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('  - name: Mr D Shipton\n', '  - name: Dave Shipton\n'));
    const { app } = await archiveWith(contentDir);
    const $ = cheerio.load((await request(app).get('/officers/Dave%20Shipton').expect(200)).text);
    assert.match($('.archive-browse__variants').text(), /Dave Shipton, Mr D Shipton/);
    await request(app).get('/officers/Mr%20D%20Shipton').expect(404);
    const item = cheerio.load((await request(app).get('/items/kent-county-council-cabinet-2025-01-09-item-80').expect(200)).text);
    assert.ok(item('a[href="/officers/Dave%20Shipton"]').length > 0, 'an item naming him "Mr D Shipton" links to the one officer');
  });
});
