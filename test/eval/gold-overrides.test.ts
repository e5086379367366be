import assert from 'node:assert/strict';
import { applyOverrides, OVERRIDES_FILE, readOverrides } from '../../server/eval/gold-overrides.js';
import type { GoldMeeting } from '../../server/eval/score-conversion.js';

describe('gold overrides', () => {
  const meeting = (): GoldMeeting => ({
    file: 'm.txt',
    meeting_date: null,
    committee: null,
    items: [{ number: '10', title: 'Light pollution questionnaire from Campaign to Protect Rural England.' }],
    officers: [],
    resolutions: 3,
    declarations: 0,
  });

  it('corrects an item by number and title start, and a meeting-level count, saying which it applied', () => {
    const gold = [meeting()];
    const applied = applyOverrides(gold, [
      { file: 'm.txt', item: { number: '10', title: 'Light pollution' }, set: { number: '1' }, why: 'printed as 1.' },
      { file: 'm.txt', set: { resolutions: 4 }, why: 'four resolutions printed' },
      { file: 'm.txt', item: { number: '11', title: 'Nothing' }, set: { number: '2' }, why: 'no such item' },
    ]);
    assert.equal(applied.length, 2);
    assert.equal(gold[0]!.items[0]!.number, '1');
    assert.equal(gold[0]!.resolutions, 4);
  });

  it('keeps every project correction documented', async () => {
    for (const override of await readOverrides(OVERRIDES_FILE)) assert.ok(override.why.length > 20, override.file);
  });
});
