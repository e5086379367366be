import type { IngestReporter, IngestSummary } from './sync-index.js';

/** Progress on stdout, skipped files and warnings on stderr, so that scripts can separate them. */
export const consoleReporter: IngestReporter = {
  progress: (message) => console.log(`  ${message}`),
  skipped: ({ file, reason }) => console.error(`  skipped ${file}: ${reason}`),
  warned: ({ file, message }) => console.error(`  warning ${file}: ${message}`),
};

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function printSummary(summary: IngestSummary): void {
  console.log(
    `Indexed ${summary.indexed} new or changed, ${summary.unchanged} unchanged, ${summary.deleted} removed, ` +
      `${summary.skipped.length} skipped (of ${summary.files} files).`,
  );
  if (summary.peopleUpdated > 0) console.log(`People resolved anew on ${counted(summary.peopleUpdated, 'item', 'items')}.`);
  if (summary.warnings.length > 0) {
    console.log(
      `${counted(summary.warnings.length, 'warning', 'warnings')}; ` +
        `${counted(summary.madeExempt, 'item made exempt (Part 2) by a sign of exemption in its front matter', 'items made exempt (Part 2) by a sign of exemption in their front matter')}.`,
    );
  }
}
