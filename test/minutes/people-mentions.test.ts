import assert from 'node:assert/strict';
import { peopleMentions } from '../../server/minutes/people-mentions.js';

const acts = (text: string, declarations: string[] = []) =>
  peopleMentions(text, declarations)
    .filter((mention) => mention.act !== 'named')
    .map((mention) => `${mention.act} ${mention.name}`);

describe('peopleMentions', () => {
  it('finds who moved and seconded, in the ways minutes write it', () => {
    // Kent County Council, 13 March 2025; Limerick; Manordeilo and Salem.
    assert.deepEqual(acts('Mr Gough moved, and Mr Oakford seconded, that the Council agree the Pay Policy.'), [
      'moved Mr Gough',
      'seconded Mr Oakford',
    ]);
    assert.deepEqual(acts('Proposed by: Councillor Teskey\nSeconded by: Councillor Sheahan\nAnd Resolved.'), [
      'moved Councillor Teskey',
      'seconded Councillor Sheahan',
    ]);
    assert.deepEqual(acts('It was proposed by Cllr. J. Davies and seconded by Cllr. D. Jones that the quotation be accepted.'), [
      'moved Cllr. J. Davies',
      'seconded Cllr. D. Jones',
    ]);
  });

  it('finds questions asked and interests declared', () => {
    assert.deepEqual(acts('Cllr Mrs Lintern asked whether the hedge would be cut.'), ['asked Cllr Mrs Lintern']);
    assert.deepEqual(acts('In response to a question from Mr Brady, the Leader said…'), ['asked Mr Brady']);
    assert.deepEqual(acts('', ['Cllr P. Harries declared an interest in the Capel Isaac Notice Board.']), ['declared Cllr P. Harries']);
  });

  it('reads the role the text gives a member where it names them', () => {
    const [mention] = peopleMentions(
      'Mr Oakford, Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services, introduced the report.',
    );
    assert.deepEqual(mention, { act: 'named', name: 'Mr Oakford' });
    const role = peopleMentions(
      'Mr Oakford, Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services, introduced the report.',
    ).find((found) => found.role);
    assert.equal(role?.role, 'Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services');
  });

  it('names the person, not the possessive', () => {
    assert.deepEqual(
      peopleMentions('Mr Brady’s amendment was lost.').map((mention) => mention.name),
      ['Mr Brady'],
    );
  });
});
