import type { MeiliSearch } from 'meilisearch';
import { quoteFilterValue } from '../engine/filter-syntax.js';
import { fetchAllDocuments } from '../engine/indexes.js';
import { awaitTask } from '../engine/tasks.js';
import { CouncilPeopleCollector, PEOPLE_INPUT_ATTRIBUTES, resolvePeople, type PeopleInput, type ResolvedPeople } from '../index/people.js';
import type { PeopleRules } from '../index/people-rules.js';
import type { SearchDocument } from '../index/search-document.js';
import type { IngestReporter } from './reporter.js';

/** What resolution writes, compared with what a document holds to send only what changed. */
const RESOLVED_ATTRIBUTES = [
  'councillor_names',
  'members_present',
  'members_absent',
  'member_acts',
  'member_roles',
  'member_variants',
  'officer_names',
  'officer_variants',
  'people_rules',
] as const satisfies (keyof SearchDocument)[];

const RESOLVED_SET = new Set<string>(RESOLVED_ATTRIBUTES);

export type Resolved = ResolvedPeople & Pick<SearchDocument, 'officer_names'>;
type Held = PeopleInput & Partial<Resolved>;

/** Partial updates sent to the engine at once. */
const UPDATE_BATCH = 1000;
/** Item ids, and councils, named in one filter when fetching documents by them. */
const FILTER_VALUES = 200;

/** JSON with object keys in order, so that values the engine gives back compare equal to those made here. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, (inner as Record<string, unknown>)[key]]),
        )
      : inner,
  );
}

const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** What resolution reads of a document. */
export function peopleInputOf(document: SearchDocument): PeopleInput {
  const input: Record<string, unknown> = {};
  for (const attribute of PEOPLE_INPUT_ATTRIBUTES) if (document[attribute] !== undefined) input[attribute] = document[attribute];
  return input as PeopleInput;
}

/** A document as JSON without the fields resolution writes, for `withPeople` to complete once its people are known. */
export function unresolvedJson(document: SearchDocument): string {
  // Copied key by key rather than deleted from a copy, which would slow the object's serialising.
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) if (!RESOLVED_SET.has(key)) rest[key] = value;
  return JSON.stringify(rest);
}

/** Completes a document of `unresolvedJson` (an object, so ending in "}") with its resolved people. */
export function withPeople(json: string, resolved: Resolved): string {
  return `${json.slice(0, -1)},${JSON.stringify(resolved).slice(1)}`;
}

/**
 * A document as a rebuild spools it, one line: what resolution reads of it, a tab (which JSON
 * never holds unescaped), and the document without its people, so that nothing of it need be
 * held in memory until its people are known.
 */
export function spoolLine(document: SearchDocument, input: PeopleInput = peopleInputOf(document)): string {
  return `${JSON.stringify(input)}\t${unresolvedJson(document)}`;
}

/** The document of a `spoolLine`, completed with the people `resolve` gives it. */
export function completeSpoolLine(line: string, resolve: (document: PeopleInput) => Resolved): string {
  const tab = line.indexOf('\t');
  return withPeople(line.slice(tab + 1), resolve(JSON.parse(line.slice(0, tab)) as PeopleInput));
}

/**
 * Resolution over documents in hand: each council's people are made from its public documents
 * alone, in the order they are added (which breaks ties), and any document of those councils
 * is then resolved through them, so nothing the public sees of a person comes from a record it
 * may not read. Documents may be added as they are read.
 */
export class PeopleResolution {
  private readonly collector = new CouncilPeopleCollector();
  /** Documents added, public or not. */
  documents = 0;

  add(document: PeopleInput): void {
    this.documents += 1;
    if (document.visibility === 'public') this.collector.add(document);
  }

  /**
   * Resolves documents through the people collected. Rules naming a council or a name the
   * documents never give are told to the reporter; `councils`, when given, limits that to the
   * councils the documents are all of.
   */
  resolver(rules: PeopleRules, reporter: IngestReporter, councils?: ReadonlySet<string>): (document: PeopleInput) => Resolved {
    const people = this.collector.build(rules);
    warnUnusedRules(rules, people, reporter, councils);
    return (document) => resolvePeople(document, people.get(document.council), rules.stamp);
  }
}

/** `PeopleResolution` over documents all in hand. */
export function peopleResolver(
  documents: Iterable<PeopleInput>,
  rules: PeopleRules,
  reporter: IngestReporter,
  councils?: ReadonlySet<string>,
): (document: PeopleInput) => Resolved {
  const resolution = new PeopleResolution();
  for (const document of documents) resolution.add(document);
  return resolution.resolver(rules, reporter, councils);
}

/** Whether the index holds a document not resolved under these rules (one resolved before, or by other rules). */
export async function peopleOutdated(client: MeiliSearch, uid: string, rules: PeopleRules): Promise<boolean> {
  const { results } = await client
    .index(uid)
    .getDocuments({ filter: `people_rules NOT EXISTS OR people_rules != ${quoteFilterValue(rules.stamp)}`, limit: 1, fields: ['id'] });
  return results.length > 0;
}

const anyOf = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;

/** Documents whose `attribute` is one of `values`, with `fields`, in the engine's order within each request. */
async function fetchWhereIn<T extends Record<string, unknown>>(
  client: MeiliSearch,
  uid: string,
  attribute: string,
  values: string[],
  fields: Extract<keyof T, string>[],
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < values.length; start += FILTER_VALUES)
    found.push(...(await fetchAllDocuments<T>(client, uid, fields, anyOf(attribute, values.slice(start, start + FILTER_VALUES)))));
  return found;
}

const HELD_FIELDS = [...PEOPLE_INPUT_ATTRIBUTES, ...RESOLVED_ATTRIBUTES];

/**
 * Resolves the people of the index's documents (all of them, or those of `councils`) and
 * writes, as partial updates, the fields of those whose people changed. A council's people
 * are made from all of its documents at once, so a council is fetched whole.
 */
export async function resolveIndexPeople(
  client: MeiliSearch,
  uid: string,
  rules: PeopleRules,
  reporter: IngestReporter,
  councils?: ReadonlySet<string>,
): Promise<{ updated: number }> {
  type Document = Held & Record<string, unknown>;
  const documents = councils
    ? await fetchWhereIn<Document>(client, uid, 'council', [...councils], HELD_FIELDS)
    : await fetchAllDocuments<Document>(client, uid, HELD_FIELDS);
  const resolve = peopleResolver(documents, rules, reporter, councils);
  const updates: ({ id: string } & Resolved)[] = [];
  for (const document of documents) {
    const resolved = resolve(document);
    if (RESOLVED_ATTRIBUTES.some((attribute) => !sameValue(document[attribute], resolved[attribute])))
      updates.push({ id: document.id, ...resolved });
  }
  if (updates.length > 0) reporter.progress(`Resolving people: ${updates.length} items to update`);
  for (let start = 0; start < updates.length; start += UPDATE_BATCH) {
    const task = await client.index(uid).updateDocuments(updates.slice(start, start + UPDATE_BATCH), { primaryKey: 'id' });
    const done = await awaitTask(client, task.taskUid);
    if (done.status !== 'succeeded') throw new Error(`The engine did not take the resolved people: ${done.error?.message ?? done.status}`);
  }
  return { updated: updates.length };
}

/**
 * An update's people, kept current with work in proportion to what changed. A council's
 * people depend only on what its documents give resolution (`PEOPLE_INPUT_ATTRIBUTES`), in
 * the index's order, which replacing a document keeps. So a changed document that gives the
 * same as its indexed version, resolved under the same rules, changes nobody: it is sent
 * with that version's people, complete. Any other change (a new or removed document, other
 * names, another visibility or council) marks its councils, and only their documents are
 * resolved again once the update is applied (`resolveMarked`).
 */
export class UpdatePeople {
  /** Councils whose people may have changed. */
  readonly marked = new Set<string>();
  resolvedAgain = 0;

  constructor(
    private readonly client: MeiliSearch,
    private readonly uid: string,
    private readonly rules: PeopleRules,
  ) {}

  /** Gives each changed document its indexed version's people where they still hold; marks the councils of the rest. */
  async complete(documents: SearchDocument[]): Promise<void> {
    const indexed = new Map(
      (await this.indexedVersions(documents.map((document) => document.item_id))).map((document) => [document.id, document]),
    );
    for (const document of documents) {
      const held = indexed.get(document.id);
      indexed.delete(document.id);
      const input = peopleInputOf(document);
      if (
        held?.people_rules === this.rules.stamp &&
        PEOPLE_INPUT_ATTRIBUTES.every((attribute) => sameValue(input[attribute], held[attribute]))
      ) {
        for (const attribute of RESOLVED_ATTRIBUTES)
          if (held[attribute] !== undefined) Object.assign(document, { [attribute]: held[attribute] });
        continue;
      }
      this.marked.add(document.council);
      if (held) this.marked.add(held.council);
    }
    // An item's document that it no longer has (a Part 2 record of an item now public) is removed.
    for (const gone of indexed.values()) this.marked.add(gone.council);
  }

  /** Marks the councils of documents about to be removed. */
  async removing(itemIds: string[]): Promise<void> {
    for (const document of await this.indexedVersions(itemIds)) this.marked.add(document.council);
  }

  /** Resolves the marked councils' documents again, once the update is applied. */
  async resolveMarked(reporter: IngestReporter): Promise<number> {
    if (this.marked.size === 0) return 0;
    reporter.progress(`Resolving the people of ${this.marked.size} councils`);
    return (await resolveIndexPeople(this.client, this.uid, this.rules, reporter, this.marked)).updated;
  }

  private indexedVersions(itemIds: string[]): Promise<(Held & Record<string, unknown>)[]> {
    return fetchWhereIn<Held & Record<string, unknown>>(this.client, this.uid, 'item_id', [...new Set(itemIds)], HELD_FIELDS);
  }
}

/** A rule naming a council or a name the minutes never give is probably mistyped: said, not fatal. */
function warnUnusedRules(
  rules: PeopleRules,
  people: ReturnType<CouncilPeopleCollector['build']>,
  reporter: IngestReporter,
  councils: ReadonlySet<string> | undefined,
): void {
  for (const rule of rules.rules) {
    if (councils && !councils.has(rule.council)) continue;
    const council = people.get(rule.council);
    if (!council) {
      reporter.warned({ file: rules.source, message: `line ${rule.line}: no public item is of the council "${rule.council}"` });
      continue;
    }
    const directory = rule.kind === 'members' ? council.members : council.officers;
    rule.keys.forEach((key, position) => {
      if (!directory.byVariant.has(key) && !directory.persons.some((person) => person.variants.has(rule.names[position] as string)))
        reporter.warned({
          file: rules.source,
          message: `line ${rule.line}: no ${rule.kind.slice(0, -1)} of ${rule.council} is written "${rule.names[position]}"`,
        });
    });
  }
}
