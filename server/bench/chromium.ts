import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium): nothing here ever downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, runnable as root, and quiet on a closed network (no update, sync or background checks). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless chromium; playwright gives each launch a fresh, temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
