import assert from 'node:assert/strict';
import { assignFolds } from '../../server/eval/folds.js';

describe('assignFolds', () => {
  const meetings = [
    ...Array.from({ length: 5 }, (_, k) => ({ council: 'Kent', date: `2024-0${k + 1}-01` })),
    ...Array.from({ length: 4 }, (_, k) => ({ council: 'Limerick', date: `2019-0${k + 1}-01` })),
    { council: 'Milburn', date: '2015-09-08' },
  ];
  const assign = (list: typeof meetings) =>
    assignFolds(
      list,
      (m) => m.council,
      (m) => m.date,
    );

  it('puts every council with two meetings in both folds, and keeps the folds the same size', () => {
    const folds = assign(meetings);
    for (const council of ['Kent', 'Limerick'])
      assert.deepEqual(new Set(meetings.filter((m) => m.council === council).map((m) => folds.get(m))), new Set(['A', 'B']));
    const inA = meetings.filter((m) => folds.get(m) === 'A').length;
    assert.equal(inA, 5);
  });

  it('is the same whatever order the meetings come in', () => {
    const folds = assign(meetings);
    const reversed = assign([...meetings].reverse());
    for (const meeting of meetings) assert.equal(reversed.get(meeting), folds.get(meeting));
  });

  it('keeps one meeting published in two formats in one fold', () => {
    const pdf = { council: 'Kent', date: '2024-01-01' };
    const folds = assign([...meetings, pdf]);
    assert.equal(folds.get(pdf), folds.get(meetings[0]!));
  });
});
