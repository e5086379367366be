import { z } from 'zod';

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

export type ValidationResult = { ok: true; item: MinutesItem } | { ok: false; issues: FieldIssue[] };

/** Validates parsed front matter and body; never throws. */
export function validateMinutesItem(data: unknown, body: string): ValidationResult {
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.join('.') : '(front matter)',
        message: issue.message,
      })),
    };
  }
  return { ok: true, item: { ...parsed.data, body } };
}

/** How an officer reads in facets and lists: "Ann James (Director of Children's Services)". */
export function officerLabel(officer: Officer): string {
  if (officer.name && officer.role) return `${officer.name} (${officer.role})`;
  return (officer.name ?? officer.role) as string;
}
