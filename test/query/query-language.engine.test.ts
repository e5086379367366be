import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { parseQuery } from '../../server/query/query-language.js';
import { archiveWith } from '../support/archive.js';

describe('parseQuery', () => {
  it('takes field prefixes out of the words, quoted or bare', () => {
    assert.deepEqual(parseQuery('early help officer:"Ann James" council:Medway -absence'), {
      text: 'early help -absence',
      alternatives: ['early help -absence'],
      fieldTerms: [
        { name: 'officer', value: 'Ann James' },
        { name: 'council', value: 'Medway' },
      ],
    });
  });

  it('leaves unknown prefixes and times of day as words', () => {
    assert.deepEqual(parseQuery('meeting at 10:30 http://example.org').fieldTerms, []);
    assert.equal(parseQuery('meeting at 10:30 http://example.org').text, 'meeting at 10:30 http://example.org');
  });

  it('splits alternatives at OR, but not inside a phrase or in lower case', () => {
    assert.deepEqual(parseQuery('pothole OR "verges OR hedges" OR').alternatives, ['pothole', '"verges OR hedges"']);
    assert.deepEqual(parseQuery('fish or chips').alternatives, ['fish or chips']);
  });
});

describe('the query language in GET /api/search', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });
  const ids = async (query: Record<string, string>) =>
    ((await request(app).get('/api/search').query(query).expect(200)).body.hits as { id: string }[]).map((hit) => hit.id).sort();

  it('narrows by a council named in part, as a facet would', async () => {
    assert.deepEqual(await ids({ q: 'exclusions council:medway' }), ['medway-2021-11-cyp-scrutiny-item-7']);
  });

  it('narrows by an officer given in quotes, and by year', async () => {
    assert.deepEqual(await ids({ q: 'officer:"Ann James"' }), ['medway-2019-03-cabinet-item-5', 'medway-2021-11-cyp-scrutiny-item-7']);
    assert.deepEqual(await ids({ q: 'exclusions year:2025' }), ['kent-2025-02-cyp-scrutiny-item-4']);
  });

  it('matches nothing, rather than everything, for a prefix that names no value', async () => {
    assert.deepEqual(await ids({ q: 'council:Atlantis' }), []);
    assert.deepEqual(await ids({ q: 'officer:"Morgan Hale"' }), [], 'an officer of an exempt item only is not revealed');
  });

  it('searches exact phrases and leaves out -excluded words', async () => {
    assert.deepEqual(await ids({ q: '"permanent and fixed term exclusions"' }), ['kent-2025-02-cyp-scrutiny-item-4']);
    assert.deepEqual(await ids({ q: 'exclusions -secondary' }), ['medway-2021-11-cyp-scrutiny-item-7']);
  });

  it('searches only what was decided and actioned with scope=decisions', async () => {
    assert.deepEqual(await ids({ q: 'exclusions', scope: 'decisions' }), []);
    assert.deepEqual(await ids({ q: 'breakdown referrals', scope: 'decisions' }), ['kent-2025-02-cyp-scrutiny-item-4']);
    const decided = await ids({ scope: 'decisions' });
    assert.ok(decided.length > 0 && !decided.includes('manordeilo-community-council-item-3'));
  });

  it('finds items matching any one of several alternatives joined by OR', async () => {
    assert.deepEqual(await ids({ q: 'pothole OR hedgerow' }), [
      'kent-2016-05-county-council-item-9',
      'manordeilo-2021-06-community-council-item-8',
    ]);
    const { body } = await request(app).get('/api/search').query({ q: 'pothole OR hedgerow' }).expect(200);
    assert.equal(body.total, 2);
    assert.deepEqual(body.facets.council, { 'Manordeilo and Salem Community Council': 1, 'Kent County Council': 1 });
    assert.deepEqual(await ids({ q: 'pothole OR hedgerow council:kent' }), ['kent-2016-05-county-council-item-9']);
    assert.deepEqual(await ids({ q: 'zanzibarproperty OR pothole' }), ['manordeilo-2021-06-community-council-item-8']);
  });

  it('names the parameter for a malformed prefix or scope', async () => {
    await request(app).get('/api/search').query({ q: 'year:recent' }).expect(400);
    await request(app).get('/api/search').query({ scope: 'everything' }).expect(400);
  });
});
