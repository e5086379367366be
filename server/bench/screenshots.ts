import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../common/paths.js';
import { launchChromium } from './chromium.js';
import { startLocalArchive } from './local-archive.js';

/** A search on the real corpus: a researcher's question, narrowed to one council. */
const CORPUS_SEARCH = '/?q=domestic+violence+increase+during+Covid+lockdown&council=Limerick+City+and+County+Council+%28Ireland%29';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

/** Dated items from three councils: the samples are mostly undated, so they draw no chart. */
const THEME_CONTENT = path.join('test', 'fixtures', 'content');
/** Whole meetings of one council, with their lists of those present: for the meeting and member pages. */
const MEETINGS_CONTENT = path.join('test', 'fixtures', 'meetings');

async function save(page: Page, file: string, log: (line: string) => void, clip?: Locator): Promise<void> {
  // The viewport (or one part of the page) at one device pixel per CSS pixel: small files that still read well.
  const options = { path: file, scale: 'css', animations: 'disabled', caret: 'hide' } as const;
  await (clip ? clip.screenshot(options) : page.screenshot(options));
  const { size } = await fs.stat(file);
  log(`${path.relative(PROJECT_ROOT, file)} (${Math.round(size / 1024)} KB)`);
}

/**
 * The journeys, as a user takes them; `themeBase` is an archive of dated items for the chart,
 * `meetingsBase` one of whole meetings, `corpusBase` one of the corpus.
 */
async function walkJourneys(
  base: string,
  themeBase: string,
  meetingsBase: string,
  outDir: string,
  log: (line: string) => void,
  corpusBase?: string,
): Promise<void> {
  const browser = await launchChromium();
  try {
    const desktop = await browser.newPage({ viewport: DESKTOP, locale: 'en-GB' });
    await desktop.goto(`${base}/`);
    await desktop.fill('#q', 'exclusions');
    await Promise.all([desktop.waitForURL('**/?q=exclusions'), desktop.press('#q', 'Enter')]);
    await save(desktop, path.join(outDir, 'search-results.png'), log);

    const medwayHit = desktop.locator('.archive-hit', { hasText: 'Medway Council' }).locator('.archive-hit__title a');
    await Promise.all([desktop.waitForEvent('load'), medwayHit.click()]);
    await save(desktop, path.join(outDir, 'item.png'), log);

    // The server reads the words it suggests just after it starts: ask until it offers one.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await desktop.goto(`${base}/?q=exclsons&as_typed=1`);
      if ((await desktop.locator('.archive-empty__suggestion').count()) > 0) break;
      await desktop.waitForTimeout(200);
    }
    await save(desktop, path.join(outDir, 'empty-results.png'), log);

    await desktop.goto(`${base}/councils`);
    await save(desktop, path.join(outDir, 'browse-councils.png'), log);

    await desktop.goto(`${themeBase}/?council=Kent+County+Council&council=Medway+Council`);
    await save(desktop, path.join(outDir, 'theme-chart.png'), log, desktop.locator('.archive-chart').first());

    // Tall enough to show the items and the lists of those present side by side.
    await desktop.setViewportSize({ width: DESKTOP.width, height: 1400 });
    await desktop.goto(`${meetingsBase}/meetings/kent-county-council-cabinet-2025-01-30`);
    await save(desktop, path.join(outDir, 'meeting.png'), log);
    await Promise.all([desktop.waitForEvent('load'), desktop.locator('.archive-meeting__present a', { hasText: 'Oakford' }).click()]);
    await save(desktop, path.join(outDir, 'member.png'), log);
    await desktop.setViewportSize(DESKTOP);

    const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' });
    await phone.goto(`${base}/?q=early+help`);
    await save(phone, path.join(outDir, 'mobile-search.png'), log);

    if (corpusBase) {
      // Tall enough to show the first hits below the chart.
      await desktop.setViewportSize({ width: DESKTOP.width, height: 1500 });
      await desktop.goto(`${corpusBase}${CORPUS_SEARCH}`);
      await save(desktop, path.join(outDir, 'corpus-search.png'), log);
    }
  } finally {
    await browser.close();
  }
}

/** Where `npm run screenshots` saves, and the corpus archive it may also visit. */
export interface ScreenshotOptions {
  /** Folder for the PNGs, made if missing. */
  outDir: string;
  /** A running archive over the converted corpus, for one more search. */
  corpusUrl?: string;
  /** Receives each file saved, with its size. */
  log: (line: string) => void;
}

/**
 * Starts the archive on the sample minutes (content/), a second over the dated test fixtures and a
 * third over whole meetings,
 * walks the README's journeys in chromium and saves a PNG of each step.
 */
export async function takeScreenshots(options: ScreenshotOptions): Promise<void> {
  await fs.mkdir(options.outDir, { recursive: true });
  const [archive, themeArchive, meetingsArchive] = await Promise.all([
    startLocalArchive(),
    startLocalArchive({ CONTENT_DIR: THEME_CONTENT }),
    startLocalArchive({ CONTENT_DIR: MEETINGS_CONTENT }),
  ]);
  try {
    await walkJourneys(
      archive.url,
      themeArchive.url,
      meetingsArchive.url,
      options.outDir,
      options.log,
      options.corpusUrl?.replace(/\/+$/, ''),
    );
  } finally {
    await Promise.all([archive.stop(), themeArchive.stop(), meetingsArchive.stop()]);
  }
}
