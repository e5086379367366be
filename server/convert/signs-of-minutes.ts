import { extractOutcomes } from './extract-decisions.js';
import type { TextReading } from './read-text.js';

/** Markup of a technical document that minutes never carry: a code span or a fenced block. */
const CODE = /`[^`]+`|^\s*```/;
/** Lines of code that make a text a technical document rather than a record of a meeting. */
const CODE_LINES = 3;
/** Numbered items that make a text an agenda's business, in whatever language ("1. CROESO AC YMDDIHEURIADAU"). */
const NUMBERED_ITEMS = 3;

/**
 * Why a text holds no minutes, or `undefined` when it shows a sign of them: a meeting date
 * in its opening, an attendance list ("Present:", "Apologies:"), numbered items or an agenda
 * item's page, or a decision or action recorded. A text with code in it (a README, notes on a
 * tool) is minutes only with a date or attendance in its opening; a text without any sign (a
 * letter to a parish magazine, a list of links) is none.
 */
export function whyNotMinutes(reading: TextReading): string | undefined {
  const { lines, document: split, opening } = reading;
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length === 0) return 'holds no text';
  const { attendance } = opening;
  const dated = opening.meetingDate !== undefined;
  const attended = attendance.present.length + attendance.apologies.length + attendance.inAttendance.length > 0;
  if (dated || attended) return undefined;
  const code = filled.filter((line) => CODE.test(line)).length;
  if (code >= CODE_LINES) return `has code on ${code} lines and no meeting date or attendance: a technical document, not minutes`;
  if (split.kind === 'agenda-item' || split.items.filter((item) => item.number !== undefined).length >= NUMBERED_ITEMS) return undefined;
  const outcomes = extractOutcomes(lines, true);
  if (outcomes.decisions.length + outcomes.actions.length > 0) return undefined;
  return 'shows no sign of minutes (no meeting date, attendance, numbered items, decision or action)';
}
