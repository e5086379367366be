import assert from 'node:assert/strict';
import type { MultiSearchParams, MultiSearchResult } from 'meilisearch';
import { blendStrategies, withoutFirstWord } from '../server/search/blend.js';
import type { SearchParams } from '../server/search-params.js';

const params = (q: string, extra: Partial<SearchParams> = {}) => ({ q, page: 1, perPage: 2, sort: 'relevance', ...extra }) as SearchParams;
const request = (q: string): MultiSearchParams => ({ queries: [{ indexUid: 'items', q, facets: ['council'], page: 1, hitsPerPage: 2 }, { indexUid: 'items', q, limit: 0 }] });
const result = (hits: [string, number][], totalHits: number) =>
  ({ indexUid: 'items', hits: hits.map(([item_id, _rankingScore]) => ({ item_id, _rankingScore })), totalHits, totalPages: 1, processingTimeMs: 1, query: '' }) as unknown as MultiSearchResult<{ item_id: string }>;

describe('blendStrategies', () => {
  it('leaves one-word searches and date-ordered searches alone', () => {
    assert.equal(blendStrategies(request('exclusions'), params('exclusions')), undefined);
    assert.equal(blendStrategies(request('grit bins'), params('grit bins', { sort: 'newest' })), undefined);
    assert.equal(blendStrategies(request('grit bins'), params('grit bins', { page: 51 })), undefined);
  });

  it('leaves alone a search with one term a strategy could leave out: one phrase, one word beside stop words or exclusions', () => {
    for (const q of ['"early help hubs"', 'when did we have the precept', 'hedgerow -verges -"grass cutting"']) {
      assert.equal(blendStrategies(request(q), params(q)), undefined, q);
    }
    assert.ok(blendStrategies(request('"early help" funding'), params('"early help" funding')));
  });

  it("asks both ways, and merges by ranking score with counts from the 'last' query", () => {
    const blend = blendStrategies(request('cannabis nursery odour'), params('cannabis nursery odour'));
    assert.ok(blend);
    const queries = blend.request.queries;
    assert.deepEqual(queries.map((query) => query.matchingStrategy), ['last', undefined, 'frequency']);
    assert.deepEqual(queries[2]?.facets, []);
    const [main, counts] = blend.merge([result([['a', 0.5], ['b', 0.4]], 7), result([], 3), result([['c', 0.9], ['a', 0.5]], 9)]);
    assert.deepEqual(main?.hits.map((hit) => hit.item_id), ['c', 'a']);
    assert.equal(main?.totalHits, 9);
    assert.equal(counts?.totalHits, 3);
  });

  it('widens a page the kept words leave short: asks again without the first word, and lists those hits after', () => {
    const blend = blendStrategies(request('English devolution priority programme'), params('English devolution priority programme'));
    assert.ok(blend);
    const full = [result([['a', 0.9], ['b', 0.8]], 2), result([], 3), result([['b', 0.8]], 1)];
    assert.equal(blend.widen(full), undefined, 'a full page is left alone');
    const short = [result([['a', 0.9]], 1), result([], 3), result([], 0)];
    const widening = blend.widen(short);
    assert.ok(widening);
    assert.deepEqual(widening.request.queries.map((query) => [query.q, query.matchingStrategy, query.facets]), [
      ['devolution priority programme', 'last', []],
      ['devolution priority programme', 'frequency', []],
    ]);
    const [main, counts] = widening.merge([result([['c', 0.95], ['a', 0.99]], 5), result([['d', 0.5]], 1)]);
    assert.deepEqual(main?.hits.map((hit) => hit.item_id), ['a', 'c']);
    assert.equal(main?.totalHits, 5);
    assert.equal(counts?.totalHits, 3);
  });

  it('drops the first telling word, never a phrase or an exclusion', () => {
    assert.equal(withoutFirstWord('when did we last set the parish precept'), 'set the parish precept');
    assert.equal(withoutFirstWord('WiFi4EU public wifi'), 'public wifi');
    assert.equal(withoutFirstWord('the grit bins'), 'bins');
    assert.equal(withoutFirstWord('grit for the'), undefined);
    assert.equal(withoutFirstWord('grit "salt bins"'), undefined);
    assert.equal(withoutFirstWord('grit bins -salt'), undefined);
  });
});
