import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { frequentWords, isTitleFragment, reasonsRelated, tellingWords } from '../../server/web/related-items.js';
import { archiveWith, officerAgent } from '../support/archive.js';

describe('GET /items/:id (browse links and related items)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function page(id: string, agent = request(app)) {
    return cheerio.load((await agent.get(`/items/${id}`).expect(200)).text);
  }
  const related = ($: cheerio.CheerioAPI) =>
    $('.archive-related li')
      .map((_, item) => [[$(item).find('a').attr('href'), $(item).find('.archive-related__why').text()]])
      .get();

  it('links the council, committee, officers and topics to their browse pages', async () => {
    const $ = await page('medway-2021-11-cyp-scrutiny-item-7');
    const hrefs = $('.archive-item__facts a')
      .map((_, link) => $(link).attr('href'))
      .get();
    for (const href of [
      '/councils/Medway%20Council',
      '/councils/Medway%20Council/committees/Children%20and%20Young%20People%20Overview%20and%20Scrutiny%20Committee',
      '/officers/Ann%20James',
      '/officers/Head%20of%20Early%20Help%20and%20Targeted%20Services',
      '/topics/school%20exclusions',
    ]) {
      assert.ok(hrefs.includes(href), href);
      await request(app).get(href).expect(200);
    }
  });

  it('lists items sharing the telling words, topics, officers or the committee, most in common first, never itself', async () => {
    const list = related(await page('medway-2021-11-cyp-scrutiny-item-7'));
    // Found for the item's telling words, and two ties each.
    assert.deepEqual(list.slice(0, 2).sort(), [
      ['/items/kent-2025-02-cyp-scrutiny-item-4', 'Shares: Topic: early help, Topic: school exclusions'],
      ['/items/medway-2019-03-cabinet-item-5', 'Shares: Topic: early help, Officer: Ann James'],
    ]);
    assert.ok(!list.some(([href]) => href === '/items/medway-2021-11-cyp-scrutiny-item-7'));
    assert.ok(
      list.some(([href]) => href === '/items/manordeilo-community-council-item-3'),
      'in another council too',
    );
  });

  it('relates a Part 2 stub only by what is public, and shows its own withheld ties to officers', async () => {
    const publicList = related(await page('kent-2024-09-leaders-committee-exempt-item-3'));
    assert.deepEqual(publicList, [], 'no other item of that committee; topics and officers are withheld');
    const medway = cheerio.load((await request(app).get('/items/kent-2025-02-cyp-scrutiny-item-4').expect(200)).text);
    assert.doesNotMatch(medway('.archive-related').text(), /property acquisition|Morgan Hale/);
    const officer = await page('kent-2024-09-leaders-committee-exempt-item-3', await officerAgent(app));
    assert.doesNotMatch(officer('.archive-related').text(), /zanzibarproperty/);
  });
});

describe('reasonsRelated', () => {
  const base = {
    item_id: 'a',
    title: 'A',
    council: 'C',
    committee: 'Cabinet',
    meeting_date: '2020-01-01',
    part: 1 as const,
    topics: ['housing'],
    officer_names: ['Sam'],
  };
  it('leaves out items of the same meeting: they are not elsewhere', () => {
    assert.deepEqual(reasonsRelated(base, { ...base, item_id: 'b' }), []);
    assert.deepEqual(reasonsRelated(base, { ...base, item_id: 'b', meeting_date: '2021-01-01' }), [
      'Topic: housing',
      'Officer: Sam',
      'Same committee',
    ]);
    assert.deepEqual(reasonsRelated(base, { ...base, item_id: 'b', council: 'D', topics: [], officer_names: [] }), []);
  });
});

describe('telling words', () => {
  it('weighs the words an item uses most, its title’s counting more, by how rare they are in the archive', () => {
    const frequent = frequentWords({
      title: 'Budget monitoring',
      decisions: ['The council noted the budget.'],
      body: 'The council discussed reserves, reserves and the budget.',
    });
    assert.deepEqual(
      [...frequent],
      [
        ['budget', 5],
        ['monitoring', 3],
        ['council', 2],
        ['reserves', 2],
        ['discussed', 1],
        ['noted', 1],
      ],
    );
    const documents = new Map([
      ['budget', 40],
      ['monitoring', 20],
      ['council', 99],
      ['reserves', 2],
      ['discussed', 80],
      ['noted', 90],
    ]);
    assert.deepEqual(tellingWords(frequent, documents, 100).slice(0, 3), ['reserves', 'monitoring', 'budget']);
  });

  it('takes a line broken off a sentence for no title', () => {
    assert.equal(isTitleFragment('AND ONLINE ON MONDAY'), true);
    assert.equal(isTitleFragment('of the Council held on 9 January'), true);
    assert.equal(isTitleFragment('— 12 —'), true);
    assert.equal(isTitleFragment('Report by Leader of the Council'), false);
    assert.equal(isTitleFragment('Anti-social behaviour'), false);
  });
});
