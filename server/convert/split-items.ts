import { plainLine } from './clean-text.js';

/** One agenda item as cut from the minutes: its number as published, its heading and its lines. */
export interface SplitItem {
  number?: string;
  title: string;
  lines: string[];
  /** The source marks the item not for publication (ModernGov's `isrestricted`): it is written as Part 2. */
  restricted?: true;
}

/**
 * A document cut into items. `preamble` is what comes before the first item:
 * the meeting's name, date and attendance, which belong to the whole meeting.
 */
export interface SplitDocument {
  /**
   * `minutes` of a whole meeting, a web page holding a single `agenda-item`, or a
   * `gazette` (the City Record), whose preamble is a masthead printed in every issue.
   */
  kind: 'minutes' | 'agenda-item' | 'gazette';
  preamble: string[];
  items: SplitItem[];
}

/** How a heading was written; a document keeps to one shape, which tells headings from numbered paragraphs. */
type HeadingShape =
  | 'number-alone'
  | 'item-word'
  | 'minute-ref'
  | 'number-and-title'
  | 'prefixed-number'
  | 'agenda-reference'
  | 'standing-section'
  | 'legislation'
  | 'label'
  | 'bold-label'
  | 'capitals'
  | 'standalone-title'
  | 'closing-business';

interface Heading {
  shape: HeadingShape;
  /** Index of the first line of the heading. */
  start: number;
  /** Index of the first line after the heading. */
  end: number;
  number?: string;
  title: string;
}

const MAX_TITLE_LENGTH = 160;
const NUMBER = String.raw`\d{1,3}(?:\.\d{1,2}){0,2}`;
const NUMBER_ALONE = new RegExp(String.raw`^(${NUMBER})\.?$`);
/** A line opened by a minute or paragraph number ("307.", "5.2 No interests were declared."), which is never a title. */
const NUMBERED_LINE = /^\d{1,3}(?:\.\d{1,2})*\.(?:\s|$)|^\d{1,3}(?:\.\d{1,2})+\s/;
const ITEM_WORD = new RegExp(String.raw`^Item\s+(${NUMBER})\s*[:.\-–]?\s*(.*)$`, 'i');
const MINUTE_REF = /^(?:Minute\s+(?:No\.?\s*)?)?(\d{1,4}\/\d{2,4})\s*[:.\-–]?\s*(.+)$/i;
const NUMBER_AND_TITLE = new RegExp(String.raw`^(${NUMBER}|\d{1,3}[A-Z](?=\.))(?:[.)]?\s+|[.)](?=\p{Lu}))(.+)$`, 'u');
/** Kent prints "(Item 4)" under each minute heading: the agenda's numbering, not a new item (unless it is the only numbering). */
const AGENDA_REFERENCE = /^\(Item (\d+)\)$/i;
/**
 * Cleveland's "City Record" is a weekly gazette, not one meeting: every issue prints these
 * standing sections, in capitals over one to three lines, in this wording.
 */
const STANDING_SECTIONS = [
  'OFFICIAL PROCEEDINGS',
  'THE CALENDAR',
  'BOARD OF CONTROL',
  'CIVIL SERVICE NOTICES',
  'REPORT OF THE BOARD OF BUILDING STANDARDS AND BUILDING APPEALS',
  'REPORT OF THE BOARD OF ZONING APPEALS',
  'SCHEDULE OF THE BOARD OF ZONING APPEALS',
  'PUBLIC NOTICE',
  'NOTICE OF PUBLIC HEARING',
  'CITY OF CLEVELAND BIDS',
  'ADOPTED RESOLUTIONS AND ORDINANCES',
  'COUNCIL COMMITTEE MEETINGS',
  'INDEX',
];
/** "Resolution No. 930-95." or "Ord. No. 2425-01." alone on a line: a measure the gazette publishes. */
const LEGISLATION = /^(?:Resolution|Ord\.) No\. (\d{1,4}-\d{2})\.$/;
/**
 * Labels of the meeting-level lists, which look like headings but are not items. Apologies
 * are: unnumbered parish minutes head them like any other business.
 */
const ATTENDANCE_LABEL =
  /^(?:PRESENT|MEMBERS PRESENT|MEMBERS IN ATTENDANCE|IN ATTENDANCE|OFFICIALS|ALSO PRESENT|ALSO,? IN ATTENDANCE|ABSENT|CLERK|OTHERS|THOSE ATTENDING|PRESENT IN THE CHAIR)\b/i;
/** "Village Emergency Plan: The Clerk asked …": a short label, then the text. */
const RUN_IN_LABEL = /^([\p{Lu}\d][^.:;]{2,60}?)\s*:\s+\S/u;

function isYear(number: string): boolean {
  const value = Number(number);
  return value >= 1900 && value <= 2100;
}

function topLevel(number: string): number {
  return Number(/^\d+/.exec(number)?.[0] ?? NaN);
}

/** "6.1", "10A", "4(a)": a number under item `top`, not `top` itself. */
function isUnder(number: string, top: number): boolean {
  return number.startsWith(`${top}.`) || new RegExp(`^${top}(?:[A-Z]|\\([a-z]\\))$`).test(number);
}

function depth(number: string): number {
  return number.split('.').length;
}

function nextFilled(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && plainLine(lines[i]!) === '') i++;
  return i;
}

/** Text that can stand as a heading: starts like one and is not a running sentence. */
function looksLikeTitle(text: string): boolean {
  return text.length > 0 && text.length <= MAX_TITLE_LENGTH && /^[\p{Lu}\d'"‘“(]/u.test(text) && !AGENDA_REFERENCE.test(text);
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/**
 * The heading part of "5.1 **Chairman's Report.** CC advised…" or
 * "1. Apologies for absence. Apologies had been received…": the bold run if
 * there is one, else the whole line when short, else its first sentence.
 */
export function titleFromLine(raw: string, plain: string): string | undefined {
  const bold = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(raw.replace(/^\s*(?:\*\*)?\s*\d[\d./]*[.)]?(?:\*\*)?\s*/, ''));
  if (bold && /\p{L}/u.test(bold[1]!)) return plainLine(bold[1]!);
  if (plain.length <= 90 || isCapitals(plain)) return plain;
  const sentence = /^(.{3,}?[.:])\s+\p{Lu}/u.exec(plain);
  if (sentence && sentence[1]!.length <= MAX_TITLE_LENGTH) return sentence[1];
  // Parish minutes run the heading into the text: "Apologies for Absence Apologies were accepted…".
  const capitalisedRun = /^(?:[\p{Lu}\d][\p{L}\d'’&/-]*(?:\s+(?:of|and|the|for|to|on|in|&|-|–)\b)*\s*)+/u.exec(plain)?.[0].trim();
  if (capitalisedRun && capitalisedRun.split(' ').length >= 2) return capitalisedRun;
  return plain.slice(0, plain.lastIndexOf(' ', 100));
}

/** A title printed over several lines ends at Kent's "(Item N)" marker, when there is one. */
function titleRunningToAgendaReference(lines: readonly string[], from: number): { title: string; end: number } | undefined {
  const parts: string[] = [];
  for (let i = from; i < Math.min(lines.length, from + 4); i++) {
    const plain = plainLine(lines[i]!);
    if (AGENDA_REFERENCE.test(plain)) return { title: parts.join(' '), end: i + 1 };
    if (plain === '' || NUMBER_ALONE.test(plain)) return undefined;
    parts.push(plain);
  }
  return undefined;
}

/** A line printed in bold (not bold italics, which Limerick uses for the text of questions and motions). */
function isBoldLine(raw: string): boolean {
  return /^\s*\*\*[^*].*\*\*\s*$/.test(raw);
}

/** A bold heading broken over several lines continues while the next lines are bold too. */
function continueBoldTitle(lines: readonly string[], titleAt: number): { title: string; end: number } {
  let title = plainLine(lines[titleAt]!);
  let at = titleAt + 1;
  while (
    at < lines.length &&
    isBoldLine(lines[titleAt]!) &&
    isBoldLine(lines[at]!) &&
    // A letter or number alone ("(a)", "5.") opens what follows, not more of this title.
    !/^\(?[a-z\d]{1,3}[.)]?$/i.test(plainLine(lines[at]!)) &&
    !/[.:?]$/.test(title) &&
    title.length < MAX_TITLE_LENGTH
  ) {
    title = `${title} ${plainLine(lines[at]!)}`;
    at++;
  }
  // Bold text run on past a title's length is the item's text printed in bold (a question, a motion), under a one-line title.
  if (title.length > MAX_TITLE_LENGTH) return { title: plainLine(lines[titleAt]!), end: titleAt + 1 };
  return { title, end: at };
}

/** "76." on its own line, the title on the next (Kent, Limerick). */
function numberAloneHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = NUMBER_ALONE.exec(plainLine(lines[i]!));
  if (!match || isYear(match[1]!)) return undefined;
  // A minute number alone is printed with its full stop ("76.") or in bold ("**12**"); a bare "1" or "07" is a table's figure.
  if (/^\d+$/.test(lines[i]!.trim())) return undefined;
  const titleAt = nextFilled(lines, i + 1);
  // "4.", "5.", "6." down a page are a list's numbers, and the last may stand above a minute number ("307.").
  if (titleAt >= lines.length || NUMBERED_LINE.test(plainLine(lines[titleAt]!))) return undefined;
  const long = titleRunningToAgendaReference(lines, titleAt);
  if (long) return { shape: 'number-alone', start: i, end: long.end, number: match[1]!, title: long.title };
  const { title, end } = continueBoldTitle(lines, titleAt);
  if (!looksLikeTitle(title)) return undefined;
  // Limerick heads an item with its directorate, then the subject in bold on the next line.
  const subjectAt = nextFilled(lines, end);
  if (subjectAt < lines.length && !isBoldLine(lines[titleAt]!) && isBoldLine(lines[subjectAt]!)) {
    const subject = plainLine(lines[subjectAt]!);
    if (looksLikeTitle(subject) && !/^REPLY\b/i.test(subject)) {
      return { shape: 'number-alone', start: i, end: subjectAt + 1, number: match[1]!, title: `${title}: ${subject}` };
    }
  }
  return { shape: 'number-alone', start: i, end, number: match[1]!, title };
}

/** "Item 4: Title", or "Item 4:" with the title on the next line (Limerick committees). */
function itemWordHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = ITEM_WORD.exec(plainLine(lines[i]!));
  if (!match) return undefined;
  const rest = match[2]!.trim();
  if (rest !== '') {
    const title = titleFromLine(lines[i]!.replace(/^.*?Item\s+[\d.]+\s*[:.\-–]?\s*/i, ''), rest);
    return title ? { shape: 'item-word', start: i, end: i + 1, number: match[1]!, title } : undefined;
  }
  const titleAt = nextFilled(lines, i + 1);
  if (titleAt >= lines.length) return undefined;
  const { title, end } = continueBoldTitle(lines, titleAt);
  return looksLikeTitle(title) ? { shape: 'item-word', start: i, end, number: match[1]!, title } : undefined;
}

/** "204/19 Title" and "Minute 45/19 Title" (parish minute references). */
function minuteRefHeading(lines: readonly string[], i: number): Heading | undefined {
  const plain = plainLine(lines[i]!);
  const match = MINUTE_REF.exec(plain);
  if (!match) return undefined;
  const title = titleFromLine(lines[i]!.replace(/^.*?\d+\/\d+\s*[:.\-–]?\s*/, ''), match[2]!.trim());
  return title && looksLikeTitle(title) ? { shape: 'minute-ref', start: i, end: i + 1, number: match[1]!, title } : undefined;
}

/** A statement rather than a heading: it has a finite verb ("was agreed", "had been received", "advised that"). */
function readsAsSentence(text: string): boolean {
  return /\b(?:was|were|is|are|has|have|had|will|would|should|could|took|advised|agreed|reported|asked)\b/.test(text);
}

/** "1. WELCOME AND APOLOGIES", "5.1 **Chairman's Report.** …". */
function numberAndTitleHeading(lines: readonly string[], i: number): Heading | undefined {
  const plain = plainLine(lines[i]!);
  const match = NUMBER_AND_TITLE.exec(plain);
  if (!match || isYear(match[1]!)) return undefined;
  const hasBoldTitle = /^\s*(?:\*\*)?\s*[\d.]+[.)]?\s*(?:\*\*)?\s*\*\*/.test(lines[i]!);
  // Third-level numbers ("5.1.1") are paragraphs unless printed as a bold heading.
  if (depth(match[1]!) > 2 && !hasBoldTitle) return undefined;
  const title = titleFromLine(lines[i]!, match[2]!);
  // "6.1 Payment of accounts was agreed …" is a numbered paragraph of item 6, not a sub-item's heading.
  if (depth(match[1]!) > 1 && !hasBoldTitle && readsAsSentence(title?.split(/(?<=[.:])\s+/)[0] ?? '')) return undefined;
  return title && looksLikeTitle(title) ? { shape: 'number-and-title', start: i, end: i + 1, number: match[1]!, title } : undefined;
}

/** "15.09.1 Apologies", "17.05.3 Register of Interests": a number under a fixed prefix (the meeting's year and month). */
const PREFIXED_NUMBER = /^(\d{1,4})[./](\d{1,2})[./](\d{1,3})\.?\s+(\S.*)$/;

function prefixedNumberHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = PREFIXED_NUMBER.exec(plainLine(lines[i]!));
  if (!match) return undefined;
  const title = titleFromLine(lines[i]!, match[4]!);
  const number = `${match[1]}.${match[2]}.${match[3]}`;
  return title && looksLikeTitle(title) ? { shape: 'prefixed-number', start: i, end: i + 1, number, title } : undefined;
}

/** The prefix of "17.05.3" ("17.5"), its numbers read as numbers so that "17.5.2" shares it. */
const prefixOf = (number: string) => number.split('.').slice(0, 2).map(Number).join('.');

/**
 * Minutes numbered under one prefix throughout ("15.09.1" … "15.09.13"): the prefix is the
 * document's, not an item's, when no heading carries it as its own number (where "5.1 Reports"
 * heads "5.1.1", "5.1.2", those are its paragraphs). The items are the lines under the prefix
 * most headings share, each number taken once, in the order printed.
 */
function prefixedHeadings(lines: readonly string[]): Heading[] {
  const found = findHeadings(lines, 'prefixed-number');
  const counts = new Map<string, number>();
  for (const heading of found) counts.set(prefixOf(heading.number!), (counts.get(prefixOf(heading.number!)) ?? 0) + 1);
  const [prefix, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count < 3) return [];
  const [first, second] = prefix.split('.');
  const ownHeading = findHeadings(lines, 'number-and-title').some(
    (heading) => heading.number === `${first}.${second}` || heading.number === first,
  );
  if (ownHeading) return [];
  const taken = new Set<number>();
  return found.filter((heading) => {
    const ordinal = Number(heading.number!.split('.')[2]);
    if (prefixOf(heading.number!) !== prefix || taken.has(ordinal)) return false;
    taken.add(ordinal);
    return true;
  });
}

/**
 * "(Item 4)" under a title, when the minutes number items only that way (Kent's
 * committees): the title is the run of lines just above, up to a sentence's end.
 */
function agendaReferenceHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = AGENDA_REFERENCE.exec(plainLine(lines[i]!));
  if (!match) return undefined;
  let start = i;
  while (start > 0 && plainLine(lines[start - 1]!) === '') start--;
  const titleEnd = start;
  while (start > 0 && titleEnd - start < 3) {
    const above = plainLine(lines[start - 1]!);
    if (above === '' || /[.;:]$/.test(above)) break;
    start--;
  }
  // A title broken over lines goes on in lower case ("… Terms of Reference" / "update"); it starts at a capital.
  while (start < titleEnd && !/^[\p{Lu}\d]/u.test(plainLine(lines[start]!))) start++;
  const title = lines.slice(start, titleEnd).map(plainLine).join(' ');
  // "286. Apologies for Absence" above "(Item 1)": the minute number is the item's; the agenda's is a reference.
  const minute = /^(\d{1,3})\.\s+([\p{Lu}\d].*)$/u.exec(title);
  if (minute && !isYear(minute[1]!)) return { shape: 'agenda-reference', start, end: i + 1, number: minute[1]!, title: minute[2]! };
  return looksLikeTitle(title) ? { shape: 'agenda-reference', start, end: i + 1, number: match[1]!, title } : undefined;
}

/** A standing section of the City Record, its name printed over up to three lines. */
function standingSectionHeading(lines: readonly string[], i: number): Heading | undefined {
  let title = '';
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    const plain = plainLine(lines[j]!);
    if (plain === '') return undefined;
    title = title === '' ? plain : `${title} ${plain}`;
    const upper = title.toUpperCase();
    // Sections are printed in capitals; only the closing index is sometimes "Index".
    if (STANDING_SECTIONS.includes(upper) && (title === upper || upper === 'INDEX'))
      return { shape: 'standing-section', start: i, end: j + 1, title };
    if (!STANDING_SECTIONS.some((name) => name.startsWith(`${upper} `))) return undefined;
  }
  return undefined;
}

/** "Resolution No. 930-95." with its sponsor on the next line ("By Director Hyer."). */
function legislationHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = LEGISLATION.exec(plainLine(lines[i]!));
  if (!match) return undefined;
  const sponsor = plainLine(lines[i + 1] ?? '');
  const bySponsor = /^By\s/.test(sponsor);
  return {
    shape: 'legislation',
    start: i,
    end: bySponsor ? i + 2 : i + 1,
    number: match[1]!,
    title: bySponsor ? `${match[0]} ${sponsor}` : match[0],
  };
}

/** A paragraph opened by a short label and a colon (Stoke Ferry's unnumbered minutes), not an attendance list's. */
function labelHeading(lines: readonly string[], i: number): Heading | undefined {
  const label = RUN_IN_LABEL.exec(plainLine(lines[i]!))?.[1];
  if (!label || label.split(' ').length > 8 || ATTENDANCE_LABEL.test(label) || NOT_A_BOLD_LABEL.test(label)) return undefined;
  return { shape: 'label', start: i, end: i + 1, title: label };
}

/**
 * An unnumbered heading in capitals ("CORRESPONDENCE"), or capitals run into the text
 * ("MINUTES of previous meeting read …", "APOLOGIES, Mrs. Lewis …"), used when nothing is numbered.
 */
function capitalsHeading(lines: readonly string[], i: number): Heading | undefined {
  const line = plainLine(lines[i]!);
  const plain = /^(\p{Lu}[\p{Lu} ]{3,}\p{Lu})(?=,\s|\s+\p{Ll})/u.exec(line)?.[1] ?? line;
  if (plain.length > 80 || !isCapitals(plain) || ATTENDANCE_LABEL.test(plain) || /^[\d\W]/.test(plain)) return undefined;
  if (plain.split(' ').length > 10 || isValueLine(plain)) return undefined;
  return { shape: 'capitals', start: i, end: i + 1, title: plain };
}

/**
 * Lines in capitals that are values, not headings: a status stamp ("DRAFT"), a postcode
 * ("SA19 7AW"), an amount or total ("TOTAL £6,393.08"), a verdict ("NO OBJECTIONS"), who signs
 * ("CHAIRPERSON", "SIGNED"), and a heading's line broken before its end ("… HELD IN THE", "CHAMBER,").
 */
export function isValueLine(plain: string): boolean {
  return (
    /^(?:DRAFT|COPY|CONFIDENTIAL DRAFT|UNCONFIRMED|APPROVED|SIGNED|DATED?|CHAIR(?:MAN|PERSON|WOMAN)?|CATHAOIRLEACH|MAYOR|CLERK|SECRETARY|NO OBJECTIONS?|OBJECTIONS?|SUPPORTED|REFUSED|NOTED|NONE|NIL)\.?$/i.test(
      plain,
    ) ||
    /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/.test(plain) ||
    /[£€$]\s?\d|\d[\d,]*\.\d{2}\b/.test(plain) ||
    /^(?:SUB-?)?TOTALS?\b/i.test(plain) ||
    /[,;]$|\s(?:THE|OF|AND|IN|AT|ON|TO|FOR|A)$/.test(plain)
  );
}

const paragraphLines = new WeakMap<readonly string[], boolean>();

/**
 * Whether the text puts each paragraph on one line (a web page's or a word processor's export)
 * rather than wrapping it (a PDF's): then some of its lines run far past a printed line's width.
 */
function linePerParagraph(lines: readonly string[]): boolean {
  let known = paragraphLines.get(lines);
  if (known === undefined) {
    const filled = lines.filter((line) => line.trim() !== '');
    const long = filled.filter((line) => line.length > 160).length;
    known = long >= 3 || long * 10 >= filled.length;
    paragraphLines.set(lines, known);
  }
  return known;
}

/** A time of day ("7.15pm", "2.00 P.M.", "19:30"): a line stating one is the meeting's heading, not an item. */
const TIME_OF_DAY = /\b\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)|\b\d{1,2}\s*[ap]\.?m\.?\b/i;

/**
 * A short title alone on its line, opening a paragraph of text under it ("Matters Arising",
 * "Chairman's Report"): the headings of minutes that number nothing and print no capitals. A line
 * that reads as a sentence, states a time, or stands above another short line is not one.
 */
function standaloneTitleHeading(lines: readonly string[], i: number): Heading | undefined {
  const plain = plainLine(lines[i]!);
  if (plain.length < 3 || plain.length > 70 || plain.split(' ').length > 8) return undefined;
  // It opens a paragraph: a blank line or a finished sentence before it, or any line where each line is a paragraph.
  const before = i > 0 ? plainLine(lines[i - 1]!) : '';
  if (before !== '' && !/[.!?:)]$/.test(before) && !linePerParagraph(lines)) return undefined;
  if (!/^\p{Lu}/u.test(plain) || /[.,;:!?]$/.test(plain) || readsAsSentence(plain) || TIME_OF_DAY.test(plain)) return undefined;
  if (ATTENDANCE_LABEL.test(plain) || isValueLine(plain) || NUMBERED_LINE.test(plain)) return undefined;
  const next = nextFilled(lines, i + 1);
  if (next >= lines.length || plainLine(lines[next]!).length < Math.max(25, plain.length + 5)) return undefined;
  return { shape: 'standalone-title', start: i, end: i + 1, title: plain };
}

/** Words that open bold lines which are not items: motions' movers, replies, signatures. */
const NOT_A_BOLD_LABEL = /^(?:Proposed|Seconded|Reply|Response|Signed|Dated?|And Resolved|Resolved|Cathaoirleach|Chairman|Mayor)\b/i;

/**
 * A short bold line alone above plain text ("**Scrambler Bikes**", "- **Hidden Heartlands**"):
 * Limerick's unnumbered issues and the matters under Any other Business.
 */
function boldLabelHeading(lines: readonly string[], i: number): Heading | undefined {
  const raw = lines[i]!.replace(/^-\s+/, '');
  if (!isBoldLine(raw)) return undefined;
  const title = plainLine(raw);
  if (
    title.length < 3 ||
    title.split(' ').length > 6 ||
    /[.:;,?"”]$/.test(title) ||
    isCapitals(title) ||
    NOT_A_BOLD_LABEL.test(title) ||
    ATTENDANCE_LABEL.test(title)
  )
    return undefined;
  if (!/^\p{Lu}/u.test(title)) return undefined;
  const next = nextFilled(lines, i + 1);
  if (next >= lines.length || isBoldLine(lines[next]!.replace(/^-\s+/, ''))) return undefined;
  return { shape: 'bold-label', start: i, end: i + 1, title };
}

/**
 * The business that closes a meeting, printed after the numbered agenda and often without a
 * number or out of sequence: "7.Any other Business" after item 15, "**Open Forum.**",
 * "Closure. The Chairman thanked …", "OPEN FORUM", and "Next Meeting" alone on its line
 * ("Next Meeting: 24th of October 2016" is a note of the date).
 */
const CLOSING_BUSINESS =
  /^(?:(\d{1,3})\.\s*)?(?:(any other business|open forum|public forum|closure)\s*(?:[.:–-]|$)|((?:date of (?:the )?)?next meeting)$)/i;

function closingBusinessHeading(lines: readonly string[], i: number): Heading | undefined {
  const match = CLOSING_BUSINESS.exec(plainLine(lines[i]!));
  const title = match?.[2] ?? match?.[3];
  // "closure." in lower case ends a sentence broken over lines.
  return title && /^\p{Lu}/u.test(title) ? { shape: 'closing-business', start: i, end: i + 1, number: match![1], title } : undefined;
}

const FINDERS: Record<HeadingShape, (lines: readonly string[], i: number) => Heading | undefined> = {
  'number-alone': numberAloneHeading,
  'item-word': itemWordHeading,
  'minute-ref': minuteRefHeading,
  'number-and-title': numberAndTitleHeading,
  'prefixed-number': prefixedNumberHeading,
  'agenda-reference': agendaReferenceHeading,
  'standing-section': standingSectionHeading,
  legislation: legislationHeading,
  label: labelHeading,
  'bold-label': boldLabelHeading,
  capitals: capitalsHeading,
  'standalone-title': standaloneTitleHeading,
  'closing-business': closingBusinessHeading,
};

function findHeadings(lines: readonly string[], shape: HeadingShape, from = 0): Heading[] {
  const headings: Heading[] = [];
  for (let i = from; i < lines.length; i++) {
    const heading = FINDERS[shape](lines, i);
    if (heading) {
      headings.push(heading);
      i = heading.end - 1;
    }
  }
  return headings;
}

/** How far a number may jump from the item before it and still be the next item. */
const MAX_STEP = 3;

/** The longest chain ending at one heading, and the heading before it in that chain. */
interface Chain {
  length: number;
  at: number;
  previous: number;
}

/**
 * Numbered paragraphs inside an item ("1. Mr Oakford introduced…") and house
 * numbers in addresses look like headings; the items are the longest chain
 * whose numbers go up in small steps: a top-level number one to three above the last,
 * or a sub-item ("6.1") of the last number's item. Where chains tie, the earliest
 * heading is taken. Each heading looks back only at the best chains ending at the few
 * numbers it may follow, so the work grows with the headings, not their square.
 */
export function keepAscending(headings: readonly Heading[]): Heading[] {
  /** The best chain ending at each top-level number, and the best ending at a different number of that item. */
  const byTop = new Map<number, { best: Chain & { number?: string }; other?: Chain & { number?: string } }>();
  const better = (a: Chain | undefined, b: Chain | undefined) =>
    a && (!b || a.length > b.length || (a.length === b.length && a.at < b.at)) ? a : b;
  const best: Chain[] = headings.map((heading, i) => {
    const top = topLevel(heading.number ?? '');
    let previous: Chain | undefined;
    for (let step = 1; step <= MAX_STEP; step++) previous = better(byTop.get(top - step)?.best, previous);
    const same = byTop.get(top);
    if (same && isUnder(heading.number!, top)) previous = better(same.best.number !== heading.number ? same.best : same.other, previous);
    const chain = { length: (previous?.length ?? 0) + 1, at: i, previous: previous?.at ?? -1, number: heading.number };
    if (!same) byTop.set(top, { best: chain });
    else if (chain.length > same.best.length)
      byTop.set(top, { best: chain, other: chain.number !== same.best.number ? same.best : same.other });
    else if (chain.number !== same.best.number && chain.length > (same.other?.length ?? 0)) same.other = chain;
    return chain;
  });
  let at = best.reduce((top, entry, i) => (entry.length > best[top]!.length ? i : top), 0);
  const chain: Heading[] = [];
  while (at >= 0 && headings[at]) {
    chain.unshift(headings[at]!);
    at = best[at]!.previous;
  }
  return chain;
}

/**
 * Minute numbers printed alone may come out of order (items taken early),
 * but a number far from its neighbour, or heading nothing but another
 * number, is a numbered resolution inside an item.
 */
export function dropStrayNumbers(headings: readonly Heading[]): Heading[] {
  const kept: Heading[] = [];
  const taken = new Set<string | undefined>();
  for (const heading of headings) {
    const last = kept.at(-1);
    // A title of fewer than three letters is a figure or a number ("A.O.B" is three).
    if ((heading.title.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
    if (last && Math.abs(topLevel(heading.number!) - topLevel(last.number!)) > 10) continue;
    // "1. Changing our Public Spaces" after item 10 repeats a number already taken: a numbered paragraph.
    if (taken.has(heading.number)) continue;
    kept.push(heading);
    taken.add(heading.number);
  }
  return kept;
}

/**
 * "7.2 Norfolk RCC AGM" followed straight by "7.3 …" heads nothing: it is an entry in
 * a list (correspondence received), not a sub-item. A heading followed by its own
 * sub-items ("9.2 Decisions." then "9.2.1 …") is kept.
 */
export function dropListEntries(headings: readonly Heading[], lines: readonly string[]): Heading[] {
  return headings.filter((heading, k) => {
    const next = headings[k + 1];
    if (depth(heading.number ?? '') < 2 || !next || next.number?.startsWith(`${heading.number}.`)) return true;
    // A short line is its own title, so text on it shows as a second sentence ("7.5 Co-option. The document was reviewed …").
    const hasText =
      restOfHeadingLine(lines[heading.start]!, heading.title) !== undefined ||
      /[.:]\s+\p{Lu}/u.test(heading.title) ||
      nextFilled(lines, heading.end) < next.start;
    return hasText;
  });
}

/** Minimum number of headings of one shape for the document to be taken as written in that shape. */
const ENOUGH_HEADINGS = 2;

/**
 * The City Record's sections with the measures published in them, in text order. The
 * masthead's table of contents ("… Index") comes before the first section and is left out.
 */
function gazetteHeadings(lines: readonly string[]): Heading[] {
  const sections = findHeadings(lines, 'standing-section');
  const first = sections.find((heading) => heading.title.toUpperCase() !== 'INDEX');
  if (!first || sections.length < 3) return [];
  return [...sections, ...findHeadings(lines, 'legislation')]
    .filter((heading) => heading.start >= first.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * Minutes that print some minute numbers alone above the title ("**12.**", "10.") print others
 * run into it ("**1.Minutes**", "13. Question submitted by …"). A numbered title is an item of
 * the same list when it is printed in bold, or when it takes its place in the sequence the numbers
 * alone follow (the longest ascending chain through both); a numbered paragraph inside an item
 * ("1. Mr Oakford introduced …") falls outside that chain.
 */
function numberAloneWithNumbered(lines: readonly string[]): Heading[] {
  const alone = findHeadings(lines, 'number-alone');
  if (alone.length === 0) return alone;
  const covered = new Set(alone.flatMap((a) => Array.from({ length: a.end - a.start }, (_, k) => a.start + k)));
  const numbered = findHeadings(lines, 'number-and-title').filter((heading) => depth(heading.number!) === 1 && !covered.has(heading.start));
  if (numbered.length === 0) return alone;
  const byStart = (a: Heading, b: Heading) => a.start - b.start;
  const inSequence = new Set(keepAscending([...alone, ...numbered].sort(byStart)));
  return [...alone, ...numbered.filter((heading) => isBoldLine(lines[heading.start]!) || inSequence.has(heading))].sort(byStart);
}

/**
 * Kent's PDF text layer can put a minute number above the end of the previous item
 * ("303." then "RESOLVED that …", then "Treasury Management …" and "(Item 12)"): a number
 * not followed by a title and its "(Item N)" heads the next such title before the next number.
 */
function attachDisplacedNumbers(headings: readonly Heading[], lines: readonly string[]): Heading[] {
  const titled = findHeadings(lines, 'agenda-reference');
  const hasReference = (heading: Heading) => lines.slice(heading.start, heading.end).some((line) => AGENDA_REFERENCE.test(plainLine(line)));
  // Both lists run down the page, so one pass over the titles serves every number.
  let next = 0;
  return headings.map((heading, k) => {
    if (hasReference(heading)) return heading;
    const before = headings[k + 1]?.start ?? lines.length;
    while (next < titled.length && titled[next]!.start <= heading.start) next++;
    const title = titled[next] && titled[next]!.end <= before ? titled[next] : undefined;
    return title ? { ...title, shape: heading.shape, number: heading.number } : heading;
  });
}

/** Picks the shape the document's items are written in, in order of how unambiguous each shape is. */
function headingsOfOneShape(lines: readonly string[]): Heading[] {
  const prefixed = prefixedHeadings(lines);
  if (prefixed.length >= 3) return prefixed;
  const numberAlone = dropStrayNumbers(attachDisplacedNumbers(numberAloneWithNumbered(lines), lines));
  if (numberAlone.length >= 3) {
    const itemWord = findHeadings(lines, 'item-word').filter((h) => !lines[h.start]!.includes('('));
    return itemWord.length > numberAlone.length ? itemWord : numberAlone;
  }
  for (const shape of ['item-word', 'minute-ref', 'agenda-reference'] as const) {
    const found = findHeadings(lines, shape);
    if (found.length >= ENOUGH_HEADINGS) return found;
  }
  // A few minute numbers alone among numbered titles ("1." above "Adoption of Minutes", then "2. Policing Issues") head items of the same list.
  const minuteNumbersAlone = numberAlone.filter((heading) => depth(heading.number!) === 1);
  const numberedLines = [...findHeadings(lines, 'number-and-title'), ...minuteNumbersAlone].sort((a, b) => a.start - b.start);
  const capitals = findHeadings(lines, 'capitals');
  // Lists numbered afresh under each of three or more capital headings ("MATTERS ARISING", "1.", "2.", "PLANNING", "1.") are paragraphs.
  // A "1." restarts a list under a capital heading when one stands between it and the numbered line before it (one pass: both run down the page).
  let capital = 0;
  let from = -1;
  const restarts = numberedLines.map((heading) => {
    while (capital < capitals.length && capitals[capital]!.start <= from) capital++;
    const under = capital < capitals.length && capitals[capital]!.start < heading.start;
    from = heading.start;
    return under;
  });
  const firsts = numberedLines.filter((heading) => heading.number === '1');
  const restartUnderCapitals = firsts.length >= 3 && numberedLines.every((heading, k) => heading.number !== '1' || restarts[k]);
  const numbered = restartUnderCapitals ? [] : dropListEntries(keepAscending(numberedLines), lines);
  if (numbered.length >= ENOUGH_HEADINGS) return numbered;
  const labels = findHeadings(lines, 'label');
  if (labels.length >= 3 && labels.length >= capitals.length) return labels;
  const boldLabels = findHeadings(lines, 'bold-label');
  if (boldLabels.length >= 3 && boldLabels.length > capitals.length) return boldLabels;
  const standalone = findHeadings(lines, 'standalone-title');
  return standalone.length >= 3 && standalone.length > capitals.length * 2 ? standalone : capitals;
}

/** "(a)" alone on its line. */
const LETTER_ALONE = /^\(([a-z])\)$/;

/**
 * Sub-items lettered on a line of their own under a numbered item, each titled in bold on the
 * next line ("4." … "(a)" / "**Part 8 Procedure …**", "(b)" / "**Team Limerick …**"): items
 * "4(a)", "4(b)". A letter run into its text ("(a) At the Scrutiny Committee …") is a paragraph.
 */
function letteredSubItems(headings: readonly Heading[], lines: readonly string[]): Heading[] {
  return headings.flatMap((heading, k) => {
    const parent = heading.number;
    if (parent === undefined || depth(parent) > 1 || !/^\d+$/.test(parent)) return [heading];
    const end = headings[k + 1]?.start ?? lines.length;
    const subs: Heading[] = [];
    for (let i = heading.end; i < end; i++) {
      const letter = LETTER_ALONE.exec(plainLine(lines[i]!))?.[1];
      if (!letter) continue;
      const titleAt = nextFilled(lines, i + 1);
      if (titleAt >= end || !isBoldLine(lines[titleAt]!)) continue;
      const { title, end: after } = continueBoldTitle(lines, titleAt);
      if (looksLikeTitle(title)) subs.push({ shape: heading.shape, start: i, end: after, number: `${parent}(${letter})`, title });
    }
    // A single letter is a list of one, not sub-items.
    return subs.length >= 2 ? [heading, ...subs] : [heading];
  });
}

/**
 * The items of a numbered agenda, then the closing business after its last item, and the
 * matters raised under Any other business as short bold lines ("**Hidden Heartlands**").
 */
export function chooseHeadings(lines: readonly string[]): Heading[] {
  const headings = letteredSubItems(headingsOfOneShape(lines), lines);
  const last = headings.at(-1);
  if (last?.number === undefined) return headings;
  const closing = findHeadings(lines, 'closing-business', last.end);
  const otherBusiness = [last, ...closing].find((heading) => /^any other business\b/i.test(heading.title));
  const matters = otherBusiness
    ? findHeadings(lines, 'bold-label', otherBusiness.end).filter((matter) => !closing.some((heading) => heading.start === matter.start))
    : [];
  return [...headings, ...closing, ...matters].sort((a, b) => a.start - b.start);
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** The rest of a heading line after its title ("1. Apologies for absence. Apologies had been…"). */
function restOfHeadingLine(line: string, title: string): string | undefined {
  const plain = plainLine(line);
  const at = plain.indexOf(title);
  // The colon or full stop that closed a run-in title ("Apologies: Cllr R Bivon", "Closure. The Chairman …") is not text.
  const rest = at >= 0 ? plain.slice(at + title.length).replace(/^\s*[.:]?\s*/, '') : '';
  return rest === '' ? undefined : rest;
}

/** The label over the title of a record of one decision ("Subject Matter / Title of Decision"). */
const DECISION_TITLE = /^(?:Subject(?: Matter)?\s*\/\s*)?Title of (?:the )?Decision\s*:?$/i;

/**
 * ModernGov item pages ("Agenda item" then the title), report covers ("Report Title …") and
 * records of a decision (the title under "Title of Decision", the form's fields and the
 * decision's options kept as its text) hold one item.
 */
function singleItem(lines: readonly string[]): SplitDocument | undefined {
  const filled = lines.map((line, index) => ({ plain: plainLine(line), index })).filter((l) => l.plain !== '');
  const label = filled.findIndex((l) => DECISION_TITLE.test(l.plain));
  const decided = filled[label + 1];
  if (label >= 0 && decided) {
    const text = [...lines.slice(0, filled[label]!.index), ...lines.slice(decided.index + 1)];
    return { kind: 'agenda-item', preamble: [], items: [{ title: decided.plain, lines: trimBlank(text) }] };
  }
  const report = filled.find((l) => /^Report Title\b/i.test(l.plain));
  if (report) {
    const title = report.plain.replace(/^Report Title\s*/i, '');
    return {
      kind: 'agenda-item',
      preamble: lines.slice(0, report.index),
      items: [{ title, lines: trimBlank(lines.slice(report.index + 1)) }],
    };
  }
  if (!/^Agenda item$/i.test(filled[0]?.plain ?? '')) return undefined;
  const heading = filled.find((l) => !/^Agenda item$/i.test(l.plain));
  if (!heading) return undefined;
  const body = trimBlank(lines.slice(heading.index + 1));
  // The paragraphs carry the item number: "6.1 Pauline Armour…" belongs to item 6.
  const paragraphNumber = body.map((line) => /^(\d{1,3})\.\d{1,2}\s/.exec(plainLine(line))?.[1]).find(Boolean);
  return { kind: 'agenda-item', preamble: [], items: [{ number: paragraphNumber, title: heading.plain, lines: body }] };
}

/** Cuts cleaned lines into the meeting's preamble and its agenda items. */
export function splitItems(lines: readonly string[]): SplitDocument {
  const single = singleItem(lines);
  if (single) return single;
  const gazette = gazetteHeadings(lines);
  const kind = gazette.length > 0 ? 'gazette' : 'minutes';
  const headings = kind === 'gazette' ? gazette : chooseHeadings(lines);
  if (headings.length === 0) return { kind, preamble: [...lines], items: [] };
  const items = headings.map((heading, k): SplitItem => {
    const next = headings[k + 1]?.start ?? lines.length;
    const rest = heading.end - heading.start === 1 ? restOfHeadingLine(lines[heading.start]!, heading.title) : undefined;
    const body = lines.slice(heading.end, next).filter((line) => !AGENDA_REFERENCE.test(plainLine(line)));
    return { number: heading.number, title: heading.title, lines: trimBlank(rest ? [rest, ...body] : body) };
  });
  return { kind, preamble: trimBlank(lines.slice(0, headings[0]!.start)), items };
}
