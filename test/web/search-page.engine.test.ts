import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith } from '../support/archive.js';

describe('GET / (search page)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function page(query: string) {
    const response = await request(app).get(`/?${query}`).expect(200).expect('Content-Type', /html/);
    return cheerio.load(response.text);
  }

  it('shows the query box holding the query, and the results', async () => {
    const $ = await page('q=exclusions');
    assert.equal($('input#q').val(), 'exclusions');
    const titles = $('.archive-hit__title a')
      .map((_, link) => $(link).attr('href'))
      .get()
      .sort();
    assert.deepEqual(titles, ['/items/kent-2025-02-cyp-scrutiny-item-4', '/items/medway-2021-11-cyp-scrutiny-item-7']);
    assert.ok($('.archive-hit__snippet mark').length >= 2);
  });

  it('counts the items matching as the filters do, and says when items holding only some of the words are listed too', async () => {
    const $ = await page('q=exclusions+resurfacing+zzyzx');
    assert.equal(
      $('.archive-results__count').text().replace(/\s+/g, ' ').trim(),
      '2 items matching exclusions resurfacing zzyzx, and more holding some of its words',
    );
    assert.equal($('.archive-hit').length, 3);
    const plain = await page('q=exclusions');
    assert.equal(plain('.archive-results__count').text().replace(/\s+/g, ' ').trim(), '2 items matching exclusions');
  });

  it('lists facet values with counts and links that toggle them', async () => {
    const $ = await page('q=exclusions');
    const medway = $('[data-facet="council"] a').filter((_, link) => $(link).find('.archive-facet__label').text() === 'Medway Council');
    assert.equal(medway.find('.archive-facet__count').text(), '(1)');
    assert.equal(medway.attr('href'), '/?q=exclusions&council=Medway+Council');

    const narrowed = await page('q=exclusions&council=Medway+Council');
    const selected = narrowed('[data-facet="council"] a[aria-current="true"]');
    assert.equal(selected.find('.archive-facet__label').text(), 'Medway Council');
    assert.equal(selected.attr('href'), '/?q=exclusions', 'a selected value links to the search without it');
    assert.equal(narrowed('.archive-hit').length, 1);
  });

  it('keeps the other values of a ticked facet choosable in an OR search', async () => {
    const $ = await page('q=exclusions+OR+pothole&council=Medway+Council');
    const links = $('[data-facet="council"] a');
    const kent = links.filter((_, link) => $(link).find('.archive-facet__label').text() === 'Kent County Council');
    assert.equal(kent.find('.archive-facet__count').text(), '(1)');
    assert.equal(kent.attr('aria-current'), undefined);
    assert.equal(kent.attr('href'), '/?q=exclusions+OR+pothole&council=Medway+Council&council=Kent+County+Council');
    assert.equal(links.filter('[aria-current="true"]').find('.archive-facet__label').text(), 'Medway Council');
    assert.equal($('.archive-hit').length, 1);
  });

  it('escapes the query wherever it is shown', async () => {
    const response = await request(app)
      .get(`/?q=${encodeURIComponent('<script>alert("x")</script>')}`)
      .expect(200);
    assert.doesNotMatch(response.text, /<script>alert/);
    const $ = cheerio.load(response.text);
    assert.equal($('input#q').val(), '<script>alert("x")</script>');
    assert.equal($('script:not([src])').length, 0, "no inline script: only the archive's own files");
  });

  it('offers ways out when nothing matches', async () => {
    const $ = await page('q=zzzzqqqq&council=Medway+Council');
    assert.match($('.archive-empty h2').text(), /No agenda items match/);
    const removeLinks = $('.archive-empty a')
      .map((_, link) => $(link).attr('href'))
      .get();
    assert.ok(removeLinks.includes('/?q=zzzzqqqq'), 'a link removes the council filter');
  });

  it('links pages of results, keeping the search', async () => {
    const $ = await page('sort=oldest&per_page=3');
    assert.equal($('.archive-hit').length, 3);
    assert.equal($('.govuk-pagination__next a').attr('href'), '/?sort=oldest&per_page=3&page=2');
    assert.equal($('.govuk-pagination__item--current a').text().trim(), '1');
  });

  it('flags an exempt item and shows no text from it', async () => {
    const $ = await page(`committee=${encodeURIComponent("Leader's Committee")}`);
    assert.equal($('.archive-hit').length, 1);
    assert.match($('.archive-hit .govuk-tag--red').text(), /Exempt \(para 3\)/);
    assert.equal($('.archive-hit__snippet').length, 0);
  });

  it('shows a 400 page naming the bad parameter', async () => {
    const response = await request(app).get('/?page=0').expect(400).expect('Content-Type', /html/);
    const $ = cheerio.load(response.text);
    assert.match($('.govuk-error-summary').text(), /Parameter "page"/);
  });

  it('sends security headers', async () => {
    const response = await request(app).get('/').expect(200);
    assert.match(response.headers['content-security-policy'] as string, /script-src 'self'/);
    assert.equal(response.headers['x-powered-by'], undefined);
  });
});

describe('GET / with the decisions-only scope', () => {
  it('keeps the scope ticked and in every link it builds', async () => {
    const { app } = await archiveWith('content');
    const $ = cheerio.load((await request(app).get('/?q=report&scope=decisions').expect(200)).text);
    assert.equal($('input#scope').attr('checked'), 'checked');
    const facetLink = $('[data-facet="council"] a').first().attr('href') ?? '';
    assert.match(facetLink, /scope=decisions/);
  });
});
