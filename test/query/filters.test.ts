import assert from 'node:assert/strict';
import { quoteFilterValue } from '../../server/engine/filter-syntax.js';
import { buildFilter } from '../../server/query/filters.js';
import { parseSearchParams } from '../../server/query/search-params.js';

describe('search filters', () => {
  it('quotes values and escapes quotes and backslashes', () => {
    assert.equal(quoteFilterValue('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  });

  it('ORs values within a facet and ANDs facets and dates', () => {
    const filter = buildFilter(
      parseSearchParams({ council: ['Medway Council', 'Kent County Council'], topic: 'housing', from: '2020-01-01', year: '2021' }),
    );
    assert.deepEqual(filter, [
      '(council = "Medway Council" OR council = "Kent County Council")',
      'topics = "housing"',
      'year = 2021',
      `meeting_ts >= ${Date.UTC(2020, 0, 1) / 1000}`,
    ]);
  });

  it('leaves one facet out for its own counts', () => {
    const params = parseSearchParams({ council: 'Medway Council', topic: 'housing' });
    assert.deepEqual(buildFilter(params, 'council'), ['topics = "housing"']);
  });
});
