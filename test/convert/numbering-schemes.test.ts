import assert from 'node:assert/strict';
import { cleanText } from '../../server/convert/clean-text.js';
import { isValueLine, splitItems } from '../../server/convert/split-items.js';
import { fixture } from './support.js';

const headings = (text: string) => splitItems(cleanText(text)).items.map((item) => [item.number, item.title]);

describe('splitItems: the numbering a document follows', () => {
  it('reads items numbered under one prefix throughout (Milburn PC: "15.09.1" … "15.09.05" …)', () => {
    const text = [
      'Milburn Parish Council - 8th September 2015',
      'Present',
      'Councillors D Richardson (Chair), S Linsley',
      '15.09.1 Apologies',
      'Councillors P Moran & R Healey',
      '15.09.2 Register of Interests',
      'No interests declared',
      '15.09.05 Village Hall Constitution',
      'Chairman Richardson welcomed Mr A Wood.',
      '15.09.6 Big Lottery Update',
      'The swing seats have been replaced.',
    ].join('\n');
    assert.deepEqual(headings(text), [
      ['15.09.1', 'Apologies'],
      ['15.09.2', 'Register of Interests'],
      ['15.09.05', 'Village Hall Constitution'],
      ['15.09.6', 'Big Lottery Update'],
    ]);
  });

  it('leaves third-level numbers to their item when the prefix heads an item of its own ("5.1 Reports" over "5.1.1")', () => {
    const text = [
      '4. Minutes',
      'Agreed.',
      '5. Reports',
      '5.1 Chairman’s Report',
      '5.1.1 Footpaths were cleared.',
      '5.1.2 Hedges are to be cut.',
      '5.1.3 Gates were mended.',
      '6. Finance',
      'Payments agreed.',
    ].join('\n');
    assert.deepEqual(
      headings(text).map(([number]) => number),
      ['4', '5', '5.1', '6'],
    );
  });

  it('takes titles numbered on their line as items where they continue the sequence of numbers alone (Limerick 1503)', () => {
    const text = [
      '11.',
      'Question submitted by Councillor F. Foley',
      'I will ask at the next meeting …',
      '12.',
      'Question submitted by Councillor F. Foley',
      'Reply: the works are planned.',
      '13. Question submitted by Councillor J. Scanlan',
      '1. The first point of the reply.',
      '2. The second point of the reply.',
      '14. Notice of Motion submitted by Councillor L. Galvin',
      'The motion was agreed.',
    ].join('\n');
    assert.deepEqual(
      headings(text).map(([number]) => number),
      ['11', '12', '13', '14'],
    );
  });

  it('reads sub-items lettered alone over a bold title as items "4(a)", and a letter run into its text as a paragraph', () => {
    const text = [
      '**4.**',
      '**Transportation & Travel / Environment**',
      '**(a)**',
      '**Part 8 Procedure – Construction of a Pedestrian Bridge**',
      'Circulated, Report of the Senior Executive Engineer.',
      '**(b)**',
      '**Team Limerick Clean Up Campaign**',
      '(a) At the meeting the officer gave a presentation.',
      '**5.**',
      '**Economic Development and Planning**',
      'The Administrative Officer made a presentation.',
      '**6.**',
      '**Fixing of Date**',
      'Agreed.',
    ].join('\n');
    assert.deepEqual(headings(text), [
      ['4', 'Transportation & Travel / Environment'],
      ['4(a)', 'Part 8 Procedure – Construction of a Pedestrian Bridge'],
      ['4(b)', 'Team Limerick Clean Up Campaign'],
      ['5', 'Economic Development and Planning'],
      ['6', 'Fixing of Date'],
    ]);
  });

  it('keeps an item numbered with a letter ("10A.") in the sequence', () => {
    const text = [
      '9. PLANNING',
      'No objections.',
      '10. PLAY AREA',
      'Inspected.',
      '10A. RISK ASSESSMENT',
      'Reviewed.',
      '11. ACCOUNTS',
      'Paid.',
    ].join('\n');
    assert.deepEqual(
      headings(text).map(([number]) => number),
      ['9', '10', '10A', '11'],
    );
  });

  it('reads short titles opening paragraphs where nothing is numbered, never a stamp such as "DRAFT" (Stoke Ferry 0462)', () => {
    assert.deepEqual(headings(fixture('stoke-ferry-unnumbered.txt')), [
      [undefined, 'Minutes of Last Meeting'],
      [undefined, 'Matters Arising'],
      [undefined, "Chairman's Report"],
      [undefined, 'Playing Field Report'],
      [undefined, 'Village Hall Committee Report'],
      [undefined, 'James Bradfield School'],
    ]);
  });
});

describe('isValueLine', () => {
  it('knows capital lines that are values, not headings', () => {
    for (const value of [
      'DRAFT',
      'NO OBJECTIONS',
      'SA19 7AW',
      'TOTAL £6,393.08',
      'CHAIRPERSON',
      'LIMERICK CITY AND COUNTY COUNCIL HELD IN THE',
      'CHAMBER,',
    ])
      assert.ok(isValueLine(value), value);
    for (const heading of ['CORRESPONDENCE', 'MATTERS ARISING', 'PLANNING APPLICATIONS', 'ANY OTHER BUSINESS'])
      assert.ok(!isValueLine(heading), heading);
  });
});
