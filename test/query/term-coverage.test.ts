import assert from 'node:assert/strict';
import { coverage, rarity, termsCounted, termsInOrder } from '../../server/query/term-coverage.js';

describe('term coverage', () => {
  it('reads the telling terms in order, a synonym phrase as one term', () => {
    const phrases = new Set(['domestic violence']);
    assert.deepEqual(termsInOrder('domestic violence increase during Covid lockdown', phrases), [
      'domestic violence',
      'increase',
      'during',
      'covid',
      'lockdown',
    ]);
    assert.deepEqual(termsInOrder('when did we last set the parish precept', phrases), ['last', 'set', 'parish', 'precept']);
    assert.deepEqual(termsInOrder('"Early Help" hubs -closures', phrases), ['"early help"', 'hubs']);
  });

  it('knows the synonym phrases of the archive', () => {
    assert.deepEqual(termsInOrder('looked after children in care'), ['looked after children', 'care']);
  });

  it('weighs a term by how few items hold it', () => {
    assert.ok(rarity(10, 1000) > rarity(500, 1000));
    assert.ok(rarity(1000, 1000) > 0, 'a word every item holds still counts a little');
  });

  it("reads the engine's word count in its strategy's order", () => {
    assert.deepEqual(termsCounted(['domestic violence', 'covid', 'lockdown'], 3), ['domestic violence', 'covid']);
    assert.deepEqual(termsCounted(['"early help"', 'hubs'], 1), ['"early help"']);
    assert.deepEqual(termsCounted(['a', 'b'], 0), []);
  });

  it('gives the share of the weight held', () => {
    const weights = new Map([
      ['nursery', 3],
      ['riverside', 1],
    ]);
    assert.equal(coverage(new Set(['nursery']), weights), 0.75);
    assert.equal(coverage(new Set(['nursery', 'riverside', 'other']), weights), 1);
    assert.equal(coverage(new Set(), new Map()), 0);
  });
});
