import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { indexSettings } from '../../server/index/index-settings.js';
import { otherForms } from '../../server/index/search-document.js';
import { loadAllSynonyms, loadEngineSynonyms, loadSynonyms, parseSynonyms, withWordForms } from '../../server/index/synonyms.js';
import { actionNounsOf, pluralsOf, verbFormsOf, wordForms } from '../../server/ingest/word-forms.js';
import { archiveWith } from '../support/archive.js';

describe('synonyms.yaml', () => {
  it('loads, with each entry mapped to the others of its group, in lower case', () => {
    const synonyms = loadSynonyms();
    assert.ok(Object.keys(synonyms).length > 20);
    assert.deepEqual(synonyms['lac']?.slice().sort(), [
      'child looked after',
      'children looked after',
      'cla',
      'looked after child',
      'looked after children',
    ]);
    assert.ok(synonyms['special educational needs and disabilities']?.includes('send'));
    for (const [term, others] of Object.entries(synonyms)) {
      assert.equal(term, term.toLowerCase().trim());
      assert.ok(others.length > 0 && !others.includes(term), term);
      for (const other of others) assert.ok(synonyms[other]?.includes(term), `${other} should lead back to ${term}`);
    }
    assert.deepEqual(indexSettings().synonyms, loadEngineSynonyms());
  });

  it('rejects a malformed file, naming the problem', () => {
    assert.throws(() => parseSynonyms('groups: [[SEND]]'), /at least two/);
    assert.throws(
      () => parseSynonyms('groups:\n  - [HMO, house in multiple occupation]\n  - [hmo, shared house]'),
      /"hmo" is in more than one group/,
    );
    assert.throws(() => parseSynonyms('groups:\n  - [Ofsted, OFSTED]'), /at least two different/);
    assert.throws(() => parseSynonyms('words: []'), /groups/);
    assert.throws(() => parseSynonyms('groups:\n  - [LAC, 3]'), /groups/);
  });
});

describe('word-forms.txt', () => {
  it('makes each word of a family a synonym of the others, on top of the synonym groups', () => {
    const merged = withWordForms({ programme: ['program'] }, '# comment\nhub hubs\nprogramme programmes\nleave leaves leaving\n');
    assert.deepEqual(merged, {
      programme: ['program', 'programmes'],
      hub: ['hubs'],
      hubs: ['hub'],
      programmes: ['programme'],
      leave: ['leaves', 'leaving'],
      leaves: ['leave', 'leaving'],
      leaving: ['leave', 'leaves'],
    });
    assert.deepEqual(loadAllSynonyms()['vacancy'], ['vacancies']);
  });

  it("gives the engine no word forms as synonyms: each document carries its words' other forms", () => {
    assert.equal(loadEngineSynonyms()['vacancy'], undefined);
    const families = new Map([
      ['hub', ['hub', 'hubs']],
      ['hubs', ['hub', 'hubs']],
      ['leave', ['leave', 'leaves', 'leaving']],
      ['leaves', ['leave', 'leaves', 'leaving']],
      ['leaving', ['leave', 'leaves', 'leaving']],
    ]);
    assert.equal(otherForms(['Family Hub', 'Young people leaving care, and leaves of the hub'], families), 'hubs leave');
    assert.equal(otherForms(['No family here'], families), '');
  });

  it('makes the regular forms of a word by the suffix rules of English', () => {
    assert.deepEqual(pluralsOf('bus'), ['buses']);
    assert.deepEqual(pluralsOf('vacancy'), ['vacancys', 'vacancies']);
    assert.deepEqual(pluralsOf('day'), ['days']);
    assert.deepEqual(verbFormsOf('leave'), ['leaved', 'leaving']);
    assert.deepEqual(verbFormsOf('agree'), ['agreed', 'agreeing']);
    assert.deepEqual(verbFormsOf('apply'), ['applied', 'applying']);
    assert.deepEqual(verbFormsOf('tie'), ['tied', 'tying']);
    assert.deepEqual(actionNounsOf('translate'), ['translation', 'translations', 'translatation', 'translatations']);
    assert.deepEqual(actionNounsOf('state'), []);
  });

  it('groups the forms used at least twice under the longest base, never words that only share a start', () => {
    const counts = new Map([
      ['hub', 2],
      ['hubs', 3],
      ['vacancy', 2],
      ['vacancies', 1],
      ['the', 9],
      ['thes', 9],
      ['ox', 2],
      ['oxes', 2],
      ['car', 5],
      ['care', 5],
      ['caring', 3],
      ['consult', 2],
      ['consulted', 2],
      ['consultation', 4],
      ['consultations', 2],
      ['universal', 4],
      ['university', 4],
      ['unite', 2],
      ['united', 2],
      ['str', 2],
      ['strs', 2],
    ]);
    assert.deepEqual(wordForms(counts), [
      ['care', 'caring'],
      ['consult', 'consultation', 'consultations', 'consulted'],
      ['hub', 'hubs'],
      ['unite', 'united'],
    ]);
  });
});

describe('Searching with synonyms', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('synonyms'));
  });
  const ids = async (q: string) =>
    (
      (
        await request(app)
          .get(`/api/search?q=${encodeURIComponent(q)}`)
          .expect(200)
      ).body.hits as { id: string }[]
    ).map((hit) => hit.id);

  it('finds "looked after children" for LAC and CLA', async () => {
    assert.deepEqual(await ids('LAC'), ['testshire-2024-05-01-corporate-parenting-item-4']);
    assert.deepEqual(await ids('CLA placements'), ['testshire-2024-05-01-corporate-parenting-item-4']);
  });

  it('finds a word by its other forms, and marks them in the snippet', async () => {
    // The item says "report", "placements" and "county"; the other item none of them. "counties"
    // is three edits from "county", past the typos the engine forgives.
    assert.deepEqual(await ids('counties'), ['testshire-2024-05-01-corporate-parenting-item-4']);
    const { body } = await request(app).get('/api/search?q=counties').expect(200);
    assert.match((body.hits as { snippet: string }[])[0]?.snippet ?? '', /outside the <mark>county<\/mark>/);
    const alternatives = await request(app)
      .get(`/api/search?q=${encodeURIComponent('counties OR quillbarrow')}`)
      .expect(200);
    assert.match((alternatives.body.hits as { snippet: string }[])[0]?.snippet ?? '', /outside the <mark>county<\/mark>/);
    assert.deepEqual(await ids('placement reporting'), ['testshire-2024-05-01-corporate-parenting-item-4']);
  });

  it('finds HMO and S106 for the words spelled out', async () => {
    assert.deepEqual(await ids('houses in multiple occupation'), ['testshire-2024-06-12-planning-item-7']);
    assert.deepEqual(await ids('section 106'), ['testshire-2024-06-12-planning-item-7']);
  });
});
