import assert from 'node:assert/strict';
import { densestPassage, orderByPassages, PASSAGE_WORDS, PASSAGE_WORDS_READ } from '../../server/query/passage-order.js';
import { queryTerms, readItem } from '../../server/query/passages.js';

const fuelQuery = 'community schemes to buy home heating fuel in bulk more cheaply';
// Rarity as the term lists would give it: "bulk" and "heating" rare, "community" and "home" common.
const fuelWeights = new Map([
  ['community', 0.5],
  ['schemes', 1],
  ['buy', 1.5],
  ['home', 0.5],
  ['heating', 3],
  ['fuel', 2.5],
  ['bulk', 4],
  ['cheaply', 3],
]);
const filler = (words: number) => Array.from({ length: words }, (_, i) => `filler${i % 7}`).join(' ');

describe('order by densest passage', () => {
  it("scores the share of the query's rarity held by the densest run of words, each term once", () => {
    const terms = queryTerms(fuelQuery, fuelWeights);
    const all = [...fuelWeights.values()].reduce((sum, weight) => sum + weight, 0);
    const together = { title: 'Oil', paragraphs: ['Bulk buying of heating oil, bulk bulk bulk.'] };
    assert.equal(densestPassage(together, terms), (4 + 1.5 + 3) / all);
    const apart = { title: 'Budget', paragraphs: [`bulk ${filler(PASSAGE_WORDS)} heating ${filler(PASSAGE_WORDS)} buy`] };
    assert.equal(densestPassage(apart, terms), 4 / all, 'terms further apart than a passage are not held together');
    assert.equal(densestPassage({ title: 'Nothing', paragraphs: ['No such words.'] }, terms), 0);
    assert.equal(densestPassage({}, terms), 0);
  });

  it('reads a passage within one paragraph, the title with the first', () => {
    const terms = queryTerms(fuelQuery, fuelWeights);
    const all = [...fuelWeights.values()].reduce((sum, weight) => sum + weight, 0);
    assert.equal(densestPassage({ paragraphs: ['The order of heating oil in bulk.', 'The scheme to buy it.'] }, terms), (3 + 4) / all);
    assert.equal(densestPassage({ title: 'Heating oil', paragraphs: ['Bulk order.', 'Buy.'] }, terms), (3 + 4) / all);
    assert.equal(densestPassage({ title: 'Heating oil', paragraphs: ['Minutes.', 'Bulk order.'] }, terms), 4 / all);
  });

  it('reads the title with the text, and no further than its word budget', () => {
    const terms = queryTerms(fuelQuery, fuelWeights);
    assert.ok(
      densestPassage({ title: 'Heating oil', paragraphs: ['bulk order placed'] }, terms) >
        densestPassage({ paragraphs: ['bulk order placed'] }, terms),
    );
    const late = { paragraphs: [filler(PASSAGE_WORDS_READ), 'bulk heating'] };
    assert.equal(densestPassage(late, terms), 0);
    assert.equal(densestPassage(readItem(late, terms, PASSAGE_WORDS_READ), terms), 0, 'a reading of the budget says the same');
    const early = { title: 'Oil', paragraphs: ['Bulk buying of heating oil.', filler(PASSAGE_WORDS_READ)] };
    assert.equal(densestPassage(readItem(early, terms, PASSAGE_WORDS_READ), terms), densestPassage(early, terms));
  });

  it('lifts an item whose terms stand together past items that scatter them, but not from anywhere to the top', () => {
    const scattered = (title: string) => ({
      title,
      paragraphs: [`community ${filler(30)} schemes ${filler(30)} home ${filler(30)} fuel ${filler(30)} bulk`],
    });
    const oil = { title: 'Oil buying group', paragraphs: ['Bulk buying of heating oil: a cheaper scheme for the community.'] };
    const ranked = [...['A', 'B', 'C', 'D', 'E'].map(scattered), oil];
    const order = orderByPassages(queryTerms(fuelQuery, fuelWeights), ranked).map((item) => item.title);
    assert.equal(order[0], 'Oil buying group');
    assert.deepEqual(order.slice(1), ['A', 'B', 'C', 'D', 'E'], 'the others keep their order');

    const slightlyCloser = { title: 'F', paragraphs: [`community schemes ${filler(30)} bulk`] };
    assert.deepEqual(
      orderByPassages(queryTerms(fuelQuery, fuelWeights), [scattered('A'), slightlyCloser]).map((item) => item.title),
      ['A', 'F'],
      'a small margin does not displace the first',
    );
  });

  it('keeps the order of a query with no weighed terms', () => {
    const items = [{ title: 'one' }, { title: 'two' }];
    assert.deepEqual(orderByPassages(queryTerms('anything'), items), items);
  });
});
