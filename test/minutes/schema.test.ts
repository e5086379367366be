import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFrontMatter } from '../../server/minutes/front-matter.js';
import { isRealCalendarDate, validateMinutesItem } from '../../server/minutes/schema.js';

function validate(frontMatter: string) {
  const { data, body } = parseFrontMatter(`---\n${frontMatter}\n---\nText.`);
  return validateMinutesItem(data, body);
}

describe('minutes item schema', () => {
  it('accepts a minimal item and leaves unknown facts absent', () => {
    const result = validate('id: a-1\ncouncil: Medway Council\ntitle: Early help');
    assert.ok(result.ok);
    assert.equal(result.item.meeting_date, undefined);
    assert.equal(result.item.committee, undefined);
    assert.equal(result.item.part, 1);
    assert.deepEqual(result.item.officers, []);
  });

  it('reads an unquoted date as written and rejects an impossible one', () => {
    assert.ok(validate('id: a-1\ncouncil: C\ntitle: T\nmeeting_date: 2019-03-12').ok);
    const result = validate('id: a-1\ncouncil: C\ntitle: T\nmeeting_date: 2019-02-31');
    assert.ok(!result.ok);
    assert.equal(result.issues[0]?.field, 'meeting_date');
  });

  it('knows the calendar of every year from 0000 to 9999', () => {
    for (const date of ['0099-12-31', '0096-02-29', '0000-02-29', '0001-01-01', '2000-02-29', '2024-02-29'])
      assert.ok(isRealCalendarDate(date), date);
    for (const date of ['0099-02-29', '0100-02-29', '1900-02-29', '2023-02-29', '0099-13-01', '0099-04-31', '0099-00-10', '0099-01-00'])
      assert.ok(!isRealCalendarDate(date), date);
    const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const daysIn = (year: number, month: number) => (month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const real = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
          assert.equal(isRealCalendarDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`), real);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('names every field at fault', () => {
    const result = validate('id: Not A Slug\ncouncil: C\npart: 3\nofficers:\n  - {}');
    assert.ok(!result.ok);
    assert.deepEqual(result.issues.map((issue) => issue.field).sort(), ['id', 'officers.0', 'part', 'title']);
  });

  it('names each key it does not know, with the field it is nearest to', () => {
    const result = validate('id: a-1\ncouncil: C\ntitle: T\ncommitee: Cabinet\nMeeting-Date: "2019-03-12"\nhashtags: [a]');
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, [
      { field: 'commitee', message: 'is not known; did you mean "committee"?' },
      { field: 'Meeting-Date', message: 'is not known; did you mean "meeting_date"?' },
      { field: 'hashtags', message: 'is not known' },
    ]);
    assert.equal(result.madeExempt, false);
  });

  it('names a key it does not know among the problems of a file it refuses', () => {
    const result = validate('id: a-1\ncouncil: C\nTitle: T');
    assert.ok(!result.ok);
    assert.deepEqual(
      result.issues.map((issue) => issue.field),
      ['title', 'Title'],
    );
    assert.equal(result.issues[1]?.message, 'is not known; did you mean "title"?');
  });

  it('keeps an item private when its front matter shows any sign of exemption and gives no part', () => {
    const signs = [
      'exempt_paragraph: "3"',
      'Part: 2',
      'PART: 1',
      'paart: 2',
      'exempt: true',
      'Exempt: false',
      'confidential: true',
      'is_private: yes',
      '"<<": {part: 2}',
    ];
    for (const sign of signs) {
      const result = validate(`id: a-1\ncouncil: C\ntitle: T\n${sign}`);
      assert.ok(result.ok, sign);
      assert.equal(result.item.part, 2, sign);
      assert.equal(result.madeExempt, true, sign);
      assert.match(
        result.warnings.at(-1)?.message ?? '',
        /^is not given, but ".+" suggests the item is exempt: it is kept private as Part 2; write part: 1 if it is public$/,
        sign,
      );
    }
  });

  it('publishes an item whose front matter says part: 1 despite a sign of exemption, and says so', () => {
    const result = validate('id: a-1\ncouncil: C\ntitle: T\npart: 1\nexempt_paragraph: "3"\nconfidential: true');
    assert.ok(result.ok);
    assert.equal(result.item.part, 1);
    assert.equal(result.madeExempt, false);
    assert.deepEqual(result.warnings.at(-1), {
      field: 'part',
      message: 'is 1, so the item is public, although "exempt_paragraph", "confidential" suggest it is exempt',
    });
  });

  it('reads item numbers as text', () => {
    const result = validate('id: a-1\ncouncil: C\ntitle: T\nitem: 6.1');
    assert.ok(result.ok);
    assert.equal(result.item.item, '6.1');
  });
});
