import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import { parsePersonName, variantKey } from '../minutes/person-names.js';

/** The names an operator merges or keeps apart; the archive's own list, which a deployment may replace (PEOPLE_FILE). */
export const PEOPLE_FILE = path.join(PROJECT_ROOT, 'server', 'index', 'people.txt');

/** Bumped whenever resolution itself changes, so that every document is resolved again. */
const RESOLUTION_VERSION = 1;

export type PeopleKind = 'members' | 'officers';

/** One line of the file: these names, in this council, are one person (`same`) or different people (`apart`). */
export interface PeopleRule {
  line: number;
  kind: PeopleKind;
  rule: 'same' | 'apart';
  council: string;
  /** The names as written, and their variant keys. */
  names: string[];
  keys: string[];
}

export interface PeopleRules {
  /** The file the rules were read from, to name in what is said of them. */
  source: string;
  rules: PeopleRule[];
  /** Changes when the rules or the resolution change: documents resolved under another stamp are resolved again. */
  stamp: string;
  /** Variant keys to merge and to keep apart in one council's members or officers. */
  forCouncil(council: string, kind: PeopleKind): { same: string[][]; apart: string[][] };
}

/** A line of the people file that cannot be used, named by file and line. */
export class PeopleRulesError extends Error {
  constructor(source: string, line: number, why: string) {
    super(`${source} line ${line}: ${why}`);
    this.name = 'PeopleRulesError';
  }
}

const LINE = /^(same|apart)(?:\s+(members|officers))?\s*:\s*(.*)$/i;

/**
 * Reads a people file: one rule a line, `same: COUNCIL | NAME | NAME …` or `apart: COUNCIL |
 * NAME | NAME …`, `officers` after the word for officers' names (`same officers: …`); `#`
 * starts a comment. Throws PeopleRulesError naming the line on anything it cannot read.
 */
export function parsePeopleRules(text: string, source = 'people rules'): PeopleRules {
  const rules: PeopleRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    const match = LINE.exec(content);
    if (!match)
      throw new PeopleRulesError(
        source,
        line,
        `expected "same: COUNCIL | NAME | NAME" or "apart: COUNCIL | NAME | NAME", found "${content}"`,
      );
    const [council, ...names] = (match[3] as string).split('|').map((part) => part.trim().replace(/\s+/g, ' '));
    if (!council) throw new PeopleRulesError(source, line, 'names no council before the first "|"');
    if (names.length < 2 || names.some((name) => name === ''))
      throw new PeopleRulesError(source, line, 'needs at least two names after the council, separated by "|"');
    const keys = names.map((name) => {
      const parsed = parsePersonName(name);
      if (!parsed) throw new PeopleRulesError(source, line, `"${name}" does not read as a person's name`);
      return variantKey(parsed);
    });
    if (new Set(keys).size < keys.length) throw new PeopleRulesError(source, line, 'names one way of writing a name twice');
    const rule = (match[1] as string).toLowerCase() as PeopleRule['rule'];
    const kind = ((match[2] as string | undefined)?.toLowerCase() ?? 'members') as PeopleKind;
    rules.push({ line, kind, rule, council, names, keys });
  });
  const stamp = createHash('sha256')
    .update(`resolution ${RESOLUTION_VERSION}\n`)
    .update(JSON.stringify(rules.map(({ line: _line, ...rule }) => rule)))
    .digest('hex')
    .slice(0, 16);
  return {
    source,
    rules,
    stamp,
    forCouncil(council, kind) {
      const mine = rules.filter((rule) => rule.council === council && rule.kind === kind);
      return {
        same: mine.filter((rule) => rule.rule === 'same').map((rule) => rule.keys),
        apart: mine.filter((rule) => rule.rule === 'apart').map((rule) => rule.keys),
      };
    },
  };
}

export function loadPeopleRules(file: string = PEOPLE_FILE): PeopleRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as Error).message})`, { cause: error });
  }
  return parsePeopleRules(text, file);
}

/** No rules: names are resolved by the archive alone. */
export const NO_PEOPLE_RULES: PeopleRules = parsePeopleRules('');
