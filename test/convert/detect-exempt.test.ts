import assert from 'node:assert/strict';
import { exemptParagraph, readMarking } from '../../server/convert/detect-exempt.js';

// The wordings are councils' own, from minutes and ModernGov pages as published.
describe('readMarking', () => {
  it('reads an item marked "(EXEMPT)" with the Schedule 12A sentence as exempt: Part 1 of the schedule is not Part 1 of the agenda', () => {
    const marking = readMarking('Disposal of land at Station Road (EXEMPT)', [
      'This item contained exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
      'RESOLVED that the land be sold to the highest bidder.',
    ]);
    assert.equal(marking.exempt, true);
    assert.equal(marking.paragraph, '3');
    assert.equal(marking.doubt, undefined);
  });

  it('reads the statutory wording on its own, without a mark in the heading', () => {
    for (const [line, paragraph] of [
      ['Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.', '3'],
      // City of London: "Part 1, Schedule 12A (Paragraph 3)".
      [
        'The report involved the likely disclosure of Exempt Information, as defined in Part 1, Schedule 12A (Paragraph 3) of the Local Government Act.',
        '3',
      ],
      // Scotland: Schedule 7A to the Local Government (Scotland) Act 1973 (Aberdeen, Edinburgh).
      ['Exempt information as described in paragraph(s) 6, 11 of Schedule 7A of the Local Government (Scotland) Act 1973.', '6, 11'],
      [
        'This report contains exempt information as defined in paragraph 6 of Part I of Schedule 7A to the Local Government (Scotland) Act 1973.',
        '6',
      ],
      // Wales, Schedule 12A as varied by the 2007 Order: paragraphs 12 to 18 of Part 4 (Neath Port Talbot, Flintshire).
      [
        'The item involved the likely disclosure of exempt information as defined in Paragraphs 12 and 13 of Part 4 of Schedule 12A to the above Act.',
        '12 and 13',
      ],
      ['Yn rhinwedd paragraff(au) 15, 16 of Part 4 of Schedule 12A o Ddeddf Llywodraeth Leol 1972.', '15, 16'],
      // Welsh only (Denbighshire, Powys).
      ['Yn rhinwedd Paragraff(au) 13, 14 Rhan 4, Atodlen 12A Deddf Llywodraeth Leol 1972.', '13, 14'],
    ] as const) {
      const marking = readMarking('Award of contract', [line, 'Members considered the report and agreed the recommendation.']);
      assert.equal(marking.exempt, true, line);
      assert.equal(marking.paragraph, paragraph, line);
    }
  });

  it("reads confidential information under section 100A, Northern Ireland's restricted items and the other marks", () => {
    const exempt = [
      [
        'Legal advice on the depot claim',
        'This item involved the likely disclosure of confidential information as defined in section 100A(3) of the Local Government Act 1972.',
      ],
      [
        'Restricted Item - Bonfire Update (report to be tabled)',
        'The Committee was provided with an update in respect of a number of bonfires.',
      ],
      [
        'Staffing matter',
        'The report is restricted in accordance with Part 1 of Schedule 6 of the Local Government Act (Northern Ireland) 2014.',
      ],
      ['PART 2 - Review of the leisure contract', 'The Board noted the update.'],
      ['Minutes of the meeting held on 16 December (Part II)', 'The minutes were agreed.'],
      ["Private and Confidential: Clerk's appraisal", 'The appraisal was noted.'],
      ['CONFIDENTIAL - Staffing structure', 'The proposals were agreed.'],
      ['Non-public minutes of the last meeting', 'The minutes were agreed.'],
    ];
    for (const [title, line] of exempt) assert.equal(readMarking(title!, [line!]).exempt, true, title);
  });

  it('keeps public what only uses the words in passing (corpus: Stoke Ferry, West Dereham, Limerick, Wretton, Kent)', () => {
    const public_ = [
      [
        'To Approve Confidential Shredding Costs The Chair',
        'advised that with going through documents GDPR, Retention policy, there was a lot of papers that required destruction securely.',
      ],
      [
        'Business Continuity Plan Part 2 PK rejoined the meeting.',
        'CC asked the Councillors present if they were content with the revised Business Continuity Plan Part 2.',
      ],
      [
        'ANY OTHER BUSINESS',
        'In reply to Councillor Collopy, the Chief Superintendent stated that there is a confidential line that people can ring to report a crime.',
      ],
      [
        'Public Other Business:',
        'The Hill - why is this matter considered to be private and confidential - it is an open space with access to various properties.',
      ],
      [
        'Annual Governance Statement',
        'The Annual Governance Statement Part 1 and Part 2 was read out at the meeting and each section approved.',
      ],
      ['UNRESTRICTED ITEMS', 'Apologies were received from Mr Baker.'],
      ['Lime House Drove', 'Clarification has been received that Lime House Drove is a restricted byway.'],
      ['External audit', 'Wretton Parish Council is exempt from the requirement for a limited assurance review.'],
      ['Cabinet Member Updates', 'As a result, the toilets were temporarily closed to the public.'],
      ['Disposal of land', '(c) if the local authority resolves by virtue of paragraph (b) that the disposal shall not proceed.'],
    ];
    for (const [title, line] of public_) {
      const marking = readMarking(title!, [line!]);
      assert.equal(marking.exempt, false, title);
      assert.equal(marking.closes, undefined, title);
    }
  });

  it('is exempt, with a doubt, when the item also calls itself Part 1', () => {
    const marking = readMarking('Treasury management', [
      'PART 1 - PUBLIC',
      'Appendix B is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
    ]);
    assert.equal(marking.exempt, true);
    assert.match(marking.doubt!, /Part 1/);
  });

  it('is exempt, with a doubt, when a form marks it for publication beside the statutory wording', () => {
    // Kent's record of decision prints its instruction about exempt information next to the words "For publication".
    const marking = readMarking('Commissioned Family Hub Contracts', [
      'For publication [Do not include information which is exempt from publication under schedule 12a of',
      'the Local Government Act 1972]',
    ]);
    assert.equal(marking.exempt, true);
    assert.match(marking.doubt!, /for publication/);
  });

  it('is exempt, with a doubt, when the statutory wording is further down the text', () => {
    const marking = readMarking('Depot lease', [
      'The Committee considered the report of the Director.',
      'Members asked about the terms.',
      'The Director answered.',
      'The Chairman thanked the Director.',
      'The appendix was not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A.',
    ]);
    assert.equal(marking.exempt, true);
    assert.equal(marking.paragraph, '3');
    assert.match(marking.doubt!, /exempt/);
  });

  it('reads a resolution to exclude the press and public as closing the meeting for what follows, not as a mark of its own item', () => {
    for (const line of [
      // Maldon.
      'RESOLVED that under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following items of business on the grounds that they involve the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A to the Act, and that this satisfies the public interest test.',
      // Belfast, Northern Ireland.
      'Resolved – That the Committee agrees to exclude the members of the press and public from the meeting during discussion of the following items as, due to the nature of the items, there would be a disclosure of exempt information as described in Section 42(4) and Schedule 6 of the Local Government Act (Northern Ireland) 2014.',
      // Arun.
      'That under Section 100a (4) of the Local Government Act 1972, the public and accredited representatives of newspapers be excluded from the meeting for the following item of business on the grounds that they involve the likely disclosure of exempt information as defined in Part 1 of Schedule 12A of the Act by virtue of paragraph 3.',
      // Parish councils: the Public Bodies (Admission to Meetings) Act 1960 (Stoke Ferry, Whittington).
      'The Council to pass a resolution excluding the press and public from the meeting in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960 by reason of the confidential nature of the business to be transacted.',
      'Councillors to resolve that members of the public be excluded under section 1 of the 1960 Public Bodies (Admission to meetings) Act due to the confidential nature of the matters to be discussed within the next item.',
      // Neath Port Talbot, in Welsh.
      "PENDERFYNWYD: Yn unol ag Adran 100A(4) a (5) Deddf Llywodraeth Leol 1972, wahardd y cyhoedd o'r eitem fusnes canlynol a oedd yn cynnwys datganiadau posib o wybodaeth eithriedig, fel a ddiffinnir ym Mharagraff 12 ac 13 Adran 4 Atodlen 12A y Ddeddf uchod.",
    ]) {
      const marking = readMarking('Exclusion of the Press and Public', [line]);
      assert.equal(marking.exempt, false, line);
      assert.ok(marking.closes, line);
      assert.equal(marking.closes.businessAfter, false, line);
    }
    // Northwold, 2 March 2010: the exclusion is to come, under a later item.
    const later = readMarking('Matters arising', [
      'It was agreed the 2010 grass cutting contact should be discussed at the end of the meeting after an agreed resolution to exclude the public.',
    ]);
    assert.equal(later.closes, undefined);
    assert.equal(later.announces, true);
    assert.equal(
      readMarking('Any other business', [
        'None.',
        'RESOLVED that the press and public be excluded for the following item, which involves exempt information as defined in paragraph 1 of Part 1 of Schedule 12A.',
      ]).closes?.paragraph,
      '1',
    );
  });

  it('says when business follows the exclusion in the same item, and doubts an exclusion that may not have happened', () => {
    // Stoke Ferry, 2 December 2020: the exempt business is minuted under the exclusion itself.
    const stokeFerry = readMarking('EXCLUSION OF PRESS AND PUBLIC The Council to', [
      'pass a resolution excluding the press and public from the meeting in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960 by reason of the confidential nature of the business to be transacted. To Discuss a HR Related Issue.',
      'The Council discussed a HR related issue.',
      'RESOLVED: That payment for legal advice totalling £1250 plus VAT be approved.',
      'Closed at 9.50 pm',
    ]);
    assert.equal(stokeFerry.closes?.businessAfter, true);
    // Stoke Ferry, 9 September 2020, printed as one line: the next meeting's date just before the exclusion does not make it one to come.
    const runIn = readMarking('Consultancy, Funding and Financial costs to-date', [
      'The date of the next meeting was noted. 172/20 EXCLUSION OF PRESS AND PUBLIC The Council to pass a resolution excluding the press and public from the meeting in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960 by reason of the confidential nature of the business to be transacted. To Discuss and Approve a HR Related Matter. RESOLVED: That the HR Related Matter be resolved regarding salary.',
    ]);
    assert.equal(runIn.closes?.businessAfter, true);
    const closingOnly = readMarking('Exclusion of the Public', [
      'RESOLVED that the public be excluded from the meeting for the following item.',
      'Agreed.',
      'The meeting closed at 9.15pm.',
    ]);
    assert.equal(closingOnly.closes?.businessAfter, false);
    // Slough: the exclusion was recommended, then not needed.
    const slough = readMarking('Exclusion of Press and Public', [
      'It is recommended that the Press and Public be excluded from the meeting during consideration of the item in Part 2 of the Agenda, as it involves the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972 (amended).',
      'All business was conducted in public without disclosing any exempt information and it was not therefore required to exclude the press and public.',
    ]);
    assert.ok(slough.closes);
    assert.match(slough.closes.doubt!, /may not/);
  });
});

describe('exemptParagraph', () => {
  it('reads the paragraphs relied on, as published', () => {
    assert.equal(
      exemptParagraph('exempt information as defined under paragraphs 3 and 5, Part 1, Schedule 12A of the Local Government Act 1972'),
      '3 and 5',
    );
    assert.equal(
      exemptParagraph('by virtue of paragraph(s) 3, 12, 14 of Part 1 of Schedule 7A of the Local Government(Scotland) Act 1973.'),
      '3, 12, 14',
    );
    assert.equal(exemptParagraph('The Committee noted paragraph 4 of the report.'), undefined);
  });
});
