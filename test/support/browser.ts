import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { CHROMIUM } from '../../server/bench/chromium.js';
import { PROJECT_ROOT } from '../../server/common/paths.js';

export { launchChromium } from '../../server/bench/chromium.js';

const AXE_SCRIPT = path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** WCAG 2.2 AA, as axe tags it. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Skips the calling suite when chromium is not installed, except under CI,
 * where a missing browser must fail the run rather than pass it silently.
 */
export function requireChromium(context: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests`);
  console.log(`    (browser tests skipped: ${CHROMIUM} is not installed; apt-get install chromium to run them)`);
  context.skip();
}

export interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the app on a free loopback port. */
export async function listen(app: Express): Promise<Listening> {
  const server = await new Promise<Server>((resolve, reject) => {
    const started = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(started)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

interface AxeRunner {
  run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }>;
}

/**
 * Runs axe-core on the page against WCAG 2.2 AA and returns the serious and critical violations.
 * The page's context must bypass CSP: the app allows no script but its own.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async (tags) => {
    // This runs in the page; the project's TypeScript has no DOM types, so it names what it uses.
    const { axe, document } = globalThis as unknown as { axe: AxeRunner; document: unknown };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  }, WCAG_TAGS);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One line per violation and element, for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
    .join('\n');
}
