import { isRealCalendarDate } from '../minutes/schema.js';
import type { Attendance } from './extract-people.js';
import type { TextReading } from './read-text.js';
import type { SplitItem } from './split-items.js';

/**
 * A meeting whose source gives its items and facts as data (ModernGov's web service), not as a
 * text to split: what the source states, with nothing read into it.
 */
export interface PublishedMeeting {
  /** What the source is, for messages: "ModernGov GetMeeting". */
  format: string;
  /** YYYY-MM-DD */
  meetingDate?: string;
  committee?: string;
  place?: string;
  /** HH:MM, 24-hour. */
  startTime?: string;
  attendance: Attendance;
  /** Each item's number, title and text as lines; `restricted` where the source marks it not for publication. */
  items: SplitItem[];
  /** What the reader should check (attendance not recorded, items kept private). */
  notes: string[];
}

/**
 * A source as read from its file: a text, with the reading that found it holds minutes (its
 * cleaned lines and items, kept so the text is read once), or a meeting given as data.
 */
export type Source = { kind: 'text'; text: string; reading: TextReading } | { kind: 'meeting'; meeting: PublishedMeeting };

/**
 * A file that holds no minutes to convert, or is not what its name says (binary data in a
 * `.txt`, an HTML error page saved as `.xml`, a list of committees): it is reported, never
 * written as items.
 */
export class NotMinutes extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'NotMinutes';
  }
}

/** "10/02/2026" (day first, as ModernGov writes dates) → "2026-02-10"; undefined for none or an impossible day. */
export function dayMonthYearDate(value: string): string | undefined {
  const match = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(value);
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isRealCalendarDate(iso) ? iso : undefined;
}
