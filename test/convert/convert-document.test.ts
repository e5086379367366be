import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../server/minutes/front-matter.js';
import { validateMinutesItem } from '../../server/minutes/schema.js';
import { DEFAULT_TOPICS_FILE, assignTopics, loadTopics, type Topic } from '../../scripts/convert/assign-topics.js';
import { convertDocument } from '../../scripts/convert/convert-document.js';
import { renderItemFile } from '../../scripts/convert/write-items.js';
import { fixture } from './support.js';

describe('convertDocument', () => {
  let topics: Topic[];
  before(async () => {
    topics = await loadTopics(DEFAULT_TOPICS_FILE);
  });

  it('writes items that read back valid, with the meeting kept as its own opening', () => {
    const converted = convertDocument(fixture('kent-cabinet-opening.txt'), 'kent.txt', { council: 'Kent County Council', committee: 'Cabinet', meetingDate: '2025-01-30' }, topics);
    assert.deepEqual(converted.warnings, []);
    assert.equal(converted.items[0]!.opening, true);
    for (const item of converted.items) {
      const { data, body } = parseFrontMatter(renderItemFile(item));
      const result = validateMinutesItem(data, body);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(typeof data.item === 'string' || data.item === undefined, true);
      assert.equal(data.meeting_date, '2025-01-30');
    }
    const apologies = converted.items[1]!.frontMatter;
    assert.equal(apologies.id, 'kent-county-council-cabinet-2025-01-30-item-84');
    assert.ok(apologies.present!.includes('Mr N Baker'));
  });

  it('lets the text win over the manifest, with a warning', () => {
    const converted = convertDocument(fixture('manordeilo-opening.txt'), 'm.txt', { council: 'Manordeilo and Salem Community Council', meetingDate: '2015-07-05' }, topics);
    assert.equal(converted.meeting.meetingDate, '2015-07-08');
    assert.match(converted.warnings.join('\n'), /meeting date: the text says "2015-07-08", the manifest or flags "2015-07-05"/);
  });

  it('marks items after the exclusion of the press and public as Part 2, with the paragraph', () => {
    const text = [
      '4.', 'Minutes', 'RESOLVED that the minutes be signed.',
      '5.', 'Exclusion of the Press and Public', 'RESOLVED that under Section 100A of the Local Government Act 1972 the public be excluded for the following business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.',
      '6.', 'Property disposal', 'The Committee considered the report.',
    ].join('\n');
    const [, , exclusion, disposal] = convertDocument(`MINUTES of a meeting of the Cabinet held on 1 May 2024.\n${text}`, 'x.txt', { council: 'Kent County Council' }, topics).items;
    assert.equal(exclusion!.frontMatter.part, 1);
    assert.equal(disposal!.frontMatter.part, 2);
    assert.equal(disposal!.frontMatter.exempt_paragraph, '3');
  });

  it('keeps "school exclusions" public and findable in the London borough sample', () => {
    const [item] = convertDocument(fixture('london-borough-agenda-item.txt'), '002.txt', { council: 'London Borough (not named in source)' }, topics).items;
    assert.equal(item!.frontMatter.part, 1);
    assert.match(item!.body, /exclusions/);
    assert.ok(item!.frontMatter.topics.includes('school exclusions'));
  });

  it('writes nothing without a council, and says why', () => {
    const converted = convertDocument(fixture('london-borough-agenda-item.txt'), '002.txt', {}, topics);
    assert.deepEqual(converted.items, []);
    assert.match(converted.warnings[0]!, /no council/);
  });

  it('reads attendance from the heading lines when capital attendance headings were taken for items', () => {
    // Limerick, Metropolitan District special meeting, 7 September 2023: "OFFICIALS IN ATTENDANCE:" and "MEMBERS OF AN GARDA SÍOCHÁNA" in capitals.
    const converted = convertDocument(fixture('limerick-capital-attendance.txt'), 'l.txt', { council: 'Limerick City and County Council' }, topics);
    const names = converted.meeting.officers.map((o) => o.name);
    for (const name of ['Ms. P. King', 'Mr. M. Leahy', 'Andrew Lacey', 'Noel Barry']) assert.ok(names.includes(name), name);
    assert.ok(converted.meeting.attendance.present.includes('Slattery'), 'members in attendance are present');
  });

  it('reads a declaration run into an item\'s heading ("288. Miss Carey declared a pecuniary interest …")', () => {
    const converted = convertDocument(`MINUTES of a meeting of the County Council held on 13 February 2025.\n\n287.\n\n${fixture('kent-declarations.txt')}`, 'k.txt', { council: 'Kent County Council' }, topics);
    const declarations = converted.items.flatMap((item) => item.frontMatter.declarations);
    assert.ok(declarations.some((d) => /^Ms Meade declared/.test(d)));
    assert.ok(declarations.some((d) => /^Miss Carey declared a pecuniary interest/.test(d)), JSON.stringify(declarations));
  });
});

describe('assignTopics', () => {
  it('explains each topic by the term that earned it', () => {
    const vocabulary: Topic[] = [{ topic: 'early help', terms: ['early help', 'early intervention'] }, { topic: 'housing', terms: ['housing'] }];
    assert.deepEqual(assignTopics('Early Intervention & Help', 'housing was mentioned once', vocabulary), [{ topic: 'early help', term: 'early intervention', where: 'title' }]);
  });
});
