import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Attendance } from './extract-people.js';
import { dayMonthYearDate, NotMinutes, type PublishedMeeting } from './source.js';
import type { SplitItem } from './split-items.js';

/** The answers of ModernGov's web service (mgWebService.asmx) that hold no minutes, by their root element. */
const NOT_MINUTES: Record<string, string> = {
  committees: 'a list of committees (ModernGov GetCommittees)',
  getmeetings: 'a list of meetings (ModernGov GetMeetings)',
  councillorsbyward: 'a list of councillors by ward (ModernGov GetCouncillorsByWard)',
  councillors: 'a list of councillors (ModernGov GetCouncillors)',
};

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Every value stays text: an item number "1." or a date must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['agendaitem', 'attendee', 'linkeddoc'].includes(name),
  processEntities: true,
});

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** "10.00 am", "2.30 pm", "18:00" → "10:00", "14:30", "18:00". */
export function clockTime(value: string): string | undefined {
  const match = /^(\d{1,2})[.:](\d{2})\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` : undefined;
}

/**
 * Who attended, as ModernGov records it: each attendee's attendance ("Present", "Apologies",
 * "In attendance") puts them in a list, their role in brackets. "Expected" means the attendance
 * was never recorded, so the attendee is in no list.
 */
function readAttendance(attendees: readonly Node[]): { attendance: Attendance; unrecorded: number } {
  const attendance: Attendance = { present: [], apologies: [], inAttendance: [] };
  let unrecorded = 0;
  for (const attendee of attendees) {
    const name = text(attendee['@name']);
    if (name === '') continue;
    const role = text(attendee['@roledescription']);
    const entry = role ? `${name} (${role})` : name;
    const status = text(attendee['@attendance']).toLowerCase();
    if (status.startsWith('present')) attendance.present.push(entry);
    else if (status.startsWith('apologies')) attendance.apologies.push(entry);
    else if (status.startsWith('in attendance') || status === 'attended') attendance.inAttendance.push(entry);
    else if (!status.startsWith('absent')) unrecorded++;
  }
  return { attendance, unrecorded };
}

/**
 * One agenda item: its number as displayed ("1." → "1"), its title, and its minutes (else its
 * agenda text) as lines. An item the service marks restricted, or does not mark public, or
 * withholds from display, is kept private: when the source cannot say it is public, it is not.
 */
function readItem(item: Node, htmlToLines: (html: string) => string[]): SplitItem {
  const number = text(item['fulldisplaynumberformat']).replace(/[.:)]+$/, '') || text(item['agendaitemnumber']) || undefined;
  const minutes = text(item['minutesnonemptyhtmlbody']);
  const body = minutes !== '' ? minutes : text(item['agendatext']);
  const restricted = text(item['isrestricted']) !== 'False' || text(item['isdisplayallowed']) === 'False';
  return {
    number,
    title: text(item['agendaitemtitle']) || `Item ${number ?? ''}`.trim(),
    lines: htmlToLines(body),
    ...(restricted ? { restricted: true } : {}),
  };
}

/**
 * A ModernGov web-service answer read as a meeting: `GetMeeting` gives one item per agenda item
 * and the meeting's date, time, place, committee and attendees. Any other answer (lists of
 * committees, meetings or councillors), a page that is not XML, or a cancelled meeting with no
 * items is `NotMinutes`, saying what it is.
 */
export function readModernGovXml(xml: string, htmlToLines: (html: string) => string[]): PublishedMeeting {
  const start = xml.trimStart().slice(0, 300).toLowerCase();
  if (/^(?:<!doctype html|<html)/.test(start) || /^<\?xml[^>]*>\s*(?:<!doctype html|<html)/.test(start)) {
    const title = /<title>([\s\S]{0,200}?)<\/title>/i.exec(xml)?.[1]?.replace(/\s+/g, ' ').trim();
    throw new NotMinutes(`is an HTML page${title ? ` ("${title}")` : ''}, not the XML its name says`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new NotMinutes(`is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const document = parser.parse(xml) as Node;
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  if (!root) throw new NotMinutes('is an XML file with no content');
  if (NOT_MINUTES[root]) throw new NotMinutes(`is ${NOT_MINUTES[root]}, not minutes`);
  if (root !== 'meeting') throw new NotMinutes(`is XML whose root is <${root}>, not a ModernGov meeting (GetMeeting)`);
  const meeting = (document[root] ?? {}) as Node;
  const itemNodes = ((meeting['agendaitems'] as Node | undefined)?.['agendaitem'] as Node[] | undefined) ?? [];
  const status = text(meeting['meetingstatus']);
  const date = text(meeting['meetingdate']);
  if (itemNodes.length === 0)
    throw new NotMinutes(
      /cancel/i.test(status)
        ? `is a cancelled meeting (${date || 'no date'}) with no items`
        : `is a meeting (${date || 'no date'}${status ? `, ${status}` : ''}) with no agenda items`,
    );
  const items = itemNodes.map((item) => readItem(item, htmlToLines));
  const committee = itemNodes
    .flatMap((item) => [
      ...(((item['linkeddocuments'] as Node | undefined)?.['linkeddoc'] as Node[] | undefined) ?? []).map((doc) => doc['committeetitle']),
      item['refertocommittee'],
    ])
    .map(text)
    .find((title) => title !== '');
  const attendees = ((meeting['attendees'] as Node | undefined)?.['attendee'] as Node[] | undefined) ?? [];
  const { attendance, unrecorded } = readAttendance(attendees);
  const notes: string[] = [];
  if (unrecorded > 0) notes.push(`${unrecorded} attendee(s) with no attendance recorded (e.g. "Expected") are in no attendance list`);
  const restricted = items.filter((item) => item.restricted).length;
  if (restricted > 0) notes.push(`${restricted} item(s) the service does not mark public are written as Part 2 (exempt)`);
  return {
    format: 'ModernGov GetMeeting',
    meetingDate: dayMonthYearDate(date),
    committee,
    place: text(meeting['meetinglocation']) || undefined,
    startTime: clockTime(text(meeting['meetingactualstarttime'])) ?? clockTime(text(meeting['meetingtime'])),
    attendance,
    items,
    notes,
  };
}
