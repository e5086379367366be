import { MONTH_NAMES, WEEKDAY_NAMES } from '../common/calendar.js';
import { isRealCalendarDate } from '../minutes/schema.js';
import { runningText } from './clean-text.js';

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
/** The months in Welsh, as Welsh councils' minutes print them ("13eg Mehefin 2018"), in the calendar's order. */
const WELSH_MONTHS = [
  'ionawr',
  'chwefror',
  'mawrth',
  'ebrill',
  'mai',
  'mehefin',
  'gorffennaf',
  'awst',
  'medi',
  'hydref',
  'tachwedd',
  'rhagfyr',
];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|${WELSH_MONTHS.join('|')})`;
/** "9", "9th", and the Welsh "13eg", "1af", "2il", "3ydd", "5ed", "9fed". */
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th|af|il|ydd|ed|fed|eg)?`;
/** "9 January 2025", "23RD MAY, 2016", "9th of May 2005". */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${ORDINAL}\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, 'i');
/** "January 3, 1996", "DECEMBER 3RD 2009". */
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+${ORDINAL},?\s+(\d{4})\b`, 'i');
/** Words that tie a date to this meeting (in Welsh too: "cyfarfod", "cynhaliwyd")… */
const MEETING_CONTEXT = /\b(?:held|meeting|minutes|date|cyfarfod|cynhaliwyd)\b/i;
/** …and words that tie it to another one. */
const OTHER_MEETING = /\b(?:next|last|previous|following|dated)\b/i;
/** The meeting's date is stated in its opening words; later dates belong to other business. */
const OPENING_CHARACTERS = 800;
/** A date this close to the start is the heading's own ("CORPORATE PARENTING PANEL – 10th December 2024"). */
const HEADING_CHARACTERS = 100;

function iso(year: string, month: string, day: string): string | undefined {
  const lower = month.toLowerCase();
  const welsh = WELSH_MONTHS.indexOf(lower);
  const monthIndex = welsh >= 0 ? welsh : MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)));
  const value = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return monthIndex >= 0 && isRealCalendarDate(value) ? value : undefined;
}

interface FoundDate {
  index: number;
  iso: string;
}

/** A month-first date this close to a date found already is that same written date, read again. */
const SAME_DATE_DISTANCE = 12;

/** Every date written out in a text ("9 January 2025", "23RD MAY, 2016", "January 3, 1996"), in order. */
export function findWrittenDates(text: string): FoundDate[] {
  const dayFirst: FoundDate[] = [];
  for (const match of text.matchAll(new RegExp(DAY_MONTH_YEAR, 'gi'))) {
    const value = iso(match[3]!, match[2]!, match[1]!);
    if (value) dayFirst.push({ index: match.index, iso: value });
  }
  // Both lists run in the text's order, so the dates near a month-first one are found by walking on, not by rescanning all before it.
  const monthFirst: FoundDate[] = [];
  let near = 0;
  for (const match of text.matchAll(new RegExp(MONTH_DAY_YEAR, 'gi'))) {
    const value = iso(match[3]!, match[1]!, match[2]!);
    if (!value) continue;
    while (near < dayFirst.length && dayFirst[near]!.index <= match.index - SAME_DATE_DISTANCE) near++;
    const last = monthFirst.at(-1);
    const seen =
      (near < dayFirst.length && dayFirst[near]!.index < match.index + SAME_DATE_DISTANCE) ||
      (last !== undefined && match.index - last.index < SAME_DATE_DISTANCE);
    if (!seen) monthFirst.push({ index: match.index, iso: value });
  }
  return [...dayFirst, ...monthFirst].sort((a, b) => a.index - b.index);
}

const WEEKDAYS = WEEKDAY_NAMES.map((name) => name.slice(0, 3).toLowerCase());
/** "THURSDAY 19th OCTOBER AT 3.00PM": a weekday, day and month, the year left out. */
const WEEKDAY_DAY_MONTH = new RegExp(
  String.raw`\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?${ORDINAL}\s+(?:of\s+)?${MONTH}\b(?!\.?,?\s+\d{4})`,
  'gi',
);

/** Whether a date is stated as this meeting's: in the heading itself, or after words about this meeting and not another. */
function isThisMeetings(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 150), index);
  return !OTHER_MEETING.test(before.slice(-60)) && (index < HEADING_CHARACTERS || MEETING_CONTEXT.test(before));
}

/**
 * The year of a date printed without one, from its weekday: of the years the text's dates are in
 * (and the year after each, for a meeting early in a year that speaks of the last), the only one
 * in which that day fell on that weekday. None when no year or more than one fits.
 */
function yearFromWeekday(weekday: string, month: string, day: string, text: string): string | undefined {
  const years = new Set(findWrittenDates(text).flatMap((date) => [Number(date.iso.slice(0, 4)), Number(date.iso.slice(0, 4)) + 1]));
  const wanted = WEEKDAYS.indexOf(weekday.toLowerCase().slice(0, 3));
  const fits = [...years]
    .map((year) => iso(String(year), month, day))
    .filter((value): value is string => value !== undefined && new Date(`${value}T12:00:00Z`).getUTCDay() === wanted);
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * The meeting date as stated in the opening words ("held on Thursday, 9
 * January 2025", "MEETING 8th JULY 2015", "Date: 9 April 2014"): a date next
 * to words about this meeting, never "the next meeting" or a letter "dated".
 * A heading that leaves out the year ("ON THURSDAY 19th OCTOBER") takes the one
 * year of the dates in the whole text (`lines`) in which that day was that weekday.
 */
export function extractMeetingDate(openingLines: readonly string[], lines: readonly string[] = openingLines): string | undefined {
  const text = runningText(openingLines).slice(0, OPENING_CHARACTERS);
  const stated = findWrittenDates(text).find((date) => isThisMeetings(text, date.index));
  if (stated) return stated.iso;
  for (const match of text.matchAll(WEEKDAY_DAY_MONTH)) {
    if (!isThisMeetings(text, match.index)) continue;
    return yearFromWeekday(match[1]!, match[3]!, match[2]!, runningText(lines));
  }
  return undefined;
}
