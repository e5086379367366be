import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { Random } from './random.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Synthetic minutes at any size: one markdown file per agenda item with front
 * matter that validates against server/minutes/schema.ts. Item `n` depends
 * only on the seed, `n` and the size (which sets the number of councils), so
 * a run can be repeated exactly.
 */

const PLACE_HEADS = [
  'Ash',
  'Brook',
  'Castle',
  'Chester',
  'Dun',
  'Elm',
  'Fair',
  'Glen',
  'Hart',
  'Kings',
  'Lang',
  'Marl',
  'New',
  'Oak',
  'Pen',
  'Queens',
  'Rother',
  'Salt',
  'Thorn',
  'Upper',
  'Wal',
  'West',
  'Whit',
  'York',
];
const PLACE_TAILS = [
  'bridge',
  'bury',
  'by',
  'combe',
  'field',
  'ford',
  'gate',
  'ham',
  'hurst',
  'ley',
  'mere',
  'minster',
  'mouth',
  'port',
  'stead',
  'stow',
  'ton',
  'wick',
  'worth',
];
const COUNCIL_KINDS = [
  'Borough Council',
  'District Council',
  'City Council',
  'County Council',
  'Parish Council',
  'Town Council',
  'Metropolitan Borough Council',
];
/** Councils of the real samples and corpus lead the list, so they are the most frequent. */
const REAL_COUNCILS = [
  'Medway Council',
  'London Borough of Lewisham',
  'Manchester City Council',
  'Kent County Council',
  'Manordeilo and Salem Community Council',
  'Limerick City and County Council',
  'Stoke Ferry Parish Council',
  'West Dereham Parish Council',
  'Wereham Parish Council',
  'Northwold Parish Council',
  'Wretton Parish Council',
];
const COMMITTEES = [
  'Cabinet',
  'Full Council',
  'Planning Committee',
  'Licensing Committee',
  'Audit and Governance Committee',
  'Children and Young People Overview and Scrutiny Committee',
  'Health and Adult Social Care Overview and Scrutiny Committee',
  'Corporate Parenting Panel',
  'Health and Wellbeing Board',
  'Environment and Transport Committee',
  'Housing Committee',
  'Finance and Resources Committee',
  'Standards Committee',
  'Joint Policing Committee',
  'Parish Council meeting',
  'Regeneration, Culture and Environment Overview and Scrutiny Committee',
  'Strategic Policy Committee',
];
const TOPICS = [
  'early help',
  "children's social care",
  'family hubs',
  'schools and education',
  'school exclusions',
  'school attendance',
  'youth services',
  'domestic abuse',
  'adult social care',
  'public health',
  'housing',
  'homelessness',
  'planning applications',
  'local plan',
  'highways',
  'street lighting',
  'winter gritting',
  'waste and recycling',
  'parks and open spaces',
  'allotments',
  'libraries',
  'leisure centres',
  'budget',
  'council tax',
  'fees and charges',
  'procurement',
  'audit',
  'risk management',
  'climate change',
  'flooding',
  'air quality',
  'licensing',
  'community safety',
  'anti-social behaviour',
  'regeneration',
  'economic development',
  'transport',
  'parking',
  'cemeteries',
  'grants',
  'staffing',
  'information governance',
];
const FIRST_NAMES = [
  'Ann',
  'David',
  'Helen',
  'James',
  'Sarah',
  'Michael',
  'Claire',
  'Peter',
  'Rachel',
  'Tom',
  'Aisha',
  'Raj',
  'Mary',
  'John',
  'Gwen',
  'Owen',
  'Siobhan',
  'Declan',
  'Fiona',
  'Mark',
  'Priya',
  'Karen',
  'Paul',
  'Emma',
];
const SURNAMES = [
  'James',
  'Marsh',
  'Hughes',
  'Patel',
  'Evans',
  "O'Brien",
  'Clarke',
  'Davies',
  'Morgan',
  'Khan',
  'Smith',
  'Walsh',
  'Jones',
  'Taylor',
  'Roberts',
  'Murphy',
  'Lewis',
  'Wright',
  'Green',
  'Hall',
  'Baker',
  'Price',
  'Ward',
  'Bell',
];
const ROLES = [
  "Director of Children's Services",
  'Head of Early Help and Targeted Services',
  'Chief Executive',
  'Monitoring Officer',
  'Chief Finance Officer',
  'Head of Planning',
  'Democratic Services Officer',
  'Clerk to the Council',
  'Director of Public Health',
  'Head of Housing',
  'Assistant Director, Education',
  'Senior Engineer',
  'Head of Legal Services',
  'Director of Adult Social Care',
];
const DECISION_OPENINGS = [
  'The Committee noted the report',
  'RESOLVED that the recommendations be approved',
  'The Cabinet agreed',
  'It was agreed',
  'The Council resolved',
];
const ACTION_OPENINGS = ['The Clerk to write to', 'Officers to report back on', 'The Chair to contact', 'Democratic Services to circulate'];

export interface GeneratedItem {
  /** Path relative to the content folder. */
  file: string;
  markdown: string;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The councils of an archive of `size` items: about one per 250 items, from 20 up to 400. */
export function councilsFor(size: number): string[] {
  const count = Math.max(20, Math.min(400, Math.round(size / 250)));
  const names = [...REAL_COUNCILS];
  for (let n = 0; names.length < count; n += 1) {
    const head = PLACE_HEADS[n % PLACE_HEADS.length] as string;
    const tail = PLACE_TAILS[Math.floor(n / PLACE_HEADS.length) % PLACE_TAILS.length] as string;
    const kind = COUNCIL_KINDS[Math.floor(n / (PLACE_HEADS.length * PLACE_TAILS.length)) % COUNCIL_KINDS.length] as string;
    const suffix = Math.floor(n / (PLACE_HEADS.length * PLACE_TAILS.length * COUNCIL_KINDS.length));
    names.push(`${head}${tail} ${kind}${suffix > 0 ? ` ${suffix + 1}` : ''}`);
  }
  return names;
}

function person(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}

function isoDate(random: Random): string {
  const day = random.int(0, 25 * 365 - 1);
  return new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

function body(random: Random, vocabulary: Vocabulary, itemNumber: number, decisions: string[]): string {
  const parts: string[] = [];
  const paragraphs = random.int(5, 11);
  for (let p = 1; p <= paragraphs; p += 1) {
    if (p === 1 || random.chance(0.15))
      parts.push(`### ${vocabulary.sentence(random).replace(/\.$/, '').split(' ').slice(0, 6).join(' ')}`);
    const sentences = Array.from({ length: random.int(3, 6) }, () => vocabulary.sentence(random));
    parts.push(`${itemNumber}.${p} ${sentences.join(' ')}`);
  }
  if (decisions.length > 0) parts.push('**RESOLVED:**', ...decisions.map((decision) => `- ${decision}`));
  return `${parts.join('\n\n')}\n`;
}

/** Item `n` of the archive generated from `seed`. */
export function generateItem(seed: number, n: number, councils: string[], vocabulary: Vocabulary): GeneratedItem {
  const random = Random.forItem(seed, n);
  const council = random.pickSkewed(councils, 1.6);
  const committee = random.pickSkewed(COMMITTEES, 1.5);
  const dated = random.chance(0.95);
  const meetingDate = dated ? isoDate(random) : undefined;
  const itemNumber = random.int(1, 18);
  const part = random.chance(0.03) ? 2 : 1;
  const topics = random.sample(TOPICS, random.int(1, 3)).map((topic) => (random.chance(0.6) ? random.pickSkewed(TOPICS, 2) : topic));
  const officers = Array.from({ length: random.int(0, 3) }, () =>
    random.chance(0.8) ? { name: person(random), role: random.pick(ROLES) } : { role: random.pick(ROLES) },
  );
  const decisions = Array.from({ length: random.int(0, 2) }, () => `${random.pick(DECISION_OPENINGS)}: ${vocabulary.sentence(random)}`);
  const title = vocabulary.sentence(random).replace(/\.$/, '').split(' ').slice(0, random.int(3, 9)).join(' ');
  const id = `${slug(council)}-${meetingDate ?? 'undated'}-item-${itemNumber}-${n.toString(36)}`;
  const frontMatter: Record<string, unknown> = {
    id,
    council,
    committee,
    ...(meetingDate ? { meeting_date: meetingDate } : {}),
    title,
    item: String(itemNumber),
    part,
    ...(part === 2 ? { exempt_paragraph: String(random.int(1, 7)) } : {}),
    officers,
    councillors: Array.from({ length: random.int(0, 4) }, () => `Councillor ${person(random)}`),
    topics: [...new Set(topics)],
    decisions,
    actions: random.chance(0.3) ? [`${random.pick(ACTION_OPENINGS)} ${vocabulary.sentence(random)}`] : [],
    declarations: random.chance(0.1) ? [`Councillor ${person(random)} declared an interest as a school governor.`] : [],
    source_url: `https://democracy.${slug(council)}.example.gov.uk/mgAi.aspx?ID=${n}`,
  };
  const markdown = `---\n${yaml.dump(frontMatter, { lineWidth: -1 })}---\n\n${body(random, vocabulary, itemNumber, decisions)}`;
  return { file: `${slug(council)}/${id}.md`, markdown };
}

/** Whether item `n` is among the 1% a "changed" re-ingest edits. */
export function isChangedItem(n: number): boolean {
  return n % 100 === 42;
}

/** The same item after an edit: one more paragraph, as a corrected set of minutes would have. */
export function changedMarkdown(item: GeneratedItem, seed: number, n: number, vocabulary: Vocabulary): string {
  return `${item.markdown}\nCorrection: ${vocabulary.sentence(Random.forItem(seed, n, 1))}\n`;
}

/** Runs `task` over 0..count-1 with at most `limit` in flight. */
async function forEachLimited(count: number, limit: number, task: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Writes items 0..size-1 under `contentDir`; returns the bytes written. */
export async function writeArchive(
  contentDir: string,
  size: number,
  seed: number,
  vocabulary: Vocabulary,
  onProgress: (written: number) => void = () => undefined,
): Promise<number> {
  const councils = councilsFor(size);
  await Promise.all(councils.map((council) => fs.mkdir(path.join(contentDir, slug(council)), { recursive: true })));
  let bytes = 0;
  let written = 0;
  await forEachLimited(size, 32, async (n) => {
    const item = generateItem(seed, n, councils, vocabulary);
    bytes += Buffer.byteLength(item.markdown);
    await fs.writeFile(path.join(contentDir, item.file), item.markdown);
    written += 1;
    if (written % 10_000 === 0) onProgress(written);
  });
  return bytes;
}

/** Edits the 1% of items picked by `isChangedItem` (or puts them back as generated); returns how many. */
export async function changeOnePercent(
  contentDir: string,
  size: number,
  seed: number,
  vocabulary: Vocabulary,
  restore = false,
): Promise<number> {
  const councils = councilsFor(size);
  let changed = 0;
  for (let n = 0; n < size; n += 1) {
    if (!isChangedItem(n)) continue;
    const item = generateItem(seed, n, councils, vocabulary);
    await fs.writeFile(path.join(contentDir, item.file), restore ? item.markdown : changedMarkdown(item, seed, n, vocabulary));
    changed += 1;
  }
  return changed;
}
