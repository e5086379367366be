import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { archiveWith, OFFICER } from '../support/archive.js';
import { describeViolations, launchChromium, listen, requireChromium, seriousViolations, type Listening } from '../support/browser.js';

/** Every page type, as a user reaches it; axe must find nothing serious or critical on any. Meetings and members are read from the archive of whole meetings. */
const PAGES: { name: string; path: string; archive?: 'meetings' }[] = [
  { name: 'the search page before searching', path: '/' },
  { name: 'a search with results', path: '/?q=exclusions' },
  { name: 'a search with filters', path: '/?q=early+help&council=Medway+Council&topic=early+help&from=2015-01-01' },
  { name: 'a search with no results', path: '/?q=zzzzqqqq&council=Medway+Council' },
  { name: 'a search with no results and a spelling suggestion', path: '/?q=exclsons&as_typed=1' },
  { name: 'a search shown with its words corrected', path: '/?q=exclsons' },
  { name: 'a second page of results', path: '/?sort=oldest&per_page=3&page=2' },
  { name: 'an item page', path: '/items/medway-2021-11-cyp-scrutiny-item-7' },
  { name: 'an item page with a table', path: '/items/manordeilo-2021-06-community-council-item-8' },
  { name: 'an exempt item page', path: '/items/kent-2024-09-leaders-committee-exempt-item-3' },
  { name: 'a page that does not exist (404)', path: '/items/no-such-item' },
  { name: 'a search it cannot run (400)', path: '/?per_page=1000' },
  { name: 'the sign-in page', path: '/sign-in' },
  { name: 'a search charted by council', path: '/?council=Medway+Council&council=Kent+County+Council' },
  { name: 'a council page', path: '/councils/Medway%20Council' },
  { name: 'a committee page', path: '/councils/Medway%20Council/committees/Cabinet' },
  { name: 'an officer page', path: '/officers/Ann%20James' },
  { name: 'a topic page', path: '/topics/early%20help' },
  { name: 'the list of councils and committees', path: '/councils' },
  { name: 'the list of topics', path: '/topics' },
  { name: 'the list of officers', path: '/officers' },
  { name: 'the API page', path: '/api' },
  { name: 'a meeting page', path: '/meetings/kent-county-council-cabinet-2025-01-30', archive: 'meetings' },
  { name: 'a member page', path: '/councils/Kent%20County%20Council/members/Mr%20P%20J%20Oakford', archive: 'meetings' },
  { name: 'the list of a council’s members', path: '/councils/Kent%20County%20Council/members', archive: 'meetings' },
];

describe('Accessibility in a browser (axe-core, WCAG 2.2 AA)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Listening;
  let meetings: Listening;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    requireChromium(this);
    const { app } = await archiveWith('content', {}, { spelling: true });
    server = await listen(app);
    meetings = await listen((await archiveWith('meetings')).app);
    browser = await launchChromium();
    // axe is injected as a script, which the app's CSP (script-src 'self') would refuse.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await meetings?.close();
  });

  async function assertNoSeriousViolations(path: string, archive = server): Promise<void> {
    await page.goto(`${archive.baseUrl}${path}`);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, `axe on ${path}:\n${describeViolations(violations)}`);
  }

  it('reports a page with serious problems (the check can fail)', async () => {
    await page.setContent('<html><body><img src="data:,"><a href="#"></a></body></html>');
    const found = (await seriousViolations(page)).map((violation) => violation.id).sort();
    assert.deepEqual(found, ['document-title', 'html-has-lang', 'image-alt', 'link-name']);
  });

  for (const width of [1280, 375]) {
    for (const { name, path, archive } of PAGES) {
      it(`finds nothing serious on ${name}, ${width} px wide`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await assertNoSeriousViolations(path, archive === 'meetings' ? meetings : server);
      });
    }
  }

  it('finds nothing serious on the sign-in page showing an error', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('#username', OFFICER.username);
    await page.fill('#password', 'not the password');
    await Promise.all([page.waitForEvent('load'), page.click('form[action="/sign-in"] button[type="submit"]')]);
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });
});
