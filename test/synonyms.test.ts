import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { INDEX_SETTINGS } from '../server/search/index-settings.js';
import { loadSynonyms, parseSynonyms } from '../server/search/synonyms.js';
import { archiveWith } from './support/archive.js';

describe('synonyms.yaml', () => {
  it('loads, with each entry mapped to the others of its group, in lower case', () => {
    const synonyms = loadSynonyms();
    assert.ok(Object.keys(synonyms).length > 20);
    assert.deepEqual(synonyms['lac']?.slice().sort(), ['child looked after', 'children looked after', 'cla', 'looked after child', 'looked after children']);
    assert.ok(synonyms['special educational needs and disabilities']?.includes('send'));
    for (const [term, others] of Object.entries(synonyms)) {
      assert.equal(term, term.toLowerCase().trim());
      assert.ok(others.length > 0 && !others.includes(term), term);
      for (const other of others) assert.ok(synonyms[other]?.includes(term), `${other} should lead back to ${term}`);
    }
    assert.deepEqual(INDEX_SETTINGS.synonyms, synonyms);
  });

  it('rejects a malformed file, naming the problem', () => {
    assert.throws(() => parseSynonyms('groups: [[SEND]]'), /at least two/);
    assert.throws(() => parseSynonyms('groups:\n  - [HMO, house in multiple occupation]\n  - [hmo, shared house]'), /"hmo" is in more than one group/);
    assert.throws(() => parseSynonyms('groups:\n  - [Ofsted, OFSTED]'), /at least two different/);
    assert.throws(() => parseSynonyms('words: []'), /groups/);
    assert.throws(() => parseSynonyms('groups:\n  - [LAC, 3]'), /groups/);
  });
});

describe('Searching with synonyms', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('synonyms'));
  });
  const ids = async (q: string) =>
    ((await request(app).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body.hits as { id: string }[]).map((hit) => hit.id);

  it('finds "looked after children" for LAC and CLA', async () => {
    assert.deepEqual(await ids('LAC'), ['testshire-2024-05-01-corporate-parenting-item-4']);
    assert.deepEqual(await ids('CLA placements'), ['testshire-2024-05-01-corporate-parenting-item-4']);
  });

  it('finds HMO and S106 for the words spelled out', async () => {
    assert.deepEqual(await ids('houses in multiple occupation'), ['testshire-2024-06-12-planning-item-7']);
    assert.deepEqual(await ids('section 106'), ['testshire-2024-06-12-planning-item-7']);
  });
});
