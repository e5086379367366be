import { z } from 'zod';
import { editDistance } from '../common/edit-distance.js';

/**
 * The front matter of one agenda item: the single definition used by the
 * converter, ingest, index settings, server and tests. Facts that are not
 * known are absent, never invented.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A stable, URL-safe slug: lower-case letters, digits and single hyphens. */
export const ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
  .refine(isRealCalendarDate, 'is not a real calendar date');

export function isRealCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, which takes years 0-99 for 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const officerSchema = z
  .object({
    name: nonEmpty.optional(),
    role: nonEmpty.optional(),
  })
  .strict()
  .refine((officer) => officer.name !== undefined || officer.role !== undefined, 'needs a name or a role');

/** Part 1 items are public; Part 2 items are exempt under LGA 1972 Schedule 12A. */
export const PUBLIC_PART = 1;
export const EXEMPT_PART = 2;

const textList = z.array(nonEmpty).default([]);

export const frontMatterSchema = z.object({
  id: z.string().max(200, 'must be at most 200 characters').regex(ITEM_ID_PATTERN, 'must be a slug (a-z, 0-9 and single hyphens)'),
  council: nonEmpty,
  committee: nonEmpty.optional(),
  meeting_date: isoDate.optional(),
  title: nonEmpty,
  // Item numbers are published as text ("6.1", "45/19"); YAML may read them as numbers.
  item: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), nonEmpty).optional(),
  part: z.union([z.literal(PUBLIC_PART), z.literal(EXEMPT_PART)]).default(PUBLIC_PART),
  /** The Schedule 12A paragraph relied on to exempt a Part 2 item, as published. */
  exempt_paragraph: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), nonEmpty).optional(),
  officers: z.array(officerSchema).default([]),
  councillors: textList,
  topics: textList,
  decisions: textList,
  actions: textList,
  declarations: textList,
  source_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Slug shared by every item of one meeting, so a meeting's items can be found together. */
  meeting_id: z.string().max(200).regex(ITEM_ID_PATTERN, 'must be a slug (a-z, 0-9 and single hyphens)').optional(),
  /** Meeting-level attendance as the minutes list it: members present, apologies, others in attendance. */
  present: z.array(nonEmpty).optional(),
  apologies: z.array(nonEmpty).optional(),
  in_attendance: z.array(nonEmpty).optional(),
  /** Where and when (HH:MM, 24-hour) the meeting was held, where the source states it as data. */
  meeting_place: nonEmpty.optional(),
  meeting_time: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day (HH:MM)')
    .optional(),
  /** The item's place in its meeting as the minutes give them, 1 for the first: orders a meeting's items. */
  position: z.number().int().positive().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Officer = z.infer<typeof officerSchema>;

/** An agenda item as read from `content/`: its front matter and its markdown body. */
export interface MinutesItem extends FrontMatter {
  /** The item's text as published, in markdown. */
  body: string;
}

/** One problem with one field, ready to be shown next to the file name. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type ValidationResult =
  | {
      ok: true;
      item: MinutesItem;
      /** Keys that are not fields, and signs of exemption that decided or contradict `part`. */
      warnings: FieldIssue[];
      /** True when no `part` was given and a sign of exemption made the item Part 2. */
      madeExempt: boolean;
    }
  | { ok: false; issues: FieldIssue[] };

const FIELDS: readonly string[] = Object.keys(frontMatterSchema.shape);

/** A key's letters and digits in lower case, so that "Meeting-Date" reads as "meeting_date" does. */
const squashed = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The field a key that is not one was most likely meant to be: two edits at most, one for 4 letters or fewer. */
function nearestField(key: string): string | undefined {
  const bare = squashed(key);
  const max = bare.length <= 4 ? 1 : 2;
  let best: { field: string; distance: number } | undefined;
  for (const field of FIELDS) {
    const distance = editDistance(bare, squashed(field), max);
    if (distance <= max && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

/** Words that, in the name of a key, say that an item is not public. */
const EXEMPTION_WORDS = ['exempt', 'confidential', 'private', 'restricted', 'secret'];

/**
 * Whether a key may have been meant to make the item exempt: the exemption
 * paragraph; `part` in other capitals or misspelt; a key naming exemption; or
 * a merge key YAML did not merge (it was quoted), which may hold `part`.
 */
function isSignOfExemption(key: string): boolean {
  if (key === 'exempt_paragraph' || key === '<<') return true;
  if (FIELDS.includes(key)) return false;
  const bare = squashed(key);
  return editDistance(bare, 'part', 1) <= 1 || EXEMPTION_WORDS.some((word) => bare.includes(word));
}

/**
 * Front matter as the schema is to read it, the keys it does not know, and
 * what the signs of exemption decided. A sign of exemption makes an item that
 * gives no `part` Part 2: a slip in writing `part` must keep an item private,
 * never publish it.
 */
function readKeys(data: unknown): { data: unknown; unknownKeys: FieldIssue[]; exemption?: FieldIssue; madeExempt: boolean } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { data, unknownKeys: [], madeExempt: false };
  const keys = Object.keys(data);
  const unknownKeys = keys
    .filter((key) => !FIELDS.includes(key))
    .map((key) => {
      const nearest = nearestField(key);
      return { field: key, message: `is not known${nearest ? `; did you mean "${nearest}"?` : ''}` };
    });
  const signs = keys.filter(isSignOfExemption);
  if (signs.length === 0) return { data, unknownKeys, madeExempt: false };
  const named = `${signs.map((key) => `"${key}"`).join(', ')} ${signs.length === 1 ? 'suggests' : 'suggest'}`;
  const { part } = data as { part?: unknown };
  if (part === undefined) {
    const exemption = {
      field: 'part',
      message: `is not given, but ${named} the item is exempt: it is kept private as Part 2; write part: 1 if it is public`,
    };
    return { data: { ...data, part: EXEMPT_PART }, unknownKeys, exemption, madeExempt: true };
  }
  if (part === PUBLIC_PART)
    return {
      data,
      unknownKeys,
      exemption: { field: 'part', message: `is 1, so the item is public, although ${named} it is exempt` },
      madeExempt: false,
    };
  return { data, unknownKeys, madeExempt: false };
}

/** An issue as the file's report shows it: `field "part" is 1, …`. */
export function describeIssue(issue: FieldIssue): string {
  return `field "${issue.field}" ${issue.message}`;
}

/** Validates parsed front matter and body; never throws. A key it does not know is named among the issues of a file it refuses. */
export function validateMinutesItem(data: unknown, body: string): ValidationResult {
  const read = readKeys(data);
  const parsed = frontMatterSchema.safeParse(read.data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : '(front matter)',
      message: issue.message,
    }));
    return { ok: false, issues: [...issues, ...read.unknownKeys] };
  }
  return {
    ok: true,
    item: { ...parsed.data, body },
    warnings: [...read.unknownKeys, ...(read.exemption ? [read.exemption] : [])],
    madeExempt: read.madeExempt,
  };
}

/** How an officer reads in facets and lists: "Ann James (Director of Children's Services)". */
export function officerLabel(officer: Officer): string {
  if (officer.name && officer.role) return `${officer.name} (${officer.role})`;
  return (officer.name ?? officer.role) as string;
}
