import assert from 'node:assert/strict';
import {
  comparisonTable,
  foldsOf,
  holdsPassage,
  queryGroups,
  judgedCouncils,
  normalise,
  queryLines,
  scoreQuery,
  summarise,
  type HitText,
  type JudgedQuery,
} from '../../server/eval/score-search.js';

describe('search scoring', () => {
  describe('normalise', () => {
    it('sets aside case, runs of whitespace, curly quotes, dashes and markdown escapes', () => {
      assert.equal(
        normalise('  The \u201cEarly\u00a0Help\u201d   Strategy\u2019s\n\u2013 2024\\-25 \\*draft\\* '),
        `the "early help" strategy's - 2024-25 *draft*`,
      );
    });

    it('reads compatibility forms as their plain letters', () => {
      assert.equal(normalise('ﬁnance ＣＯＵＮＣＩＬ'), 'finance council');
    });
  });

  describe('holdsPassage', () => {
    const hit: HitText = {
      council: 'Kent County Council',
      meetingDate: '2024-05-01',
      text: normalise('RESOLVED that the \u2018Early Help\u2019 plan be agreed.'),
    };
    const passage = { file: 'k.txt', phrase: "the 'early help' plan" };

    it('holds a phrase of its text, whatever its quotes and case', () => {
      assert.equal(holdsPassage(hit, passage, { council: 'Kent County Council', meetingDate: '2024-05-01' }), true);
      assert.equal(holdsPassage(hit, { file: 'k.txt', phrase: 'the late help plan' }, {}), false);
    });

    it("needs the judged file's council, and its date where the manifest gives one", () => {
      assert.equal(holdsPassage(hit, passage, { council: 'Medway Council' }), false);
      assert.equal(holdsPassage(hit, passage, { council: 'Kent County Council', meetingDate: '2024-05-08' }), false);
      assert.equal(holdsPassage(hit, passage, { council: 'Kent County Council' }), true);
    });

    it("takes the date the converter read from the minutes' heading as well as the manifest's", () => {
      assert.equal(holdsPassage(hit, passage, { meetingDate: '2024-05-08', convertedDate: '2024-05-01' }), true);
      assert.equal(holdsPassage({ ...hit, meetingDate: null }, passage, { meetingDate: '2024-05-08', convertedDate: '2024-05-01' }), false);
    });
  });

  describe('scoreQuery', () => {
    const judged: JudgedQuery = {
      query: 'early help',
      filters: { council: ['Kent County Council', 'Medway Council'] },
      relevant: [
        { file: 'a.txt', phrase: 'alpha' },
        { file: 'b.txt', phrase: 'beta' },
        { file: 'c.txt', phrase: 'gamma' },
      ],
    };
    const holds = (hit: string, passage: { phrase: string }) => hit.includes(passage.phrase);

    it('ranks the first hit holding any judged passage and counts the passages found', () => {
      const outcome = scoreQuery(judged, ['none', 'beta', 'none', 'alpha beta'], holds);
      assert.deepEqual(outcome, {
        score: { found: 2, judged: 3, firstRank: 2 },
        marks: '.+.+',
        missed: [{ file: 'c.txt', phrase: 'gamma' }],
      });
    });

    it('gives no rank when no hit holds a passage', () => {
      assert.deepEqual(scoreQuery(judged, ['none'], holds).score, { found: 0, judged: 3 });
    });

    it('prints a line per query and one per passage left out', () => {
      assert.deepEqual(queryLines(judged, scoreQuery(judged, ['none', 'beta', 'none', 'alpha beta'], holds), 42), [
        'ok   .+.+       first  2  found 2/3  42 hits  "early help" [Kent County Council, Medway Council]',
        '       not in top 10: c.txt "gamma"',
      ]);
      assert.deepEqual(queryLines({ ...judged, filters: {} }, scoreQuery(judged, ['none', 'none', 'none', 'alpha beta gamma'], holds), 4), [
        'MISS ...+       first  4  found 3/3  4 hits  "early help"',
      ]);
    });
  });

  it('judgedCouncils takes one council or several', () => {
    assert.deepEqual(judgedCouncils({ query: 'q', filters: {}, relevant: [] }), []);
    assert.deepEqual(judgedCouncils({ query: 'q', filters: { council: 'Kent County Council' }, relevant: [] }), ['Kent County Council']);
  });

  it('summarise gives success@3, recall@10 over all judged passages, and MRR@10', () => {
    const summary = summarise([
      { firstRank: 1, found: 2, judged: 2 },
      { firstRank: 4, found: 1, judged: 3 },
      { found: 0, judged: 3 },
    ]);
    assert.equal(summary.successAt3, 1 / 3);
    assert.equal(summary.recallAt10, 3 / 8);
    assert.equal(summary.mrrAt10, (1 + 1 / 4) / 3);
    assert.deepEqual(summarise([]), { successAt3: 0, recallAt10: 0, mrrAt10: 0 });
  });

  describe('folds and groups', () => {
    const query = (text: string, persona: string): JudgedQuery => ({ query: text, persona, filters: {}, relevant: [] });
    const queries = ['councillor', 'researcher', 'foi'].flatMap((persona) =>
      Array.from({ length: 7 }, (_, n) => query(`${persona} question ${n}`, persona)),
    );

    it('puts each persona in both folds, within one query of half', () => {
      const folds = foldsOf(queries);
      for (const persona of ['councillor', 'researcher', 'foi']) {
        const own = folds.filter((_, position) => queries[position]?.persona === persona);
        assert.deepEqual([own.filter((fold) => fold === 'A').length, own.filter((fold) => fold === 'B').length].sort(), [3, 4]);
      }
    });

    it("gives a query the same fold whatever the file's order", () => {
      const folds = new Map(queries.map((judged, position) => [judged.query, foldsOf(queries)[position]]));
      const reversed = [...queries].reverse();
      assert.deepEqual(
        foldsOf(reversed),
        reversed.map((judged) => folds.get(judged.query)),
      );
    });

    it('names the whole, each fold and each persona, and tabulates each run side by side', () => {
      const groups = queryGroups(queries);
      assert.deepEqual(
        groups.map((group) => `${group.name} ${group.positions.length}`),
        [
          'whole 21',
          `fold A ${groups[1]?.positions.length}`,
          `fold B ${groups[2]?.positions.length}`,
          'councillor 7',
          'researcher 7',
          'foi 7',
        ],
      );
      assert.equal((groups[1]?.positions.length ?? 0) + (groups[2]?.positions.length ?? 0), 21);
      const perfect = queries.map(() => ({ firstRank: 1, found: 1, judged: 1 }));
      const nothing = queries.map(() => ({ found: 0, judged: 2 }));
      const table = comparisonTable(groups, [
        { name: 'one', scores: perfect },
        { name: 'two', scores: nothing },
      ]).split('\n');
      assert.equal(table[0], '| queries | one s@3 / MRR@10 / recall@10 | two s@3 / MRR@10 / recall@10 |');
      assert.equal(table[2], '| whole (21) | 1.000 / 1.000 / 1.000 | 0.000 / 0.000 / 0.000 |');
      assert.equal(table.length, 2 + groups.length);
    });
  });
});
