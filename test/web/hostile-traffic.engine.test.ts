import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { BadParameter } from '../../server/common/errors.js';
import { AUDIENCE_FILTERS } from '../../server/index/visibility.js';
import { MAX_ENGINE_QUERIES, planSearch } from '../../server/query/search-plan.js';
import { buildFilter } from '../../server/query/filters.js';
import { parseQuery } from '../../server/query/query-language.js';
import { MAX_ALTERNATIVES, parseSearchParams } from '../../server/query/search-params.js';
import { archiveWith } from '../support/archive.js';

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
        const response = await request(app)
          .get('/api/search')
          .query({ [name]: value });
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
        const response = await request(app)
          .get('/api/search')
          .query({ [name]: value });
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
        const expected =
          params.filters.council.length === 1 ? 'council = V' : `(${params.filters.council.map(() => 'council = V').join(' OR ')})`;
        assert.equal(skeleton, expected);
      }),
      { numRuns: 500 },
    );
  });

  describe('what one search may cost the engine', () => {
    const alternatives = (count: number) => Array.from({ length: count }, (_, n) => `housing${n}`).join(' OR ');
    /** Every facet narrowed by, the councils by 8 values: the most the chart draws a panel for each. */
    const everyFacet = {
      council: ['Medway Council', 'Kent County Council', 'Manordeilo and Salem Community Council', 'A', 'B', 'C', 'D', 'E'],
      committee: 'Cabinet',
      topic: 'early help',
      officer: 'Ann James',
      year: '2021',
    };

    it(`answers a search of ${MAX_ALTERNATIVES} alternatives, every facet narrowed by`, async () => {
      await request(app)
        .get('/')
        .query({ q: alternatives(MAX_ALTERNATIVES), ...everyFacet })
        .expect(200);
      await request(app)
        .get('/api/search')
        .query({ q: alternatives(MAX_ALTERNATIVES), ...everyFacet })
        .expect(200);
    });

    it(`refuses more than ${MAX_ALTERNATIVES} alternatives with a 400 naming q`, async () => {
      const response = await request(app)
        .get('/api/search')
        .query({ q: alternatives(MAX_ALTERNATIVES + 1) })
        .expect(400);
      assert.equal(response.body.error.parameter, 'q');
      assert.match(response.body.error.message, new RegExp(`at most ${MAX_ALTERNATIVES} alternatives`));
      const page = await request(app)
        .get('/')
        .query({ q: alternatives(MAX_ALTERNATIVES + 1) })
        .expect(400);
      assert.match(cheerio.load(page.text)('.govuk-error-summary').text(), /Parameter "q" may join at most/);
    });

    it(`refuses a search costing more than ${MAX_ENGINE_QUERIES} engine queries with a 400 naming q`, async () => {
      // Each topic: term is looked up; the alternatives are asked again for each facet narrowed by.
      const q = `${alternatives(MAX_ALTERNATIVES).replace(/housing/g, 'h')} ${Array.from({ length: 45 }, (_, n) => `topic:${n}`).join(' ')}`;
      const response = await request(app)
        .get('/api/search')
        .query({ q, ...everyFacet })
        .expect(400);
      assert.equal(response.body.error.parameter, 'q');
      assert.match(response.body.error.message, /fewer OR alternatives/);
    });

    it('never plans more engine queries than the budget, whatever the words and filters', () => {
      const term = fc.constantFrom(
        'housing',
        'hedge',
        '"early help"',
        '-budget',
        'OR',
        'the',
        'council:Medway',
        'topic:"early help"',
        'officer:Ann',
        'year:2021',
        'committee:Cabinet',
      );
      const values = fc.array(fc.constantFrom('Medway Council', 'Cabinet', 'early help', 'Ann James', '2021', '2019', 'x'), {
        maxLength: 10,
      });
      fc.assert(
        fc.property(
          fc.array(term, { maxLength: 130 }),
          fc.record({ council: values, committee: values, topic: values, officer: values, year: values }, { requiredKeys: [] }),
          fc.constantFrom('relevance', 'newest'),
          fc.constantFrom('1', '20', '100'),
          (words, facets, sort, perPage) => {
            const raw = { q: words.join(' ').slice(0, 500), ...facets, sort, per_page: perPage };
            let plan;
            try {
              plan = planSearch('minutes', parseSearchParams(raw), AUDIENCE_FILTERS.public);
            } catch (error) {
              assert.ok(error instanceof BadParameter, String(error));
              return;
            }
            const requests = plan.federated ? [plan.request, ...plan.facetRequests] : [plan.request];
            const lookups = parseQuery(raw.q).fieldTerms.filter((fieldTerm) => fieldTerm.name !== 'year').length;
            const sent = requests.reduce((sum, request) => sum + request.queries.length, 0) + lookups;
            assert.ok(sent <= MAX_ENGINE_QUERIES, `${sent} engine queries for ${JSON.stringify(raw)}`);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  it('refuses an overlong address with 414', async () => {
    await request(app)
      .get(`/?q=${'a'.repeat(9000)}`)
      .expect(414);
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
