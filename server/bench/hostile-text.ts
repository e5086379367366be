/**
 * Text written to make the converter's rules rescan what they have read: the shapes that once
 * took time growing with the square of their size, each a fragment repeated. The converter's
 * property test mixes them; `npm run bench:convert` times each alone.
 */
export const HOSTILE_FRAGMENTS: Readonly<Record<string, string>> = {
  // A declaration whose sentence never ends, full of words a rule starts from.
  'declared interest, then "no" without a full stop': 'Councillor Smith declared an interest no no no no no no no no ',
  'a closing heading on every line': 'ANY OTHER BUSINESS\n',
  'a run of capitals': 'ANY OTHER BUSINESS ',
  'hyphenated surnames run together': 'A-B-C-D-E-F-G-H-',
  'a role that never ends': 'the Director of the Head of ',
  'proposed and seconded without a vote': 'proposed seconded proposed seconded ',
  'an attendance label with an open bracket': 'PRESENT (Mr A ',
  'numbered headings': '1. Apologies\n',
  'numbers alone above bold lines': '1.\n**\n',
  'agenda references': '(Item 4)\n',
  'a word broken over every line': 'ab-\n',
  'initials without a surname': 'Mr A.A.A.A.A.A.',
  'markup never closed': '<p class="x" <http://example.org/a ',
  'spaces before every line end': 'word       \n',
  'an exclusion of the public on every line': 'RESOLVED that the press and public be excluded for the following item.\n',
  'statutory wording on every line': 'exempt information as defined in paragraph 3 of Part 1 of Schedule 12A\n',
  // A heading without its year takes it from the dates of the whole text.
  'a weekday heading without its year, a date on every line': 'Thursday 19th October, next meeting May 1, 2024\n',
};

/** A fragment repeated to about `bytes` characters. */
export function repeatTo(fragment: string, bytes: number): string {
  return fragment.repeat(Math.max(1, Math.ceil(bytes / fragment.length)));
}
