/**
 * Where and when a meeting was held, as its minutes state them in their heading ("held in the
 * Council Chamber, Sessions House, County Hall, Maidstone on Thursday, 30 January 2025", "at
 * 7.30pm") and at their end ("The meeting closed at 8.45pm"). Nothing is guessed: a fact not
 * stated is left out.
 */
export interface MeetingFacts {
  place?: string;
  starts?: string;
  ends?: string;
}

/** How much of the minutes' opening and ending is read: the heading, and the last lines. */
const HEADING_CHARACTERS = 600;
const ENDING_CHARACTERS = 400;

const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december)`;
const TIME = String.raw`\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[.:]\d{2}(?![\d/])`;

/** "held in the Council Chamber, Sessions House, Maidstone" up to the date, time or end of the phrase. */
const PLACE = new RegExp(
  String.raw`\bheld\s+(?:their\s+meeting\s+)?(?:at|in)\s+(?!\d)(.{3,120}?)(?=\s*,?\s+(?:on\b|at\s+\d|${WEEKDAY}\b|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b|commencing\b|starting\b|present\b)|(?<!\b(?:Co|St|Rd|No))\s*[.;](?:\s|$)|$)`,
  'i',
);
const STARTS = new RegExp(String.raw`\b(?:at|commenc\w*(?:\s+at)?|start\w*(?:\s+at)?)\s+(${TIME})`, 'i');
const ENDS = new RegExp(
  String.raw`\b(?:meeting|which|business|proceedings)\s+(?:was\s+)?(?:closed|ended|concluded|finished|terminated|rose)\b[^\d]{0,20}?(${TIME})`,
  'i',
);

/** Lines joined and markdown emphasis dropped: headings are often bold, and broken across lines. */
const oneLine = (text: string) =>
  text
    .replace(/\*\*|__/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Capitals, as many headings print the place, read better in title case. */
function readable(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s(,-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** "7.30 P.M." as "7.30pm". */
const clockTime = (time: string) =>
  time
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/([ap])\.?m\.?$/, '$1m');

/** `opening`: the start of the minutes (the first item's text); `ending`: the end of the last item's. */
export function meetingFacts(opening: string, ending: string): MeetingFacts {
  const heading = oneLine(opening.slice(0, HEADING_CHARACTERS));
  const place = PLACE.exec(heading)?.[1];
  // The time a meeting starts is the first time its heading gives, after the word "held" where there is one.
  const held = heading.search(/\bheld\b/i);
  const starts = STARTS.exec(held >= 0 ? heading.slice(held) : heading)?.[1];
  const ends = ENDS.exec(oneLine(ending.slice(-ENDING_CHARACTERS)))?.[1];
  return {
    ...(place ? { place: readable(place.replace(/[,\s]+$/, '')) } : {}),
    ...(starts ? { starts: clockTime(starts) } : {}),
    ...(ends ? { ends: clockTime(ends) } : {}),
  };
}
