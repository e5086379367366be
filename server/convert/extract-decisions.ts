import { plainLine, sentences } from './clean-text.js';

/** What an item decided and who was asked to act. */
export interface ItemOutcomes {
  decisions: string[];
  actions: string[];
}

const MAX_DECISION_LENGTH = 600;
/**
 * "RESOLVED that …", "And Resolved: “That …”", "3. RESOLVED that Cabinet agree to:", and a
 * gazette's "Be it resolved by the Board of Control …" ("Be it further resolved" continues the same resolution).
 */
const RESOLVED = /^(?:\d+[.)]\s*)?(?:(?:and\s+)?(?:it\s+was\s+)?resolved\b|be\s+it\s+resolved\b)/i;
/** "On motion, the following resolutions were adopted.": the heading of a block of resolutions, each counted on its own. */
const BLOCK_HEADING =
  /\bthe following\s+(?:\w+\s+)?(?:resolutions?|ordinances?|motions?)\s+(?:was|were)\s+(?:adopted|passed|agreed|approved)/i;
/** ModernGov's "Decision:" / "Decisions:" / "Resolved:" sections, one decision per line. */
const DECISION_SECTION = /^(?:Decisions?|Resolved|Resolution)\s*:?\s*$/i;
/** What follows a Decision section: ModernGov's documents, or a record of decision's reasons and options. */
const SECTION_END =
  /^(?:Supporting documents|Minutes|Attachments|Background papers|Reasons?(?:\(s\))? for (?:the )?decisions?|(?:Alternative )?options considered(?: and rejected)?)\s*:?$/i;
/** "ACTION – Clerk to write", "ACTION: DSU to add …". */
const ACTION = /^ACTIONS?\s*[:–—-]\s*(.+)$/;
/** A sentence recording that something was agreed, approved or carried; a proposal made in the sentence before carried ("This was seconded by Councillor Collins and agreed."). */
const AGREEMENT =
  /\b(?:it was|was|were|all|unanimously|council|committee|members|councillors)\s+(?:(?:unanimously|also|further|again|then|therefore)\s+)?(?:agreed|approved|resolved|adopted|carried|accepted)\b|\bproposed\b.{0,300}?\bseconded\b.{0,300}?\b(?:agreed|approved|carried|resolved)\b|^(?:this|that)\s+was\s+seconded\b.{0,300}?\b(?:agreed|approved|carried)\b|^(?:the committee|the council|the panel|the cabinet)\s*:?\s*(?:\d[.)]\s*)?(?:noted|agreed|approved|endorsed|recommended)\b/i;
/**
 * The parish shapes of a decision: a vote ("seconded by Cllr Sue Lintern, all were in favour",
 * "The Parish Council were unanimously in favour", "one abstained and six were in favour"), "it was
 * decided to accept …", "It was again decided", "a decision was made that", "discussed and
 * decided to hold", a terse "Agreed £20.00.", "Also resolved to pay" or "Passed for payment.",
 * assent ("All Councillors noted they were content"), a co-option, and minutes "read and signed as
 * a true record" or "proposed by Cllr. Leddin and seconded by Cllr. Keary".
 */
const PARISH_AGREEMENT =
  /\b(?:were|was|all)\s+(?:(?:unanimously|all)\s+)?(?:in\s+)?favou?r\b|\bit was (?:(?:also|further|again|then|therefore)\s+)?decided\b|\ba decision was (?:made|taken)\s+(?:that|to)\b|\b(?:discussed|considered|debated|reviewed)\s+and\s+(?:unanimously\s+)?(?:agreed|decided|resolved)\b|\b(?:councillors|members|council|committee)\b[^.]{0,200}?\band\s+(?:unanimously\s+)?(?:agreed|decided|resolved)\s+(?:to|that)\b|\b(?:council|committee|members)\s+(?:unanimously\s+)?decided\b|^(?:also\s+)?(?:agreed|approved|resolved|passed for payment)\b|^all\s+(?:\p{L}+\s+)?(?:councillors|members)\s+(?:noted|confirmed|said|agreed)\s+(?:that\s+)?they\s+were\s+content\b|\bwas\s+(?:duly\s+|unanimously\s+)?co-?opted\b|\bsigned as a (?:true|correct) record\b|\bminutes\b.{0,200}?\b(?:were|was)\s+proposed\b.{0,200}?\bseconded\b/iu;

/** The running of the meeting itself, agreed but no decision of its business: the order of items ("to take Item 6 next"), an adjournment, standing orders suspended. */
const PROCEDURAL =
  /\b(?:be|being|is|was)\s+taken\s+(?:first|next|now|before|after|together|as\s+(?:agenda\s+)?item)\b|\bto\s+(?:take|move|bring|deal with)\s+(?:agenda\s+)?items?\s+(?:no\.?\s*)?\d+\w*(?:\s+(?:and|&)\s+\d+\w*)?\s+(?:next|first|forward|now|before|after|earlier)\b|\bas\s+(?:an?\s+)?agenda\s+item\s+\d|\b(?:short\s+)?adjournment\b|\bsuspen(?:d|sion\s+of)\s+(?:the\s+)?standing\s+orders\b/i;
/** "The motion was not agreed", "… which resulted in the motion not being carried". */
const NOT_AGREED = /\bnot\s+(?:being\s+|been\s+|be\s+)?(?:agreed|approved|carried)\b/i;
/** "This was proposed by Cllr. J. Davies, seconded by Cllr. D. Jones and unanimously agreed.": the vote on the decision just recorded. */
const SAME_DECISION = /^(?:this|that|which)\s+was\s+(?:proposed|seconded)\b/i;

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= MAX_DECISION_LENGTH ? clean : `${clean.slice(0, clean.lastIndexOf(' ', MAX_DECISION_LENGTH))} …`;
}

/** Paragraphs of an item: runs of lines between blank lines, each as one line of text. */
function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let blankBefore = false;
  for (const line of lines) {
    const plain = plainLine(line);
    if (plain === '') {
      blankBefore = true;
      continue;
    }
    // A numbered paragraph or bullet starts afresh even without a blank line; a lower-case start continues across one.
    const startsAnew =
      (blankBefore && !/^\p{Ll}/u.test(plain)) ||
      /^(?:\d+(?:\.\d+)*[.)]?|[-•])\s/.test(plain) ||
      RESOLVED.test(plain) ||
      /:$/.test(current.at(-1) ?? '');
    if (startsAnew && current.length > 0) {
      out.push(current.join(' '));
      current = [];
    }
    current.push(plain);
    blankBefore = false;
  }
  if (current.length > 0) out.push(current.join(' '));
  return out;
}

/** "4. The minutes of the meeting held on 06/11/12 were agreed as a true record.": a heading that is itself the record of a decision. */
const DECIDING_HEADING = /\b(?:was|were)\s+(?:(?:unanimously|duly)\s+)?(?:agreed|approved|adopted|accepted|co-?opted)\b/i;

/**
 * Decisions in an item: RESOLVED paragraphs and Decision sections when the
 * minutes use them, else the sentences recording an agreement, else the
 * item's heading when it is such a sentence. `formal` says whether the
 * meeting records decisions as resolutions at all.
 */
export function extractOutcomes(lines: readonly string[], formal: boolean, title = ''): ItemOutcomes {
  const decisions: string[] = [];
  const actions: string[] = [];
  const plain = lines.map(plainLine);
  const sectionStart = plain.findIndex((line) => DECISION_SECTION.test(line));
  if (sectionStart >= 0) {
    for (const paragraph of paragraphs(lines.slice(sectionStart + 1))) {
      // ModernGov ends the section with "Supporting documents:"; "[Councillor … declared …]" is a note, not a decision.
      if (SECTION_END.test(paragraph)) break;
      if (!/:$/.test(paragraph) && !/^\[.*\]$/.test(paragraph)) decisions.push(shorten(paragraph.replace(/^[-•]\s*/, '')));
    }
  }
  for (const line of plain) {
    const action = ACTION.exec(line);
    if (action) actions.push(shorten(action[1]!));
  }
  const body = paragraphs(sectionStart >= 0 ? lines.slice(0, sectionStart) : lines);
  // Minutes that keep resolutions still record some items' decisions in prose ("it was agreed unanimously"): read those where an item has no resolution.
  const prose = !formal || (sectionStart < 0 && !body.some((paragraph) => RESOLVED.test(paragraph)));
  for (const paragraph of body) {
    if (RESOLVED.test(paragraph)) {
      decisions.push(shorten(paragraph.replace(/^\d+[.)]\s*/, '')));
    } else if (prose) {
      let previousDecided = false;
      for (const sentence of sentences(paragraph)) {
        const decided =
          (AGREEMENT.test(sentence) || PARISH_AGREEMENT.test(sentence)) &&
          !NOT_AGREED.test(sentence) &&
          !BLOCK_HEADING.test(sentence) &&
          !PROCEDURAL.test(sentence);
        if (decided && !(previousDecided && SAME_DECISION.test(sentence))) decisions.push(shorten(sentence));
        previousDecided = decided;
      }
    }
  }
  if (decisions.length === 0 && DECIDING_HEADING.test(title) && !NOT_AGREED.test(title)) decisions.push(shorten(title));
  return { decisions, actions };
}

/** Whether the minutes record decisions as formal resolutions ("RESOLVED", "Decision:"). */
export function usesFormalResolutions(lines: readonly string[]): boolean {
  return lines.some((line) => {
    const plain = plainLine(line);
    return (RESOLVED.test(plain) && /resolved\s*(?:that|:|–|-)/i.test(plain)) || DECISION_SECTION.test(plain);
  });
}
