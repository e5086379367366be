import { isRealCalendarDate } from '../minutes/schema.js';
import { runningText } from './clean-text.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** "9 January 2025", "23RD MAY, 2016", "9th of May 2005". */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${ORDINAL}\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, 'i');
/** "January 3, 1996", "DECEMBER 3RD 2009". */
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+${ORDINAL},?\s+(\d{4})\b`, 'i');
/** Words that tie a date to this meeting… */
const MEETING_CONTEXT = /\b(?:held|meeting|minutes|date)\b/i;
/** …and words that tie it to another one. */
const OTHER_MEETING = /\b(?:next|last|previous|following|dated)\b/i;
/** The meeting's date is stated in its opening words; later dates belong to other business. */
const OPENING_CHARACTERS = 800;
/** A date this close to the start is the heading's own ("CORPORATE PARENTING PANEL – 10th December 2024"). */
const HEADING_CHARACTERS = 100;

function iso(year: string, month: string, day: string): string | undefined {
  const monthIndex = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  const value = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return monthIndex >= 0 && isRealCalendarDate(value) ? value : undefined;
}

interface FoundDate {
  index: number;
  iso: string;
}

/** Every date written out in a text ("9 January 2025", "23RD MAY, 2016", "January 3, 1996"), in order. */
export function findWrittenDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(new RegExp(DAY_MONTH_YEAR, 'gi'))) {
    const value = iso(match[3]!, match[2]!, match[1]!);
    if (value) found.push({ index: match.index, iso: value });
  }
  for (const match of text.matchAll(new RegExp(MONTH_DAY_YEAR, 'gi'))) {
    const value = iso(match[3]!, match[1]!, match[2]!);
    if (value && !found.some((date) => Math.abs(date.index - match.index) < 12)) found.push({ index: match.index, iso: value });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The meeting date as stated in the opening words ("held on Thursday, 9
 * January 2025", "MEETING 8th JULY 2015", "Date: 9 April 2014"): a date next
 * to words about this meeting, never "the next meeting" or a letter "dated".
 */
export function extractMeetingDate(openingLines: readonly string[]): string | undefined {
  const text = runningText(openingLines).slice(0, OPENING_CHARACTERS);
  for (const date of findWrittenDates(text)) {
    const before = text.slice(Math.max(0, date.index - 150), date.index);
    if (OTHER_MEETING.test(before.slice(-60))) continue;
    if (date.index < HEADING_CHARACTERS || MEETING_CONTEXT.test(before)) return date.iso;
  }
  return undefined;
}
