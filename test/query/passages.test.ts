import assert from 'node:assert/strict';
import { bestParagraph, cropMarked, markWords, matcherOf, queryMatcher, queryTerms, readItem } from '../../server/query/passages.js';

describe('Passages marked and cropped for a blended page', () => {
  const q = 'when did we resurface the riverside footpath';
  const synonyms = { footpath: ['footway', 'public right of way'] };
  const matches = queryMatcher(q, synonyms);
  const marks = matcherOf(queryTerms(q, undefined, synonyms));

  it('matches the telling words, their synonyms, accents and case aside, and typos the engine forgives', () => {
    for (const word of ['Riverside', 'footpath', 'FOOTWAY', 'right', 'resurface', 'resurfcae', 'rivreside']) assert.ok(matches(word), word);
    for (const word of ['when', 'the', 'river', 'path']) assert.ok(!matches(word), word);
    assert.ok(queryMatcher('café')('Cafe'));
  });

  it('counts a typo in the first letter as two, as the engine does', () => {
    assert.ok(!matches('gootpath'), 'one typo forgiven in 8 letters, and a first letter costs two');
    assert.ok(matches('tiverside'), 'two forgiven in 9 letters');
  });

  it('leaves out the one-letter tail of a possessive or contraction: alone, it would match every other', () => {
    const matches = queryMatcher("children's centres St Mary’s don't ");
    for (const word of ['children', 'centres', 'Mary', 'don']) assert.ok(matches(word), word);
    for (const word of ['s', 't']) assert.ok(!matches(word), word);
    assert.ok(queryMatcher("O'Brien report")('Brien'), 'a name after an apostrophe is a word');
  });

  it('matches the words the last query word begins, as the engine does, unless the query ends in a space', () => {
    assert.ok(queryMatcher('family hu')('hubs'));
    assert.ok(queryMatcher('grit bin')('Bins'));
    assert.ok(!queryMatcher('hu family')('hubs'), 'only the last word is a prefix');
    assert.ok(!queryMatcher('family hu ')('hubs'));
  });

  it('knows each term by its forms, synonyms and forgiven typos, the last query word as a prefix', () => {
    const terms = queryTerms(
      'grit bins for the estate',
      new Map([
        ['grit', 1],
        ['bins', 1],
        ['estate', 1],
      ]),
    );
    assert.equal(terms.termsOf('Grit'), 0b001);
    assert.equal(terms.termsOf('bin'), 0b010, 'a word form');
    assert.equal(terms.termsOf('estates'), 0b100, 'the last word as a prefix');
    assert.equal(terms.termsOf('estaet'), 0b100, 'a typo the engine forgives');
    assert.equal(terms.termsOf('village'), 0);
    assert.equal(
      queryTerms(
        'grit bins ',
        new Map([
          ['grit', 1],
          ['bins', 1],
        ]),
      ).termsOf('binsmen'),
      0,
      'no prefix after a space',
    );
  });

  it('gives terms past the 30th one bit between them, weighing nothing', () => {
    // Words of under five letters: the engine forgives them no typo, so each is its own term alone.
    const words = Array.from({ length: 33 }, (_, i) => `q${i}`);
    const terms = queryTerms(words.join(' '), new Map(words.map((word) => [word, 1])));
    assert.equal(terms.weights.length, 31);
    assert.equal(terms.weights[30], 0);
    assert.equal(terms.termsOf(words[29] as string), 1 << 29);
    assert.equal(terms.termsOf(words[30] as string), 1 << 30);
    assert.equal(terms.termsOf(words[32] as string), 1 << 30);
  });

  it('reads an item once as its terms, up to a budget of words, saying which paragraphs it read whole', () => {
    const terms = queryTerms('riverside footpath ');
    const item = { title: 'Footpath', paragraphs: ['The riverside footpath.', 'No match here.', 'Footpath again.'] };
    assert.deepEqual(readItem(item, terms), {
      title: [0b10],
      paragraphs: [
        [0, 0b01, 0b10],
        [0, 0, 0],
        [0b10, 0],
      ],
      whole: 3,
    });
    assert.deepEqual(readItem(item, terms, 5), { title: [0b10], paragraphs: [[0, 0b01, 0b10], [0]], whole: 1 });
    assert.deepEqual(readItem(item, terms, 0), { title: [], paragraphs: [], whole: 0 });
  });

  it('marks each matching word in a title', () => {
    assert.equal(markWords('Riverside footpath works', marks, '[', ']'), '[Riverside] [footpath] works');
  });

  it('crops a paragraph to the window holding the most different matches, with … where it was cut', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const text = [...words.slice(0, 12), 'footpath', 'w', 'riverside', ...words.slice(12), 'footpath'].join(' ');
    assert.equal(cropMarked(text, marks, 5, '[', ']'), '…w11 [footpath] w [riverside] w12…');
    assert.equal(cropMarked('Short footpath note.', marks, 5, '[', ']'), 'Short [footpath] note.');
    assert.equal(cropMarked('one two three four five six', marks, 3, '[', ']'), 'one two three…', 'the opening words when none match');
    assert.equal(cropMarked('', marks, 3, '[', ']'), '');
  });

  it('adds only the marks: the text between stays as it was', () => {
    const text = 'The <b>footpath</b> & riverside — “works”';
    assert.equal(markWords(text, marks, '[', ']'), 'The <b>[footpath]</b> & [riverside] — “works”');
  });

  it('takes the snippet from the paragraph with the most matches, the first on a tie and when none match', () => {
    assert.equal(bestParagraph(['No match.', 'The footpath.', 'The riverside footpath.', 'A footpath by the riverside.'], marks), 2);
    assert.equal(bestParagraph(['One.', 'Two.'], marks), 0);
    assert.equal(bestParagraph([], marks), 0);
  });

  it('marks a phrase only where its words stand together, as one mark where no space parts them', () => {
    const terms = queryTerms(
      '"£5,000" grant',
      new Map([
        ['"£5,000"', 2],
        ['grant', 1],
      ]),
    );
    const marking = matcherOf(terms);
    assert.equal(
      markWords('A grant of £5,000 was received; the £1 000 precept passed 5 to 2.', marking, '[', ']'),
      'A [grant] of £[5,000] was received; the £1 000 precept passed 5 to 2.',
    );
    assert.equal(markWords('Grant of 5 000 and 5,000', marking, '[', ']'), '[Grant] of [5] [000] and [5,000]', 'the phrase, spaced or not');
    assert.deepEqual(terms.masksOf(['5', '000', '000', '5']), [0b01, 0b01, 0, 0], 'a phrase in order');
    assert.equal(terms.termsOf('5'), 0b01, 'a word alone may be part of a phrase');
    assert.deepEqual(readItem({ title: '5 grants', paragraphs: ['£5,000 grant', 'For 5 against 000'] }, terms), {
      title: [0, 0b10],
      paragraphs: [
        [0b01, 0b01, 0b10],
        [0, 0, 0, 0],
      ],
      whole: 2,
    });
    assert.equal(cropMarked('Noted: 5 votes; 000 abstentions; a grant of £5,000 paid.', marking, 4, '[', ']'), '…[grant] of £[5,000]…');
    assert.equal(
      cropMarked('one two three four grant of £5,000 and more', marking, 3, '[', ']'),
      '…[grant] of £[5]…',
      'a phrase cut at the window keeps the mark its paragraph gave it',
    );
    assert.deepEqual(
      queryTerms('£5,000 grant').masksOf(['5', '000', 'grant', '5']),
      [0b01, 0b01, 0b10, 0],
      'a number written with separators, unquoted',
    );
    assert.deepEqual(queryTerms('Ord. 2425-01').masksOf(['Ord', '2425', '01', '01']), [0b01, 0b10, 0b10, 0]);
    assert.equal(markWords('anti-social behaviour', matcherOf(queryTerms('anti-social behaviour')), '[', ']'), '[anti-social] [behaviour]');
  });

  it('matches a phrase word by word as typed: no typo, prefix or synonym', () => {
    const terms = queryTerms('"Wendy Phillips" audit');
    assert.deepEqual(terms.masksOf(['Wendy', 'Phillips']), [0b01, 0b01]);
    assert.deepEqual(terms.masksOf(['Wendy', 'Philips']), [0, 0]);
    assert.deepEqual(terms.masksOf(['Wend', 'Phillips']), [0, 0]);
  });

  it('chooses among the words a reading holds where they match, and reads on where they do not', () => {
    const terms = queryTerms('riverside footpath');
    const paragraphs = ['The footpath.', 'The riverside footpath.', 'Riverside footpath, riverside footpath.'];
    const matching = matcherOf(terms);
    for (const budget of [0, 9, Infinity]) {
      assert.equal(bestParagraph(paragraphs, matching, readItem({ paragraphs }, terms, budget)), 2, `budget ${budget}`);
    }
    // Read to its third word, the item matches in its first paragraph: the rest is not read.
    assert.equal(bestParagraph(paragraphs, matching, readItem({ paragraphs }, terms, 3)), 0);
    assert.equal(bestParagraph(paragraphs, matching, readItem({ paragraphs }, terms, 5)), 1);
    // A reading that matches nothing leaves the paragraphs past it to be read.
    const late = ['The minutes.', 'Riverside footpath.'];
    assert.equal(bestParagraph(late, matching, readItem({ paragraphs: late }, terms, 2)), 1);
    // What the reading says of a whole paragraph stands: it is not read again.
    const reading = { title: [], paragraphs: [[1], [0]], whole: 2 };
    assert.equal(bestParagraph(['no', 'footpath riverside'], matching, reading), 0);
  });
});
