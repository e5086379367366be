import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith, officerAgent } from '../../support/archive.js';

describe('GET /items/:id', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  it('shows the item in full with its metadata', async () => {
    const response = await request(app).get('/items/medway-2021-11-cyp-scrutiny-item-7').expect(200);
    const $ = cheerio.load(response.text);
    assert.match($('h1').text(), /Item 7/);
    const facts = $('.archive-item__facts').text();
    assert.match(facts, /Medway Council/);
    assert.match(facts, /Children and Young People Overview and Scrutiny Committee/);
    assert.match(facts, /Thursday 4 November 2021/);
    assert.match(facts, /Ann James \(Director of Children's Services\)/);
    assert.equal($('.archive-item__decisions li').first().text(), 'The Committee noted the report.');
    assert.match($('.archive-item__body').text(), /exclusions/);
  });

  it('says when the meeting date is not known', async () => {
    const response = await request(app).get('/items/manordeilo-community-council-item-3').expect(200);
    assert.match(cheerio.load(response.text)('.archive-item__facts').text(), /Meeting date\s*Not stated in the source/);
  });

  it('shows an exempt item as its title and exemption only', async () => {
    const response = await request(app).get('/items/kent-2024-09-leaders-committee-exempt-item-3').expect(200);
    assert.match(response.text, /Schedule 12A to the Local Government Act 1972, paragraph 3/);
    assert.doesNotMatch(response.text, /zanzibarproperty|Morgan Hale|terms set out in the exempt report/);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    await request(app).get('/items/no-such-item').expect(404).expect('Content-Type', /html/);
    const response = await request(app)
      .get(`/items/${encodeURIComponent('../../etc/passwd')}`)
      .expect(404);
    assert.doesNotMatch(response.text, /root:/);
  });

  it("gives a signed-in officer the item's own permanent link, not its restricted record's", async () => {
    const agent = await officerAgent(app);
    const $ = cheerio.load((await agent.get('/items/kent-2024-09-leaders-committee-exempt-item-3').expect(200)).text);
    const permalink =
      $('.archive-item__facts a')
        .filter((_, link) => /^http/.test($(link).attr('href') ?? ''))
        .last()
        .attr('href') ?? '';
    assert.match(permalink, /\/items\/kent-2024-09-leaders-committee-exempt-item-3$/);
    await agent.get(new URL(permalink).pathname).expect(200);
  });
});

describe('requests the server cannot read', () => {
  it('answers a malformed address with 400, not 500', async () => {
    const { app } = await archiveWith('content');
    const response = await request(app).get('/items/%E0%A4%A').expect(400);
    assert.match(response.text, /could not be read/);
  });
});

describe('citations on the item page', () => {
  it('gives a ready-made citation with a copy button, and one per numbered paragraph', async () => {
    const { app } = await archiveWith('content', { publicUrl: 'https://minutes.example.org' });
    const page = cheerio.load(
      (await request(app).get('/items/medway-2021-11-cyp-scrutiny-item-7').set('Host', 'evil.example').expect(200)).text,
    );
    assert.equal(
      page('#citation-text').text(),
      'Medway Council, Children and Young People Overview and Scrutiny Committee, meeting of 4 November 2021, item 7: ' +
        'Early Help and Targeted Services. https://minutes.example.org/items/medway-2021-11-cyp-scrutiny-item-7',
    );
    assert.equal(page('button[data-copy-target="citation-text"]').length, 1);
    assert.deepEqual(
      page('#cite option')
        .map((_, option) => page(option).attr('value'))
        .get(),
      ['', 'p-7-1', 'p-7-2', 'p-7-3'],
    );

    const paragraph = cheerio.load((await request(app).get('/items/medway-2021-11-cyp-scrutiny-item-7?cite=p-7-2').expect(200)).text);
    assert.match(
      paragraph('#citation-text').text(),
      /, paragraph 7\.2\. https:\/\/minutes\.example\.org\/items\/medway-2021-11-cyp-scrutiny-item-7#p-7-2$/,
    );
    assert.equal(paragraph('#p-7-2').length, 1, 'the cited paragraph has its anchor');
  });
});
