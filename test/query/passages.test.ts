import assert from 'node:assert/strict';
import { bestParagraph, cropMarked, markWords, queryMatcher } from '../../server/query/passages.js';

describe('Passages marked and cropped for a blended page', () => {
  const matches = queryMatcher('when did we resurface the riverside footpath', { footpath: ['footway', 'public right of way'] });

  it('matches the telling words, their synonyms, accents and case aside, and typos the engine forgives', () => {
    for (const word of ['Riverside', 'footpath', 'FOOTWAY', 'right', 'resurface', 'resurfcae', 'rivreside']) assert.ok(matches(word), word);
    for (const word of ['when', 'the', 'river', 'path']) assert.ok(!matches(word), word);
    assert.ok(queryMatcher('café')('Cafe'));
  });

  it('counts a typo in the first letter as two, as the engine does', () => {
    assert.ok(!matches('gootpath'), 'one typo forgiven in 8 letters, and a first letter costs two');
    assert.ok(matches('tiverside'), 'two forgiven in 9 letters');
  });

  it('matches the words the last query word begins, as the engine does, unless the query ends in a space', () => {
    assert.ok(queryMatcher('family hu')('hubs'));
    assert.ok(queryMatcher('grit bin')('Bins'));
    assert.ok(!queryMatcher('hu family')('hubs'), 'only the last word is a prefix');
    assert.ok(!queryMatcher('family hu ')('hubs'));
  });

  it('marks each matching word in a title', () => {
    assert.equal(markWords('Riverside footpath works', matches, '[', ']'), '[Riverside] [footpath] works');
  });

  it('crops a paragraph to the window holding the most different matches, with … where it was cut', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const text = [...words.slice(0, 12), 'footpath', 'w', 'riverside', ...words.slice(12), 'footpath'].join(' ');
    assert.equal(cropMarked(text, matches, 5, '[', ']'), '…w11 [footpath] w [riverside] w12…');
    assert.equal(cropMarked('Short footpath note.', matches, 5, '[', ']'), 'Short [footpath] note.');
    assert.equal(cropMarked('one two three four five six', matches, 3, '[', ']'), 'one two three…', 'the opening words when none match');
    assert.equal(cropMarked('', matches, 3, '[', ']'), '');
  });

  it('adds only the marks: the text between stays as it was', () => {
    const text = 'The <b>footpath</b> & riverside — “works”';
    assert.equal(markWords(text, matches, '[', ']'), 'The <b>[footpath]</b> & [riverside] — “works”');
  });

  it('takes the snippet from the paragraph with the most matches, the first on a tie and when none match', () => {
    assert.equal(bestParagraph(['No match.', 'The footpath.', 'The riverside footpath.', 'A footpath by the riverside.'], matches), 2);
    assert.equal(bestParagraph(['One.', 'Two.'], matches), 0);
    assert.equal(bestParagraph([], matches), 0);
  });
});
