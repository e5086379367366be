import type { FoundFiles } from './read-content.js';
import type { FileWarning, IngestReporter, SkippedFile } from './reporter.js';

/** What the content folder holds, as far as the engine needs to know after the documents are sent. */
export interface ContentSnapshot {
  files: number;
  /** Document ids of every usable file, sent or unchanged. */
  ids: Set<string>;
  /** Agenda items in usable files. */
  items: number;
  /** Agenda items sent to the engine. */
  sent: number;
  /** Files that exist but could not be used: what was indexed from them is kept. */
  unusablePaths: Set<string>;
  skipped: SkippedFile[];
  warnings: FileWarning[];
  madeExempt: number;
}

/** A usable file's agenda item, as one pass over the content folder meets it. */
export interface ClaimedItem {
  itemId: string;
  /** The ids of the item's documents. */
  ids: readonly string[];
  /** Whether its documents are sent to the engine this time. */
  sent: boolean;
  /** What reading the file told; absent when it was known to be unchanged and not read. */
  warnings?: readonly string[];
  /** Whether a sign of exemption in front matter that gave no part made it Part 2. */
  madeExempt?: boolean;
}

/**
 * One pass over the content folder, in name order, recorded on a snapshot:
 * the first file to claim an item id keeps it, and a file that exists but
 * cannot be used (unreadable, invalid, or claiming an id already taken) is
 * skipped while what was indexed from it stays. Skipped files and warnings
 * are told to the reporter as they come. Both an update and a rebuild record
 * their files here.
 */
export class ContentClaims {
  readonly snapshot: ContentSnapshot;
  private readonly fileById = new Map<string, string>();

  constructor(
    found: FoundFiles,
    private readonly reporter: IngestReporter,
  ) {
    this.snapshot = {
      files: found.files.length,
      ids: new Set(),
      items: 0,
      sent: 0,
      unusablePaths: new Set(),
      skipped: [],
      warnings: [],
      madeExempt: 0,
    };
    found.ignored.forEach((entry) => this.skip(entry));
  }

  /** Skips a file that exists but cannot be used. */
  reject(file: string, reason: string): void {
    this.snapshot.unusablePaths.add(file);
    this.skip({ file, reason });
  }

  /** Records the file's item unless an earlier file claimed its id, in which case the file is rejected; true when recorded. */
  claim(file: string, item: ClaimedItem): boolean {
    const owner = this.fileById.get(item.itemId);
    if (owner !== undefined) {
      this.reject(file, `field "id" "${item.itemId}" is already used by ${owner}`);
      return false;
    }
    this.fileById.set(item.itemId, file);
    const { snapshot } = this;
    snapshot.items += 1;
    if (item.sent) snapshot.sent += 1;
    item.ids.forEach((id) => snapshot.ids.add(id));
    for (const message of item.warnings ?? []) {
      snapshot.warnings.push({ file, message });
      this.reporter.warned({ file, message });
    }
    if (item.madeExempt) snapshot.madeExempt += 1;
    return true;
  }

  private skip(entry: SkippedFile): void {
    this.snapshot.skipped.push(entry);
    this.reporter.skipped(entry);
  }
}
