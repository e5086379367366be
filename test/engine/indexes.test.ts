import assert from 'node:assert/strict';
import { settingsMatch } from '../../server/engine/indexes.js';

describe('settingsMatch', () => {
  it('matches when every chosen setting has its value, whatever the engine adds', () => {
    assert.equal(
      settingsMatch(
        { rankingRules: ['words', 'typo'], pagination: { maxTotalHits: 1000 } },
        {
          rankingRules: ['words', 'typo'],
          pagination: { maxTotalHits: 1000 },
          distinctAttribute: null,
        },
      ),
      true,
    );
  });

  it('tells a changed value, a changed order and a missing setting', () => {
    assert.equal(settingsMatch({ pagination: { maxTotalHits: 1000 } }, { pagination: { maxTotalHits: 500 } }), false);
    assert.equal(settingsMatch({ rankingRules: ['words', 'typo'] }, { rankingRules: ['typo', 'words'] }), false);
    assert.equal(settingsMatch({ rankingRules: ['words'] }, { rankingRules: ['words', 'typo'] }), false);
    assert.equal(settingsMatch({ synonyms: { a: ['b'] } }, {}), false);
    assert.equal(settingsMatch({ synonyms: { a: ['b'] } }, undefined), false);
  });
});
