import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import { markdownTable, svgChart } from './report.js';
import type { BenchResult } from './run.js';

/** Where `npm run bench` keeps its results (git-ignored). */
export const RESULTS_DIR = path.join(PROJECT_ROOT, 'results');

/**
 * Writes a run to `dir` as bench-N.json and bench-N.md (and its JSON to `copyTo` too), then
 * summary.md and summary.svg over every bench-*.json there; returns the summary's table.
 */
export async function saveResults(result: BenchResult, dir: string, copyTo?: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  await fs.writeFile(path.join(dir, `bench-${result.size}.json`), json);
  if (copyTo) await fs.writeFile(copyTo, json);
  await fs.writeFile(path.join(dir, `bench-${result.size}.md`), markdownTable([result]));

  const all: BenchResult[] = [];
  for (const name of (await fs.readdir(dir)).filter((file) => /^bench-\d+\.json$/.test(file))) {
    all.push(JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as BenchResult);
  }
  const table = markdownTable(all);
  await fs.writeFile(path.join(dir, 'summary.md'), table);
  await fs.writeFile(path.join(dir, 'summary.svg'), svgChart(all));
  return table;
}
