import assert from 'node:assert/strict';
import { pageText, type TextRun } from '../../server/convert/read-pdf.js';

const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 6, height: 12 });

describe('pageText', () => {
  it('makes a line of the runs on one baseline, a paragraph break of a wider gap, and a line of its own of a right-margin note', () => {
    const runs = [
      run('5. CORRESPONDENCE', 70, 700),
      run('i) HSBC Bank Statement dated 15/05/2018.', 70, 686),
      run('Noted', 470, 686),
      run('ii) C.C.C. re Scrutiny Committees.', 70, 672),
      run('Cllr. O. Williams', 450, 672.5),
      run('6. PLANNING', 70, 630),
      // Runs of one line may come in any order.
      run('observations.', 180, 616),
      run('No', 70, 616),
      run('further', 90, 616),
    ];
    assert.deepEqual(pageText(runs, 595).split('\n'), [
      '5. CORRESPONDENCE',
      'i) HSBC Bank Statement dated 15/05/2018.',
      'Noted',
      'ii) C.C.C. re Scrutiny Committees.',
      'Cllr. O. Williams',
      '',
      '6. PLANNING',
      'No further observations.',
    ]);
  });

  it('keeps text that runs on to the right of the page as the line’s own', () => {
    const runs = [
      run('Councillors agreed to meet the Highways officer on site', 70, 700),
      run('in October to look at the verges and drains', 410, 700),
    ];
    assert.equal(
      pageText(runs, 595),
      'Councillors agreed to meet the Highways officer on site in October to look at the verges and drains',
    );
  });
});
