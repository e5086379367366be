import assert from 'node:assert/strict';
import { recurring, SAME_TITLE, titleLikeness, titleWords } from '../../server/web/matter-timeline.js';

describe('matter titles', () => {
  it('reads a title’s telling words, its decision number among them', () => {
    assert.deepEqual(
      [...titleWords('24/00108 - Revenue and Capital Budget Monitoring Report')],
      ['24/00108', 'revenue', 'capital', 'budget', 'monitoring', 'report'],
    );
  });

  it('finds one matter’s titles alike, and minutes of two meetings not', () => {
    assert.ok(
      titleLikeness(
        'Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and Treasury Management Strategy',
        'Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 & Treasury Management Strategy',
      ) >= SAME_TITLE,
    );
    assert.ok(
      titleLikeness('Minutes of the Meeting held on 9th January 2025', 'Minutes of the Meeting held on 28 November 2024') < SAME_TITLE,
    );
  });

  it('takes a title back at half a committee’s meetings or more as a kind of business, not a matter', () => {
    const at = (meeting_id: string, committee: string) => ({ item_id: `${meeting_id}-x`, meeting_id, committee, council: 'C', title: 't' });
    const alike = [at('c1', 'Cabinet'), at('c2', 'Cabinet'), at('s1', 'Scrutiny')];
    assert.equal(
      recurring(
        alike,
        new Map([
          ['Cabinet', 4],
          ['Scrutiny', 3],
        ]),
      ),
      true,
    );
    assert.equal(
      recurring(
        alike,
        new Map([
          ['Cabinet', 12],
          ['Scrutiny', 3],
        ]),
      ),
      false,
    );
    assert.equal(
      recurring(
        [at('c1', 'Cabinet'), at('s1', 'Scrutiny')],
        new Map([
          ['Cabinet', 1],
          ['Scrutiny', 1],
        ]),
      ),
      false,
    );
  });
});
