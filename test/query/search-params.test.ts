import assert from 'node:assert/strict';
import { BadParameter } from '../../server/common/errors.js';
import { MAX_PER_PAGE, parseSearchParams } from '../../server/query/search-params.js';

function rejects(query: Record<string, unknown>, parameter: string): void {
  assert.throws(
    () => parseSearchParams(query),
    (error: unknown) => error instanceof BadParameter && error.parameter === parameter && error.message.includes(parameter),
  );
}

describe('parseSearchParams', () => {
  it('gives defaults for an empty query', () => {
    const params = parseSearchParams({});
    assert.equal(params.q, '');
    assert.equal(params.sort, 'relevance');
    assert.equal(params.page, 1);
    assert.equal(params.perPage, 20);
    assert.deepEqual(params.filters.council, []);
  });

  it('keeps repeated facet values, trimmed and without duplicates', () => {
    const params = parseSearchParams({ council: ['Medway Council', ' Kent County Council ', 'Medway Council'], topic: 'housing' });
    assert.deepEqual(params.filters.council, ['Medway Council', 'Kent County Council']);
    assert.deepEqual(params.filters.topic, ['housing']);
  });

  it('keeps any characters in the query text, collapsing whitespace', () => {
    assert.equal(parseSearchParams({ q: '  "early  help" OR <script>\\ ' }).q, '"early help" OR <script>\\');
  });

  it('rejects an unknown sort, naming the parameter', () => rejects({ sort: 'price' }, 'sort'));
  it('rejects a page that is not a whole number', () => rejects({ page: '2.5' }, 'page'));
  it('rejects a page beyond what the engine can reach', () => rejects({ page: '51', per_page: '20' }, 'page'));
  it('rejects per_page above the cap', () => rejects({ per_page: String(MAX_PER_PAGE + 1) }, 'per_page'));
  it('rejects an impossible date', () => rejects({ from: '2019-02-31' }, 'from'));
  it('rejects a date range that ends before it starts', () => rejects({ from: '2020-01-01', to: '2019-01-01' }, 'from'));
  it('rejects a year that is not four digits', () => rejects({ year: '20x1' }, 'year'));
  it('rejects nested values such as council[a]=b', () => rejects({ council: { a: 'b' } }, 'council'));
  it('rejects an overlong query', () => rejects({ q: 'a'.repeat(501) }, 'q'));
  it('rejects a single-valued parameter given twice', () => rejects({ sort: ['newest', 'oldest'] }, 'sort'));
});
