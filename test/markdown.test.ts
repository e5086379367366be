import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { renderMinutesBody } from '../server/markdown.js';

describe('renderMinutesBody', () => {
  it('escapes raw HTML and refuses script links', () => {
    const html = renderMinutesBody('<script>alert(1)</script>\n\n[click](javascript:alert(1))');
    const $ = cheerio.load(html);
    assert.equal($('script').length, 0);
    assert.equal($('a[href^="javascript"]').length, 0);
    assert.match($.text(), /<script>alert\(1\)<\/script>/);
  });

  it('starts headings at h3 so the page keeps one h1', () => {
    const $ = cheerio.load(renderMinutesBody('# Minutes\n\n## Decision\n\nThe Committee noted the report.'));
    assert.deepEqual($('h1, h2, h3, h4').map((_, heading) => heading.tagName).get(), ['h3', 'h4']);
    assert.equal($('p').attr('class'), 'govuk-body');
  });
});
