import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { editDistance } from '../server/edit-distance.js';
import { correctedQuery, createSpelling, keepSpellingCurrent, nearestWord, vocabularyOf, wordsOf } from '../server/search/spelling.js';
import { archiveWith, searchAccessFor } from './support/archive.js';

async function* items(...titles: string[]) {
  for (const title of titles) yield { title };
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
    assert.deepEqual([...vocabulary.counts], [['early', 2], ['help', 2], ['years', 1]]);
  });

  it('corrects to the nearest word, the most used on a tie, and only words the archive lacks', async () => {
    const vocabulary = await vocabularyOf(items('Cemetery fees', 'Cemetery extension', 'Cemetary (as minuted)', 'Allotments'));
    assert.equal(nearestWord('cemetory', vocabulary), 'cemetery', 'one edit from both; the more used wins');
    assert.equal(nearestWord('xyz', vocabulary), undefined);
    assert.equal(correctedQuery('alotmnets fees', vocabulary), 'allotments fees');
    assert.equal(correctedQuery('allotments fees', vocabulary), undefined, 'nothing to correct');
    assert.equal(correctedQuery('"alotmnets" -cemetory council:Medway the', vocabulary), undefined, 'phrases, exclusions, prefixes and stop words stay');
  });

  it('reads the words again only when the index has changed, and reports a failed read', async () => {
    const changes = ['t1', 't1', 'fail', 't2', 't2'];
    const reads: string[] = [];
    const reported: string[] = [];
    let look = 0;
    const spelling = { suggest: () => undefined, refresh: async () => void reads.push(changes[look - 1] as string) };
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

  describe('on the search page', () => {
    it('offers the search spelt as the archive spells it, when nothing is found', async () => {
      const { app, indexUid } = await archiveWith('content');
      const spelling = createSpelling((await searchAccessFor(indexUid))('public'));
      assert.equal(spelling.suggest('fotpths'), undefined, 'nothing before the vocabulary is read');
      await spelling.refresh();
      const { app: withSpelling } = await archiveWith('content', {}, { spelling: true });

      // Two letters short: more than the engine forgives in a word of 7.
      const $ = cheerio.load((await request(withSpelling).get('/?q=fotpths&council=Manordeilo+and+Salem+Community+Council').expect(200)).text);
      assert.equal($('.archive-empty__suggestion').text().replace(/\s+/g, ' ').trim(), 'Did you mean footpaths?');
      const corrected = $('.archive-empty__suggestion a').attr('href') ?? '';
      assert.equal(corrected, '/?q=footpaths&council=Manordeilo+and+Salem+Community+Council', 'the filters are kept');
      await request(withSpelling).get(corrected).expect(200).expect(/Highways and footpaths/);

      const found = cheerio.load((await request(withSpelling).get('/?q=footpaths').expect(200)).text);
      assert.equal(found('.archive-empty__suggestion').length, 0, 'none when the search finds items');
      const without = cheerio.load((await request(app).get('/?q=fotpths').expect(200)).text);
      assert.equal(without('.archive-empty__suggestion').length, 0);
    });

    it('never corrects to a word only an exempt item holds', async () => {
      const { indexUid } = await archiveWith('content');
      const spelling = createSpelling((await searchAccessFor(indexUid))('public'));
      await spelling.refresh();
      // "terms" is only in the exempt item's decision, withheld: its public stub has only a title.
      assert.notEqual(spelling.suggest('trems'), 'terms');
      assert.equal(spelling.suggest('propperty'), 'property', "the stub's title is public");
    });
  });
});
