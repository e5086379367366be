import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import request from 'supertest';
import { Random } from '../../server/bench/random.js';
import { editDistance } from '../../server/common/edit-distance.js';
import {
  correctedQuery,
  createSpelling,
  keepSpellingCurrent,
  MAX_WORDS_CORRECTED,
  nearestWord,
  vocabularyOf,
  type Vocabulary,
} from '../../server/query/spelling.js';
import { wordsOf } from '../../server/index/words.js';
import { archiveWith, searchAccessFor } from '../support/archive.js';

async function* items(...titles: string[]) {
  for (const title of titles) yield { title };
}

/** The reference: every word of the vocabulary compared, the nearest kept, the most used (then the first counted) on a tie. */
function nearestOfAll(word: string, vocabulary: Vocabulary): string | undefined {
  const max = word.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary.counts) {
    const distance = editDistance(word, candidate, max);
    if (distance <= max && (!best || distance < best.distance || (distance === best.distance && count > best.count)))
      best = { word: candidate, distance, count };
  }
  return best?.word;
}

const randomWord = (random: Random, length: number) => Array.from({ length }, () => String.fromCharCode(97 + random.int(0, 25))).join('');

/** `count` distinct random words of six letters, as the vocabulary of a large archive might hold. */
function sixLetterWords(random: Random, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) words.add(randomWord(random, 6));
  return [...words];
}

/** One letter of `word` replaced. */
function misspelt(random: Random, word: string): string {
  const at = random.int(0, word.length - 1);
  return `${word.slice(0, at)}${word[at] === 'z' ? 'y' : 'z'}${word.slice(at + 1)}`;
}

describe('spelling suggestions', () => {
  it('measures edits, a swap of neighbours as one, and stops past the limit', () => {
    assert.equal(editDistance('pothole', 'pothole', 2), 0);
    assert.equal(editDistance('ptohole', 'pothole', 2), 1);
    assert.equal(editDistance('pthle', 'pothole', 2), 2);
    assert.equal(editDistance('cemetery', 'allotments', 2), 3);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
  });

  it('counts each word once an item, lower case, three letters or more', async () => {
    assert.deepEqual(wordsOf('Early Help: a 2024 review of early help'), ['early', 'help', 'review', 'early', 'help']);
    const vocabulary = await vocabularyOf(items('Early help', 'Early years, early help'));
    assert.deepEqual(
      [...vocabulary.counts],
      [
        ['early', 2],
        ['help', 2],
        ['years', 1],
      ],
    );
  });

  it('corrects to the nearest word, the most used on a tie, and only words the archive lacks', async () => {
    const vocabulary = await vocabularyOf(items('Cemetery fees', 'Cemetery extension', 'Cemetary (as minuted)', 'Allotments'));
    assert.equal(nearestWord('cemetory', vocabulary), 'cemetery', 'one edit from both; the more used wins');
    assert.equal(nearestWord('xyz', vocabulary), undefined);
    assert.equal(correctedQuery('alotmnets fees', vocabulary), 'allotments fees');
    assert.equal(correctedQuery('allotments fees', vocabulary), undefined, 'nothing to correct');
    assert.equal(correctedQuery('cmetry fees', vocabulary, true), 'cemetery fees', 'two edits: beyond the one typo forgiven a word of 6');
    assert.equal(correctedQuery('alotmnets fees', vocabulary, true), undefined, 'two edits: a word of 9, which the engine finds itself');
    assert.equal(correctedQuery('cemetory', vocabulary, true), undefined);
    assert.equal(
      correctedQuery('kemetery fees', vocabulary, true),
      'cemetery fees',
      'one edit, in the first letter: two as the engine counts it',
    );
    assert.equal(
      correctedQuery('"alotmnets" -cemetory council:Medway the', vocabulary),
      undefined,
      'phrases, exclusions, prefixes and stop words stay',
    );
  });

  it('leaves as typed a word too short for the vocabulary to count, which it cannot know to be misspelt', async () => {
    const vocabulary = await vocabularyOf(items('The Ryder Cup and the roads', 'Mrs Sparkle'));
    assert.equal(nearestWord('up', vocabulary), 'cup', 'the nearest word counted');
    assert.equal(correctedQuery('digging up roads', vocabulary, true), undefined);
    assert.equal(correctedQuery('Mr Sparkle', vocabulary, true), undefined);
    assert.equal(correctedQuery('up rodas', vocabulary), 'up roads', 'the words counted are still corrected');
  });

  it('suggests what comparing every word of the vocabulary would, for any vocabulary and word', async () => {
    // Few letters, so that words lie near each other; long words, so that their ends matter too.
    const word = (minLength: number, maxLength: number) =>
      fc.array(fc.constantFrom(...'abcdé'), { minLength, maxLength }).map((letters) => letters.join(''));
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace', 'swap'),
      at: fc.nat(),
      letter: fc.constantFrom(...'abcdé'),
    });
    const applyEdit = (text: string, { kind, at, letter }: { kind: string; at: number; letter: string }) => {
      const i = at % (text.length + 1);
      if (kind === 'insert') return text.slice(0, i) + letter + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (kind === 'replace') return text.slice(0, i) + letter + text.slice(i + 1);
      return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(word(3, 12), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.array(edit, { maxLength: 3 }),
        fc.option(word(1, 13), { nil: undefined }),
        async (titles, pick, edits, randomTyped) => {
          const vocabulary = await vocabularyOf(items(...titles.map((title) => title.join(' '))));
          const words = [...vocabulary.counts.keys()];
          const typed = randomTyped ?? edits.reduce(applyEdit, words[pick % words.length] as string);
          assert.equal(nearestWord(typed, vocabulary), nearestOfAll(typed, vocabulary), `for ${JSON.stringify(typed)}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('compares a word with a few words of the vocabulary, not all of them', async () => {
    const random = new Random(11);
    const words = sixLetterWords(random, 20_000);
    const vocabulary = await vocabularyOf(items(...words));
    for (const word of words.slice(0, 100)) {
      const typed = misspelt(random, word);
      const candidates = vocabulary.candidates(typed, 2);
      assert.ok(candidates.length <= words.length / 100, `${candidates.length} words compared for ${typed}`);
      assert.equal(nearestWord(typed, vocabulary), nearestOfAll(typed, vocabulary));
    }
  });

  it(`corrects at most ${MAX_WORDS_CORRECTED} words of a query and leaves the rest as typed`, async () => {
    const random = new Random(12);
    const words = sixLetterWords(random, 2_000);
    const vocabulary = await vocabularyOf(items(...words));
    const typed = words.slice(0, 80).map((word) => misspelt(random, word));
    const corrected = (correctedQuery(typed.join(' '), vocabulary) ?? '').split(' ');
    assert.equal(corrected.length, 80);
    assert.deepEqual(corrected.slice(MAX_WORDS_CORRECTED), typed.slice(MAX_WORDS_CORRECTED), 'past the cap, as typed');
    const changed = corrected.filter((word, position) => word !== typed[position]).length;
    assert.ok(changed > 0 && changed <= MAX_WORDS_CORRECTED, `${changed} words corrected`);
  });

  it('lets other work run while it reads the words', async () => {
    const random = new Random(13);
    const titles = Array.from({ length: 5_000 }, () => Array.from({ length: 6 }, () => randomWord(random, 7)).join(' '));
    let finished = false;
    const reading = vocabularyOf(items(...titles)).then(() => (finished = true));
    const ranWhileReading = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!finished)));
    await reading;
    assert.ok(ranWhileReading, 'a request arriving during the read is not held until it ends');
  });

  it('reads the words again only when the index has changed, and reports a failed read', async () => {
    const changes = ['t1', 't1', 'fail', 't2', 't2'];
    const reads: string[] = [];
    const reported: string[] = [];
    let look = 0;
    const spelling = {
      suggest: () => undefined,
      correct: () => undefined,
      refresh: async () => void reads.push(changes[look - 1] as string),
    };
    const changedAt = async () => {
      const change = changes[Math.min(look, changes.length - 1)] as string;
      look += 1;
      if (change === 'fail') throw new Error('engine away');
      return change;
    };
    const stop = keepSpellingCurrent(spelling, changedAt, 5, (message) => reported.push(message));
    while (look < changes.length + 2) await new Promise((resolve) => setTimeout(resolve, 5));
    stop();
    assert.deepEqual(reads, ['t1', 't2']);
    assert.deepEqual(reported, ['Spelling suggestions not updated: engine away']);
  });

  describe('on the search page and in the API', () => {
    it('searches a word the archive never uses as the word it does use, and offers the words as typed', async () => {
      const { app, indexUid } = await archiveWith('content');
      const spelling = createSpelling((await searchAccessFor(indexUid))('public'));
      assert.equal(spelling.suggest('fotpths'), undefined, 'nothing before the vocabulary is read');
      await spelling.refresh();
      const { app: withSpelling } = await archiveWith('content', {}, { spelling: true });

      // Two letters short: more than the engine forgives in a word of 7.
      const $ = cheerio.load(
        (await request(withSpelling).get('/?q=fotpths&council=Manordeilo+and+Salem+Community+Council').expect(200)).text,
      );
      assert.equal(
        $('.archive-results__correction').text().replace(/\s+/g, ' ').trim(),
        'Showing results for footpaths; search instead for fotpths',
      );
      assert.match($('.archive-hit').text(), /Highways and footpaths/);
      assert.equal($('#q').attr('value'), 'footpaths');
      const typed = $('.archive-results__correction a').attr('href') ?? '';
      assert.equal(typed, '/?q=fotpths&council=Manordeilo+and+Salem+Community+Council&as_typed=1', 'the filters are kept');

      // As typed: nothing found, and the correction offered instead.
      const asTyped = cheerio.load((await request(withSpelling).get(typed).expect(200)).text);
      assert.equal(asTyped('.archive-results__correction').length, 0);
      assert.equal(asTyped('.archive-empty__suggestion').text().replace(/\s+/g, ' ').trim(), 'Did you mean footpaths?');
      assert.equal(
        asTyped('.archive-empty__suggestion a').attr('href'),
        '/?q=footpaths&council=Manordeilo+and+Salem+Community+Council&as_typed=1',
      );

      const api = await request(withSpelling).get('/api/search?q=fotpths').expect(200);
      assert.deepEqual(api.body.corrected, { q: 'footpaths', typed: 'fotpths' });
      assert.ok(api.body.hits.some((hit: { title: string }) => /footpaths/i.test(hit.title)));
      assert.equal((await request(withSpelling).get('/api/search?q=fotpths&as_typed=1').expect(200)).body.corrected, null);
      assert.equal((await request(withSpelling).get('/api/search?q=footpaths').expect(200)).body.corrected, null);
      await request(withSpelling)
        .get('/api/search?q=fotpths&as_typed=yes')
        .expect(400, /as_typed/);

      const found = cheerio.load((await request(withSpelling).get('/?q=footpaths').expect(200)).text);
      assert.equal(found('.archive-results__correction, .archive-empty__suggestion').length, 0, "nothing when the words are the archive's");
      const without = cheerio.load((await request(app).get('/?q=fotpths').expect(200)).text);
      assert.equal(without('.archive-results__correction, .archive-empty__suggestion').length, 0);
    });

    it('knows a word said only in the text of an item, and leaves it as typed', async () => {
      const { app } = await archiveWith('content', {}, { spelling: true });
      // "stile" is in the Manordeilo footpaths item's paragraphs and table, in no title, decision or topic.
      const answer = await request(app).get('/api/search?q=stile').expect(200);
      assert.equal(answer.body.corrected, null);
      assert.deepEqual(
        answer.body.hits.map((hit: { title: string }) => hit.title),
        ['Highways and footpaths'],
      );
    });

    it('never corrects to a word only an exempt item holds', async () => {
      const { indexUid } = await archiveWith('content');
      const spelling = createSpelling((await searchAccessFor(indexUid))('public'));
      await spelling.refresh();
      // "terms" is only in the exempt item's decision, withheld: its public stub has only a title.
      assert.notEqual(spelling.suggest('trems'), 'terms');
      // and "zanzibarproperty" only in its text, withheld too.
      assert.notEqual(spelling.suggest('zanzibarpropery'), 'zanzibarproperty');
      assert.equal(spelling.suggest('propperty'), 'property', "the stub's title is public");
    });
  });
});
