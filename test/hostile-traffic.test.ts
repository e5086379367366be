import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { BadParameter } from '../server/errors.js';
import { buildFilter } from '../server/search/filters.js';
import { parseSearchParams } from '../server/search-params.js';
import { archiveWith } from './support/archive.js';

const PARAMETERS = ['q', 'council', 'committee', 'topic', 'officer', 'year', 'from', 'to', 'sort', 'page', 'per_page'];

/** Any text, including quotes, backslashes, operators, markup and unusual Unicode. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('"', '\\', '\\"', '" OR visibility = "restricted', ') OR (part = 2', 'OR', 'NOT', '<script>', '%00', '\u0000', '*', ''),
);

describe('hostile and heavy traffic', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  it('turns any parameter value into a valid search or a 400 naming it, never a 500', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PARAMETERS), hostileText, async (name, value) => {
        const response = await request(app).get('/api/search').query({ [name]: value });
        assert.ok([200, 400].includes(response.status), `${name}=${JSON.stringify(value)} gave ${response.status}`);
        if (response.status === 400) assert.equal(response.body.error.parameter, name);
      }),
      { numRuns: 150 },
    );
  });

  it('never widens the filter: a facet value matches no more items than carry it', async function () {
    this.timeout(120_000);
    const { body: unfiltered } = await request(app).get('/api/search').expect(200);
    const facets = unfiltered.facets as Record<string, Record<string, number>>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('council', 'committee', 'topic', 'officer'), hostileText, async (name, value) => {
        const response = await request(app).get('/api/search').query({ [name]: value });
        if (response.status !== 200 || value.trim() === '') return;
        const carrying = Object.entries(facets[name] ?? {})
          .filter(([facetValue]) => facetValue.toLowerCase() === value.trim().toLowerCase())
          .reduce((sum, [, count]) => sum + count, 0);
        assert.ok(response.body.total <= carrying, `${name}=${JSON.stringify(value)} matched ${response.body.total} items`);
      }),
      { numRuns: 100 },
    );
  });

  it('builds filters where each user value is one quoted literal', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 5 }), (values) => {
        let params;
        try {
          params = parseSearchParams({ council: values });
        } catch (error) {
          assert.ok(error instanceof BadParameter);
          return;
        }
        const [councilFilter] = buildFilter(params);
        if (params.filters.council.length === 0) return assert.equal(councilFilter, undefined);
        // Remove the escaped literals: what is left is only our own syntax.
        const skeleton = (councilFilter as string).replace(/"(?:[^"\\]|\\.)*"/g, 'V');
        const expected = params.filters.council.length === 1 ? 'council = V' : `(${params.filters.council.map(() => 'council = V').join(' OR ')})`;
        assert.equal(skeleton, expected);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an overlong address with 414', async () => {
    await request(app).get(`/?q=${'a'.repeat(9000)}`).expect(414);
  });

  it('rate-limits the API per address with 429 and a readable message', async () => {
    const { app: limited } = await archiveWith('content', { apiRateLimit: 3 });
    for (let n = 0; n < 3; n += 1) await request(limited).get('/api/search').expect(200);
    const response = await request(limited).get('/api/search').expect(429);
    assert.match(response.body.error.message, /Too many requests/);
    await request(limited).get('/').expect(200);
  });

  it('rate-limits the search, browse and item pages per address with a readable 429 page', async () => {
    const { app: limited } = await archiveWith('content', { pageRateLimit: 3 });
    await request(limited).get('/?q=housing').expect(200);
    await request(limited).get('/councils').expect(200);
    await request(limited).get('/items/kent-2016-05-county-council-item-9').expect(200);
    const response = await request(limited).get('/?q=housing').expect(429).expect('Content-Type', /html/);
    const $ = cheerio.load(response.text);
    assert.equal($('h1').text().trim(), 'Too many requests');
    assert.match($('main').text(), /Please wait a minute and try again/);
    assert.ok(Number(response.headers['retry-after']) > 0, 'says when to try again');
    await request(limited).get('/topics').expect(429);
    await request(limited).get('/static/archive.css').expect(200);
    await request(limited).get('/api/search').expect(200);
  });

  it('sends a strict Content-Security-Policy with nothing inline', async () => {
    const response = await request(app).get('/').expect(200);
    const policy = response.headers['content-security-policy'] as string;
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });
});
