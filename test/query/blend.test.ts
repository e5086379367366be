import assert from 'node:assert/strict';
import type { MultiSearchParams, MultiSearchResult, RankingScoreDetails } from 'meilisearch';
import { BLEND_WINDOW, blendStrategies, type Reorder } from '../../server/query/blend.js';
import { REORDER_DEPTH } from '../../server/query/semantic-order.js';
import { PASSAGE_DEPTH } from '../../server/query/passage-order.js';
import type { SearchParams } from '../../server/query/search-params.js';

type Hit = { item_id: string; _rankingScore?: number; _rankingScoreDetails?: RankingScoreDetails };

const params = (q: string, extra: Partial<SearchParams> = {}) => ({ q, page: 1, perPage: 2, sort: 'relevance', ...extra }) as SearchParams;
const request = (q: string): MultiSearchParams => ({
  queries: [
    { indexUid: 'items', q, filter: ['visibility = public'], facets: ['council'], page: 1, hitsPerPage: 2 },
    { indexUid: 'items', q, limit: 0 },
  ],
});
/** Hits as [id, ranking score, words matched]; `counted` the items the engine says match, by part. */
const result = (hits: [string, number?, number?][], totalHits = hits.length, counted?: number) =>
  ({
    indexUid: 'items',
    hits: hits.map(([item_id, score, words]) => ({
      item_id,
      ...(score === undefined ? {} : { _rankingScore: score }),
      ...(words === undefined
        ? {}
        : { _rankingScoreDetails: { words: { order: 0, matchingWords: words, maxMatchingWords: 3, score: words / 3 } } }),
    })),
    totalHits,
    totalPages: 1,
    processingTimeMs: 1,
    query: '',
    ...(counted === undefined ? {} : { facetDistribution: { part: { '1': counted } } }),
  }) as unknown as MultiSearchResult<Hit>;

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

  it('asks both ways, each term alone (with the exclusions), and how many items there are: ids only, the same lists for every page', () => {
    for (const page of [1, 3]) {
      const blend = blendStrategies(request('medicinal cannabis nursery -odour'), params('medicinal cannabis nursery -odour', { page }));
      assert.ok(blend);
      const queries = blend.request.queries;
      assert.deepEqual(
        queries.map((query) => [query.q, query.matchingStrategy, query.hitsPerPage]),
        [
          ['medicinal cannabis nursery -odour', 'last', BLEND_WINDOW],
          ['medicinal cannabis nursery -odour', undefined, undefined],
          ['medicinal cannabis nursery -odour', 'frequency', BLEND_WINDOW],
          ['medicinal -odour', 'all', BLEND_WINDOW],
          ['cannabis -odour', 'all', BLEND_WINDOW],
          ['nursery -odour', 'all', BLEND_WINDOW],
          ['', undefined, 0],
        ],
      );
      assert.deepEqual(queries[0]?.facets, ['council'], "the page's facet counts are the last query's");
      for (const query of [queries[0], ...queries.slice(2)]) {
        assert.deepEqual(query?.filter, ['visibility = public'], 'every list is filtered as the search is');
        assert.deepEqual(query?.attributesToRetrieve, ['item_id']);
        assert.equal(query?.page, 1);
      }
      for (const query of queries.slice(3)) assert.deepEqual(query.facets, ['part'], 'each term counts the items holding it');
      assert.deepEqual(
        blend.parallel.map((request) => request.queries.length),
        [1, 1, 1, 2, 2],
        'sent as five requests at once: the last query, the counts of the narrowed facet, the frequency query, the terms in two halves (the count of all with the second)',
      );
      assert.deepEqual(
        blend.parallel.flatMap((request) => request.queries),
        queries,
        'whose results, in order, are those of the one request',
      );
    }
  });

  it('ranks by the share of rarity an item holds, so a rare word outweighs the first one, then fetches the page as each was found', () => {
    const blend = blendStrategies(request('riverside nursery odour'), params('riverside nursery odour', { perPage: 4 }));
    assert.ok(blend);
    // 1,000 items: "riverside" in 500, "nursery" in 10, "odour" in 20.
    const { results, followUp } = blend.merge([
      result(
        [
          ['a', 0.9, 3],
          ['b', 0.5, 1],
        ],
        2,
      ),
      result([], 7),
      result(
        [
          ['a', 0.9, 3],
          ['c', 0.6, 2],
        ],
        2,
      ),
      result(
        [
          ['a', 0.5],
          ['b', 0.9],
        ],
        500,
        500,
      ),
      result(
        [
          ['a', 0.5],
          ['c', 0.5],
          ['d', 0.8],
          ['e', 0.7],
        ],
        10,
        10,
      ),
      result(
        [
          ['a', 0.5],
          ['c', 0.5],
        ],
        20,
        20,
      ),
      result([], 1000, 1000),
    ]);
    // a holds all three; c the two rare ones (frequency, rarest first); d and e "nursery" alone; b only "riverside".
    assert.deepEqual(
      results[0]?.hits.map((hit) => hit.item_id),
      ['a', 'c', 'd', 'e'],
    );
    assert.equal(results[0]?.totalHits, 5, 'every item found, when the lists find more than the engine counted');
    assert.equal(results[1]?.totalHits, 7, 'facet counts are passed through');
    assert.ok(followUp);
    assert.deepEqual(
      followUp.request.queries.map((query) => [query.q, query.filter, query.attributesToHighlight, query.hitsPerPage]),
      [['', ['visibility = public', 'item_id IN ["a", "c", "d", "e", "b"]'], [], 5]],
      'one query for the page and the rest of the first PASSAGE_DEPTH items, which searches nothing again',
    );
    const [page] = followUp.merge([
      {
        ...result([
          ['e', 0.2],
          ['d', 0.7],
          ['c', 0.1],
          ['a', 0.1],
        ]),
        hits: ['e', 'd', 'c', 'a'].map((item_id) => ({
          item_id,
          title: `Nursery ${item_id}`,
          paragraphs: ['The nursery.', 'An odour from the nursery.'],
        })),
      } as unknown as MultiSearchResult<Hit>,
    ]);
    assert.deepEqual(
      page?.hits.map((hit) => [hit.item_id, (hit as { _formatted?: unknown })._formatted, 'paragraphs' in hit]),
      ['a', 'c', 'd', 'e'].map((id) => [
        id,
        { title: `<em>Nursery</em> ${id}`, paragraphs: ['', 'An <em>odour</em> from the <em>nursery</em>.'] },
        false,
      ]),
      'in ranked order, the best passage marked where the query matches, the stored paragraphs left out',
    );
  });

  it('pages through one ranking, and leaves out an item gone meanwhile', () => {
    const answer = [
      result(
        [
          ['x', 0.9, 2],
          ['y', 0.8, 2],
          ['w', 0.7, 1],
        ],
        3,
      ),
      result([], 3),
      result([['x', 0.9, 2]], 1),
      result([], 50, 50),
      result([['z', 0.3]], 9, 9),
      result([], 100, 100),
    ];
    const pages = [1, 2].map((page) => blendStrategies(request('grit bins'), params('grit bins', { page }))?.merge(answer));
    // z holds the rarer "bins" (9 of 100 items), w only "grit" (50).
    assert.deepEqual(
      pages.map((page) => page?.results[0]?.hits.map((hit) => hit.item_id)),
      [
        ['x', 'y'],
        ['z', 'w'],
      ],
    );
    assert.equal(pages[0]?.results[0]?.totalPages, 2);
    const second = pages[1]?.followUp;
    assert.ok(second);
    assert.deepEqual(
      second.merge([result([['w', 0.5]])])[0]?.hits.map((hit) => hit.item_id),
      ['w'],
    );
  });

  it("counts the listed items' facets with the page when the last query matches none of them", () => {
    const facets = (council: Record<string, number>) => ({ facetDistribution: { council } });
    const blend = blendStrategies(request('zzyzx bins'), params('zzyzx bins'));
    const merged = blend?.merge([
      { ...result([], 0), ...facets({}) },
      result([], 0),
      result([], 0),
      result([], 0, 0),
      result([['z', 0.3]], 9, 9),
      result([], 100, 100),
    ]);
    assert.equal(merged?.matched, 0);
    const followUp = merged?.followUp;
    assert.ok(followUp);
    const recount = followUp.request.queries[1];
    assert.deepEqual(
      [recount?.q, recount?.filter, recount?.facets, recount?.hitsPerPage],
      ['', ['visibility = public', 'item_id IN ["z"]'], ['council'], 0],
      'the facets of the items listed, searching nothing',
    );
    const [page] = followUp.merge([
      { ...result([]), hits: [{ item_id: 'z', title: 'Bins', paragraphs: ['Bins.'] }] } as unknown as MultiSearchResult<Hit>,
      { ...result([], 1), ...facets({ Medway: 1 }) },
    ]);
    assert.deepEqual(
      page?.hits.map((hit) => hit.item_id),
      ['z'],
    );
    assert.deepEqual(page?.facetDistribution, { council: { Medway: 1 } });
    assert.equal(page?.totalHits, 1, 'and lists it');
  });

  it("keeps the last query's facets when it matches some items", () => {
    const merged = blendStrategies(request('grit bins'), params('grit bins'))?.merge([
      result([['x', 0.9, 2]], 1),
      result([], 1),
      result([['x', 0.9, 2]], 1),
      result([['x', 0.9]], 1, 1),
      result([['z', 0.3]], 9, 9),
      result([], 100, 100),
    ]);
    assert.equal(merged?.followUp?.request.queries.length, 1, 'the page alone');
  });

  it('puts the head in order again once its text is in hand: the first page by meaning, then the head by passages', () => {
    const ids = Array.from({ length: PASSAGE_DEPTH + 3 }, (_, at) => `i${at}`);
    // Every item holds both words; the engine's score orders them i0, i1, …
    const answer = [
      result(
        ids.map((id, at) => [id, 0.9 - at * 0.01, 2] as [string, number, number]),
        ids.length,
      ),
      result([], ids.length),
      result([], 0),
      result([], 50, 50),
      result([], 50, 50),
      result([], 100, 100),
    ];
    const reversed: Reorder = (q, items) => {
      assert.equal(q, 'grit bins');
      return [...items].reverse();
    };
    // Only i20 says "grit bins" in one passage; the others' text holds neither word.
    const together = 'i20';
    const fetch = (ids: string[]) =>
      [
        {
          ...result([]),
          hits: ids.map((item_id) => ({ item_id, title: item_id, paragraphs: item_id === together ? ['New grit bins ordered.'] : [] })),
        },
      ] as unknown as MultiSearchResult<Hit>[];
    const pageOf = (page: number, perPage: number) => {
      const followUp = blendStrategies(request('grit bins'), params('grit bins', { page, perPage }))?.merge(answer).followUp;
      assert.ok(followUp);
      const fetched = String(followUp.request.queries[0]?.filter?.at(-1));
      return { fetched, hits: followUp.merge(fetch(ids), reversed)[0]?.hits.map((hit) => hit.item_id) };
    };
    const head = [
      together,
      ...ids.slice(0, REORDER_DEPTH).reverse(),
      ...ids.slice(REORDER_DEPTH, PASSAGE_DEPTH).filter((id) => id !== together),
    ];
    const first = pageOf(1, 4);
    assert.deepEqual(first.hits, head.slice(0, 4));
    assert.ok(first.fetched.includes(`"i${PASSAGE_DEPTH - 1}"`), 'the whole head is fetched for the first page');
    assert.deepEqual(pageOf(2, 4).hits, head.slice(4, 8), 'pages cut from the same order never overlap');
    assert.deepEqual(
      pageOf(1, PASSAGE_DEPTH + 2).hits,
      [...head, `i${PASSAGE_DEPTH}`, `i${PASSAGE_DEPTH + 1}`],
      'past the head, the words’ order',
    );
    const past = pageOf(2, PASSAGE_DEPTH);
    assert.deepEqual(past.hits, ids.slice(PASSAGE_DEPTH), 'a page past the head is as ranked');
    assert.ok(!past.fetched.includes('"i0"'), 'and fetches only its own items');
  });
});
