import assert from 'node:assert/strict';
import { meetingFacts } from '../../server/web/meeting-facts.js';
import { compareMeetingItems } from '../../server/web/meetings.js';
import { buildMeetingPage, type MeetingPageItem } from '../../server/web/meeting-page.js';

describe('compareMeetingItems', () => {
  const item = (item_id: string, item?: string, position?: number) => ({
    item_id,
    ...(item ? { item } : {}),
    ...(position ? { position } : {}),
  });
  const order = (items: ReturnType<typeof item>[]) => [...items].sort(compareMeetingItems).map((entry) => entry.item_id);

  it('follows the place in the minutes, whatever the numbers say', () => {
    // Item 8 was taken before item 7; an unnumbered report sits between them.
    assert.deepEqual(order([item('a', '7', 4), item('b', '8', 2), item('c', undefined, 3), item('d', undefined, 1)]), ['d', 'b', 'c', 'a']);
  });

  it('orders by number as written where no place is recorded, unnumbered last', () => {
    assert.deepEqual(order([item('x', '10'), item('y', '9'), item('z'), item('w', '6.2'), item('v', '6.10'), item('u', '6.1')]), [
      'u',
      'w',
      'v',
      'y',
      'x',
      'z',
    ]);
    assert.deepEqual(order([item('b', '205/19'), item('a', '204/19')]), ['a', 'b']);
  });
});

describe('meetingFacts', () => {
  it('reads the place and times the minutes state', () => {
    const opening =
      'MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions\nHouse, County Hall, Maidstone on Thursday, 30 January 2025.';
    assert.deepEqual(meetingFacts(opening, ''), { place: 'the Council Chamber, Sessions House, County Hall, Maidstone' });
    assert.deepEqual(
      meetingFacts(
        'Minutes of Stoke Ferry Parish Council Meeting held in The Community Centre\nAt 7.30pm on Wednesday 9 October 2013',
        'There being no further business the meeting closed at 9.20 P.M.',
      ),
      { place: 'The Community Centre', starts: '7.30pm', ends: '9.20pm' },
    );
  });

  it('reads a heading in capitals and bold, and keeps "Co." inside the place', () => {
    const opening =
      '**MINUTES OF MEETING HELD IN ÁRAS SEÁN FINN, NEW LINE ROAD, RATHKEALE, CO. LIMERICK ON TUESDAY 11th MARCH 2025 AT 9.30 A.M.**';
    assert.deepEqual(meetingFacts(opening, ''), { place: 'Áras Seán Finn, New Line Road, Rathkeale, Co. Limerick', starts: '9.30am' });
  });

  it('states nothing that the minutes do not', () => {
    assert.deepEqual(meetingFacts('The Chairman welcomed everyone. Item 4 was deferred to 9 May.', 'Next meeting: 7.30pm, 9 May.'), {});
  });
});

describe('buildMeetingPage', () => {
  const item = (extra: Pick<MeetingPageItem, 'meeting_place' | 'meeting_time'>): MeetingPageItem => ({
    item_id: 'manchester-audit-2026-02-10-item-1',
    meeting_id: 'manchester-audit-2026-02-10',
    council: 'Manchester City Council',
    committee: 'Audit Committee',
    meeting_date: '2026-02-10',
    title: 'Minutes',
    part: 1,
    body: 'Minutes of the meeting held in Committee Room 6 at 2.00pm.',
    decisions: [],
    declarations: [],
    ...extra,
  });

  it('takes the venue and time a council system gave with the items before what the text states', () => {
    const given = buildMeetingPage(
      'manchester-audit-2026-02-10',
      [item({ meeting_place: 'Council Antechamber', meeting_time: '10:00' })],
      {},
    );
    assert.equal(given.place, 'Council Antechamber');
    assert.equal(given.starts, '10:00');
    const stated = buildMeetingPage('manchester-audit-2026-02-10', [item({})], {});
    assert.equal(stated.place, 'Committee Room 6');
    assert.equal(stated.starts, '2.00pm');
  });
});
