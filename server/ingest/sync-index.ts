import type { MeiliSearch } from 'meilisearch';
import { indexExists, settingsMatch } from '../engine/indexes.js';
import { indexSettings } from '../index/index-settings.js';
import { countItems, readFingerprints } from './fingerprints.js';
import { findMarkdownFiles } from './read-content.js';
import { rebuildIndex } from './rebuild.js';
import { silentReporter, type FileWarning, type IngestReporter, type SkippedFile } from './reporter.js';
import { updateIndex } from './update.js';
import { loadPeopleRules, type PeopleRules } from '../index/people-rules.js';
import { peopleOutdated, resolveIndexPeople, UpdatePeople } from './resolve-people.js';

export { silentReporter, type FileWarning, type IngestReporter, type SkippedFile };

export interface IngestOptions {
  client: MeiliSearch;
  indexUid: string;
  contentDir: string;
  /** Rebuild the whole index (in a fresh index swapped in at the end), not only what changed. */
  full?: boolean;
  /** The operator's file of people to merge or keep apart (default: the archive's own, people-rules.ts). */
  peopleFile?: string;
}

export interface IngestSummary {
  /** Markdown files found. */
  files: number;
  /** Agenda items sent to the engine (new or changed; all of them in a rebuild). */
  indexed: number;
  unchanged: number;
  /** Agenda items removed because their files are gone. */
  deleted: number;
  skipped: SkippedFile[];
  /** About the files read this time (new or changed ones; all of them in a rebuild). */
  warnings: FileWarning[];
  /** Items of those files made Part 2 by a sign of exemption in front matter that gave no part. */
  madeExempt: number;
  /** Whether the index was rebuilt and swapped in, rather than updated in place. */
  rebuilt: boolean;
  /** Items whose people (members, officers) were resolved anew. */
  peopleUpdated: number;
}

/**
 * Brings the index in line with the content folder. By default only new and
 * changed files are sent and deleted files removed; a first run, a change of
 * index settings or `full` rebuilds the index under a temporary name and swaps
 * it in, so searches see the old index, complete, until the new one is ready.
 * A file that cannot be read or validated is skipped, and what was indexed
 * from it stays. An update reads and parses files while the engine indexes
 * what was sent before; a rebuild parses everything first (in worker threads),
 * spooling the documents to a temporary file, then queues them all at once.
 */
export async function syncIndex(options: IngestOptions, reporter: IngestReporter = silentReporter): Promise<IngestSummary> {
  const { client, indexUid, contentDir } = options;
  // Read first: a rule that cannot be read stops the ingest before anything is sent.
  const rules: PeopleRules = loadPeopleRules(options.peopleFile);
  const found = await findMarkdownFiles(contentDir);
  reporter.progress(`Found ${found.files.length} markdown files in ${contentDir}`);

  const liveExists = await indexExists(client, indexUid);
  const [indexed, settings] = liveExists
    ? await Promise.all([readFingerprints(client, indexUid), client.index(indexUid).getSettings()])
    : [[], undefined];
  const rebuilt = options.full === true || !liveExists || !settingsMatch(indexSettings(), settings);

  let peopleUpdated: number;
  let result: Awaited<ReturnType<typeof updateIndex>>;
  if (rebuilt) {
    const rebuild = await rebuildIndex(client, indexUid, contentDir, found, liveExists ? indexed : undefined, reporter, rules);
    peopleUpdated = rebuild.resolved;
    result = rebuild;
  } else if (await peopleOutdated(client, indexUid, rules)) {
    // Other rules, or documents left unresolved: every council is resolved again.
    result = await updateIndex(client, indexUid, contentDir, found, indexed, reporter);
    peopleUpdated = (await resolveIndexPeople(client, indexUid, rules, reporter)).updated;
  } else {
    // People are resolved across a council's minutes: again in each council where what resolution reads changed.
    const people = new UpdatePeople(client, indexUid, rules);
    result = await updateIndex(client, indexUid, contentDir, found, indexed, reporter, people);
    peopleUpdated = await people.resolveMarked(reporter);
  }
  const { content, stale } = result;
  return {
    files: content.files,
    skipped: content.skipped,
    warnings: content.warnings,
    madeExempt: content.madeExempt,
    deleted: countItems(stale),
    // A rebuild sends every item it keeps, so it has none unchanged.
    indexed: content.sent,
    unchanged: content.items - content.sent,
    rebuilt,
    peopleUpdated,
  };
}
