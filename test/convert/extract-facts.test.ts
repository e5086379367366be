import assert from 'node:assert/strict';
import { runningText } from '../../server/convert/clean-text.js';
import { extractCommittee, normaliseCommittee } from '../../server/convert/extract-committee.js';
import { extractMeetingDate, findWrittenDates } from '../../server/convert/extract-date.js';
import { extractOutcomes } from '../../server/convert/extract-decisions.js';
import { declarant, extractDeclarations } from '../../server/convert/extract-declarations.js';
import { extractAttendance, extractCouncillors, extractOfficers, spellingVariant } from '../../server/convert/extract-people.js';
import { fixtureLines } from './support.js';

describe('findWrittenDates', () => {
  it('lists the dates of a text in its order, each written date once, whichever its order of day and month', () => {
    const dates = (text: string) => findWrittenDates(text).map(({ index, iso }) => [index, iso]);
    const text = 'On 9 January 2025 and on DECEMBER 3RD 2009, then 23RD MAY, 2016 and January 3, 1996.';
    assert.deepEqual(dates(text), [
      [text.indexOf('9 January'), '2025-01-09'],
      [text.indexOf('DECEMBER'), '2009-12-03'],
      [text.indexOf('23RD'), '2016-05-23'],
      [text.indexOf('January 3'), '1996-01-03'],
    ]);
    // A month-first date run on to a date already read, in either order, is read as that date.
    assert.deepEqual(dates('3 May 2024 May 3 2024'), [[0, '2024-05-03']]);
    assert.deepEqual(dates('May 3 2024 May 4 2024'), [[0, '2024-05-03']]);
    // Many dates, every one of them found, each from the one run through the text.
    const many = Array.from({ length: 2000 }, (_, k) => (k % 2 === 0 ? `${(k % 28) + 1} May 2024. ` : `June ${(k % 28) + 1}, 2023. `)).join(
      '',
    );
    assert.equal(findWrittenDates(many).length, 2000);
  });
});

describe('extractMeetingDate', () => {
  it('reads the date the heading gives, in each written form', () => {
    assert.equal(extractMeetingDate(fixtureLines('kent-cabinet-opening.txt')), '2025-01-30');
    assert.equal(extractMeetingDate(fixtureLines('limerick-opening.txt')), '2015-09-21');
    assert.equal(extractMeetingDate(fixtureLines('manordeilo-opening.txt')), '2015-07-08');
    assert.equal(
      extractMeetingDate([
        'Minutes of Stoke Ferry Annual Parish Meeting held in the Community Centre',
        'At 7.15pm on Wednesday 7 May 2008',
      ]),
      '2008-05-07',
    );
    assert.equal(extractMeetingDate(['THURSDAY DECEMBER 3RD 2009', 'Present: Mrs Claire Cann']), '2009-12-03');
  });

  it('reads a date written in Welsh, with its Welsh ordinal', () => {
    // Manordeilo and Salem Community Council, the Welsh version of its minutes of 13 June 2018.
    assert.equal(extractMeetingDate(['CYNGOR CYMUNED MANORDEILO A SALEM', 'CYFARFOD 13eg MEHEFIN 2018']), '2018-06-13');
    assert.equal(
      extractMeetingDate([
        'CYNGOR CYMUNED MANORDEILO A SALEM',
        'Cynhaliwyd cyfarfod o Gyngor Cymuned Manordeilo a Salem am 7.30pm ar y 9fed Mai 2018 yn yr Ystafell Ddarllen, Cwmifor.',
      ]),
      '2018-05-09',
    );
  });

  it('takes the year of a heading that leaves it out from the one year of the text in which that day was that weekday', () => {
    // Limerick, Cappamore-Kilmallock, 19 October 2023: the heading prints no year; the minutes adopted are of 21 September 2023.
    const heading = [
      'MINUTES OF PROCEEDINGS OF MONTHLY MEETING OF THE',
      'MUNICIPAL DISTRICT OF CAPPAMORE KILMALLOCK HELD IN ARAS',
      'MAINCHIN SEOIGHE ON THURSDAY 19th OCTOBER AT 3.00PM.',
    ];
    const text = [
      ...heading,
      'Circulated copy of draft Minutes of Monthly Meeting of the Municipal District of',
      'Cappamore-Kilmallock held on 21st September, 2023.',
    ];
    assert.equal(extractMeetingDate(heading, text), '2023-10-19');
    // 19 October was a Thursday in 2023 only, of 2023 and 2024; on a Friday in neither, so no date is guessed.
    assert.equal(
      extractMeetingDate(
        heading.map((line) => line.replace('THURSDAY', 'FRIDAY')),
        text,
      ),
      undefined,
    );
    assert.equal(extractMeetingDate(heading), undefined);
  });

  it("never takes the next or last meeting's date", () => {
    assert.equal(extractMeetingDate(['Minutes of the meeting held at 7:30om in the school', 'Next meeting 17th January 2002']), undefined);
  });
});

describe('extractCommittee', () => {
  it('reads the body named in the heading', () => {
    assert.equal(extractCommittee(fixtureLines('kent-cabinet-opening.txt')), 'Cabinet');
    assert.equal(extractCommittee(fixtureLines('limerick-opening.txt')), 'Metropolitan District of Limerick');
    assert.equal(extractCommittee(fixtureLines('manordeilo-opening.txt')), 'Manordeilo & Salem Community Council');
    assert.equal(
      extractCommittee([
        'A meeting of Limerick City and County Council, Home and Social Development Strategic',
        'Policy Committee was held on Monday 13th June 2016.',
      ]),
      'Home and Social Development Strategic Policy Committee',
    );
  });

  it("turns manifest names for a meeting into the body's name", () => {
    assert.equal(normaliseCommittee('Monthly Meeting of Metropolitan District of Limerick'), 'Metropolitan District of Limerick');
    assert.equal(normaliseCommittee('Parish Council meeting'), 'Parish Council');
  });
});

describe('extractOfficers', () => {
  it('reads "Name (Role)" attendance lists and keeps elected members out', () => {
    const lines = fixtureLines('kent-cabinet-opening.txt');
    const attendance = extractAttendance(runningText(lines.slice(0, 19)));
    const officers = extractOfficers(attendance, runningText(lines));
    assert.deepEqual(officers[0], { name: 'Dr A Ghosh', role: 'Director of Public Health' });
    assert.ok(officers.some((o) => o.name === 'McKay' && o.role === 'Acting Chief Accountant'));
    assert.ok(!officers.some((o) => o.name?.includes('Gough') || o.role?.includes('Gough')), 'the Chairman is a member, not an officer');
    assert.match(attendance.present[0]!, /^Mr R W Gough \(Chairman\)$/);
  });

  it('takes neither initials ("Pam Bullas (PB)") nor a member\'s title ("Chair (Cllr Novak)") for an officer', () => {
    const attendance = extractAttendance(
      'Present: Pam Bullas (PB), Tom Foy (TF), Chair (Shellina Prendergast), Mr M Leahy (Meetings Administrator).',
    );
    assert.deepEqual(extractOfficers(attendance, ''), [{ name: 'Mr M Leahy', role: 'Meetings Administrator' }]);
  });

  it('reads the City Record\'s Board of Control: titled lists, sponsors, "Others" with split roles and signatories', () => {
    const lines = fixtureLines('cleveland-city-record.txt');
    const business = runningText(lines.slice(lines.indexOf('BOARD OF CONTROL')));
    const officers = extractOfficers(extractAttendance(business), business);
    const byName = (name: string) => officers.find((o) => o.name === name);
    assert.deepEqual(byName('Carmody'), { name: 'Carmody', role: 'Acting Director' });
    assert.deepEqual(byName('Staib'), { name: 'Staib', role: 'Director' });
    assert.deepEqual(byName('Hyer'), { name: 'Hyer', role: 'Director' }, 'from "By Director Hyer."');
    assert.deepEqual(byName('Guzman'), { name: 'Guzman', role: 'Director' }, 'absent, but a director');
    assert.equal(byName('White'), undefined, 'the Mayor is elected');
    assert.match(byName('William Williamson')?.role ?? '', /^Acting Commissioner, Purchases/);
    assert.deepEqual(byName('JEFFREY B. MARKS'), { name: 'JEFFREY B. MARKS', role: 'Secretary' });
  });

  it('reads "Role (Mr. Name)" lists, with commas inside roles', () => {
    const lines = fixtureLines('limerick-opening.txt');
    const officers = extractOfficers(extractAttendance(runningText(lines)), '');
    assert.deepEqual(officers.slice(0, 3), [
      { name: 'Mr. C. Murray', role: 'Chief Executive' },
      { name: 'Mr. C. O’Connor', role: 'Meetings Administrator' },
      { name: 'Mr. K. Lehane', role: 'Director, Environment and Water' },
    ]);
  });

  it('reads "Name, Role, presented" and roles without names', () => {
    const text = runningText(fixtureLines('london-borough-agenda-item.txt'));
    const officers = extractOfficers({ present: [], apologies: [], inAttendance: [] }, text);
    assert.deepEqual(officers.slice(0, 2), [
      { name: 'Pauline Armour', role: 'Head of Service, Early Help (interim)' },
      { name: 'Kerry Crichlow', role: 'Director Strategy & Commissioning' },
    ]);
    const manchester = extractOfficers(
      { present: [], apologies: [], inAttendance: [] },
      runningText(fixtureLines('manchester-agenda-item.txt')),
    );
    assert.ok(manchester.some((o) => o.role === 'Strategic Director of Children’s and Education Services' && !o.name));
  });
});

describe('extractOfficers: ranks, one-per-line lists, clerks', () => {
  const none = { present: [], apologies: [], inAttendance: [] };
  const names = (officers: { name?: string }[]) => officers.map((o) => o.name);

  it('splits Garda ranks run onto the end of a bracketed list ("… (Ms. A. Lenihan) Superintendent A. Magner, …")', () => {
    const officers = extractOfficers(extractAttendance(runningText(fixtureLines('limerick-jpc-garda-ranks.txt'))), '');
    assert.deepEqual(
      officers.find((o) => o.name === 'Ms. A. Lenihan'),
      { name: 'Ms. A. Lenihan', role: 'Clerical Officer, Newcastle West' },
    );
    for (const [name, role] of [
      ['A. Magner', 'Superintendent'],
      ['J. Flanagan', 'Inspector'],
      ['M. Reidy', 'Detective Sergeant'],
      ['T. Hannafin', 'C.O.'],
    ]) {
      assert.deepEqual(
        officers.find((o) => o.name === name),
        { name, role },
      );
    }
  });

  it('reads the capital heading "MEMBERS OF AN GARDA SÍOCHÁNA" without a colon, but not the words in a sentence', () => {
    const attendance = extractAttendance(runningText(fixtureLines('limerick-garda-label.txt')));
    assert.ok(attendance.inAttendance.includes('Superintendent Andrew Lacey'));
    assert.ok(attendance.inAttendance.includes('Sgt Noel Barry'), 'the list ends with its sentence');
    assert.ok(!attendance.inAttendance.some((entry) => /members of the public/.test(entry)));
    assert.deepEqual(names(extractOfficers(attendance, '')).slice(0, 4), ['Ms. P. King', 'Mr. M. Leahy', 'Ms. A. Foley', 'Andrew Lacey']);
  });

  it('reads "Name, Role" one a line, where the lines run together', () => {
    const officers = extractOfficers(extractAttendance(runningText(fixtureLines('limerick-line-per-officer.txt'))), '');
    assert.deepEqual(
      officers.find((o) => o.name === 'Ms. Patricia Liddy'),
      { name: 'Ms. Patricia Liddy', role: 'Senior Executive Officer, Community Supports' },
    );
    assert.deepEqual(
      officers.find((o) => o.name === 'Mr. Stephen McNamara'),
      { name: 'Mr. Stephen McNamara', role: 'Homeless Unit Co-ordinator' },
    );
    assert.deepEqual(officers.at(-1), { name: 'Ms. Martina Caulfield', role: 'Clerical Officer' }, 'the last role ends with its list');
  });

  it('reads ranks before names in the text (Sergeant, Garda with initials, PCSO) and not "Garda Station"', () => {
    assert.deepEqual(extractOfficers(none, runningText(fixtureLines('limerick-ranks-in-text.txt'))), [
      { name: 'N. Barry', role: 'Sergeant' },
      { name: 'G. Thompson', role: 'Sergeant' },
      { name: 'C. Healy', role: 'Garda' },
    ]);
    assert.deepEqual(
      extractOfficers(none, 'PCSO’s Roger Anthony and Louise Lewis attended the meeting. Police Community Support Officer Sophie Watson'),
      [
        { name: 'Roger Anthony', role: 'PCSO' },
        { name: 'Louise Lewis', role: 'PCSO' },
        { name: 'Sophie Watson', role: 'PCSO' },
      ],
    );
    assert.deepEqual(extractOfficers(none, 'What is the update on the provision of a Garda Station in Castletroy'), []);
  });

  it('never gives a name an empty role when a ranked name follows it', () => {
    const officers = extractOfficers(extractAttendance('Officials in attendance: Mr. J. Smith, Inspector A. Lacey.'), '');
    assert.deepEqual(officers, [{ name: 'A. Lacey', role: 'Inspector' }]);
  });

  it('reads the clerk paid in the accounts and the clerk under a "Clerk:" label', () => {
    assert.deepEqual(extractOfficers(none, runningText(fixtureLines('manordeilo-accounts.txt'))), [
      { name: 'Mrs J. Davies', role: 'Clerk' },
    ]);
    assert.deepEqual(extractOfficers(none, 'Clerk: - Sarah Thorpe Cllr Brian Long (BL) – County Councillor'), [
      { name: 'Sarah Thorpe', role: 'Clerk' },
    ]);
  });

  it('reads officers among the apologies, and ends a role before a dangling "for" or "in"', () => {
    const attendance = extractAttendance("Apologies: Clerical Officer (Ms. H O'Neill), Councillor M. Ryan.");
    assert.deepEqual(extractOfficers(attendance, 'a report from the Chief Executive, in relation to'), [
      { name: "Ms. H O'Neill", role: 'Clerical Officer' },
      { role: 'Chief Executive' },
    ]);
  });
});

describe('extractOfficers: staff titles, clerks at the end of a line, one person per name', () => {
  const none = { present: [], apologies: [], inAttendance: [] };

  it('reads the clerk whose name ends an attendance line ("Clerk J Connelly"), not "Clerk to contact"', () => {
    const lines = [
      'Present',
      'Councillors D Richardson (Chair), S Linsley, M Armstrong',
      'Clerk J Connelly',
      'Mr D Bellsham and Mr A Wood',
      'Milburn, Mr Spike Johnson organised this at the time. Clerk to contact',
    ];
    assert.deepEqual(extractOfficers(none, runningText(lines), lines), [{ name: 'J Connelly', role: 'Clerk' }]);
  });

  it('reads "Name, Staff Title" and "Staff Title, Name" in the text, ending the title at its staff noun', () => {
    assert.deepEqual(
      extractOfficers(none, 'It was agreed that the Clerk would contact Andy Wallace, Highways Engineer, again to chase up the issue'),
      [{ name: 'Andy Wallace', role: 'Highways Engineer' }],
    );
    assert.deepEqual(
      extractOfficers(none, '7. Highways, Area Engineer, Mr. G. Simpson agreed to meet Mr. White (Chairman) to discuss highway matters'),
      [{ name: 'Mr. G. Simpson', role: 'Area Engineer' }],
    );
  });

  it('ends an entry at a full stop before initials, and closes a bracket the text lost the end of', () => {
    const cleveland = extractAttendance(
      runningText([
        'Others: Myrna Branche, Commissioner, Purchases and Supplies.',
        'C.',
        'Whitaker,',
        'Acting',
        'Director,',
        'Office of Equal Opportunity.',
      ]),
    );
    assert.deepEqual(
      extractOfficers(cleveland, '').find((o) => o.name === 'C. Whitaker'),
      { name: 'C. Whitaker', role: 'Acting Director, Office of Equal Opportunity' },
    );
    const limerick = extractAttendance(
      'OFFICIALS IN ATTENDANCE: Chief Executive (Mr. P. Daly), A/Senior Executive Officer (Mr. J. Clune, Staff Officer (Ms. L. Creamer)',
    );
    assert.deepEqual(extractOfficers(limerick, ''), [
      { name: 'Mr. P. Daly', role: 'Chief Executive' },
      { name: 'Mr. J. Clune', role: 'A/Senior Executive Officer' },
      { name: 'Ms. L. Creamer', role: 'Staff Officer' },
    ]);
  });

  it('keeps two people who share a surname but not an initial, and one who is named twice', () => {
    const attendance = extractAttendance(
      'Officials in attendance: Senior Executive Engineer (Mr B Kennedy), Clerical Officer ( Ms. H. O’Neill)',
    );
    const officers = extractOfficers(
      attendance,
      'Superintendent Ollie Kennedy gave an update. Superintendent Kennedy outlined that he represents County Community Engagement.',
    );
    assert.deepEqual(
      officers.filter((o) => o.name?.endsWith('Kennedy')),
      [
        { name: 'Mr B Kennedy', role: 'Senior Executive Engineer' },
        { name: 'Ollie Kennedy', role: 'Superintendent' },
      ],
    );
  });

  it('keeps one officer spelt two ways in one role, not two people with one role', () => {
    // Kent County Council, Cabinet, 30 January 2025.
    const attendance = extractAttendance(
      'IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs S Hammond (Corporate Director Children, Young People and Education), Mrs A Beer (Chief Executive).',
    );
    const officers = extractOfficers(
      attendance,
      '1. Dr Gosh (Director of Public Health) introduced the report and noted the extensive work undertaken',
    );
    assert.deepEqual(
      officers.map((o) => o.name),
      ['Dr A Ghosh', 'Mrs S Hammond', 'Mrs A Beer'],
    );
    assert.ok(spellingVariant('ghosh', 'gosh') && spellingVariant('smith', 'smyth'));
    assert.ok(!spellingVariant('reidy', 'kennedy') && !spellingVariant('lee', 'lea') && !spellingVariant('ghosh', 'gough'));
  });

  it("takes neither an instruction to the clerk nor a law's bracket for an officer", () => {
    assert.deepEqual(
      extractOfficers(none, 'vii) C.C.C. Survey on Rural Transport, Clerk to forward to Councillors and for posting on the website.'),
      [],
    );
    assert.deepEqual(
      extractOfficers(
        none,
        'in accordance with Section 1(2) of the Public Bodies (Admission to Meetings) Act 1960 by reason of the confidential nature',
      ),
      [],
    );
  });
});

describe('extractCouncillors', () => {
  it('reads Councillor, Cllr and Cmhlr', () => {
    assert.deepEqual(
      extractCouncillors(
        'Councillor Stone declared an interest. Cllr. P. Harries took the Chair. Question submitted by Cmhlr. Séighin Ó Ceallaigh',
      ),
      ['Councillor Stone', 'Councillor P. Harries', 'Councillor Séighin Ó Ceallaigh'],
    );
  });
});

describe('extractOutcomes', () => {
  it('reads RESOLVED paragraphs, numbered or not', () => {
    const { decisions } = extractOutcomes(
      ['RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record', 'and that they be signed by the Chair'],
      true,
    );
    assert.deepEqual(decisions, [
      'RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record and that they be signed by the Chair',
    ]);
  });

  it('reads a ModernGov Decisions section, one decision per numbered line, up to "Supporting documents"', () => {
    const lines = fixtureLines('manchester-agenda-item.txt');
    const { decisions } = extractOutcomes(lines.slice(lines.findIndex((l) => /^Decisions?:?$/.test(l)) - 1), true);
    assert.equal(decisions.length, 3);
    assert.match(decisions[0]!, /^1\. To request to that the analysis .* be provided to Members of the Committee\.$/);
  });

  it("ends a record of decision's Decision section at its reasons", () => {
    // Kent County Council, Record of Decision 24/00093.
    const lines = [
      'Decision:',
      '',
      'As Cabinet Member for Integrated Children’s Services I agree to:',
      '',
      'APPROVE the proposal to not re-commission the Family Hub services.',
      '',
      'DELEGATE authority to the Director for Operational Integrated Children’s Services to explore the option.',
      '',
      'Reason(s) for decision:',
      '',
      'The financial challenges facing all local authorities is critical.',
    ];
    assert.deepEqual(extractOutcomes(lines, true).decisions, [
      'APPROVE the proposal to not re-commission the Family Hub services.',
      'DELEGATE authority to the Director for Operational Integrated Children’s Services to explore the option.',
    ]);
  });

  it('reads proposed, seconded and agreed, when the minutes keep no resolutions', () => {
    const lines = fixtureLines('manordeilo-opening.txt');
    const { decisions } = extractOutcomes(lines.slice(lines.findIndex((l) => l.startsWith('2. '))), false);
    assert.match(decisions[0]!, /It was proposed by County Cllr\. J\. Davies, seconded by Cllr\. D\. Jones and unanimously agreed/);
  });

  it('reads an agreement in prose from an item without a resolution, even in minutes that keep resolutions', () => {
    // Kent County Council, 13 March 2025: the condolence motion is agreed in prose; other items are RESOLVED.
    const lines = ['Following the debate, the Chairman put the motion set out in paragraph 1', 'and it was agreed unanimously.'];
    assert.equal(extractOutcomes(lines, true).decisions.length, 1);
    assert.deepEqual(extractOutcomes(['It was agreed unanimously.', '', 'RESOLVED that the report be noted.'], true).decisions, [
      'RESOLVED that the report be noted.',
    ]);
  });

  it('reads a gazette\'s "Be it resolved", with "Be it further resolved" part of the same resolution, and not the heading "On motion, the following resolutions were adopted"', () => {
    // Cleveland City Record, 2 January 2002, Board of Control Resolution No. 934-01.
    const { decisions } = extractOutcomes(fixtureLines('cleveland-be-it-resolved.txt'), false);
    assert.equal(decisions.length, 1);
    assert.match(decisions[0]!, /^Be it resolved by the Board of Control of the City of Cleveland/);
    assert.deepEqual(extractOutcomes(['On motion, the following resolutions were adopted.'], false).decisions, []);
  });

  it('reads parish votes, "it was decided", a terse "Agreed £20.00." or "Passed for payment." and minutes signed as a true record', () => {
    // Stoke Ferry Parish Council, 4 September 2019: minutes approved by vote, wreaths and standing orders agreed in favour.
    const votes = extractOutcomes(fixtureLines('stoke-ferry-votes.txt'), false).decisions;
    assert.equal(votes.length, 4);
    assert.match(
      votes[0]!,
      /were proposed for approval by Cllr Janet Taylor, seconded by Cllr Daphne Clements, one abstained and six were in favour\.$/,
    );
    assert.match(votes[3]!, /^The Parish Council were unanimously in favour\.$/);
    // Stoke Ferry Parish Council, 2001.
    const lines = fixtureLines('stoke-ferry-capitals.txt');
    const decided = extractOutcomes(lines, false).decisions;
    for (const phrase of [/it was decided to accept/, /^Agreed £20\.00\.$/, /^Passed for payment\.$/, /signed as a true record/]) {
      assert.ok(
        decided.some((decision) => phrase.test(decision)),
        String(phrase),
      );
    }
    assert.ok(!decided.some((decision) => /agreed to meet/.test(decision)), 'an officer agreeing to meet is no decision');
  });

  it('reads the other wordings of a parish decision: "also resolved", "again decided", "a decision was made that", "discussed and decided", assent and co-option', () => {
    const decided = (text: string) => extractOutcomes([text], false).decisions;
    // Milburn Parish Council, 8 September 2015.
    assert.equal(decided('Wicksteed for the swing seats. Resolved to pay.').length, 1);
    assert.equal(decided('It was also resolved to pay the Panel Warehouse £ 208.80 for the display board.').length, 1);
    assert.equal(decided('Also resolved to pay £ 495.00 to the Soccer Store upon receipt of the pro-forma invoice.').length, 1);
    assert.equal(decided('It was discussed and decided to hold a site meeting at the top of the village.').length, 1);
    // Northwold Parish Council, 4 December 2012.
    assert.equal(decided('It was again decided that no assistance should be made until the Agreement has been signed.').length, 1);
    assert.equal(
      decided('The Agreement was also debated and a decision was made that the Parish Council will not assist the Club.').length,
      1,
    );
    // West Dereham Parish Council, 1 February 2018.
    assert.deepEqual(
      decided('CC asked the Councillors present if they were content with the policy. All Councillors noted they were content.'),
      ['All Councillors noted they were content.'],
    );
    assert.equal(
      decided(
        'The Parish Councillors commented on the appropriateness of keeping the Contract on the website and agreed to add it to the next Agenda.',
      ).length,
      1,
    );
    // A conditional "before a decision was made" and an officer who "agreed that" are no decisions.
    assert.deepEqual(
      decided(
        'CC advised members of the public that if they wished to comment on any item, before a decision was made, they should raise their hand.',
      ),
      [],
    );
    assert.deepEqual(decided('He outlined how Garda resources were managed, and agreed that additional resources were needed.'), []);
  });

  it('reads a proposal carried in the sentence after it ("This was seconded by … and agreed."), and not one that was not carried', () => {
    // Limerick, Adare-Rathkeale Municipal District, 9 January 2024.
    const decided = (lines: string[]) => extractOutcomes(lines, false).decisions;
    assert.deepEqual(
      decided([
        'Councillor Keary noted the funding allocated for playgrounds in 2023 was not sufficient and proposed funding be increased going forward. This was seconded by',
        'Councillor Collins and agreed.',
      ]),
      ['This was seconded by Councillor Collins and agreed.'],
    );
    assert.deepEqual(
      decided([
        'The voting result was tied with 3 for and 3 against the proposal, as there was an equality of votes the Chairman exercised his casting vote which resulted in the motion not being carried.',
      ]),
      [],
    );
  });

  it('reads minutes adopted on a proposal and a seconder, with no vote recorded', () => {
    // Limerick, Home and Social Development SPC, 13 June 2016.
    assert.equal(extractOutcomes(['The Minutes were proposed by Cllr J Leddin and seconded by Cllr S Keary.'], false).decisions.length, 1);
    assert.deepEqual(
      extractOutcomes(
        ['It is proposed that Limerick City and County Council will borrow €15 million to carry out a Planned Maintenance programme.'],
        false,
      ).decisions,
      [],
    );
  });

  it('reads a heading that records a decision, when its item records none', () => {
    // Northwold Parish Council, 4 December 2012: one-sentence items in bold.
    assert.deepEqual(extractOutcomes([], false, 'The minutes of the meeting held on 06/11/12 were agreed as a true record.').decisions, [
      'The minutes of the meeting held on 06/11/12 were agreed as a true record.',
    ]);
    assert.equal(extractOutcomes([], false, 'Mr Adrian Jenkinson was co-opted as a member of the Council.').decisions.length, 1);
    assert.deepEqual(extractOutcomes([], false, 'Approved Planning Applications').decisions, []);
    assert.deepEqual(extractOutcomes(['It was agreed to purchase decorations.'], false, 'The following payments were agreed:').decisions, [
      'It was agreed to purchase decorations.',
    ]);
  });

  it('counts neither the running of the meeting nor the vote on a decision just recorded as decisions of their own', () => {
    // Limerick, Metropolitan District, 2015; Manordeilo and Salem, 9 May 2018.
    assert.deepEqual(
      extractOutcomes(['At the request of Councillor Prendiville, it was agreed that items 17 and 18 would be taken next.'], false)
        .decisions,
      [],
    );
    assert.deepEqual(extractOutcomes(['At this point, the Mayor suggested a short adjournment and this was agreed.'], false).decisions, []);
    // Limerick, Home and Social Development SPC, 24 October 2016; Travel and Transportation SPC, 2023.
    assert.deepEqual(extractOutcomes(['It was agreed to take Item 6 next.'], false).decisions, []);
    assert.deepEqual(extractOutcomes(['It was agreed by the Chair to move Item 4 forward to accommodate the NTA.'], false).decisions, []);
    assert.deepEqual(
      extractOutcomes(
        [
          'Following a discussion it was agreed that the Council would meet the shortfall and purchase a defibrillator at a total cost of £900.00. This was proposed by Cllr. J. Davies, seconded by Cllr. D. Jones and unanimously agreed.',
        ],
        false,
      ).decisions.length,
      1,
    );
  });

  it('reads ACTION lines as actions', () => {
    assert.deepEqual(extractOutcomes(['ACTION – DSU to add a Family Hub Review to the long-term work plan.'], false).actions, [
      'DSU to add a Family Hub Review to the long-term work plan.',
    ]);
  });
});

describe('extractDeclarations', () => {
  it('reads a declaration and ignores "no declarations"', () => {
    assert.deepEqual(extractDeclarations(['There were no declarations of interest.']), []);
    const declarations = extractDeclarations(fixtureLines('manchester-agenda-item.txt'));
    assert.equal(declarations.length, 1);
    assert.match(declarations[0]!, /Councillor Stone declared a personal interest/);
  });

  it('reads a numbered paragraph after the chair\'s reminder ("(2) Ms Meade declared …") as a declaration of its own', () => {
    // Kent County Council, 13 February 2025, Item 2.
    const lines = fixtureLines('kent-declarations.txt');
    assert.deepEqual(
      extractDeclarations(
        lines.slice(
          0,
          lines.findIndex((line) => line.startsWith('(3)')),
        ),
      ),
      ['Ms Meade declared an interest that she was a carer.'],
    );
    assert.deepEqual(
      extractDeclarations(['Further consideration would need to be given. 2) Cllr. A. Thomas again declared an interest in Agenda Item 9']),
      ['Cllr. A. Thomas again declared an interest in Agenda Item 9'],
    );
    assert.equal(declarant('Cllr. P. Harries declared an interest and left the room.'), 'Harries');
  });
});
