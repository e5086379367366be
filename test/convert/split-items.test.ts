import assert from 'node:assert/strict';
import { cleanText } from '../../scripts/convert/clean-text.js';
import { splitItems } from '../../scripts/convert/split-items.js';
import { fixtureLines } from './support.js';

const headings = (lines: string[]) => splitItems(lines).items.map((item) => [item.number, item.title]);

describe('splitItems', () => {
  it('reads "84." on its own line with the title below, skipping Kent\'s "(Item 1)" and numbered paragraphs', () => {
    const split = splitItems(fixtureLines('kent-cabinet-opening.txt'));
    assert.deepEqual(split.items.map((item) => [item.number, item.title]), [
      ['84', 'Apologies'],
      ['85', 'Declarations of Interest'],
      ['86', 'Minutes of the Meeting held on 9th January 2025'],
      ['87', 'Cabinet Member Updates'],
    ]);
    assert.match(split.preamble.join(' '), /IN ATTENDANCE: Dr A Ghosh/);
    assert.deepEqual(split.items[0]!.lines, ['Apologies were received from Mrs C Bell.']);
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
    const lines = cleanText('1\\. **Apologies for absence.** Apologies had been received from Lorraine Hunt.\n\n2\\. **Declarations of interest.** No declarations were made.\n');
    assert.deepEqual(headings(lines), [
      ['1', 'Apologies for absence.'],
      ['2', 'Declarations of interest.'],
    ]);
    assert.deepEqual(splitItems(lines).items[1]!.lines, ['No declarations were made.']);
  });

  it('reads "Item 4:" headings with the title on the next line', () => {
    assert.deepEqual(headings(cleanText('**Item 1:**\n**Report on Review of Homeless Strategy**\nText.\n**Item 2:**\n**Any other business**\nNone.')), [
      ['1', 'Report on Review of Homeless Strategy'],
      ['2', 'Any other business'],
    ]);
  });

  it('keeps a ModernGov agenda-item page as one item, numbered from its paragraphs ("6.1 …")', () => {
    const split = splitItems(fixtureLines('london-borough-agenda-item.txt'));
    assert.equal(split.kind, 'agenda-item');
    assert.deepEqual(split.items.map((item) => [item.number, item.title]), [['6', 'Early Help']]);
  });
});
