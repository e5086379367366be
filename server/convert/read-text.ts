import { cleanText, runningText } from './clean-text.js';
import { extractMeetingDate } from './extract-date.js';
import { extractAttendance, type Attendance } from './extract-people.js';
import { splitItems, type SplitDocument } from './split-items.js';

/** The opening lines that carry a meeting's heading, date and attendance. */
const OPENING_LINES = 40;

/**
 * A text as the converter reads it, once for both questions asked of it (does it hold minutes,
 * and what are its items): its cleaned lines, their split into items, and what its opening says.
 */
export interface TextReading {
  lines: readonly string[];
  document: SplitDocument;
  /** The opening lines, with the meeting date stated there and the attendance listed there. */
  opening: { lines: readonly string[]; meetingDate?: string; attendance: Attendance };
}

/** Reads cleaned lines: their items and their opening. */
export function readLines(lines: readonly string[]): TextReading {
  const opening = lines.slice(0, OPENING_LINES);
  return {
    lines,
    document: splitItems(lines),
    opening: { lines: opening, meetingDate: extractMeetingDate(opening, lines), attendance: extractAttendance(runningText(opening)) },
  };
}

/** Reads a text as extracted from its file: cleaned once, then read. */
export function readText(text: string): TextReading {
  return readLines(cleanText(text));
}
