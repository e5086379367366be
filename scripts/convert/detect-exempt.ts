import { plainLine } from './clean-text.js';

/** What the minutes say about an item's publication under LGA 1972 Schedule 12A. */
export interface Exemption {
  exempt: boolean;
  /** The Schedule 12A paragraph relied on, as published ("3"). */
  paragraph?: string;
}

/** An item marked exempt in its own heading or opening lines. */
const EXEMPT_MARK = /\b(?:part\s+(?:2|ii|two)\b|exempt\s+(?:item|information|report|appendix|minute)|confidential|not for publication|restricted item|private and confidential)\b/i;
/** A section heading after which every item is exempt ("EXEMPT ITEMS", "RESTRICTED ITEMS", "Part 2"). */
const EXEMPT_SECTION = /^(?:(?:EXEMPT|RESTRICTED|CONFIDENTIAL|PRIVATE)\s+(?:ITEMS|BUSINESS)|PART\s+(?:2|II|TWO)(?:\s*[-–:].*)?)$/i;
/** The resolution that closes the meeting to the public; the items after it are exempt. */
export const EXCLUSION_OF_PUBLIC = /\bexclusion of (?:the )?(?:press and (?:the )?public|public and (?:the )?press|public)\b|\bexclude the (?:press and )?public\b/i;
const PARAGRAPH = /\bparagraphs?\s+(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\s+of\s+(?:Part\s+(?:1|I)\s+of\s+)?Schedule\s+12A\b/i;
/** How much of an item's opening is read for its marking. */
const OPENING_LINES = 4;

export function exemptParagraph(text: string): string | undefined {
  return PARAGRAPH.exec(text)?.[1]?.replace(/\s+/g, ' ');
}

/** Whether one item is exempt, from its heading and opening lines. */
export function detectExemption(title: string, lines: readonly string[]): Exemption {
  const opening = [title, ...lines.slice(0, OPENING_LINES).map(plainLine)].join(' ');
  if (EXEMPT_MARK.test(opening) && !/\bpart\s+(?:1|i|one)\b/i.test(opening)) {
    return { exempt: true, paragraph: exemptParagraph(opening) ?? exemptParagraph(lines.map(plainLine).join(' ')) };
  }
  return { exempt: false };
}

/** Whether an item's body ends with a heading that makes the items after it exempt. */
export function opensExemptSection(title: string, lines: readonly string[]): boolean {
  return EXCLUSION_OF_PUBLIC.test(title) || lines.some((line) => EXEMPT_SECTION.test(plainLine(line)));
}
