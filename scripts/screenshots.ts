import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../server/common/paths.js';
import { launchChromium } from '../server/bench/chromium.js';
import { startLocalArchive } from '../server/bench/local-archive.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run screenshots -- [--out docs/screenshots] [--corpus URL]

Starts the archive on the sample minutes (content/) on loopback with its own
data folder, walks the README's journeys in Debian's chromium (/usr/bin/chromium)
and saves a PNG of each step: search results with facets, an item page, a
misspelt search with no results, the list of councils, the search on a 375 px wide phone,
and (from a second archive over the dated test fixtures) the chart of matches per
year for two councils. With --corpus, the URL of a running archive over the
converted corpus (README, Measured relevance), also a search there.`;

/** A search on the real corpus: a researcher's question, narrowed to one council. */
const CORPUS_SEARCH = '/?q=domestic+violence+increase+during+Covid+lockdown&council=Limerick+City+and+County+Council+%28Ireland%29';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

/** Dated items from three councils: the samples are mostly undated, so they draw no chart. */
const THEME_CONTENT = path.join('test', 'fixtures', 'content');

async function save(page: Page, file: string, clip?: Locator): Promise<void> {
  // The viewport (or one part of the page) at one device pixel per CSS pixel: small files that still read well.
  const options = { path: file, scale: 'css', animations: 'disabled', caret: 'hide' } as const;
  await (clip ? clip.screenshot(options) : page.screenshot(options));
  const { size } = await fs.stat(file);
  console.log(`${path.relative(PROJECT_ROOT, file)} (${Math.round(size / 1024)} KB)`);
}

/** The journeys, as a user takes them; `themeBase` is an archive of dated items for the chart, `corpusBase` one of the corpus. */
async function takeScreenshots(base: string, themeBase: string, outDir: string, corpusBase?: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const desktop = await browser.newPage({ viewport: DESKTOP, locale: 'en-GB' });
    await desktop.goto(`${base}/`);
    await desktop.fill('#q', 'exclusions');
    await Promise.all([desktop.waitForURL('**/?q=exclusions'), desktop.press('#q', 'Enter')]);
    await save(desktop, path.join(outDir, 'search-results.png'));

    const medwayHit = desktop.locator('.archive-hit', { hasText: 'Medway Council' }).locator('.archive-hit__title a');
    await Promise.all([desktop.waitForEvent('load'), medwayHit.click()]);
    await save(desktop, path.join(outDir, 'item.png'));

    // The server reads the words it suggests just after it starts: ask until it offers one.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await desktop.goto(`${base}/?q=exclsons`);
      if ((await desktop.locator('.archive-empty__suggestion').count()) > 0) break;
      await desktop.waitForTimeout(200);
    }
    await save(desktop, path.join(outDir, 'empty-results.png'));

    await desktop.goto(`${base}/councils`);
    await save(desktop, path.join(outDir, 'browse-councils.png'));

    await desktop.goto(`${themeBase}/?council=Kent+County+Council&council=Medway+Council`);
    await save(desktop, path.join(outDir, 'theme-chart.png'), desktop.locator('.archive-chart').first());

    const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' });
    await phone.goto(`${base}/?q=early+help`);
    await save(phone, path.join(outDir, 'mobile-search.png'));

    if (corpusBase) {
      // Tall enough to show the first hits below the chart.
      await desktop.setViewportSize({ width: DESKTOP.width, height: 1500 });
      await desktop.goto(`${corpusBase}${CORPUS_SEARCH}`);
      await save(desktop, path.join(outDir, 'corpus-search.png'));
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' }, corpus: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outDir = path.resolve(PROJECT_ROOT, values.out);
  await fs.mkdir(outDir, { recursive: true });
  const [archive, themeArchive] = await Promise.all([startLocalArchive(), startLocalArchive({ CONTENT_DIR: THEME_CONTENT })]);
  try {
    await takeScreenshots(archive.url, themeArchive.url, outDir, values.corpus?.replace(/\/+$/, ''));
    return 0;
  } finally {
    await Promise.all([archive.stop(), themeArchive.stop()]);
  }
}

runCommand(main, 'Screenshots failed');
