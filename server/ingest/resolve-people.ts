import type { MeiliSearch } from 'meilisearch';
import { quoteFilterValue } from '../engine/filter-syntax.js';
import { fetchAllDocuments } from '../engine/indexes.js';
import { awaitTask } from '../engine/tasks.js';
import { councilPeople, PEOPLE_INPUT_ATTRIBUTES, resolvePeople, type PeopleInput, type ResolvedPeople } from '../index/people.js';
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

type Resolved = ResolvedPeople & Pick<SearchDocument, 'officer_names'>;
type Held = PeopleInput & Partial<Resolved>;

/** Partial updates sent to the engine at once. */
const UPDATE_BATCH = 1000;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether the index holds a document not resolved under these rules (one resolved before, or by other rules). */
export async function peopleOutdated(client: MeiliSearch, uid: string, rules: PeopleRules): Promise<boolean> {
  const { results } = await client
    .index(uid)
    .getDocuments({ filter: `people_rules NOT EXISTS OR people_rules != ${quoteFilterValue(rules.stamp)}`, limit: 1, fields: ['id'] });
  return results.length > 0;
}

/**
 * Resolves the people of every document in the index (see server/index/people.ts) and writes,
 * as partial updates, the fields of those whose people changed. Each council's people are made
 * from its public documents alone; a Part 2 record is resolved through them, so nothing the
 * public sees of a person comes from a record it may not read.
 */
export async function resolveIndexPeople(
  client: MeiliSearch,
  uid: string,
  rules: PeopleRules,
  reporter: IngestReporter,
): Promise<{ updated: number }> {
  const documents = await fetchAllDocuments<Held & Record<string, unknown>>(client, uid, [
    ...PEOPLE_INPUT_ATTRIBUTES,
    ...RESOLVED_ATTRIBUTES,
  ]);
  const people = councilPeople(
    documents.filter((document) => document.visibility === 'public'),
    rules,
  );
  warnUnusedRules(rules, people, reporter);
  const updates: ({ id: string } & Resolved)[] = [];
  for (const document of documents) {
    const resolved = resolvePeople(document, people.get(document.council), rules.stamp);
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

/** A rule naming a council or a name the minutes never give is probably mistyped: said, not fatal. */
function warnUnusedRules(rules: PeopleRules, people: ReturnType<typeof councilPeople>, reporter: IngestReporter): void {
  for (const rule of rules.rules) {
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
