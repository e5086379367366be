import { EXEMPT_PART, PUBLIC_PART, type FrontMatter, type Officer } from '../minutes/schema.js';
import { runningText } from './clean-text.js';
import { readMarking } from './detect-exempt.js';
import { extractCommittee, normaliseCommittee, sameName } from './extract-committee.js';
import { extractOutcomes, usesFormalResolutions } from './extract-decisions.js';
import { extractDeclarations } from './extract-declarations.js';
import { extractAttendance, extractCouncillors, extractOfficers, personKey, type Attendance } from './extract-people.js';
import { assignTopics, type Topic } from './assign-topics.js';
import { itemSlug, meetingId, uniqueSlugs } from './item-ids.js';
import { readText, type TextReading } from './read-text.js';
import type { SourceFacts } from './source-facts.js';
import type { PublishedMeeting, Source } from './source.js';
import type { SplitDocument, SplitItem } from './split-items.js';

/** One agenda item ready to be written: its front matter and markdown body. */
export interface ConvertedItem {
  frontMatter: FrontMatter;
  body: string;
  /** The meeting's opening (attendance, business before the first item), not an agenda item of its own. */
  opening: boolean;
}

/** A converted source: its meeting-level facts, its items and what the reader should check. */
export interface ConvertedDocument {
  meeting: { council: string; committee?: string; meetingDate?: string; id: string; attendance: Attendance; officers: Officer[] };
  items: ConvertedItem[];
  warnings: string[];
}

const OPENING_TITLE = 'Opening of the meeting';

/** Prefers what the text says; says so when the text and the manifest or flags disagree. */
function reconcile(
  field: string,
  fromText: string | undefined,
  given: string | undefined,
  same: (a: string, b: string) => boolean,
  warnings: string[],
): string | undefined {
  if (fromText && given && !same(fromText, given))
    warnings.push(`${field}: the text says "${fromText}", the manifest or flags "${given}"; using the text`);
  return fromText ?? given;
}

/**
 * Finds the officers an item names, by surname as a whole word or by role. Surnames are
 * looked up from the item's words, so an item costs its length, not its length times the officers.
 */
function officerFinder(officers: readonly Officer[]): (text: string) => Officer[] {
  const bySurname = new Map<string, number[]>();
  const others: { k: number; name?: RegExp; role?: string }[] = [];
  officers.forEach((officer, k) => {
    const key = officer.name ? personKey(officer.name) : undefined;
    // A surname of letters and digits is a word as `\b` sees one; any other is looked for in the text, its pattern compiled once a meeting, not once an item.
    if (key !== undefined && /^[a-z0-9_]+$/.test(key)) bySurname.set(key, [...(bySurname.get(key) ?? []), k]);
    else if (key !== undefined) others.push({ k, name: new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i') });
    else others.push({ k, role: officer.role?.toLowerCase() });
  });
  return (text) => {
    const lower = text.toLowerCase();
    const found = new Set<number>();
    for (const word of new Set(lower.split(/[^a-z0-9_]+/))) for (const k of bySurname.get(word) ?? []) found.add(k);
    for (const { k, name, role } of others) if (name ? name.test(text) : role !== undefined && lower.includes(role)) found.add(k);
    return [...found].sort((a, b) => a - b).map((k) => officers[k]!);
  };
}

/**
 * Converts the text of one source into agenda items. Pure: the caller reads
 * the file and writes the items. Returns no items, with a warning, when no
 * council is known, since a council is every item's first facet.
 */
export function convertDocument(text: string, sourceName: string, facts: SourceFacts, vocabulary: readonly Topic[]): ConvertedDocument {
  return convertReading(readText(text), sourceName, facts, vocabulary);
}

/** Converts a text already read (cleaned and split), as `convertDocument` does a text. */
function convertReading(reading: TextReading, sourceName: string, facts: SourceFacts, vocabulary: readonly Topic[]): ConvertedDocument {
  const { lines, document, opening } = reading;
  // A gazette's masthead lists every city official in every issue; the business, and who attended it, is in its sections.
  const business = document.kind === 'gazette' ? document.items.flatMap((item) => [item.title, ...item.lines]) : undefined;
  const fromPreamble = extractAttendance(runningText(business ?? document.preamble));
  // Attendance headings in capitals ("OFFICIALS IN ATTENDANCE:") can be taken for items; the lists are then read from the opening lines.
  const listed = (found: Attendance) => found.present.length + found.apologies.length + found.inAttendance.length > 0;
  const attendance = listed(fromPreamble) || business ? fromPreamble : opening.attendance;
  return buildMeeting(
    {
      lines,
      document,
      meetingDate: opening.meetingDate,
      committee: document.kind === 'minutes' ? extractCommittee(opening.lines) : undefined,
      attendance,
      officers: extractOfficers(attendance, runningText(business ?? lines), business ?? lines),
    },
    sourceName,
    facts,
    vocabulary,
  );
}

/**
 * Converts a meeting its source gives as data (ModernGov's web service, a decision page): its
 * items as published, its date, committee and attendance as stated, the same reading of each
 * item's text (decisions, people, Part 2 wording) as for minutes split from a text.
 */
export function convertMeeting(
  meeting: PublishedMeeting,
  sourceName: string,
  facts: SourceFacts,
  vocabulary: readonly Topic[],
): ConvertedDocument {
  const lines = meeting.items.flatMap((item) => [item.title, ...item.lines]);
  const converted = buildMeeting(
    {
      lines,
      document: { kind: 'minutes', preamble: [], items: meeting.items },
      meetingDate: meeting.meetingDate,
      committee: meeting.committee ? normaliseCommittee(meeting.committee) : undefined,
      attendance: meeting.attendance,
      officers: extractOfficers(meeting.attendance, runningText(lines), lines),
      place: meeting.place,
      startTime: meeting.startTime,
    },
    sourceName,
    facts,
    vocabulary,
  );
  return { ...converted, warnings: [...meeting.notes.map((note) => `${meeting.format}: ${note}`), ...converted.warnings] };
}

/** Converts a source as read: a text is split into items, a meeting given as data keeps its own. */
export function convertSource(source: Source, sourceName: string, facts: SourceFacts, vocabulary: readonly Topic[]): ConvertedDocument {
  return source.kind === 'text'
    ? convertReading(source.reading, sourceName, facts, vocabulary)
    : convertMeeting(source.meeting, sourceName, facts, vocabulary);
}

/**
 * The same items under ids that add the source's name, for a source that claims a meeting
 * another source already holds: only the ids change, so nothing is converted again.
 */
export function withIdsBySource(converted: ConvertedDocument, sourceName: string): ConvertedDocument {
  const { meeting } = converted;
  if (meeting.id === '') return converted;
  const id = meetingId({
    council: meeting.council,
    committee: meeting.committee,
    meetingDate: meeting.meetingDate,
    sourceName,
    bySource: true,
  });
  // An item's id is its meeting's id and its slug within the meeting.
  const items = converted.items.map((item) => ({
    ...item,
    frontMatter: { ...item.frontMatter, id: `${id}${item.frontMatter.id.slice(meeting.id.length)}`, meeting_id: id },
  }));
  return { ...converted, meeting: { ...meeting, id }, items };
}

/** What is read from a source before its items are written: the meeting as the source gives it. */
interface MeetingParts {
  lines: readonly string[];
  document: SplitDocument;
  meetingDate?: string;
  committee?: string;
  attendance: Attendance;
  officers: Officer[];
  place?: string;
  startTime?: string;
}

/** Builds the items of one meeting from its parts and what is known from outside the source. */
function buildMeeting(parts: MeetingParts, sourceName: string, facts: SourceFacts, vocabulary: readonly Topic[]): ConvertedDocument {
  const warnings: string[] = [];
  const { lines, document, attendance, officers } = parts;
  const meetingDate = reconcile('meeting date', parts.meetingDate, facts.meetingDate, (a, b) => a === b, warnings);
  const committee = reconcile(
    'committee',
    parts.committee,
    facts.committee ? normaliseCommittee(facts.committee) : undefined,
    sameName,
    warnings,
  );
  const council = facts.council;
  if (!council) {
    warnings.push('no council: pass --council or a manifest row for this file; nothing written');
    return { meeting: { council: '', committee, meetingDate, id: '', attendance, officers }, items: [], warnings };
  }
  if (!meetingDate) warnings.push('no meeting date in the text, manifest or flags');
  if (document.items.length === 0) warnings.push('no agenda items found; the whole text is kept as one item');
  const id = meetingId({ council, committee, meetingDate, sourceName });

  const openingLines = document.kind === 'agenda-item' ? [] : document.preamble;
  const pieces: { item: SplitItem; opening: boolean }[] = [
    ...(openingLines.length > 0 || document.items.length === 0
      ? [{ item: { title: OPENING_TITLE, lines: openingLines.length > 0 ? openingLines : [...lines] }, opening: true }]
      : []),
    ...document.items.map((item) => ({ item, opening: false })),
  ];
  const slugs = uniqueSlugs(pieces.map(({ item, opening }) => (opening ? 'opening' : itemSlug(item.number, item.title))));
  const formal = usesFormalResolutions(lines);
  const officersIn = officerFinder(officers);
  let exemptFromHere: { paragraph?: string } | undefined;
  /** An item that spoke of excluding the public later, while no exclusion has followed it. */
  let announcedBy: string | undefined;

  const items = pieces.map(({ item, opening }, k): ConvertedItem => {
    const itemText = runningText(item.lines);
    const marking = readMarking(opening ? '' : item.title, item.lines);
    const warn = (message: string) => warnings.push(`item "${item.title}": ${message}`);
    // Business minuted after the exclusion of the public in the same item, or with no item after it to hold it, is exempt business.
    const holdsExcluded = marking.closes !== undefined && (marking.closes.businessAfter || k === pieces.length - 1);
    // An item its source marks restricted is exempt whatever its text says.
    const exempt = item.restricted === true || marking.exempt || holdsExcluded || exemptFromHere !== undefined;
    const paragraph = marking.paragraph ?? marking.closes?.paragraph ?? exemptFromHere?.paragraph;
    if (exempt && exemptFromHere === undefined) {
      if (marking.doubt) warn(`${marking.doubt}; written as Part 2 (exempt)`);
      else if (!marking.exempt && holdsExcluded)
        warn(
          marking.closes!.businessAfter
            ? 'business is minuted after the exclusion of the public; written as Part 2 (exempt)'
            : 'the public is excluded and no item follows; written as Part 2 (exempt)',
        );
    }
    if (marking.closes?.doubt) warn(`${marking.closes.doubt}; the items after it are written as Part 2 (exempt)`);
    // Minutes whose heading marks them exempt ("NOT FOR PUBLICATION") are exempt throughout.
    if (marking.closes || (opening && marking.exempt && !marking.doubt))
      exemptFromHere ??= { paragraph: marking.closes?.paragraph ?? marking.paragraph };
    if (marking.closes) announcedBy = undefined;
    else if (marking.announces && exemptFromHere === undefined) announcedBy ??= item.title;
    const outcomes = extractOutcomes(item.lines, formal, opening ? '' : item.title);
    const frontMatter: FrontMatter = {
      id: `${id}-${slugs[k]}`,
      council,
      committee,
      meeting_date: meetingDate,
      title: item.title,
      item: item.number,
      part: exempt ? EXEMPT_PART : PUBLIC_PART,
      exempt_paragraph: exempt ? paragraph : undefined,
      officers: officersIn(`${item.title} ${itemText}`),
      councillors: extractCouncillors(`${item.title} ${itemText}`),
      topics: assignTopics(item.title, itemText, vocabulary).map((match) => match.topic),
      decisions: outcomes.decisions,
      actions: outcomes.actions,
      // A heading run into its text can carry the declaration ("Miss Carey declared a pecuniary interest that she was a Trustee of the").
      declarations: extractDeclarations(opening ? item.lines : [item.title, ...item.lines]),
      source_url: facts.sourceUrl,
      meeting_id: id,
      present: attendance.present,
      apologies: attendance.apologies,
      in_attendance: attendance.inAttendance,
      meeting_place: parts.place,
      meeting_time: parts.startTime,
      position: k + 1,
    };
    return { frontMatter, body: item.lines.join('\n'), opening };
  });
  if (announcedBy !== undefined)
    warnings.push(
      `item "${announcedBy}": speaks of excluding the public later in the meeting, and no exclusion follows; check the items after it`,
    );
  return { meeting: { council, committee, meetingDate, id, attendance, officers }, items, warnings };
}
