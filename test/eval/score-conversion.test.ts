import assert from 'node:assert/strict';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../../server/convert/assign-topics.js';
import { convertDocument } from '../../server/convert/convert-document.js';
import { predictMeeting } from '../../server/eval/score-conversion.js';
import { MINUTES } from './support.js';

describe('predictMeeting', () => {
  it('gives the agenda items without the opening, the decisions, and each declaring member once', async () => {
    const converted = convertDocument(MINUTES, 'm.txt', { council: 'Kent County Council' }, await loadTopics(DEFAULT_TOPICS_FILE));
    assert.equal(converted.items[0]!.opening, true);
    assert.deepEqual(predictMeeting(converted), {
      meetingDate: '2024-05-01',
      committee: 'Cabinet',
      items: [
        { number: '1', title: 'Declarations of Interest' },
        { number: '2', title: 'Land at Station Road' },
      ],
      officers: [{ name: 'Jane Brown', role: 'Director of Finance' }],
      decisions: 1,
      declarations: 1,
    });
  });
});
