import {
  compatibleNames,
  displayName,
  fold,
  parsePersonName,
  specificity,
  variantKey,
  type NameProfile,
  type PersonName,
} from '../minutes/person-names.js';
import type { PersonAct } from '../minutes/people-mentions.js';
import type { SearchDocument } from './search-document.js';
import type { PeopleRules } from './people-rules.js';

/**
 * Who the people of a council's minutes are. Every way a person is written ("Cllr H. Marsh",
 * "Councillor Helen Marsh", "Mrs Marsh (Chairman)") is a variant; variants become one person
 * only where nothing contradicts it, within one council:
 *
 * - two variants can be one person when their surnames agree, their honorifics do not differ in
 *   gender, their given names agree (a short form with its full form) and their initials agree
 *   as far as both go; never when one meeting lists both (two people present);
 * - a variant that could be either of two people who cannot be one ("J Smith", with a John and
 *   a Jane) is ambiguous: it is merged with nobody, and names a person of its own only when it
 *   gives a given name or two initials;
 * - the other variants that can be one person are one (they are then all mutually compatible).
 *
 * A mention left unresolved ("Councillor Sheahan" among three Sheahans) is resolved within its
 * meeting when the meeting's lists name exactly one person it can be. An operator's rules
 * (people-rules.ts) merge or keep apart named variants.
 */

/** What resolution writes on each document: the people it names, resolved, as facet values. */
export interface ResolvedPeople {
  /** Members the item names (in its text, its list of councillors, its declarations): the `councillor` facet. */
  councillor_names: string[];
  /** Members the meeting lists as present, and as sending apologies. */
  members_present: string[];
  members_absent: string[];
  /** "Helen Marsh|moved": what the item says a member did. */
  member_acts: string[];
  /** "Helen Marsh|Chairman": roles the meeting's lists and the item's text give a member. */
  member_roles: string[];
  /** "Helen Marsh|Cllr H. Marsh": each way the item writes a member, to show which variants were merged. */
  member_variants: string[];
  /** "Dave Shipton|Mr D Shipton": the same for officers, whose `officer_names` are resolved in place. */
  officer_variants: string[];
  /** Marks the rules and resolution the fields were made by, so that a change is noticed. */
  people_rules: string;
}

/** Separates a person's name from what is said of them in `member_acts`, `member_roles` and the variants. */
export const PERSON_SEPARATOR = '|';

/** The fields resolution reads. */
export const PEOPLE_INPUT_ATTRIBUTES = [
  'id',
  'item_id',
  'council',
  'meeting_id',
  'visibility',
  'present',
  'apologies',
  'councillors',
  'officers',
  'people_mentions',
] as const satisfies (keyof SearchDocument)[];

export type PeopleInput = Pick<SearchDocument, (typeof PEOPLE_INPUT_ATTRIBUTES)[number]>;

/** A person of one council: how the archive names them, and the variants merged into them. */
export interface Person {
  name: string;
  profile: NameProfile;
  variants: Set<string>;
}

interface Variant {
  key: string;
  name: PersonName;
  /** The ways this variant is written, with how often each. */
  surfaces: Map<string, number>;
  count: number;
  /** Named in a meeting's list of those present or sending apologies (or an item's officers), not only in its text. */
  listed: boolean;
}

/** The people of one council in one capacity (members or officers). */
export interface Directory {
  persons: Person[];
  /** Variant key → its person; absent for an ambiguous or unknown variant. */
  byVariant: Map<string, Person>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/**
 * Parses each distinct way a name is written once: a council's minutes repeat the same few
 * thousand names across every item, and each is read when collected and again when resolved.
 * A list entry may give three names ("Sasa Novak Uí Chonchúir"); running text is read to two,
 * as its pattern finds them.
 */
export class NameParser {
  private readonly parsed = new Map<string, PersonName | undefined>();

  parse(text: string, listed: boolean): PersonName | undefined {
    const key = `${listed ? 'L' : 'T'}${text}`;
    if (this.parsed.has(key)) return this.parsed.get(key);
    const name = parsePersonName(text, { maxWords: listed ? 3 : 2 });
    this.parsed.set(key, name);
    return name;
  }
}

/** Collects variants and the pairs that cannot be one person (listed together at one meeting). */
export class VariantCollector {
  readonly variants = new Map<string, Variant>();
  readonly apart = new Set<string>();
  /** Words of the council's name: a surname alone that is one of them is the place, not a person ("Limerick"). */
  private readonly placeWords: Set<string>;

  constructor(
    council = '',
    private readonly names = new NameParser(),
  ) {
    this.placeWords = new Set(council.split(/[\s(),]+/).map(fold));
  }

  /** A name as written (in a list, or in running text); returns its variant key, or undefined when it names nobody. */
  add(text: string, listed: boolean): string | undefined {
    const name = this.names.parse(text, listed);
    if (!name || (!name.given && name.initials.length === 0 && this.placeWords.has(name.key))) return undefined;
    const key = variantKey(name);
    const variant = this.variants.get(key) ?? { key, name, surfaces: new Map(), count: 0, listed };
    variant.listed ||= listed;
    const surface = name.written;
    variant.surfaces.set(surface, (variant.surfaces.get(surface) ?? 0) + 1);
    variant.count += 1;
    // A member title on any writing of the variant says it names a member.
    if (name.member) variant.name = { ...variant.name, member: true };
    this.variants.set(key, variant);
    return key;
  }

  /** Names listed together (one meeting's present and apologies, one item's officers) are different people. */
  together(keys: (string | undefined)[]): void {
    const distinct = [...new Set(keys.filter((key): key is string => key !== undefined))];
    for (let i = 0; i < distinct.length; i += 1)
      for (let j = i + 1; j < distinct.length; j += 1) this.apart.add(pairKey(distinct[i] as string, distinct[j] as string));
  }
}

const profileOf = (name: PersonName): NameProfile => ({
  key: name.key,
  ...(name.gender ? { gender: name.gender } : {}),
  ...(name.given ? { given: name.given } : {}),
  initials: name.initials,
});

/** The most common of some values, the first on a tie. */
function mostCommon<T>(counted: [T, number][]): T | undefined {
  let best: [T, number] | undefined;
  for (const entry of counted) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/** A person from their variants: the most telling name the minutes give them. */
function personOf(variants: Variant[]): Person {
  const told = new Map(variants.map((variant) => [variant, specificity(profileOf(variant.name))]));
  const ordered = [...variants].sort((a, b) => told.get(b)! - told.get(a)! || b.count - a.count);
  const best = ordered[0] as Variant;
  const given = mostCommon(
    variants.filter((variant) => variant.name.given).map((variant) => [variant.name.given as string, variant.count]),
  );
  const initials = ordered.reduce<string[]>(
    (longest, variant) => (variant.name.initials.length > longest.length ? variant.name.initials : longest),
    [],
  );
  const honorific = mostCommon(
    variants.filter((variant) => variant.name.honorific).map((variant) => [variant.name.honorific as string, variant.count]),
  );
  const surname = mostCommon(variants.map((variant) => [variant.name.surname, variant.count])) ?? best.name.surname;
  const gender = variants.find((variant) => variant.name.gender)?.name.gender;
  const member = variants.some((variant) => variant.name.member);
  const name = displayName({
    ...(honorific ? { honorific } : {}),
    ...(given ? { given } : {}),
    initials: given ? [fold(given).charAt(0).toUpperCase(), ...initials.slice(1)] : initials,
    surname,
    member,
  });
  return {
    name,
    profile: { key: best.name.key, ...(gender ? { gender } : {}), ...(given ? { given } : {}), initials },
    variants: new Set(variants.flatMap((variant) => [...variant.surfaces.keys()])),
  };
}

/**
 * The people a collector's variants make, by the rules above, with the operator's rules for this
 * council applied: `same` groups become one person, `apart` pairs are never one.
 */
export function buildDirectory(
  collector: VariantCollector,
  rules: ReturnType<PeopleRules['forCouncil']> = { same: [], apart: [] },
): Directory {
  const apart = new Set(collector.apart);
  for (const group of rules.apart) for (const a of group) for (const b of group) if (a !== b) apart.add(pairKey(a, b));
  const bySurname = new Map<string, Variant[]>();
  for (const variant of collector.variants.values()) {
    const same = bySurname.get(variant.name.key);
    if (same) same.push(variant);
    else bySurname.set(variant.name.key, [variant]);
  }

  const groups: Variant[][] = [];
  for (const variants of bySurname.values()) {
    const count = variants.length;
    const profiles = variants.map((variant) => profileOf(variant.name));
    // Whether variants i and j can be one person, worked out once per pair (it is symmetric): at [i * count + j].
    const compatible = new Uint8Array(count * count);
    for (let i = 0; i < count; i += 1)
      for (let j = i + 1; j < count; j += 1)
        if (compatibleNames(profiles[i]!, profiles[j]!) && !apart.has(pairKey(variants[i]!.key, variants[j]!.key)))
          compatible[i * count + j] = compatible[j * count + i] = 1;
    const neighbours = variants.map((_, i) => variants.flatMap((__, j) => (compatible[i * count + j] ? [j] : [])));
    const ambiguous = neighbours.map((around) => around.some((a, i) => around.slice(i + 1).some((b) => !compatible[a * count + b])));
    // The variants that are not ambiguous fall into groups of mutually compatible ones: each group is one person.
    const seen = new Uint8Array(count);
    variants.forEach((variant, position) => {
      if (seen[position]) return;
      seen[position] = 1;
      if (ambiguous[position]) {
        const name = variant.name;
        if (name.given || name.initials.length >= 2) groups.push([variant]);
        return;
      }
      const group: Variant[] = [];
      const queue = [position];
      while (queue.length > 0) {
        const at = queue.pop() as number;
        group.push(variants[at] as Variant);
        for (const other of neighbours[at] as number[]) {
          if (!seen[other] && !ambiguous[other]) {
            seen[other] = 1;
            queue.push(other);
          }
        }
      }
      groups.push(group);
    });
  }

  // The operator's merges: every group holding a named variant, and the named variants themselves, become one.
  for (const named of rules.same) {
    const members = named.map((key) => collector.variants.get(key)).filter((variant): variant is Variant => variant !== undefined);
    const merged = new Set<Variant>(members);
    for (let k = groups.length - 1; k >= 0; k -= 1) {
      if ((groups[k] as Variant[]).some((variant) => merged.has(variant))) {
        for (const variant of groups[k] as Variant[]) merged.add(variant);
        groups.splice(k, 1);
      }
    }
    if (merged.size > 0) groups.push([...merged]);
  }

  const persons: Person[] = [];
  const byVariant = new Map<string, Person>();
  const taken = new Map<string, number>();
  // A surname alone in the text ("Councillor Allowance", "Councillor Andy") makes nobody: someone must be listed at a
  // meeting, or written with a given name or an initial.
  const attested = (group: Variant[]) => group.some((variant) => variant.listed || variant.name.given || variant.name.initials.length > 0);
  for (const group of groups.filter(attested).sort((a, b) => a[0]!.key.localeCompare(b[0]!.key))) {
    const person = personOf(group);
    // Two people written alike (kept apart by a rule, or each ambiguous) are told apart by a number.
    const uses = (taken.get(person.name) ?? 0) + 1;
    taken.set(person.name, uses);
    if (uses > 1) person.name = `${person.name} (${uses})`;
    persons.push(person);
    for (const variant of group) byVariant.set(variant.key, person);
  }
  return { persons, byVariant };
}

/** The person a name stands for: its variant's person, else the one person of `context` it can be. */
export function resolveName(
  directory: Directory,
  text: string,
  listed: boolean,
  context: Iterable<Person> = [],
  names = new NameParser(),
): Person | undefined {
  const name = names.parse(text, listed);
  if (!name) return undefined;
  const known = directory.byVariant.get(variantKey(name));
  if (known) return known;
  const profile = profileOf(name);
  const candidates = [...new Set(context)].filter((person) => compatibleNames(person.profile, profile));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Mentions that may add a person: a member's title says the text names a member ("Councillor Marsh", "Cllr P. Harries"). */
const namesMember = (names: NameParser, text: string) => names.parse(text, false)?.member === true;

/** The people of one council, as members and as officers. */
export interface CouncilPeople {
  members: Directory;
  officers: Directory;
  /** The council's names as parsed when collected, to resolve its documents without parsing them again. */
  names: NameParser;
}

/**
 * Collects the people of each council from documents added one at a time (so a caller can
 * add them as they are read), in the order added, which breaks ties.
 */
export class CouncilPeopleCollector {
  private readonly collectors = new Map<
    string,
    { members: VariantCollector; officers: VariantCollector; meetings: Set<string>; names: NameParser }
  >();

  add(document: PeopleInput): void {
    let council = this.collectors.get(document.council);
    if (!council) {
      const names = new NameParser();
      council = {
        members: new VariantCollector(document.council, names),
        officers: new VariantCollector(document.council, names),
        meetings: new Set<string>(),
        names,
      };
      this.collectors.set(document.council, council);
    }
    const { members, officers } = council;
    // A meeting's lists are on each of its items: they are counted once.
    const meeting = document.meeting_id ?? document.item_id;
    if (!council.meetings.has(meeting)) {
      council.meetings.add(meeting);
      members.together([...(document.present ?? []), ...(document.apologies ?? [])].map((entry) => members.add(entry, true)));
    }
    for (const entry of document.councillors ?? []) members.add(entry, false);
    for (const mention of document.people_mentions ?? []) if (namesMember(council.names, mention.name)) members.add(mention.name, false);
    officers.together((document.officers ?? []).map((officer) => (officer.name ? officers.add(officer.name, true) : undefined)));
  }

  /** The people of each council collected, with the operator's rules applied. */
  build(rules: PeopleRules): Map<string, CouncilPeople> {
    const people = new Map<string, CouncilPeople>();
    for (const [council, collected] of this.collectors) {
      people.set(council, {
        members: buildDirectory(collected.members, rules.forCouncil(council, 'members')),
        officers: buildDirectory(collected.officers, rules.forCouncil(council, 'officers')),
        names: collected.names,
      });
    }
    return people;
  }
}

/**
 * The people of each council from the documents given: the public's documents only, so that no
 * variant, merge or name the public sees is learned from a Part 2 record.
 */
export function councilPeople(documents: Iterable<PeopleInput>, rules: PeopleRules): Map<string, CouncilPeople> {
  const collector = new CouncilPeopleCollector();
  for (const document of documents) collector.add(document);
  return collector.build(rules);
}

const joined = (person: Person, what: string) => `${person.name}${PERSON_SEPARATOR}${what}`;
const unique = (values: string[]) => [...new Set(values)];

/** One document's people, resolved through its council's directories; `rulesStamp` marks how. */
export function resolvePeople(
  document: PeopleInput,
  people: CouncilPeople | undefined,
  rulesStamp: string,
): ResolvedPeople & Pick<SearchDocument, 'officer_names'> {
  const members = people?.members ?? { persons: [], byVariant: new Map() };
  const officers = people?.officers ?? { persons: [], byVariant: new Map() };
  const names = people?.names ?? new NameParser();
  const parseName = (text: string, listed: boolean) => names.parse(text, listed);
  const variants: string[] = [];
  const roles: string[] = [];
  const listed = (entries: string[] | undefined) =>
    (entries ?? []).flatMap((entry) => {
      const person = resolveName(members, entry, true, [], names);
      if (!person) return [];
      const name = parseName(entry, true);
      variants.push(joined(person, name?.written ?? entry));
      const role = name?.role;
      if (role) roles.push(joined(person, role));
      return [person];
    });
  const present = listed(document.present);
  const absent = listed(document.apologies);
  // The meeting's people are the context in which a surname alone, or a title and surname, names someone.
  const context = [...present, ...absent];
  const named: Person[] = [];
  const acts: string[] = [];
  // An item whose text holds the meeting's list of those present (the opening of the minutes) names nearly all of
  // them; it is not about them, so being on the list is not being named. A debate naming half the room still names.
  const listedHere = new Set(context);
  const mentioned = new Set(
    (document.people_mentions ?? []).flatMap((found) => {
      const person = resolveName(members, found.name, false, context, names);
      return person && listedHere.has(person) ? [person] : [];
    }),
  );
  const holdsList = listedHere.size >= 3 && mentioned.size * 4 >= listedHere.size * 3;
  const mention = (text: string, act: PersonAct, role?: string) => {
    const person = resolveName(members, text, false, context, names);
    if (!person) return;
    if (holdsList && act === 'named' && !role && listedHere.has(person)) return;
    named.push(person);
    variants.push(joined(person, parseName(text, false)?.written ?? text));
    if (act !== 'named') acts.push(joined(person, act));
    if (role) roles.push(joined(person, role));
  };
  for (const entry of document.councillors ?? []) mention(entry, 'named');
  for (const found of document.people_mentions ?? []) mention(found.name, found.act, found.role);

  const officerVariants: string[] = [];
  const officerNames = (document.officers ?? []).map((officer) => {
    if (!officer.name) return officer.role as string;
    const person = resolveName(officers, officer.name, true, [], names);
    if (!person) return officer.name;
    officerVariants.push(joined(person, parseName(officer.name, true)?.written ?? officer.name));
    return person.name;
  });
  return {
    councillor_names: unique(named.map((person) => person.name)),
    members_present: unique(present.map((person) => person.name)),
    members_absent: unique(absent.map((person) => person.name)),
    member_acts: unique(acts),
    member_roles: unique(roles),
    member_variants: unique(variants),
    officer_names: officerNames,
    officer_variants: unique(officerVariants),
    people_rules: rulesStamp,
  };
}

/** Splits "Helen Marsh|moved" into the person and what is said of them. */
export function splitPersonValue(value: string): { person: string; what: string } {
  const at = value.indexOf(PERSON_SEPARATOR);
  return { person: value.slice(0, at), what: value.slice(at + 1) };
}
