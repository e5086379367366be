import assert from 'node:assert/strict';
import { copiesLast, resemblance, SAME_TEXT, wordRuns } from '../../server/query/near-duplicates.js';

// Boughton's minutes of 24 October 2014 were published as a draft and again as approved.
const ditch =
  'The Clerk reported that the ditch along Inghams Lane had flooded the road twice since the last meeting. ' +
  'Norfolk County Council Highways had been asked to clear it and the landowner had been written to. ' +
  'Members agreed that the Clerk should chase Highways if nothing had been done by the next meeting.';
const approved = { id: 'approved', council: 'Boughton Parish Council', meeting_date: '2014-10-24', title: 'Highways', paragraphs: [ditch] };
const draft = { ...approved, id: 'draft', paragraphs: [ditch.replace('twice', 'two times')] };
const elsewhere = { ...draft, id: 'elsewhere', council: 'Wretton Parish Council' };
const other = {
  id: 'other',
  council: 'Boughton Parish Council',
  title: 'Village sign',
  paragraphs: ['A new village sign with pictures of the church and the pond was agreed, at a cost of £450.'],
};

describe('near-duplicates', () => {
  it('measures how much of two texts is the same four-word runs, case aside', () => {
    assert.equal(resemblance(wordRuns([ditch]), wordRuns([ditch.toUpperCase()])), 1);
    const edited = resemblance(wordRuns([ditch]), wordRuns([ditch.replace('twice', 'two times')]));
    assert.ok(edited >= SAME_TEXT && edited < 1, `one word changed: ${edited}`);
    assert.equal(resemblance(wordRuns([ditch]), wordRuns([other.paragraphs[0] as string])), 0);
    assert.equal(resemblance(wordRuns(['Apologies']), wordRuns(['apologies'])), 1, 'a text shorter than a run is one run');
  });

  it("moves a later copy of an earlier item's text after the others, keeping their order", () => {
    const ids = (items: { id: string }[]) => items.map((item) => item.id);
    assert.deepEqual(ids(copiesLast([approved, draft, other])), ['approved', 'other', 'draft']);
    assert.deepEqual(ids(copiesLast([draft, other, approved])), ['draft', 'other', 'approved']);
    assert.deepEqual(
      ids(copiesLast([approved, other, elsewhere])),
      ['approved', 'other', 'elsewhere'],
      "another council's text is its own record",
    );
    assert.deepEqual(ids(copiesLast([])), []);
  });

  it('puts a dated copy in the place of an undated one, as the record to cite', () => {
    const undated = { ...draft, id: 'undated', meeting_date: null };
    assert.deepEqual(
      copiesLast([undated, other, approved]).map((item) => item.id),
      ['approved', 'other', 'undated'],
    );
    assert.deepEqual(
      copiesLast([approved, other, undated]).map((item) => item.id),
      ['approved', 'other', 'undated'],
    );
  });

  it('keeps an item that quotes another but says more of its own', () => {
    const amendment = { ...approved, id: 'amendment', paragraphs: [`${ditch} ${other.paragraphs[0]} ${other.paragraphs[0]}`] };
    assert.deepEqual(
      copiesLast([approved, amendment]).map((item) => item.id),
      ['approved', 'amendment'],
    );
  });
});
