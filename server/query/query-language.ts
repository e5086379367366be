import type { FacetName } from '../index/index-settings.js';

/** A `field:value` term of the query, e.g. `officer:"Ann James"` or `council:Medway`. */
export interface FieldTerm {
  name: FacetName;
  value: string;
  /** The facet values the term stands for, once looked up in the archive (`council:Medway` → "Medway Council"). */
  matches?: string[];
}

export interface ParsedQuery {
  /** What the engine searches: words, "exact phrases" and -excluded words, as Meilisearch reads them. */
  text: string;
  /** The text split at each `OR`: an item matching any one of them matches. One entry without OR. */
  alternatives: string[];
  fieldTerms: FieldTerm[];
}

const FIELD_ALIASES: Record<string, FacetName> = {
  council: 'council',
  committee: 'committee',
  topic: 'topic',
  officer: 'officer',
  year: 'year',
  councillor: 'councillor',
};

// A term: an optional field prefix, then a "quoted phrase" or a bare word.
const TERM = /(?:^|\s)([a-z]+):(?:"([^"]*)"|(\S+))/gi;

/**
 * Splits what a user typed into the words to search and the field prefixes to
 * filter by. Pure: the prefixes become escaped filters later, never query text.
 */
export function parseQuery(q: string): ParsedQuery {
  const fieldTerms: FieldTerm[] = [];
  const text = q.replace(TERM, (whole, field: string, quoted: string | undefined, bare: string | undefined) => {
    const name = FIELD_ALIASES[field.toLowerCase()];
    const value = (quoted ?? bare ?? '').trim();
    if (!name || value === '') return whole;
    fieldTerms.push({ name, value });
    return ' ';
  });
  const words = text.replace(/\s+/g, ' ').trim();
  return { text: words, alternatives: alternativesOf(words), fieldTerms };
}

// A number written with separators ("£5,000", "932-01", "2016/17", "10:30"), perhaps after a
// currency sign, perhaps before a full stop or other closing mark.
const SEPARATED_NUMBER = /^[£$€]?\d+(?:[,./:-]\d+)+[.,;:!?)]*$/;

/** Whether a term is one number written with separators: its digits are one value, not numbers that may stand apart. */
export const isSeparatedNumber = (token: string) => SEPARATED_NUMBER.test(token);

// A "quoted phrase" (possibly -excluded) or a run of other characters.
const TOKEN = /-?"[^"]*"?|\S+/g;

/** The query text's terms: each "quoted phrase" (with its `-`, if excluded) is one. */
export function queryTokens(words: string): string[] {
  return words.match(TOKEN) ?? [];
}

/** Splits at the word OR (in capitals, as users write it), never inside a phrase. */
function alternativesOf(words: string): string[] {
  const groups: string[][] = [[]];
  for (const token of queryTokens(words)) {
    if (token === 'OR') groups.push([]);
    else groups[groups.length - 1]?.push(token);
  }
  const alternatives = groups.map((group) => group.join(' ')).filter((group) => group !== '');
  return alternatives.length > 0 ? alternatives : [words];
}
