import type { IngestReporter, IngestSummary } from './sync-index.js';

/** Progress on stdout, skipped files on stderr, so that scripts can separate them. */
export const consoleReporter: IngestReporter = {
  progress: (message) => console.log(`  ${message}`),
  skipped: ({ file, reason }) => console.error(`  skipped ${file}: ${reason}`),
};

export function printSummary(summary: IngestSummary): void {
  console.log(
    `Indexed ${summary.indexed} new or changed, ${summary.unchanged} unchanged, ${summary.deleted} removed, ` +
      `${summary.skipped.length} skipped (of ${summary.files} files).`,
  );
}
