import assert from 'node:assert/strict';
import { loadPeopleRules, parsePeopleRules, PEOPLE_FILE } from '../../server/index/people-rules.js';

describe('parsePeopleRules', () => {
  it('reads one rule a line, members by default, officers when it says so', () => {
    const rules = parsePeopleRules(
      [
        '# a comment',
        '',
        'same: Kent County Council | Mr R W Gough | Roger Gough  # the Leader',
        'apart officers: Kent County Council | Mr D Smith (Clerk) | Dr D Smith',
      ].join('\n'),
      'people.txt',
    );
    assert.deepEqual(
      rules.rules.map((rule) => [rule.line, rule.rule, rule.kind, rule.names]),
      [
        [3, 'same', 'members', ['Mr R W Gough', 'Roger Gough']],
        [4, 'apart', 'officers', ['Mr D Smith (Clerk)', 'Dr D Smith']],
      ],
    );
  });

  it('names the file and line of a rule it cannot read', () => {
    assert.throws(
      () => parsePeopleRules('same: Kent County Council | Roger Gough\n', 'people.txt'),
      /people.txt line 1: needs at least two names/,
    );
    assert.throws(() => parsePeopleRules('\nmerge: Kent | A Smith | B Smith', 'people.txt'), /people.txt line 2: expected "same: COUNCIL/);
    assert.throws(() => parsePeopleRules('same: | A Smith | B Smith', 'people.txt'), /line 1: names no council/);
    assert.throws(
      () => parsePeopleRules('same: Kent | A Smith | the public', 'people.txt'),
      /line 1: "the public" does not read as a person's name/,
    );
  });

  it('stamps the rules, so a change is noticed', () => {
    assert.notEqual(parsePeopleRules('same: Kent | A Smith | Alan Smith').stamp, parsePeopleRules('').stamp);
    assert.equal(
      parsePeopleRules('same: Kent | A Smith | Alan Smith').stamp,
      parsePeopleRules('\nsame: Kent | A Smith | Alan Smith').stamp,
    );
  });

  it('reads the archive’s own file', () => {
    assert.ok(loadPeopleRules(PEOPLE_FILE).stamp);
  });
});
