import { runningText } from './clean-text.js';

/** The committee's name is in the minutes' heading, in the opening words. */
const OPENING_CHARACTERS = 400;
const MONTH_NAMES = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** "MINUTES of a meeting of the Cabinet held…", "…MEETING OF THE JOINT POLICING COMMITTEE HELD IN…". */
const MEETING_OF = /\bmeeting of (?:the )?((?:(?!\b(?:minutes|meeting|held)\b).){3,120}?)\s+(?:was\s+)?held\b/gi;
/** "DRAFT MINUTES OF WEST DEREHAM PARISH COUNCIL MEETING". */
const MINUTES_OF = /\bminutes of (?:the )?((?:(?!\b(?:minutes|meeting|held|proceedings)\b).){3,90}?)\s+(?:meeting|held)\b/gi;
/** A heading naming the body: "MANORDEILO & SALEM COMMUNITY COUNCIL", "CORPORATE PARENTING PANEL – 10th December 2024". */
const BODY_HEADING =
  /^((?:[\p{Lu}&'’-]+\s+){0,6}(?:COUNCIL|COMMITTEE|PANEL|CABINET|BOARD|FORUM|SUB-COMMITTEE)|(?:\p{Lu}[\p{Ll}'’-]*\s+|&\s+|and\s+){1,6}(?:Council|Committee|Panel|Cabinet|Board|Forum|Sub-Committee))\b(?!\s+(?:held|meeting|minutes)\b)/u;
/** Words for a kind of meeting, not part of the body's name. */
const MEETING_KIND =
  /^(?:(?:a|an|the|monthly|special|ordinary|annual|extraordinary|online|hybrid|adjourned)\s+)*meeting\s+of\s+(?:the\s+)?|\s+meeting$/gi;
const SMALL_WORDS = new Set(['of', 'and', 'the', 'in', 'on', 'for', 'at', 'to']);
/** Names of bodies end in one of these; anything else ("Stoke Ferry Annual Parish") is the meeting itself. */
const BODY_NOUN =
  /\b(?:council|committee|cabinet|panel|board|forum|group|district|sub-committee|authority|assembly|partnership|executive|spc|jpc)\b/i;
/** "Limerick City and County Council, Home and Social Development Strategic Policy Committee": the committee is the part after the council. */
const COUNCIL_PREFIX = /^.*?\bCouncil(?:,\s*|[’']s\s+)(?=.*\b(?:committee|panel|board|forum|group|district)\b)/i;
/** Words that name a kind of meeting, not a body: "the Ordinary Meeting" names no committee. */
const ONLY_KIND_WORDS =
  /^(?:(?:a|an|the|monthly|special|ordinary|annual|extraordinary|online|hybrid|adjourned|draft|previous|last|next)\s*)+$/i;

/** "METROPOLITAN DISTRICT OF LIMERICK" → "Metropolitan District of Limerick"; mixed case is left as written. */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      if (i > 0 && SMALL_WORDS.has(word)) return word;
      if (!/[aeiouy]/.test(word)) return word.toUpperCase(); // acronyms: SPC, JPC
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

/** A committee name as a facet value: "Meeting of the X" and "X meeting" both become "X". */
export function normaliseCommittee(name: string): string {
  const trimmed = name
    .replace(/\s+/g, ' ')
    .replace(/^[\s,–-]+|[\s,.:–-]+$/g, '')
    .replace(MEETING_KIND, '')
    .trim();
  return titleCase(trimmed);
}

function named(candidate: string): string | undefined {
  const name = normaliseCommittee(candidate.replace(COUNCIL_PREFIX, ''));
  if (name.split(' ').length > 12 || MONTH_NAMES.test(name.split(' ')[0]!) || ONLY_KIND_WORDS.test(name) || name.length < 3)
    return undefined;
  return BODY_NOUN.test(name) ? name : `${name} Meeting`;
}

/** The committee named in the minutes' heading, if the heading names one. */
export function extractCommittee(openingLines: readonly string[]): string | undefined {
  const text = runningText(openingLines).slice(0, OPENING_CHARACTERS);
  for (const pattern of [MEETING_OF, MINUTES_OF]) {
    for (const match of text.matchAll(pattern)) {
      const name = named(match[1]!);
      if (name) return name;
    }
  }
  const heading = BODY_HEADING.exec(text);
  return heading ? named(heading[1]!) : undefined;
}

/** Compares names as a reader would: case, "&" and punctuation aside. */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) =>
    name
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '');
  return key(a) === key(b);
}
