import assert from 'node:assert/strict';
import { parseFrontMatter } from '../../server/minutes/front-matter.js';
import { validateMinutesItem } from '../../server/minutes/schema.js';
import { DEFAULT_TOPICS_FILE, assignTopics, loadTopics, type Topic } from '../../server/convert/assign-topics.js';
import { convertDocument } from '../../server/convert/convert-document.js';
import { renderItemFile } from '../../server/convert/write-items.js';
import { fixture } from './support.js';

describe('convertDocument', () => {
  let topics: Topic[];
  before(async () => {
    topics = await loadTopics(DEFAULT_TOPICS_FILE);
  });

  it('writes items that read back valid, with the meeting kept as its own opening', () => {
    const converted = convertDocument(
      fixture('kent-cabinet-opening.txt'),
      'kent.txt',
      { council: 'Kent County Council', committee: 'Cabinet', meetingDate: '2025-01-30' },
      topics,
    );
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
    const converted = convertDocument(
      fixture('manordeilo-opening.txt'),
      'm.txt',
      { council: 'Manordeilo and Salem Community Council', meetingDate: '2015-07-05' },
      topics,
    );
    assert.equal(converted.meeting.meetingDate, '2015-07-08');
    assert.match(converted.warnings.join('\n'), /meeting date: the text says "2015-07-08", the manifest or flags "2015-07-05"/);
  });

  it('marks items after the exclusion of the press and public as Part 2, with the paragraph', () => {
    const text = [
      '4.',
      'Minutes',
      'RESOLVED that the minutes be signed.',
      '5.',
      'Exclusion of the Press and Public',
      'RESOLVED that under Section 100A of the Local Government Act 1972 the public be excluded for the following business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.',
      '6.',
      'Property disposal',
      'The Committee considered the report.',
    ].join('\n');
    const [, , exclusion, disposal] = convertDocument(
      `MINUTES of a meeting of the Cabinet held on 1 May 2024.\n${text}`,
      'x.txt',
      { council: 'Kent County Council' },
      topics,
    ).items;
    assert.equal(exclusion!.frontMatter.part, 1);
    assert.equal(disposal!.frontMatter.part, 2);
    assert.equal(disposal!.frontMatter.exempt_paragraph, '3');
  });

  it('writes an item marked "(EXEMPT)" with the Schedule 12A sentence as Part 2, whatever it says of Part 1', () => {
    const text = [
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.',
      '4.',
      'Minutes',
      'RESOLVED that the minutes be signed.',
      '5.',
      'Disposal of land at Station Road (EXEMPT)',
      'This item contained exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
      'RESOLVED that the land be sold to the highest bidder.',
    ].join('\n');
    const converted = convertDocument(text, 'x.txt', { council: 'Kent County Council' }, topics);
    const disposal = converted.items.find((item) => item.frontMatter.item === '5')!;
    assert.equal(disposal.frontMatter.part, 2);
    assert.equal(disposal.frontMatter.exempt_paragraph, '3');
    assert.deepEqual(converted.warnings, []);
  });

  it('writes the business minuted under an exclusion of the public as Part 2 when no item follows, and says so', () => {
    // Stoke Ferry Parish Council, 2 December 2020.
    const text = [
      'STOKE FERRY PARISH COUNCIL Minutes of the Ordinary Meeting held on Wednesday 2 December 2020',
      '220/20 Date of the Next Meeting Wednesday 6 January 2021',
      '221/20 EXCLUSION OF PRESS AND PUBLIC The Council to pass a resolution excluding the press and public from the meeting in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960 by reason of the confidential nature of the business to be transacted. To Discuss a HR Related Issue.',
      'The Council discussed a HR related issue. RESOLVED: That payment for legal advice totalling £1250 plus VAT be approved.',
      'Closed at 9.50 pm',
    ].join('\n');
    const converted = convertDocument(text, 'sf.txt', { council: 'Stoke Ferry Parish Council' }, topics);
    const [next, exclusion] = converted.items.filter((item) => !item.opening);
    assert.equal(next!.frontMatter.part, 1);
    assert.equal(exclusion!.frontMatter.part, 2);
    assert.match(converted.warnings.join('\n'), /item "EXCLUSION OF PRESS AND PUBLIC.*": .*Part 2/);
  });

  it('writes the items after an exclusion that may not have happened as Part 2, and says so', () => {
    const text = [
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.',
      '7.',
      'Exclusion of Press and Public',
      'It is recommended that the Press and Public be excluded from the meeting during consideration of the item in Part 2 of the Agenda, as it involves the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972 (amended).',
      'All business was conducted in public without disclosing any exempt information and it was not therefore required to exclude the press and public.',
      '8.',
      'Part II Minutes',
      'The minutes of the meeting held on 16 December were agreed.',
    ].join('\n');
    const converted = convertDocument(text, 'slough.txt', { council: 'Slough Borough Council' }, topics);
    const minutes = converted.items.find((item) => item.frontMatter.item === '8')!;
    assert.equal(minutes.frontMatter.part, 2);
    assert.match(converted.warnings.join('\n'), /item "Exclusion of Press and Public": .*may not/);
  });

  it('writes every item of minutes headed "not for publication" as Part 2, and the whole text of minutes without items when it holds exempt business', () => {
    const headed = [
      'NOT FOR PUBLICATION',
      'MINUTES of a meeting of the Cabinet held on 1 May 2024.',
      '1.',
      'Apologies',
      'None.',
      '2.',
      'Staffing',
      'The report was agreed.',
    ].join('\n');
    for (const item of convertDocument(headed, 'x.txt', { council: 'Kent County Council' }, topics).items)
      assert.equal(item.frontMatter.part, 2, item.frontMatter.title);
    const unsplit = convertDocument(
      'Minutes of the meeting held on 11 November 2020. The Council resolved to exclude the press and public in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960. The Clerk received her annual appraisal.',
      'y.txt',
      { council: 'Stoke Ferry Parish Council' },
      topics,
    );
    assert.equal(unsplit.items.length, 1);
    assert.equal(unsplit.items[0]!.frontMatter.part, 2);
    assert.match(unsplit.warnings.join('\n'), /item "Opening of the meeting"/);
  });

  it('keeps "school exclusions" public and findable in the London borough sample', () => {
    const [item] = convertDocument(
      fixture('london-borough-agenda-item.txt'),
      '002.txt',
      { council: 'London Borough (not named in source)' },
      topics,
    ).items;
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
    const converted = convertDocument(
      fixture('limerick-capital-attendance.txt'),
      'l.txt',
      { council: 'Limerick City and County Council' },
      topics,
    );
    const names = converted.meeting.officers.map((o) => o.name);
    for (const name of ['Ms. P. King', 'Mr. M. Leahy', 'Andrew Lacey', 'Noel Barry']) assert.ok(names.includes(name), name);
    assert.ok(converted.meeting.attendance.present.includes('Slattery'), 'members in attendance are present');
  });

  it('reads a declaration run into an item\'s heading ("288. Miss Carey declared a pecuniary interest …")', () => {
    const converted = convertDocument(
      `MINUTES of a meeting of the County Council held on 13 February 2025.\n\n287.\n\n${fixture('kent-declarations.txt')}`,
      'k.txt',
      { council: 'Kent County Council' },
      topics,
    );
    const declarations = converted.items.flatMap((item) => item.frontMatter.declarations);
    assert.ok(declarations.some((d) => /^Ms Meade declared/.test(d)));
    assert.ok(
      declarations.some((d) => /^Miss Carey declared a pecuniary interest/.test(d)),
      JSON.stringify(declarations),
    );
  });
});

describe('assignTopics', () => {
  it('explains each topic by the term that earned it', () => {
    const vocabulary: Topic[] = [
      { topic: 'early help', terms: ['early help', 'early intervention'] },
      { topic: 'housing', terms: ['housing'] },
    ];
    assert.deepEqual(assignTopics('Early Intervention & Help', 'housing was mentioned once', vocabulary), [
      { topic: 'early help', term: 'early intervention', where: 'title' },
    ]);
  });
});
