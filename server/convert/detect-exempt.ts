import { plainLine, runningText, sentences } from './clean-text.js';

/**
 * What the minutes say about an item's publication: exempt (Part 2) under Schedule 12A to the
 * Local Government Act 1972 (England and Wales), Schedule 7A to the Local Government (Scotland)
 * Act 1973, Schedule 6 to the Local Government Act (Northern Ireland) 2014, or the confidential
 * business of a parish council under the Public Bodies (Admission to Meetings) Act 1960.
 */
export interface Marking {
  exempt: boolean;
  /** The paragraph(s) of the schedule relied on, as published ("3", "12 and 13"). */
  paragraph?: string;
  /** Why an item taken as exempt may be public, for the reader to check. */
  doubt?: string;
  /** The item speaks of excluding the public later in the meeting, without excluding it. */
  announces?: boolean;
  /** The item closes the meeting to the public: the items after it are exempt. */
  closes?: {
    paragraph?: string;
    /** Business is minuted after the exclusion within this item, so the item itself holds exempt business. */
    businessAfter: boolean;
    doubt?: string;
  };
}

/** The statutory grounds for exemption, in the words councils print them (English and Welsh). */
const STATUTORY =
  /\bexempt\s+information\b|\bschedule\s+(?:12\s?a|7\s?a)\b|\batodlen\s+12\s?a\b|\bgwybodaeth\s+(?:eithriedig|esempt)\b|\beithriedig\b|\bby\s+virtue\s+of\s+paragraphs?(?:\(s\))?\s+\d|\b(?:yn|trwy)\s+rinwedd\s+paragraff|\bnot\s+for\s+publication\b|\bschedule\s+6\s+(?:of|to)\s+the\s+local\s+government\s+act\s+\(northern\s+ireland\)|\bsection\s+42\s*\(\s*4\s*\)|\bconfidential\s+information\s+(?:as\s+defined|within\s+the\s+meaning)\b|\bdisclosure\s+of\s+confidential\s+information\b|\bsection\s+100\s?a\s*\(\s*[23]\s*\)|\bconfidential\s+nature\s+of\s+the\s+(?:business|matters?)\b/i;
/** How a heading marks its own item: "(EXEMPT)", "PART 2 – …", "Restricted Item – …", "Private and Confidential". */
const HEADING_MARK =
  /\(\s*(?:exempt|part\s+(?:2|ii|two)|confidential|restricted|not\s+for\s+publication)\s*\)|^\W*(?:part\s+(?:2|ii|two)|private\s+and\s+confidential|not\s+for\s+publication)\b(?!\s+of\b)|\b(?:exempt|confidential|restricted|non-public|part\s+(?:2|ii))\s+(?:items?|reports?|appendi(?:x|ces)|minutes?|business|session|information|matters?)\b|\bprivate\s+and\s+confidential\b|\bnot\s+for\s+publication\b/i;
/** A heading in capitals: "CONFIDENTIAL – Staffing structure" (in capitals only: "Confidential Shredding Costs" is a service). */
const CAPITAL_MARK = /\b(?:EXEMPT|CONFIDENTIAL|RESTRICTED)\b/;
/** A heading after which every item is exempt ("EXEMPT ITEMS", "RESTRICTED ITEMS", "Part 2"). */
const EXEMPT_SECTION =
  /^(?:(?:EXEMPT|RESTRICTED|CONFIDENTIAL|PRIVATE|NON-PUBLIC)\s+(?:ITEMS|BUSINESS)|PART\s+(?:2|II|TWO)(?:\s*[-–:].*)?)$/i;
/** The public, or the press and public, excluded from the meeting, in English or Welsh. */
const EXCLUSION =
  /\bexclu(?:sion|de|ded|ding)\s+(?:of\s+)?(?:the\s+|all\s+)?(?:members\s+of\s+(?:the\s+)?)?(?:press|public)\b|\b(?:press|public)(?:\s*(?:and|\/)\s*(?:the\s+)?(?:press|public))?(?:\s+and\s+accredited\s+representatives\s+of\s+newspapers)?\s+(?:be|were|was|being|been)\s+excluded\b|\b(?:g?wahardd|cau\s+allan)\s+y\s+(?:wasg\s+a[’']r\s+)?cyhoedd\b/i;
/** Words about other items: a statement of exemption naming them is about them, not about the item it stands in. */
const OTHER_ITEMS =
  /\b(?:following|next|remaining|subsequent)\s+(?:agenda\s+)?(?:items?|business|matters?)\b|\bremainder\s+of\s+the\s+(?:meeting|business)\b|\bitems?\s+so\s+marked\b|\bpart\s+(?:2|ii)\s+of\s+the\s+agenda\b|\beitem\s+(?:fusnes\s+)?(?:ganlynol|canlynol)\b/i;
/** An exclusion spoken of for later ("at the end of the meeting", "should be included on the agenda"): not itself the exclusion. */
const LATER =
  /\b(?:at|to|towards)\s+the\s+end\s+of\s+the\s+meeting\b|\blater\s+in\s+the\s+meeting\b|\bwill\b|\bshould\b|\bnext\s+meeting\b/i;
/** An exclusion that may not have happened: not needed, lost, deferred. */
const NOT_DONE = /\b(?:not|no\s+need|without|lost|defeated|withdrawn|deferred)\b/i;
/** "PART 1 – PUBLIC", "Part I of the meeting": the item says it is public (Part 1 of a schedule is the schedule's own). */
const PART_ONE = /\bpart\s+(?:1|i|one)\b(?!\s*(?:,\s*|\s+of\s+)(?:the\s+)?(?:schedule|sch\b|atodlen))/i;
/** "For publication" as a form prints it: the item says it is public ("not for publication" says the opposite). */
const FOR_PUBLICATION = /(?<!\bnot\s{1,3})\bfor\s+publication\b/i;
/** What may follow an exclusion in its own item without being business: the vote, the close, the signature. */
const PROCEDURE =
  /^(?:(?:the\s+)?(?:motion|resolution|proposal|recommendation)\s+was\s+(?:so\s+|duly\s+)?(?:passed|carried|agreed|adopted)|resolved|agreed|carried|decision:?(?:\s+agreed)?|minutes:?|(?:the\s+)?meeting\s+(?:was\s+)?closed\b.*|(?:meeting\s+)?closed\s+at\b.*|there\s+being\s+no\s+(?:further|other)\s+business\b.*|signed\b.*|chair(?:man|person)?\b.{0,40}|date\b.{0,40})\W*$/i;
const PARAGRAPH =
  /\b(?:paragraphs?|paragraph\(s\)|(?:p|b|mh|ph)?aragraff(?:au|\(au\))?)\s+(\d{1,2}(?:\s*(?:,|and|&|ac|a|or|to)\s*\d{1,2}){0,10})\b/i;
/** How close to the exclusion the words of a later one stand ("… at the end of the meeting after a resolution to exclude the public"). */
const LATER_WITHIN = 100;
/** How many lines open an item: its marking is printed there. */
const OPENING_LINES = 4;
/** A line this short standing alone can be a marking ("EXEMPT ITEM", "PRIVATE AND CONFIDENTIAL"); a longer one is running text. */
const MARK_LINE_LENGTH = 60;

/** The paragraph(s) of the schedule relied on, read from a statement of exemption. */
export function exemptParagraph(text: string): string | undefined {
  for (const sentence of sentences(text)) {
    if (!STATUTORY.test(sentence)) continue;
    const found = PARAGRAPH.exec(sentence)?.[1];
    if (found) return found.replace(/\s+/g, ' ');
  }
  return undefined;
}

/** A title that names the exclusion itself ("Exclusion of the Press and Public", "Exempt Business"), not an exempt item. */
function namesExclusion(title: string): boolean {
  return (
    EXCLUSION.test(title) ||
    /^(?:exempt|private|confidential|restricted|non-public)\s+(?:business|information|items?|session)\W*$|^access\s+to\s+(?:information|meetings)\b/i.test(
      title,
    )
  );
}

/** Whether a sentence speaks of excluding the public later, by words close to the exclusion. */
function excludesLater(sentence: string): boolean {
  const found = EXCLUSION.exec(sentence);
  return (
    found !== null && LATER.test(sentence.slice(Math.max(0, found.index - LATER_WITHIN), found.index + found[0].length + LATER_WITHIN))
  );
}

/**
 * How one item is marked, read from its heading, its text and any exclusion of the public in it.
 * Fails closed: any statutory wording about the item makes it exempt, with a doubt when the
 * wording stands where a marking is not usually printed or the item also calls itself Part 1.
 */
export function readMarking(title: string, lines: readonly string[]): Marking {
  // A minute number run in after a full stop ("… was noted. 172/20 EXCLUSION OF PRESS AND PUBLIC …") starts a sentence too.
  const text = sentences(runningText(lines)).flatMap((sentence) => sentence.split(/(?<=[.!?])\s+(?=\d{1,4}(?:[./]\d{1,4}){0,2}\.?\s)/));
  const opening = runningText(lines.slice(0, OPENING_LINES)).length;
  // Statements about other items: an exclusion, exemption claimed for the following business, or an exclusion to come.
  const later = text.map(excludesLater);
  const aboutOthers = text.map(
    (sentence, k) => !later[k] && (EXCLUSION.test(sentence) || (STATUTORY.test(sentence) && OTHER_ITEMS.test(sentence))),
  );
  const closing = aboutOthers.lastIndexOf(true);
  const section = lines.findIndex((line) => EXEMPT_SECTION.test(plainLine(line)));
  let closes: Marking['closes'];
  if (closing >= 0 || section >= 0 || EXCLUSION.test(title)) {
    const after = closing >= 0 ? text.slice(closing + 1) : section >= 0 ? sentences(runningText(lines.slice(section + 1))) : text;
    const statements = text.filter((_, k) => aboutOthers[k]);
    const notDone =
      statements.some((sentence) => NOT_DONE.test(sentence)) ||
      after.some((sentence) => /\b(?:lost|defeated|withdrawn|not\s+(?:necessary|required|needed))\b/i.test(sentence));
    closes = {
      paragraph: exemptParagraph(statements.join(' ')),
      businessAfter: after.some((sentence) => !PROCEDURE.test(sentence)),
      doubt: notDone ? 'says the public may not have been excluded' : undefined,
    };
  }

  const marks = (line: string) => HEADING_MARK.test(line) || CAPITAL_MARK.test(line);
  const headingMark =
    !namesExclusion(title) &&
    (marks(title) || lines.slice(0, OPENING_LINES).some((line) => plainLine(line).length <= MARK_LINE_LENGTH && marks(plainLine(line))));
  let offset = 0;
  let statutoryInOpening = false;
  let statutoryFurther = false;
  let saysForPublication = FOR_PUBLICATION.test(title);
  text.forEach((sentence, k) => {
    if (!aboutOthers[k] && !later[k] && STATUTORY.test(sentence)) {
      saysForPublication ||= FOR_PUBLICATION.test(sentence);
      if (offset < opening) statutoryInOpening = true;
      else statutoryFurther = true;
    }
    offset += sentence.length + 1;
  });
  const titleStatutory = STATUTORY.test(title) && !OTHER_ITEMS.test(title) && !namesExclusion(title);
  const announces = later.includes(true) || undefined;
  if (!headingMark && !titleStatutory && !statutoryInOpening && !statutoryFurther) return { exempt: false, announces, closes };
  const ownText = text.filter((_, k) => !aboutOthers[k] && !later[k]).join(' ');
  const paragraph = exemptParagraph(`${title}. ${ownText}`);
  const saysPartOne = PART_ONE.test(title) || lines.slice(0, OPENING_LINES).some((line) => PART_ONE.test(plainLine(line)));
  const doubt = saysPartOne
    ? 'marked exempt but also says Part 1'
    : saysForPublication
      ? 'cites exempt information but also says "for publication"'
      : !headingMark && !titleStatutory && !statutoryInOpening
        ? 'cites exempt information further down its text'
        : undefined;
  return { exempt: true, paragraph, doubt, announces, closes };
}
