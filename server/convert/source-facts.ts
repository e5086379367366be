/**
 * What is known about a source from outside its text — a manifest row or
 * command-line flags. The text may confirm or correct these; it never
 * invents a council.
 */
export interface SourceFacts {
  council?: string;
  committee?: string;
  /** YYYY-MM-DD */
  meetingDate?: string;
  sourceUrl?: string;
}

/** One problem found while converting, to be printed next to the file name. */
export interface ConversionWarning {
  file: string;
  message: string;
}
