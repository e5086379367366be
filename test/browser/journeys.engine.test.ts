import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { archiveWith, OFFICER } from '../support/archive.js';
import { launchChromium, listen, requireChromium, type Listening } from '../support/browser.js';

const ITEM = '/items/medway-2021-11-cyp-scrutiny-item-7';

/** What page functions use: they run in the browser, and the project's TypeScript has no DOM types. */
interface InPage {
  innerWidth: number;
  document: { documentElement: { scrollWidth: number }; activeElement: { id: string } | null };
  navigator: { clipboard: { readText(): Promise<string> } };
}

/** Marks a test pending, saying what it waits for, when the page does not have it yet. */
function pendingUntil(context: Mocha.Context, what: string): never {
  console.log(`      (pending until ${what})`);
  context.skip();
}

function facetValue(page: Page, facet: string, label: string): Locator {
  return page.locator(`[data-facet="${facet}"] a`).filter({ has: page.locator('.archive-facet__label', { hasText: label }) });
}

async function followLink(page: Page, link: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

describe('Journeys in a browser (chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: Listening;

  before(async function () {
    requireChromium(this);
    const { app } = await archiveWith('content', {}, { spelling: true });
    server = await listen(app);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('with JavaScript, on a wide screen', () => {
    let context: BrowserContext;
    let page: Page;
    const refused: string[] = [];

    before(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      page = await context.newPage();
      // The CSP refuses anything inline: the pages must not need it.
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
    });

    after(async () => {
      await context?.close();
    });

    it('finds items by typing a query and pressing Enter', async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.fill('#q', 'exclusions');
      await Promise.all([page.waitForURL('**/?q=exclusions'), page.press('#q', 'Enter')]);
      assert.equal(await page.locator('.archive-hit').count(), 2);
      assert.match(await page.locator('.archive-results__count').innerText(), /2 items matching exclusions/);
    });

    it('recovers from a misspelt search: shown the corrected results, and the words as typed a link away', async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.fill('#q', 'exclsons');
      await Promise.all([page.waitForURL('**/?q=exclsons'), page.press('#q', 'Enter')]);
      assert.match(
        await page.locator('.archive-results__correction').innerText(),
        /Showing results for exclusions; search instead for exclsons/,
      );
      assert.match(await page.locator('.archive-results__count').innerText(), /2 items matching exclusions/);
      await followLink(page, page.locator('.archive-results__correction a'));
      assert.match(await page.locator('.archive-empty').innerText(), /No agenda items match your search\s+Did you mean exclusions\?/);
      await followLink(page, page.locator('.archive-empty__suggestion a'));
      assert.match(await page.locator('.archive-results__count').innerText(), /2 items matching exclusions/);
    });

    it('narrows the results by ticking a facet value and widens them by unticking it', async () => {
      await page.goto(`${server.baseUrl}/?q=exclusions`);
      await followLink(page, facetValue(page, 'council', 'Medway Council'));
      assert.equal(new URL(page.url()).searchParams.get('council'), 'Medway Council');
      assert.equal(await page.locator('.archive-hit').count(), 1);
      const ticked = facetValue(page, 'council', 'Medway Council');
      assert.equal(await ticked.getAttribute('aria-current'), 'true');
      assert.match(await page.locator('.archive-filters__fold summary').innerText(), /1 selected/);

      await followLink(page, ticked);
      assert.equal(new URL(page.url()).searchParams.has('council'), false);
      assert.equal(await page.locator('.archive-hit').count(), 2);
    });

    it('sorts with the select and its button, keeping the filters', async () => {
      await page.goto(`${server.baseUrl}/?topic=early+help`);
      await page.selectOption('#sort', 'newest');
      assert.equal(new URL(page.url()).searchParams.has('sort'), false, 'choosing an option does not by itself leave the page');
      await followLink(page, page.locator('.archive-sort button[type="submit"]'));
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('sort'), 'newest');
      assert.equal(params.get('topic'), 'early help');
      const years = (await page.locator('.archive-hit__meta').allInnerTexts()).flatMap((meta) => /\b(\d{4})\b/.exec(meta)?.[1] ?? []);
      assert.ok(years.length >= 2);
      assert.deepEqual(years, [...years].sort().reverse());
    });

    it('follows a hit straight to the paragraph that matched', async function () {
      await page.goto(`${server.baseUrl}/?q=exclusions&council=Medway+Council`);
      const toParagraph = page.locator('.archive-hit a[href*="#p-"]').first();
      if ((await toParagraph.count()) === 0) pendingUntil(this, 'hits link to numbered-paragraph anchors (#p-…)');
      await followLink(page, toParagraph);
      const url = new URL(page.url());
      assert.equal(url.pathname, ITEM);
      assert.match(url.hash, /^#p-\d+(-\d+)*$/);
      const paragraph = page.locator(url.hash);
      assert.match(await paragraph.innerText(), /exclusions/i);
      const box = await paragraph.boundingBox();
      assert.ok(box && box.y >= 0 && box.y < page.viewportSize()!.height, 'the browser scrolled to the paragraph');
    });

    it('copies the citation with the copy button', async function () {
      await page.goto(`${server.baseUrl}${ITEM}`);
      if ((await page.locator('.archive-citation #citation-text').count()) === 0) pendingUntil(this, 'item pages have a citation block');
      const button = page.locator('.archive-citation button[data-copy-target="citation-text"]');
      assert.ok(await button.isVisible(), 'the script shows the button');
      await button.click();
      const status = page.locator('.archive-citation [role="status"]');
      await status.filter({ hasText: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => (globalThis as unknown as InPage).navigator.clipboard.readText());
      assert.equal(copied, (await page.locator('#citation-text').innerText()).trim());
      assert.match(copied, /Medway Council/);
    });

    it('lets a keyboard user skip to the content and always see where the focus is', async () => {
      await page.goto(`${server.baseUrl}/?q=exclusions`);
      await page.keyboard.press('Tab');
      const skipLink = page.locator('.govuk-skip-link');
      assert.ok(await skipLink.evaluate((link) => link === link.ownerDocument.activeElement));
      assert.ok(await skipLink.isVisible(), 'the skip link shows when focused');
      await page.keyboard.press('Enter');
      assert.equal(new URL(page.url()).hash, '#main-content');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id), 'q');
      // GOV.UK's focus state: yellow, whatever the element.
      const focusColour = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => {
            (element as unknown as { focus(): void }).focus();
            const style = element.ownerDocument.defaultView!.getComputedStyle(element);
            return [style.backgroundColor, style.outlineColor, style.boxShadow].join(' ');
          });
      for (const selector of ['#q', '[data-facet="council"] a', '.archive-hit__title a', '#sort', '.archive-sort button']) {
        assert.match(await focusColour(selector), /rgb\(255, 221, 0\)/, `${selector} shows focus`);
      }
    });

    it('breaks no Content-Security-Policy rule on the way', () => {
      assert.deepEqual(refused, []);
    });
  });

  it('signs an officer in with the form, and out again', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/items/kent-2024-09-leaders-committee-exempt-item-3`);
      assert.equal(await page.locator('.archive-item__body').count(), 0, 'an exempt item shows no text to the public');
      await followLink(page, page.locator('.archive-header__link', { hasText: 'Officer sign in' }));
      await page.fill('#username', OFFICER.username);
      await page.fill('#password', OFFICER.password);
      await followLink(page, page.locator('form[action="/sign-in"] button[type="submit"]'));
      assert.match(await page.locator('.archive-header__account').innerText(), new RegExp(`Signed in as ${OFFICER.username}`));
      await page.goto(`${server.baseUrl}/items/kent-2024-09-leaders-committee-exempt-item-3`);
      assert.match(await page.locator('.archive-item__body').innerText(), /zanzibarproperty/);
      await followLink(page, page.locator('.archive-header__sign-out button'));
      assert.match(await page.locator('.archive-header__account').innerText(), /Officer sign in/);
    } finally {
      await context.close();
    }
  });

  describe('without JavaScript', () => {
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });

    after(async () => {
      await context?.close();
    });

    it('searches, filters and sorts with plain forms and links', async () => {
      await page.goto(`${server.baseUrl}/`);
      await page.fill('#q', 'early help');
      await followLink(page, page.locator('.archive-search button[type="submit"]'));
      assert.equal(new URL(page.url()).searchParams.get('q'), 'early help');
      await followLink(page, facetValue(page, 'council', 'Medway Council'));
      await page.selectOption('#sort', 'oldest');
      await followLink(page, page.locator('.archive-sort button[type="submit"]'));
      const params = new URL(page.url()).searchParams;
      assert.deepEqual([params.get('q'), params.get('council'), params.get('sort')], ['early help', 'Medway Council', 'oldest']);
      assert.ok((await page.locator('.archive-hit').count()) >= 1);
    });

    it('shows the filters open and no copy button that could not work', async () => {
      await page.goto(`${server.baseUrl}/?q=exclusions`);
      assert.ok(await page.locator('[data-facet="council"]').isVisible());
      await page.goto(`${server.baseUrl}${ITEM}`);
      assert.equal(await page.locator('button[data-copy-target]').filter({ visible: true }).count(), 0);
    });
  });

  describe('at 375 px wide', () => {
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
      page = await context.newPage();
    });

    after(async () => {
      await context?.close();
    });

    async function scrollsSideways(): Promise<boolean> {
      return page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as InPage;
        return document.documentElement.scrollWidth > innerWidth;
      });
    }

    it('puts results before folded filters, which open with a tap', async () => {
      await page.goto(`${server.baseUrl}/?q=early+help`);
      assert.equal(await scrollsSideways(), false);
      assert.equal(await page.locator('[data-facet="council"]').isVisible(), false, 'the filters start folded');
      const summary = page.locator('.archive-filters__fold summary');
      const hit = page.locator('.archive-hit').first();
      assert.ok((await summary.boundingBox())!.y < (await hit.boundingBox())!.y);
      await summary.tap();
      await followLink(page, facetValue(page, 'council', 'Medway Council'));
      assert.equal(new URL(page.url()).searchParams.get('council'), 'Medway Council');
    });

    it('fits an item page to the screen', async () => {
      await page.goto(`${server.baseUrl}${ITEM}`);
      assert.equal(await scrollsSideways(), false);
    });
  });

  describe('through meetings and members', () => {
    let meetings: Listening;
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      meetings = await listen((await archiveWith('meetings')).app);
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
    });

    after(async () => {
      await context?.close();
      await meetings?.close();
    });

    it('walks from a hit to its item, its meeting, a member present and another meeting they attended', async () => {
      await page.goto(`${meetings.baseUrl}/?q=budget`);
      await followLink(page, page.locator('.archive-hit__title a').first());
      assert.match(new URL(page.url()).pathname, /^\/items\//);
      assert.match(await page.locator('.archive-item__in-meeting').innerText(), /^Item \d+ of \d+ of this meeting/);

      await followLink(page, page.locator('.archive-item__in-meeting a'));
      const firstMeeting = new URL(page.url()).pathname;
      assert.match(firstMeeting, /^\/meetings\//);
      const meetingHeading = await page.locator('h1').innerText();

      await followLink(page, page.locator('.archive-meeting__present a', { hasText: 'Gough' }));
      assert.match(await page.locator('h1').innerText(), /Gough/);
      await followLink(page, page.locator(`.archive-member__attended a:not([href="${firstMeeting}"])`).first());
      assert.match(new URL(page.url()).pathname, /^\/meetings\//);
      assert.notEqual(new URL(page.url()).pathname, firstMeeting);
      assert.notEqual(await page.locator('h1').innerText(), meetingHeading);
      assert.equal(await page.locator('.archive-meeting__present a', { hasText: 'Gough' }).count(), 1, 'he was present here too');
    });
  });
});
