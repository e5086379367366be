import assert from 'node:assert/strict';
import path from 'node:path';
import { collectAcronyms, definedAcronyms } from '../../server/ingest/acronyms.js';
import { countWords } from '../../server/ingest/word-forms.js';
import { withAcronyms } from '../../server/index/synonyms.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'acronyms');

describe('Acronyms defined in the minutes', () => {
  it('reads a phrase and its initials in brackets, hyphenated words and minor words included', () => {
    assert.deepEqual(definedAcronyms('Reports of Anti-Social Behaviour (ASB) rose.'), [['asb', 'anti-social behaviour']]);
    assert.deepEqual(definedAcronyms('the Special Educational Needs and Disabilities (SEND) review'), [
      ['send', 'special educational needs and disabilities'],
    ]);
    assert.deepEqual(definedAcronyms('the rise in employer National Insurance Contributions (NICs).'), [
      ['nic', 'national insurance contributions'],
    ]);
    assert.deepEqual(definedAcronyms('the Department for Education (DfE)'), [], 'only capitals');
  });

  it('takes no bracketed word that the words before it do not spell, and no two-letter initials', () => {
    assert.deepEqual(definedAcronyms('The Safer Streets (ACE) bid'), []);
    assert.deepEqual(definedAcronyms('Jane Edwards (JE) took the notes'), []);
    assert.deepEqual(definedAcronyms('as reported. (ASB)'), []);
  });

  it('gathers them from public items only, leaving out acronyms that are also words of the minutes', async () => {
    assert.deepEqual(await collectAcronyms(FIXTURES), [
      ['asb', 'anti-social behaviour'],
      ['nic', 'national insurance contributions'],
      ['pcc', 'police and crime commissioner'],
      ['send', 'special educational needs and disabilities'],
    ]);
  });

  it('counts the words of public items only for the word forms, and none of the front matter', async () => {
    const counts = await countWords(FIXTURES);
    assert.equal(counts.get('holdings'), undefined, 'a word only the Part 2 item uses');
    assert.equal(counts.get('exempt_paragraph'), undefined);
    assert.ok((counts.get('behaviour') ?? 0) > 0);
  });

  it('makes each acronym and its phrases synonyms of each other, on top of the others', () => {
    const merged = withAcronyms(
      { asb: ['antisocial behaviour'] },
      '# comment\nasb = anti-social behaviour\npcc = police and crime commissioner\n',
    );
    assert.deepEqual(merged, {
      asb: ['antisocial behaviour', 'anti-social behaviour'],
      'anti-social behaviour': ['asb'],
      pcc: ['police and crime commissioner'],
      'police and crime commissioner': ['pcc'],
    });
  });
});
