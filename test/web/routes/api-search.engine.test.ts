import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { archiveWith } from '../../support/archive.js';

interface ApiHit {
  id: string;
  meeting_date: string | null;
  snippet: string;
  council: string;
}
interface ApiAnswer {
  total: number;
  listed: number;
  page: number;
  per_page: number;
  hits: ApiHit[];
  facets: Record<'council' | 'committee' | 'topic' | 'officer' | 'year', Record<string, number>>;
}

describe('GET /api/search', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function search(query: string): Promise<ApiAnswer> {
    const response = await request(app).get(`/api/search?${query}`).expect(200).expect('Content-Type', /json/);
    return response.body as ApiAnswer;
  }
  const ids = (answer: ApiAnswer) => answer.hits.map((hit) => hit.id).sort();

  it('answers every item with facet counts when no query is given', async () => {
    const answer = await search('');
    assert.equal(answer.total, 8);
    assert.deepEqual(answer.facets.council, {
      'Medway Council': 3,
      'Kent County Council': 3,
      'Manordeilo and Salem Community Council': 2,
    });
    assert.equal(answer.facets.topic['early help'], 4);
    assert.equal(answer.facets.officer['Ann James'], 2);
    assert.deepEqual(answer.facets.year, { '2016': 1, '2019': 1, '2021': 2, '2024': 2, '2025': 1 });
  });

  it('finds the items that mention a word, with the match marked in the snippet', async () => {
    const answer = await search('q=exclusions');
    assert.deepEqual(ids(answer), ['kent-2025-02-cyp-scrutiny-item-4', 'medway-2021-11-cyp-scrutiny-item-7']);
    for (const hit of answer.hits) assert.match(hit.snippet, /<mark>exclusions<\/mark>/i);
  });

  it('takes the snippet from the best-matching paragraph and links to it', async () => {
    const answer = await search('q=exclusions&council=Medway%20Council');
    const [hit] = answer.hits as (ApiHit & { passage_url: string | null })[];
    assert.match(hit?.snippet ?? '', /^7\.2 In response to a concern raised about <mark>exclusions<\/mark>/);
    assert.equal(hit?.passage_url, '/items/medway-2021-11-cyp-scrutiny-item-7#p-7-2');
  });

  it('ranks by how much of the query an item holds, not which word comes first: a rarer word outweighs it', async () => {
    // "exclusions" (two items) comes first and "zzyzx" (none) is the rarest, so the engine alone,
    // either way, would require one of them and fill this page of two without the highways item.
    const answer = await search('q=exclusions%20resurfacing%20zzyzx&per_page=2');
    const [first, second] = answer.hits as (ApiHit & { passage_url: string | null })[];
    assert.equal(first?.id, 'kent-2016-05-county-council-item-9');
    assert.match(first?.snippet ?? '', /<mark>resurfacing<\/mark>/, 'its passage comes with it, marked');
    assert.equal(first?.passage_url, '/items/kent-2016-05-county-council-item-9#para-3');
    assert.match(second?.snippet ?? '', /<mark>exclusions<\/mark>/i);
    assert.equal(answer.total, 2, 'the items matching as the facets count them: those holding the first word');
    assert.equal(answer.listed, 3, 'and the highways item listed with them');
    assert.equal(
      Object.values(answer.facets.council).reduce((sum, count) => sum + count, 0),
      answer.total,
    );
  });

  it('counts the facets of the items it lists when no item holds the first word', async () => {
    const answer = await search('q=zzyzx%20resurfacing%20exclusions');
    assert.equal(answer.total, 0, 'no item holds every word as the engine counts them: the first is in none');
    assert.ok(answer.hits.length >= 3, 'the items holding the other words are listed');
    const councils = new Set(answer.hits.map((hit) => hit.council));
    for (const council of councils) assert.ok((answer.facets.council[council] ?? 0) > 0, `${council} counted`);
  });

  it('narrows by council', async () => {
    const answer = await search('q=exclusions&council=Medway%20Council');
    assert.deepEqual(ids(answer), ['medway-2021-11-cyp-scrutiny-item-7']);
  });

  it("ORs values within a facet and keeps the facet's other counts", async () => {
    const answer = await search('council=Medway%20Council&council=Manordeilo%20and%20Salem%20Community%20Council');
    assert.equal(answer.total, 5);
    assert.equal(answer.facets.council['Kent County Council'], 3, 'unselected values of a selected facet stay countable');
  });

  it("keeps a ticked facet's other values and their counts in an OR search, each item counted once", async () => {
    const q = `q=${encodeURIComponent('help OR housing')}`; // both words in the undated Manordeilo item
    const untouched = await search(q);
    const ticked = await search(`${q}&council=Medway%20Council`);
    assert.ok(ticked.hits.length > 0 && ticked.hits.every((hit) => hit.council === 'Medway Council'));
    assert.deepEqual(ticked.facets.council, untouched.facets.council, 'every council listed, counted as without the tick');
    assert.equal(ticked.facets.council['Manordeilo and Salem Community Council'], 1);
    assert.ok((ticked.facets.council['Kent County Council'] ?? 0) > 0);
    const tickedTopics = await search(`${q}&council=Medway%20Council&topic=housing`);
    assert.deepEqual(tickedTopics.facets.topic, ticked.facets.topic, 'another facet counts within the ticked council');
    assert.equal(tickedTopics.facets.council['Manordeilo and Salem Community Council'], 1, 'and the councils within the ticked topic');
  });

  it('ANDs different facets', async () => {
    const answer = await search('council=Medway%20Council&topic=housing');
    assert.deepEqual(ids(answer), ['medway-2024-07-cabinet-item-12']);
    assert.deepEqual(answer.facets.council, { 'Medway Council': 1, 'Manordeilo and Salem Community Council': 1 });
  });

  it('filters by officer and by year', async () => {
    assert.deepEqual(ids(await search('officer=Ann%20James')), ['medway-2019-03-cabinet-item-5', 'medway-2021-11-cyp-scrutiny-item-7']);
    assert.deepEqual(ids(await search('year=2021&topic=highways')), ['manordeilo-2021-06-community-council-item-8']);
  });

  it('limits to a date range, inclusive, leaving out undated items', async () => {
    const answer = await search('from=2021-06-14&to=2024-07-16');
    assert.deepEqual(ids(answer), [
      'manordeilo-2021-06-community-council-item-8',
      'medway-2021-11-cyp-scrutiny-item-7',
      'medway-2024-07-cabinet-item-12',
    ]);
  });

  it('sorts newest and oldest first, undated items last', async () => {
    const newest = (await search('sort=newest')).hits.map((hit) => hit.meeting_date);
    assert.deepEqual(newest, ['2025-02-06', '2024-09-10', '2024-07-16', '2021-11-04', '2021-06-14', '2019-03-12', '2016-05-19', null]);
    const oldest = (await search('sort=oldest')).hits.map((hit) => hit.meeting_date);
    assert.deepEqual(oldest.slice(0, 2), ['2016-05-19', '2019-03-12']);
  });

  it('pages through results without overlap', async () => {
    const first = await search('sort=oldest&per_page=3&page=1');
    const third = await search('sort=oldest&per_page=3&page=3');
    assert.equal(first.per_page, 3);
    assert.equal(third.page, 3);
    assert.equal(first.hits.length, 3);
    assert.equal(third.hits.length, 2);
    assert.equal(new Set([...ids(first), ...ids(third)]).size, 5);
  });

  it('pages through a relevance search of several words in one order, each item once', async () => {
    const all = await search('q=early%20help%20children&per_page=20');
    assert.ok(all.hits.length >= 4, `${all.hits.length} hits`);
    const paged: string[] = [];
    for (let page = 1; page <= all.hits.length; page += 1) {
      paged.push(...(await search(`q=early%20help%20children&per_page=1&page=${page}`)).hits.map((hit) => hit.id));
    }
    assert.deepEqual(
      paged,
      all.hits.map((hit) => hit.id),
    );
  });

  it('treats hostile facet values as plain text, never widening the filter', async () => {
    const hostile = encodeURIComponent('x" OR council = "Medway Council');
    const answer = await search(`council=${hostile}`);
    assert.equal(answer.total, 0);
    const backslash = await search(`council=${encodeURIComponent('Medway Council\\')}`);
    assert.equal(backslash.total, 0);
  });

  it('matches a facet value holding an apostrophe exactly', async () => {
    const answer = await search(`committee=${encodeURIComponent("Leader's Committee")}`);
    assert.deepEqual(ids(answer), ['kent-2024-09-leaders-committee-exempt-item-3']);
  });

  it('never finds an exempt item by words from its withheld body', async () => {
    const answer = await search('q=zanzibarproperty');
    assert.equal(answer.total, 0);
    assert.equal((await search('officer=Morgan%20Hale')).total, 0);
    assert.equal((await search('')).facets.topic['property acquisition'], undefined);
  });

  it("escapes HTML in snippets, keeping only the engine's marks", async () => {
    const answer = await search(`q=${encodeURIComponent('<script>alert(1)</script> exclusions')}`);
    for (const hit of answer.hits) assert.doesNotMatch(hit.snippet, /<(?!\/?mark>)/);
  });

  it('answers 400 naming the parameter for bad input', async () => {
    const response = await request(app).get('/api/search?per_page=1000').expect(400).expect('Content-Type', /json/);
    assert.equal(response.body.error.parameter, 'per_page');
    assert.match(response.body.error.message, /per_page/);
    await request(app).get('/api/search?from=2019-13-01').expect(400);
    await request(app).get('/api/search?sort=random').expect(400);
  });
});

describe('GET /api/search, the first pages by densest passage', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('passages'));
  });

  it('ranks an item saying the query in one sentence above one scattering more of its words', async () => {
    const response = await request(app)
      .get(`/api/search?q=${encodeURIComponent('community schemes to buy home heating fuel in bulk')}`)
      .expect(200);
    const hits = (response.body as ApiAnswer).hits;
    // The budget item holds six of the seven terms, in six paragraphs; the parish item four, in one sentence.
    assert.deepEqual(
      hits.map((hit) => hit.id),
      ['west-dereham-2009-03-parish-council-item-7', 'limerick-2019-11-budget-meeting-item-4'],
    );
    assert.match(hits[0]?.snippet ?? '', /<mark>Bulk<\/mark> <mark>buying<\/mark> of <mark>heating<\/mark> oil/);
  });

  it('marks a number written with separators where it stands, and ranks the item holding it first', async () => {
    const response = await request(app)
      .get(`/api/search?q=${encodeURIComponent('£5,000 precept')}`)
      .expect(200);
    const { hits } = response.body as ApiAnswer;
    // The engine finds Northwold's item too: it holds the words of "£5,000" apart ("£5", "£1,000").
    // Wretton's item is there twice, drafted and approved: one copy first, the other after Northwold's.
    assert.match(hits[0]?.id ?? '', /^wretton-2014-01-parish-council-/);
    assert.equal(hits[1]?.id, 'northwold-2010-06-parish-council-item-4');
    assert.match(hits[0]?.snippet ?? '', /<mark>precept<\/mark> for the coming year at £<mark>5,000<\/mark>, the same/);
    assert.doesNotMatch(hits[1]?.snippet ?? '', /<mark>/, 'neither "5" nor "000" marked apart');
  });

  it("lists a second copy of an item's text after the other items", async () => {
    const response = await request(app)
      .get(`/api/search?q=${encodeURIComponent('precept this year')}`)
      .expect(200);
    const ids = (response.body as ApiAnswer).hits.map((hit) => hit.id);
    // Wretton's minutes as drafted and as approved hold both words, Limerick's budget only "year".
    assert.equal(ids.length, 3);
    assert.equal(ids[1], 'limerick-2019-11-budget-meeting-item-4');
    assert.deepEqual(ids.filter((id) => id.startsWith('wretton')).sort(), [
      'wretton-2014-01-parish-council-draft-item-9',
      'wretton-2014-01-parish-council-item-9',
    ]);
  });
});
