import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { officerRoles } from '../../../server/web/browse-page.js';
import { archiveWith, officerAgent } from '../../support/archive.js';

describe('browse pages', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function page(path: string, agent = request(app)) {
    return cheerio.load((await agent.get(path).expect(200).expect('Content-Type', /html/)).text);
  }
  const links = ($: cheerio.CheerioAPI, selector: string) =>
    $(selector)
      .map((_, link) => [[$(link).text().trim(), $(link).attr('href')]])
      .get();

  describe('GET /councils/:council', () => {
    it("shows the council's items, newest first, with its committees, topics and officers", async () => {
      const $ = await page('/councils/Medway%20Council');
      assert.equal($('h1').text(), 'Medway Council');
      assert.match($('.govuk-body-l').text(), /3\s+agenda items/);
      assert.deepEqual(
        $('.archive-browse__latest h3 a')
          .map((_, link) => $(link).attr('href'))
          .get(),
        ['/items/medway-2024-07-cabinet-item-12', '/items/medway-2021-11-cyp-scrutiny-item-7', '/items/medway-2019-03-cabinet-item-5'],
      );
      const committees = links($, 'nav[aria-label="Committees"] a');
      assert.deepEqual(committees[0], ['Cabinet', '/councils/Medway%20Council/committees/Cabinet']);
      assert.ok(links($, 'nav[aria-label="Officers"] a').some(([label, url]) => label === 'Ann James' && url === '/officers/Ann%20James'));
      assert.equal($('svg.archive-chart__svg[role="img"]').length, 1);
      assert.equal(
        $('a')
          .filter((_, link) => $(link).text() === 'Search within them')
          .attr('href'),
        '/?council=Medway+Council&sort=newest',
      );
    });

    it('answers 404 for a council the archive does not hold', async () => {
      await request(app).get('/councils/Atlantis%20Council').expect(404);
    });
  });

  describe('GET /councils/:council/committees/:committee', () => {
    it("narrows to one council's committee, linking back to the council", async () => {
      const $ = await page('/councils/Medway%20Council/committees/Cabinet');
      assert.equal($('h1').text(), 'Cabinet');
      assert.deepEqual(links($, '.govuk-breadcrumbs a').at(-1), ['Medway Council', '/councils/Medway%20Council']);
      assert.equal($('.archive-browse__latest li').length, 2);
    });

    it('matches a name with an apostrophe exactly', async () => {
      const $ = await page(`/councils/Kent%20County%20Council/committees/${encodeURIComponent("Leader's Committee")}`);
      assert.equal($('.archive-browse__latest li').length, 1);
      assert.match($('.archive-browse__latest').text(), /Exempt \(para 3\)/);
    });
  });

  describe('GET /officers/:officer', () => {
    it('lists the items an officer presented and their roles over time', async () => {
      const $ = await page('/officers/Ann%20James');
      const roles = $('.archive-roles tbody tr')
        .map((_, row) => [
          $(row)
            .children()
            .map((__, cell) => $(cell).text().trim())
            .get(),
        ])
        .get();
      assert.deepEqual(roles, [["Director of Children's Services", 'Medway Council', '12 March 2019', '4 November 2021', '2']]);
      assert.equal($('.archive-browse__latest li').length, 2);
    });

    it('does not reveal an officer named only in a Part 2 item, except to officers', async () => {
      await request(app).get('/officers/Morgan%20Hale').expect(404);
      const $ = await page('/officers/Morgan%20Hale', await officerAgent(app));
      assert.match($('.archive-roles').text(), /Head of Property/);
    });
  });

  describe('GET /topics/:topic', () => {
    it('lists a topic across councils', async () => {
      const $ = await page('/topics/early%20help');
      assert.deepEqual(
        links($, 'nav[aria-label="Councils"] a')
          .map(([label]) => label)
          .sort(),
        ['Kent County Council', 'Manordeilo and Salem Community Council', 'Medway Council'],
      );
      assert.equal($('.archive-browse__latest li').length, 4);
      assert.equal($('.archive-downloads a').first().attr('href'), '/api/export.csv?topic=early+help');
    });

    it('refuses an over-long name like any search parameter', async () => {
      await request(app)
        .get(`/topics/${'x'.repeat(300)}`)
        .expect(400);
    });
  });
});

describe('officerRoles', () => {
  it("groups an officer's items by role, earliest first, undated last", () => {
    const roles = officerRoles('Sam', [
      { council: 'A', meeting_date: '2020-01-01', officers: [{ name: 'Sam', role: 'Head of Housing' }] },
      {
        council: 'B',
        meeting_date: '2018-05-01',
        officers: [
          { name: 'Sam', role: 'Housing Manager' },
          { name: 'Jo', role: 'Clerk' },
        ],
      },
      { council: 'A', meeting_date: '2022-01-01', officers: [{ name: 'Sam', role: 'Head of Housing' }] },
      { council: 'A', officers: [{ name: 'Sam' }] },
    ]);
    assert.deepEqual(roles, [
      { role: 'Housing Manager', councils: ['B'], first: '2018-05-01', last: '2018-05-01', items: 1 },
      { role: 'Head of Housing', councils: ['A'], first: '2020-01-01', last: '2022-01-01', items: 2 },
      { role: 'Role not stated', councils: ['A'], items: 1 },
    ]);
  });
});
