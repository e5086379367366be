/** A file left out of the index (what was indexed from it before stays), and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** Something to tell about a file that is indexed all the same. */
export interface FileWarning {
  file: string;
  message: string;
}

/** Told as an ingest goes: progress, each file skipped and each warning. */
export interface IngestReporter {
  progress(message: string): void;
  skipped(file: SkippedFile): void;
  warned(warning: FileWarning): void;
}

/** Tells nothing: the default when the caller does not listen. */
export const silentReporter: IngestReporter = { progress: () => undefined, skipped: () => undefined, warned: () => undefined };
