import path from 'node:path';
import { EXEMPT_PART } from '../minutes/schema.js';
import { loadTopics } from './assign-topics.js';
import { convertSource, withIdsBySource } from './convert-document.js';
import type { Manifest } from './manifest.js';
import { findSources, readSource } from './read-source.js';
import { NotMinutes, type Source } from './source.js';
import type { ConversionWarning, SourceFacts } from './source-facts.js';
import { checkRendered, itemFilePath, renderItemFile, writeItem } from './write-items.js';

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

const COUNTED_FIELDS = [
  'meeting_date',
  'committee',
  'item',
  'officers',
  'councillors',
  'decisions',
  'actions',
  'declarations',
  'topics',
  'exempt_paragraph',
] as const;

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
export async function convertSources(options: {
  inputs: string[];
  outDir: string;
  manifest: Manifest;
  flags: SourceFacts;
  topicsFile: string;
}): Promise<ConversionSummary> {
  const vocabulary = await loadTopics(options.topicsFile);
  const summary: ConversionSummary = { filesRead: 0, filesSkipped: 0, itemsWritten: 0, exemptItems: 0, fields: {}, warnings: [] };
  /** Which source wrote each id, so that two sources never overwrite each other's items. */
  const owners = new Map<string, string>();
  for (const file of await findSources(options.inputs)) {
    const name = path.basename(file);
    const warn = (message: string) => summary.warnings.push({ file: name, message });
    let source: Source;
    try {
      source = await readSource(file);
    } catch (error) {
      warn(error instanceof NotMinutes ? `not converted: ${error.message}` : `could not be read: ${(error as Error).message}`);
      summary.filesSkipped++;
      continue;
    }
    summary.filesRead++;
    const facts = factsFor(file, options.manifest, options.flags);
    let converted = convertSource(source, name, facts, vocabulary);
    const taken = converted.items.find((item) => owners.has(item.frontMatter.id));
    if (taken) {
      warn(`${owners.get(taken.frontMatter.id)} holds the same meeting (${converted.meeting.id}); these ids add the source's name`);
      converted = withIdsBySource(converted, name);
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
      await writeItem(options.outDir, itemFilePath(item), rendered);
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

/** The summary's two closing lines: what was read and written, and which fields the items carry. */
export function formatSummary(summary: ConversionSummary): string {
  const fields = Object.entries(summary.fields)
    .map(([field, count]) => `${field} ${count}`)
    .join(', ');
  return [
    `Read ${summary.filesRead} files (${summary.filesSkipped} skipped), wrote ${summary.itemsWritten} items (${summary.exemptItems} exempt, Part 2), ${summary.warnings.length} warnings.`,
    `Items with: ${fields || 'nothing'}.`,
  ].join('\n');
}
