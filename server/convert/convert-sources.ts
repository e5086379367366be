import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXEMPT_PART } from '../minutes/schema.js';
import { DEFAULT_TOPICS_FILE, loadTopics } from './assign-topics.js';
import { convertDocument } from './convert-document.js';
import { parseManifest, type Manifest } from './manifest.js';
import { findSources, MAX_SOURCE_BYTES, readSource } from './read-source.js';
import type { ConversionWarning, SourceFacts } from './source-facts.js';
import { checkRendered, itemPath, renderItemFile, writeItem } from './write-items.js';

export const USAGE = `Usage: npm run convert -- <files or folders> --out DIR [options]

Converts minutes (.txt, .md, .html, .pdf) into one markdown file per agenda item,
under DIR/<council>/<committee>/<date>/<item>.md.
  --out DIR           folder to write the items to (required)
  --manifest FILE     TSV with columns file, council, committee, meeting_date, source
  --council NAME      council for sources the manifest does not list
  --committee NAME    committee, when the text does not name it
  --date YYYY-MM-DD   meeting date, when the text does not state it
  --source-url URL    the council's own copy (for a single source)
  --topics FILE       topics vocabulary (default server/convert/topics.yaml)
Sources over ${MAX_SOURCE_BYTES / 1024 / 1024} MB are skipped with a warning.
Exit codes: 0 converted, 1 failed, 2 converted with some sources skipped.`;

/** What a run did, for the summary line. */
export interface ConversionSummary {
  filesRead: number;
  filesSkipped: number;
  itemsWritten: number;
  /** Items written as Part 2, for the reader to check against the minutes. */
  exemptItems: number;
  /** How many items carry each field, to show what the converter found. */
  fields: Record<string, number>;
  warnings: ConversionWarning[];
}

const COUNTED_FIELDS = ['meeting_date', 'committee', 'item', 'officers', 'councillors', 'decisions', 'actions', 'declarations', 'topics', 'exempt_paragraph'] as const;

/** Facts for one source: its manifest row, with flags filling what the row leaves blank. */
function factsFor(file: string, manifest: Manifest, flags: SourceFacts): SourceFacts {
  const row = manifest.get(path.basename(file)) ?? {};
  return {
    council: row.council ?? flags.council,
    committee: row.committee ?? flags.committee,
    meetingDate: row.meetingDate ?? flags.meetingDate,
    sourceUrl: row.sourceUrl ?? flags.sourceUrl,
  };
}

/** Converts every source and writes its items; problems with one source never stop the others. */
export async function convertSources(options: { inputs: string[]; outDir: string; manifest: Manifest; flags: SourceFacts; topicsFile: string }): Promise<ConversionSummary> {
  const vocabulary = await loadTopics(options.topicsFile);
  const summary: ConversionSummary = { filesRead: 0, filesSkipped: 0, itemsWritten: 0, exemptItems: 0, fields: {}, warnings: [] };
  /** Which source wrote each id, so that two sources never overwrite each other's items. */
  const owners = new Map<string, string>();
  for (const file of await findSources(options.inputs)) {
    const name = path.basename(file);
    const warn = (message: string) => summary.warnings.push({ file: name, message });
    let text: string;
    try {
      text = await readSource(file);
    } catch (error) {
      warn(`could not be read: ${(error as Error).message}`);
      summary.filesSkipped++;
      continue;
    }
    summary.filesRead++;
    const facts = factsFor(file, options.manifest, options.flags);
    let converted = convertDocument(text, name, facts, vocabulary);
    const taken = converted.items.find((item) => owners.has(item.frontMatter.id));
    if (taken) {
      warn(`${owners.get(taken.frontMatter.id)} holds the same meeting (${converted.meeting.id}); these ids add the source's name`);
      converted = convertDocument(text, name, facts, vocabulary, { idBySource: true });
    }
    converted.warnings.forEach(warn);
    for (const item of converted.items) {
      const rendered = renderItemFile(item);
      const problem = checkRendered(rendered);
      if (problem) {
        warn(`item "${item.frontMatter.title}" is not valid and is not written: ${problem}`);
        continue;
      }
      owners.set(item.frontMatter.id, name);
      await writeItem(options.outDir, itemPath(item), rendered);
      summary.itemsWritten++;
      if (item.frontMatter.part === EXEMPT_PART) summary.exemptItems++;
      for (const field of COUNTED_FIELDS) {
        const value = item.frontMatter[field];
        if (value !== undefined && !(Array.isArray(value) && value.length === 0)) summary.fields[field] = (summary.fields[field] ?? 0) + 1;
      }
    }
  }
  return summary;
}

export function formatSummary(summary: ConversionSummary): string {
  const fields = Object.entries(summary.fields)
    .map(([field, count]) => `${field} ${count}`)
    .join(', ');
  return [
    `Read ${summary.filesRead} files (${summary.filesSkipped} skipped), wrote ${summary.itemsWritten} items (${summary.exemptItems} exempt, Part 2), ${summary.warnings.length} warnings.`,
    `Items with: ${fields || 'nothing'}.`,
  ].join('\n');
}

/** `npm run convert`: parses the command line, converts, prints warnings and the summary; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      manifest: { type: 'string' },
      council: { type: 'string' },
      committee: { type: 'string' },
      date: { type: 'string' },
      'source-url': { type: 'string' },
      topics: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0 || !values.out) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error(`--date must be YYYY-MM-DD, not "${values.date}"`);
  const manifest = values.manifest ? parseManifest(await fs.readFile(values.manifest, 'utf8')) : new Map();
  const summary = await convertSources({
    inputs: positionals,
    outDir: path.resolve(values.out),
    manifest,
    flags: { council: values.council, committee: values.committee, meetingDate: values.date, sourceUrl: values['source-url'] },
    topicsFile: values.topics ?? DEFAULT_TOPICS_FILE,
  });
  for (const warning of summary.warnings) console.warn(`${warning.file}: ${warning.message}`);
  console.log(formatSummary(summary));
  return summary.filesSkipped > 0 ? 2 : 0;
}
