import assert from 'node:assert/strict';
import { readLines, readText } from '../../server/convert/read-text.js';
import { whyNotMinutes } from '../../server/convert/signs-of-minutes.js';
import { fixtureLines } from './support.js';

describe('whyNotMinutes', () => {
  it('finds the signs of minutes in what councils publish, dated or not, in English or Welsh', () => {
    for (const name of [
      'kent-cabinet-opening.txt',
      'stoke-ferry-labels.txt',
      'london-borough-agenda-item.txt',
      'west-dereham-sub-items.txt',
    ])
      assert.equal(whyNotMinutes(readLines(fixtureLines(name))), undefined, name);
    // Manordeilo and Salem Community Council, 13 June 2018, the Welsh version: no date or label the converter reads, but numbered items.
    const welsh = readText(
      [
        'CYNGOR CYMUNED MANORDEILO A SALEM',
        'CYFARFOD 13eg MEHEFIN 2018',
        'PRESENNOL',
        'Cynghorwyr Alun Davies, Kim Davies, Gwenfyl Evans, Hubert Gwynne, Peter Harries ac Owen Williams.',
        '1. CROESO AC YMDDIHEURIADAU',
        'Cymerwyd y Gadair gan y Cynghorydd Alun Davies a chroesawodd bawb i’r cyfarfod.',
        '2. CADARNHAU COFNODION Y CYFARFOD DIWETHAF',
        'Cynigiwyd gan y Cyng. O. Williams, eiliwyd gan y Cyng. K. Davies ac roedd pawb yn gytûn.',
        '3. DATGANIADAU O DDIDDORDEB',
        'Fe wnaeth y Cyng. H. Gwynne ddatgan diddordeb yn Agenda Eitem 9, Cais Cynllunio E/37224.',
      ].join('\n'),
    );
    assert.equal(whyNotMinutes(welsh), undefined);
  });

  it('names a technical document (code, no meeting date or attendance) and a text with no sign of minutes', () => {
    const readme = readText(
      [
        '# Real published council material in its own formats',
        "What councils actually publish, for the converter's `.html`, `.xml`, `.pdf` and `.docx` paths and",
        'repository (`manifest.tsv`: `source` = `owner/repo:path@commit`; `council` is the name to pass',
        'with `--council`). Nothing here is the project’s own content.',
      ].join('\n'),
    );
    assert.match(whyNotMinutes(readme) ?? '', /^has code on 3 lines and no meeting date or attendance: a technical document, not minutes$/);
    // A letter to a parish magazine about the council's minutes (corpus 0435, Stoke Ferry).
    const letter = readText(
      [
        'Dear Ray',
        'I rarely write, but I must agree with the comments made last month by Peter Bodle regarding the donation to the children’s hospice.',
        'The minutes of the recent parish council meeting show that a sign for the bottle bank was purchased at a cost of £23.80.',
        'May I suggest an item for the agenda? That a note is placed on the information board, stating that the hospice requires donations.',
        'Regards',
        'Lee McCarthy',
      ].join('\n\n'),
    );
    assert.match(whyNotMinutes(letter) ?? '', /shows no sign of minutes/);
    assert.equal(whyNotMinutes(readLines(['', '  '])), 'holds no text');
  });

  it('keeps minutes that quote code-like text when they give a date or attendance', () => {
    const lines = [...fixtureLines('kent-cabinet-opening.txt'), 'See `item 4`', 'and `item 5`', 'and `item 6`'];
    assert.equal(whyNotMinutes(readLines(lines)), undefined);
  });
});
