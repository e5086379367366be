import assert from 'node:assert/strict';
import { cleanText } from '../../server/convert/clean-text.js';
import { splitItems } from '../../server/convert/split-items.js';
import { fixtureLines } from './support.js';

const headings = (lines: string[]) => splitItems(lines).items.map((item) => [item.number, item.title]);

describe('splitItems', () => {
  it('reads "84." on its own line with the title below, skipping Kent\'s "(Item 1)" and numbered paragraphs', () => {
    const split = splitItems(fixtureLines('kent-cabinet-opening.txt'));
    assert.deepEqual(
      split.items.map((item) => [item.number, item.title]),
      [
        ['84', 'Apologies'],
        ['85', 'Declarations of Interest'],
        ['86', 'Minutes of the Meeting held on 9th January 2025'],
        ['87', 'Cabinet Member Updates'],
      ],
    );
    assert.match(split.preamble.join(' '), /IN ATTENDANCE: Dr A Ghosh/);
    assert.deepEqual(split.items[0]!.lines, ['Apologies were received from Mrs C Bell.']);
  });

  it('gives a minute number printed above the end of the previous item ("303." then "RESOLVED …") to the next title above "(Item N)"', () => {
    const split = splitItems(fixtureLines('kent-displaced-minute-numbers.txt'));
    assert.deepEqual(
      split.items.map((item) => [item.number, item.title]),
      [
        ['302', 'Devolution and Local Government Reorganisation Update'],
        ['303', 'Treasury Management - Mid-Year Update 2024-25'],
        ['304', 'Joint Health Overview & Scrutiny Committee - Terms of Reference update'],
        ['307', 'Pay Policy Statement 2025/26'],
      ],
    );
    // The resolution printed under "303." is the end of item 302.
    assert.match(split.items[0]!.lines.join(' '), /RESOLVED that Council notes the update on devolution/);
  });

  it('reads numbered capital headings and ignores a house number in an address ("11 Caledfwlch")', () => {
    assert.deepEqual(headings(fixtureLines('manordeilo-opening.txt')).slice(0, 4), [
      ['1', 'WELCOME AND APOLOGIES'],
      ['2', 'TO CONFIRM THE MINUTES OF THE LAST MEETING'],
      ['3', 'DECLARATIONS OF INTEREST'],
      ['4', 'MATTER ARISING'],
    ]);
  });

  it('reads parish minute references ("204/19 …"), keeping a number used twice', () => {
    const found = headings(fixtureLines('stoke-ferry-minute-refs.txt'));
    assert.deepEqual(found.map(([number]) => number).slice(0, 4), ['204/19', '205/19', '206/19', '206/19']);
    assert.match(String(found[2]![1]), /^Apologies for Absence/);
  });

  it('reads "1\\. Present:" markdown escapes and bold headings run into their text', () => {
    const lines = cleanText(
      '1\\. **Apologies for absence.** Apologies had been received from Lorraine Hunt.\n\n2\\. **Declarations of interest.** No declarations were made.\n',
    );
    assert.deepEqual(headings(lines), [
      ['1', 'Apologies for absence.'],
      ['2', 'Declarations of interest.'],
    ]);
    assert.deepEqual(splitItems(lines).items[1]!.lines, ['No declarations were made.']);
  });

  it('reads "Item 4:" headings with the title on the next line', () => {
    assert.deepEqual(
      headings(cleanText('**Item 1:**\n**Report on Review of Homeless Strategy**\nText.\n**Item 2:**\n**Any other business**\nNone.')),
      [
        ['1', 'Report on Review of Homeless Strategy'],
        ['2', 'Any other business'],
      ],
    );
  });

  it('reads the title above "(Item 4)" when the minutes number items only that way', () => {
    const split = splitItems(fixtureLines('kent-panel-agenda-references.txt'));
    assert.deepEqual(
      split.items.map((item) => [item.number, item.title]),
      [
        ['1', 'Apologies and Substitutes'],
        ['2', 'Chairman’s Announcements'],
        ['3', 'Minutes of the meeting held on 29 October 2024'],
        ['4', 'Participation Team Update'],
      ],
    );
    assert.match(split.items[2]!.lines.join(' '), /^RESOLVED that the minutes/);
    assert.match(split.preamble.join(' '), /IN ATTENDANCE: Kevin Kasaven/);
  });

  it('cuts the Cleveland City Record into its standing sections and the resolutions in them, not its contents list', () => {
    assert.deepEqual(headings(fixtureLines('cleveland-city-record.txt')), [
      [undefined, 'OFFICIAL PROCEEDINGS'],
      [undefined, 'THE CALENDAR'],
      [undefined, 'BOARD OF CONTROL'],
      ['930-95', 'Resolution No. 930-95. By Director Hyer.'],
      ['931-95', 'Resolution No. 931-95. By Director Hyer.'],
      [undefined, 'CIVIL SERVICE NOTICES'],
      [undefined, 'REPORT OF THE BOARD OF BUILDING STANDARDS AND BUILDING APPEALS'],
      [undefined, 'PUBLIC NOTICE'],
      [undefined, 'NOTICE OF PUBLIC HEARING'],
    ]);
  });

  it('takes numbered sentences ("6.1 Payment … was agreed") and bare list entries ("7.2 Norfolk RCC AGM") for paragraphs, not sub-items', () => {
    const lines = cleanText(
      "5\\. Reports:\n\n5.1 Chairman's Report:\nThe Chairman reported.\n\n6\\. Accounts/financial position update:\n\n6.1 Payment of accounts was agreed in accordance with the budget.\n\n" +
        fixtureLines('west-dereham-sub-items.txt').join('\n'),
    );
    const numbers = headings(lines).map(([number]) => number);
    assert.deepEqual(numbers.slice(0, 4), ['5', '5.1', '6', '7']);
    assert.ok(!numbers.includes('6.1') && !numbers.includes('7.2') && !numbers.includes('7.8'));
    assert.equal(numbers.at(-1), '8');
  });

  it('splits sub-items run into their item\'s line ("6\\. Finance. 6.1 Accounts. …")', () => {
    const lines = cleanText(
      '6\\. Finance. 6.1 Accounts. Accounts for approval were submitted by the Clerk.\n\n7\\. Planning. Applications. None\n',
    );
    assert.deepEqual(headings(lines), [
      ['6', 'Finance.'],
      ['6.1', 'Accounts. Accounts for approval were submitted by the Clerk.'],
      ['7', 'Planning. Applications. None'],
    ]);
  });

  it('reads capital headings, run into the text or not, over lists numbered afresh under each', () => {
    assert.deepEqual(headings(fixtureLines('stoke-ferry-capitals.txt')), [
      [undefined, 'APOLOGIES'],
      [undefined, 'MINUTES'],
      [undefined, 'MATTERS ARISING'],
      [undefined, 'PLANNING'],
      [undefined, 'PAYMENTS'],
      [undefined, 'CORRESPONDENCE'],
    ]);
  });

  it('reads "Label: text" paragraphs when nothing is numbered, leaving out the attendance', () => {
    assert.deepEqual(splitItems(fixtureLines('stoke-ferry-labels.txt')).items[0]!.lines, ['Cllr R Bivon and PCSO Sara Wilson']);
    assert.deepEqual(
      headings(fixtureLines('stoke-ferry-labels.txt')).map(([, title]) => title),
      ['Apologies', 'Minutes of the last Meeting', 'Matters Arising', 'Village Emergency Plan', 'The Queen’s Diamond Jubilee 2012'],
    );
  });

  it('takes no mover, seconder, signature or "Also in attendance:" for a label heading', () => {
    // Limerick, Joint Policing Sub Committee of Cappamore-Kilmallock, 21 September 2023: bold issues, the rest unnumbered.
    const lines = cleanText(
      [
        'Apologies: M Ryan',
        'Also in attendance: Superintendents Paul Reidy and Ollie Kennedy, Inspector Gary Thompson',
        '1. Adoption of Minutes',
        '**Proposed by: Councillor Carey**',
        '**Seconded by: Councillor Mitchell**',
        '**Anti social Behaviour**',
        'In relation to the antisocial behaviour in Kilmallock involving the taking and burning of cars,',
        '**Speed**',
        'Speed in Bruff, Bruree, Kilmallock and Elton was highlighted by the Elected Members. The',
        '**New Rosters**',
        'The new system for rosters for the Gardai was outlined. It will start to be implemented from',
        'Signed: ________________',
      ].join('\n\n'),
    );
    assert.deepEqual(
      headings(lines).map(([, title]) => title),
      ['Anti social Behaviour', 'Speed', 'New Rosters'],
    );
  });

  it("keeps a record of one decision as one item, titled from its form, not split on its options' numbers", () => {
    // Kent County Council, Record of Decision 24/00093 (PDF text layer, cut).
    const lines = cleanText(
      [
        'KENT COUNTY COUNCIL – RECORD OF DECISION',
        'DECISION TO BE TAKEN BY:',
        'DECISION NUMBER:',
        'Mrs Sue Chandler, Cabinet Member for Integrated Children’s',
        '24/00093',
        'Subject Matter / Title of Decision',
        'Commissioned Family Hub Contracts',
        'Decision:',
        'As Cabinet Member for Integrated Children’s Services I agree to:',
        'Option Discounted because',
        '1 Not discounted – this is the decision proposal.',
        '2 Would not achieve the full MTFP saving agreed by Council.',
        '3 Would not achieve the full MTFP saving agreed by Council within the financial year.',
      ].join('\n'),
    );
    const split = splitItems(lines);
    assert.equal(split.kind, 'agenda-item');
    assert.deepEqual(
      split.items.map((item) => [item.number, item.title]),
      [[undefined, 'Commissioned Family Hub Contracts']],
    );
    assert.ok(split.items[0]!.lines.includes('24/00093'), "the form's fields stay with the decision");
  });

  it('keeps a ModernGov agenda-item page as one item, numbered from its paragraphs ("6.1 …")', () => {
    const split = splitItems(fixtureLines('london-borough-agenda-item.txt'));
    assert.equal(split.kind, 'agenda-item');
    assert.deepEqual(
      split.items.map((item) => [item.number, item.title]),
      [['6', 'Early Help']],
    );
  });
  it('reads Limerick\'s bold "**7.Title**" and numbers alone ("10." above the title) as items of one meeting, in printed order', () => {
    assert.deepEqual(headings(fixtureLines('limerick-numbers-mixed.txt')), [
      ['7', 'Question submitted by Councillor Conor Sheehan'],
      ['10', 'Question submitted by Maurice Quinlivan, T.D.'],
      ['11', 'Question submitted by Councillor John Costelloe'],
      ['8', 'Question submitted by Councillor Conor Sheehan'],
      ['9', 'Question submitted by Maurice Quinlivan, T.D.'],
    ]);
  });

  it('reads a number alone above its title ("1." then "Adoption of Minutes") among numbered titles ("2. Policing Issues …")', () => {
    assert.deepEqual(headings(fixtureLines('limerick-number-alone-and-numbered.txt')), [
      ['1', 'Adoption of Minutes'],
      ['2', 'Policing Issues in the District'],
    ]);
  });

  it('does not take a numbered line ("12. Question …") for the title of a table figure above it ("237")', () => {
    assert.deepEqual(
      headings(fixtureLines('limerick-table-total-above-number.txt')).map(([number]) => number),
      ['10', '11', '12', '13'],
    );
  });

  it('does not take a table\'s row numbers printed alone ("01" above "Old Christians Site") for minute numbers', () => {
    assert.deepEqual(headings(fixtureLines('limerick-table-row-numbers.txt')), [
      ['4', 'Update on Part VIII planning applications'],
      ['5', 'Notice of Motion'],
    ]);
  });

  it('reads the closing business after the last item ("7.Any other Business" after 15, "Next Meeting") and the bold matters under it', () => {
    assert.deepEqual(headings(fixtureLines('limerick-any-other-business.txt')), [
      ['14', 'Question submitted by Councillor Donegan'],
      ['15', 'Question submitted by Councillor Carey'],
      ['7', 'Any other Business'],
      [undefined, 'Expressions of Sympathy'],
      [undefined, 'Hidden Heartlands'],
      [undefined, 'Next Meeting'],
    ]);
  });

  it('reads "Open Forum." and "Closure." run into their text after the numbered agenda', () => {
    const split = splitItems(fixtureLines('west-dereham-closing-business.txt'));
    assert.deepEqual(
      split.items.slice(-2).map((item) => [item.number, item.title]),
      [
        [undefined, 'Open Forum'],
        [undefined, 'Closure'],
      ],
    );
    assert.match(split.items.at(-1)!.lines[0]!, /^The Chairman thanked everyone/);
  });

  it('reads short bold lines above plain text ("**Scrambler Bikes**") as unnumbered items when nothing else heads them', () => {
    assert.deepEqual(
      headings(fixtureLines('limerick-bold-issues.txt')).map(([, title]) => title),
      ['Scrambler Bikes', 'Visibility of Garda Patrols', 'Youths & Anti-Social Behaviour', 'Garda Resources', 'New Garda Station'],
    );
  });
});
