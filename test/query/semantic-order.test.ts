import assert from 'node:assert/strict';
import {
  closeness,
  commonWordShare,
  meaningOf,
  orderByMeaning,
  vectorWords,
  WORDS_READ,
  type Meaning,
} from '../../server/query/semantic-order.js';
import { loadWordVectors } from '../../server/query/word-vectors.js';

const heatingOil = { title: 'Oil buying', paragraphs: ['Bulk buying of oil has been researched and villagers will be approached.'] };
const planning = { title: 'Planning applications', paragraphs: ['No objection was raised to the extension at Church Farm.'] };
const fuelQuery = 'community schemes to buy home heating fuel in bulk more cheaply';

describe('order by meaning', function () {
  let meaning: Meaning;
  before(async function () {
    // The first run on an install makes the compact file from the package: a few seconds.
    this.timeout(120_000);
    meaning = meaningOf(await loadWordVectors());
  });

  it('reads the words a vector is made of: lower case, no possessive, no stop words', () => {
    assert.deepEqual(vectorWords("The Clerk's report on the village's Beacon"), ['clerk', 'report', 'village', 'beacon']);
  });

  it('finds a passage saying the thing in other words closer than one about something else', () => {
    const query = meaning.vectorOf(vectorWords(fuelQuery));
    assert.ok(query);
    const near = closeness(meaning, query, heatingOil.title, heatingOil.paragraphs);
    const far = closeness(meaning, query, planning.title, planning.paragraphs);
    assert.ok(near > far + 0.15, `oil buying ${near.toFixed(2)} against planning ${far.toFixed(2)}`);
    assert.ok(near <= 1.0001);
  });

  it('reads every passage of a long item, not only its start', () => {
    const query = meaning.vectorOf(vectorWords(fuelQuery));
    assert.ok(query);
    const filler = Array.from({ length: 12 }, () => planning.paragraphs[0] as string);
    const late = closeness(meaning, query, 'Correspondence', [...filler, ...heatingOil.paragraphs]);
    const never = closeness(meaning, query, 'Correspondence', filler);
    assert.ok(late > never + 0.15, `${late.toFixed(2)} against ${never.toFixed(2)}`);
  });

  it('reads no more than WORDS_READ words of an item, so a huge one costs no more than a long one', () => {
    const query = meaning.vectorOf(vectorWords(fuelQuery));
    assert.ok(query);
    const filler = Array.from({ length: WORDS_READ }, () => 'Councillors noted correspondence received.');
    assert.equal(
      closeness(meaning, query, 'Correspondence', [...filler, ...heatingOil.paragraphs]),
      closeness(meaning, query, 'Correspondence', filler),
    );
  });

  it('moves an item close in meaning above one the words placed first', () => {
    assert.deepEqual(orderByMeaning(meaning, fuelQuery, [planning, heatingOil]), [heatingOil, planning]);
    assert.deepEqual(orderByMeaning(meaning, fuelQuery, [heatingOil, planning]), [heatingOil, planning]);
  });

  it('keeps the words’ order for names, words it does not know, and items alike', () => {
    assert.deepEqual(orderByMeaning(meaning, 'Acorn Tree Services', [planning, heatingOil]), [planning, heatingOil]);
    assert.deepEqual(orderByMeaning(meaning, 'qxzvbn wqpfjk', [planning, heatingOil]), [planning, heatingOil]);
    const twin = { ...heatingOil };
    assert.deepEqual(orderByMeaning(meaning, fuelQuery, [twin, heatingOil]), [twin, heatingOil]);
  });

  it('counts names among a query’s telling words: capitalised, the first word only beside another', () => {
    assert.equal(commonWordShare('nest boxes for swifts in new buildings'), 1);
    assert.equal(commonWordShare('Where are young offenders held now'), 1, 'a question’s capital is not a name');
    assert.equal(commonWordShare('Wendy Phillips reappointed as internal auditor'), 3 / 5);
    assert.equal(commonWordShare('why was Limerick left out of rent pressure zones'), 5 / 6);
    assert.equal(commonWordShare('the'), 0);
  });
});
