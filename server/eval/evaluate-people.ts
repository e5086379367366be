import { createHash } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import { DEFAULT_TOPICS_FILE, loadTopics } from '../convert/assign-topics.js';
import { convertSource, withIdsBySource } from '../convert/convert-document.js';
import { readManifest } from '../convert/manifest.js';
import { readSource } from '../convert/read-source.js';
import { NotMinutes, type Source } from '../convert/source.js';
import { councilPeople, resolvePeople, type PeopleInput } from '../index/people.js';
import { loadPeopleRules } from '../index/people-rules.js';
import { toSearchDocuments } from '../index/search-document.js';
import { parsePersonName } from '../minutes/person-names.js';
import { validateMinutesItem } from '../minutes/schema.js';
import { readJsonLines } from './json-lines.js';

/** What the hand-checked set says of a meeting's members: how many were present (null where it could not tell). */
interface GoldPresent {
  file: string;
  members_present: number | null;
}

/** A merge judged by reading the council's minutes: the name forms taken as one person, and whether they are. */
export interface JudgedMerge {
  council: string;
  forms: string[];
  same: boolean;
  why: string;
}

/** Merges judged by hand, read by `npm run eval:people`. */
export const JUDGED_MERGES_FILE = path.join(PROJECT_ROOT, 'server', 'eval', 'people-merges.jsonl');

/** One person the resolution made of a present member of a hand-checked meeting, with the name forms merged into them. */
export interface MergedPerson {
  council: string;
  name: string;
  forms: string[];
}

/**
 * A name as far as it tells people apart: given name (or initials) and surname, titles and
 * punctuation left out ("Cllr. D. Butler" is "D Butler"). Ways of writing one form are not merges.
 */
export function nameForm(variant: string): string {
  const name = parsePersonName(variant);
  const form = name ? [name.given ?? name.initials.join(' '), name.surname].filter(Boolean).join(' ') : variant;
  return form.replaceAll('’', "'");
}

export interface PeopleEvaluation {
  goldFile: string;
  meetings: number;
  /** Members present, as the gold counts them, as the converter listed them, and as the resolution made people of them. */
  goldPresent: number;
  listed: number;
  resolved: number;
  /** The same counts in two folds of the meetings, split by a hash of the file name. */
  folds: [{ gold: number; resolved: number }, { gold: number; resolved: number }];
  /** Meetings where the resolution made fewer people than the list holds (two entries taken as one, or an entry as nobody). */
  short: string[];
  /** People made of two or more variants, and the judgements found for them. */
  merges: MergedPerson[];
  judged: { merge: MergedPerson; judgement: JudgedMerge }[];
}

const foldOf = (file: string): 0 | 1 => ((createHash('sha1').update(file).digest()[0] ?? 0) % 2) as 0 | 1;

const mergeKey = (council: string, forms: readonly string[]) => `${council}\n${[...forms].sort().join('\n')}`;

/** The public records of one source, as ingest would store them; an item ingest would refuse is left out. */
function documentsOf(
  source: Source,
  file: string,
  facts: Parameters<typeof convertSource>[2],
  vocabulary: Parameters<typeof convertSource>[3],
) {
  return withIdsBySource(convertSource(source, file, facts, vocabulary), file).items.flatMap((converted) => {
    const result = validateMinutesItem(converted.frontMatter, converted.body.trim());
    if (!result.ok) return [];
    return toSearchDocuments(result.item, { path: file, contentHash: '' }).filter((document) => document.visibility === 'public');
  });
}

/**
 * Converts every source of each council a hand-checked meeting belongs to (a name is resolved
 * against the whole council's minutes), resolves the council's people as ingest does, and compares
 * each hand-checked meeting's members present with the gold count. Merges cannot be judged from
 * counts: those among the present members are listed, with the hand judgements `judgedFile` holds.
 */
export async function evaluatePeople(options: { corpusDir: string; judgedFile?: string }): Promise<PeopleEvaluation> {
  const { corpusDir } = options;
  const goldFile = path.join(corpusDir, 'gold-dev.jsonl');
  const gold = (await readJsonLines<GoldPresent>(goldFile)).filter((meeting) => typeof meeting.members_present === 'number');
  const manifest = await readManifest(path.join(corpusDir, 'manifest.tsv'));
  const vocabulary = await loadTopics(DEFAULT_TOPICS_FILE);
  const councils = new Set(gold.map((meeting) => manifest.get(meeting.file)?.council));
  const byFile = new Map<string, PeopleInput[]>();
  for (const [file, facts] of manifest) {
    if (!councils.has(facts.council)) continue;
    const source = await readSource(path.join(corpusDir, 'minutes', file)).catch((error: unknown) => {
      if (error instanceof NotMinutes) return undefined;
      throw error;
    });
    if (source) byFile.set(file, documentsOf(source, file, facts, vocabulary));
  }
  const people = councilPeople([...byFile.values()].flat(), loadPeopleRules());
  const judgements = new Map(
    (await readJsonLines<JudgedMerge>(options.judgedFile ?? JUDGED_MERGES_FILE)).map((judgement) => [
      mergeKey(judgement.council, judgement.forms),
      judgement,
    ]),
  );
  const evaluation: PeopleEvaluation = {
    goldFile,
    meetings: gold.length,
    goldPresent: 0,
    listed: 0,
    resolved: 0,
    folds: [
      { gold: 0, resolved: 0 },
      { gold: 0, resolved: 0 },
    ],
    short: [],
    merges: [],
    judged: [],
  };
  const seen = new Set<string>();
  for (const meeting of gold) {
    // Every item carries its meeting's lists: the first that has one gives it.
    const document = (byFile.get(meeting.file) ?? []).find((item) => (item.present?.length ?? 0) > 0);
    const listed = document?.present?.length ?? 0;
    const council = people.get(document?.council ?? '');
    const resolved = document ? resolvePeople(document, council, '').members_present : [];
    evaluation.goldPresent += meeting.members_present ?? 0;
    evaluation.listed += listed;
    evaluation.resolved += resolved.length;
    const fold = evaluation.folds[foldOf(meeting.file)];
    fold.gold += meeting.members_present ?? 0;
    fold.resolved += resolved.length;
    if (resolved.length < listed) evaluation.short.push(`${meeting.file}: ${resolved.length} people of ${listed} listed`);
    for (const name of resolved) {
      const person = council?.members.persons.find((candidate) => candidate.name === name);
      const forms = [...new Set([...(person?.variants ?? [])].map(nameForm))].sort();
      if (forms.length < 2 || !document) continue;
      const merge = { council: document.council, name, forms };
      const key = mergeKey(merge.council, merge.forms);
      if (seen.has(key)) continue;
      seen.add(key);
      evaluation.merges.push(merge);
      const judgement = judgements.get(key);
      if (judgement) evaluation.judged.push({ merge, judgement });
    }
  }
  return evaluation;
}

/** The closing report: the present lists, then the merges and how many of those judged are right. */
export function peopleReport(evaluation: PeopleEvaluation, verbose = false): string {
  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}%`);
  const right = evaluation.judged.filter(({ judgement }) => judgement.same).length;
  const unjudged = evaluation.merges.filter(
    (merge) =>
      !evaluation.judged.some((judged) => mergeKey(judged.merge.council, judged.merge.forms) === mergeKey(merge.council, merge.forms)),
  );
  return [
    `Member names against ${evaluation.meetings} hand-checked meetings with a count of members present (${evaluation.goldFile})`,
    `members present: gold ${evaluation.goldPresent}, listed by the converter ${evaluation.listed}, resolved into people ${evaluation.resolved}`,
    `recall of people (resolved / gold): ${percent(Math.min(evaluation.resolved, evaluation.goldPresent), evaluation.goldPresent)}; resolved / listed: ${percent(evaluation.resolved, evaluation.listed)}`,
    `by fold (hash of the file name): ${evaluation.folds.map((fold, index) => `${index + 1}: ${percent(Math.min(fold.resolved, fold.gold), fold.gold)} of ${fold.gold}`).join(', ')}`,
    `meetings with fewer people than list entries: ${evaluation.short.length}`,
    ...evaluation.short.map((line) => `  ${line}`),
    `people present made of two or more name forms (merges): ${evaluation.merges.length}; judged ${evaluation.judged.length}, right ${right}: precision of merges ${percent(right, evaluation.judged.length)}`,
    ...evaluation.judged
      .filter(({ judgement }) => !judgement.same)
      .map(({ merge, judgement }) => `  WRONG ${merge.council}: ${merge.forms.join(' + ')} (${judgement.why})`),
    ...(unjudged.length > 0 ? [`not judged: ${unjudged.length}`] : []),
    ...(verbose || unjudged.length > 0
      ? unjudged.map((merge) => `  ${JSON.stringify({ council: merge.council, forms: merge.forms })}`)
      : []),
  ].join('\n');
}
