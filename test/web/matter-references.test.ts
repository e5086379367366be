import assert from 'node:assert/strict';
import { findReferences, linkReferences } from '../../server/web/matter-references.js';

describe('findReferences', () => {
  it('reads meetings by date, minutes by number and year, decisions by number and items of the same meeting', () => {
    const text = [
      'The Minutes of the Meeting held on 9th January 2025 were agreed.',
      'Minutes of the meeting of the Council held on Monday, 12 May, 2015.',
      'As recorded at minute 45/19, the call-in of Decision - 24/00093 was considered; see item 7.',
    ].join('\n');
    assert.deepEqual(
      findReferences(text).map((reference) => [reference.key, reference.text]),
      [
        ['meeting:2025-01-09', 'Minutes of the Meeting held on 9th January 2025'],
        ['meeting:2015-05-12', 'Minutes of the meeting of the Council held on Monday, 12 May, 2015'],
        ['minute:45/2019', 'minute 45/19'],
        ['decision:24/00093', '24/00093'],
        ['item:7', 'see item 7'],
      ],
    );
  });

  it('reads no date that is not one, and no fraction or phone number as a decision', () => {
    assert.deepEqual(findReferences('minutes of the meeting held on 45 January 2025; 3/4 of 01622/694000; 2024/25'), []);
  });
});

describe('linkReferences', () => {
  const links = new Map([
    ['decision:24/00093', '/items/a'],
    ['item:7', '/items/b?x=1&y=2'],
  ]);

  it('links each resolved reference, escaping the text around it, and leaves the rest as it was', () => {
    const html = linkReferences('<p>Decision 24/00093 &amp; 24/00094 <b>bold</b>; see item 7 &lt;here&gt;</p>', links);
    assert.equal(
      html,
      '<p>Decision <a class="govuk-link archive-reference" href="/items/a">24/00093</a> &amp; 24/00094 <b>bold</b>; <a class="govuk-link archive-reference" href="/items/b?x=1&amp;y=2">see item 7</a> &lt;here&gt;</p>',
    );
  });

  it('leaves text already inside a link alone', () => {
    const html = '<p><a href="/x">24/00093</a></p>';
    assert.equal(linkReferences(html, links), html);
  });
});
