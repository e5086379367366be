import type { Officer } from '../minutes/schema.js';
import type { ConvertedDocument } from '../convert/convert-document.js';
import { sameName } from '../convert/extract-committee.js';
import { declarant } from '../convert/extract-declarations.js';
import { personKey } from '../convert/extract-people.js';

/** Hand-checked facts about one meeting (a line of gold-dev.jsonl). */
export interface GoldMeeting {
  file: string;
  meeting_date: string | null;
  committee: string | null;
  items: { number: string | null; title: string | null }[];
  officers: Officer[];
  resolutions: number | null;
  declarations: number | null;
}

/** What the converter made of the same meeting. */
export interface PredictedMeeting {
  meetingDate?: string;
  committee?: string;
  items: { number?: string; title: string }[];
  officers: Officer[];
  decisions: number;
  declarations: number;
}

/** What the converter made of a meeting, in the gold's terms: its agenda items without the opening, counts of decisions and declarants. */
export function predictMeeting(converted: ConvertedDocument): PredictedMeeting {
  return {
    meetingDate: converted.meeting.meetingDate,
    committee: converted.meeting.committee,
    items: converted.items
      .filter((item) => !item.opening)
      .map((item) => ({ number: item.frontMatter.item, title: item.frontMatter.title })),
    officers: converted.meeting.officers,
    decisions: converted.items.reduce((sum, item) => sum + item.frontMatter.decisions.length, 0),
    // The gold counts a meeting's declarations; the converter also repeats a member's declaration on the item it concerns
    // ("Later in the meeting Mr Sole declared …" under Declarations, "Mr Sole declared …" under Item 16), so count members.
    declarations: new Set(converted.items.flatMap((item) => item.frontMatter.declarations.map(declarant))).size,
  };
}

/** Matches found, and how many were predicted and expected, for one field. */
export interface Tally {
  matched: number;
  predicted: number;
  expected: number;
}

export type FieldName = 'dates' | 'committees' | 'item splits' | 'officers' | 'decisions' | 'declarations';

const empty = (): Tally => ({ matched: 0, predicted: 0, expected: 0 });

function add(tally: Tally, matched: number, predicted: number, expected: number): void {
  tally.matched += matched;
  tally.predicted += predicted;
  tally.expected += expected;
}

function scoreValue(tally: Tally, predicted: string | undefined, expected: string | null, same: (a: string, b: string) => boolean): void {
  add(
    tally,
    predicted !== undefined && expected !== null && same(predicted, expected) ? 1 : 0,
    predicted === undefined ? 0 : 1,
    expected === null ? 0 : 1,
  );
}

function titleKey(title: string | null | undefined): string {
  return (title ?? '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Titles match when equal once case and punctuation are set aside, or when
 * one begins with the other: minutes that run a heading into its text leave
 * the boundary to the reader.
 */
export function sameTitle(predicted: string, expected: string | null): boolean {
  const [a, b] = [titleKey(predicted), titleKey(expected)];
  if (b === '') return true;
  return a === b || (Math.min(a.length, b.length) >= 8 && (a.startsWith(b) || b.startsWith(a)));
}

/** Pairs each expected entry with the first predicted one still free that matches it; returns the indexes of the predicted entries used, by expected entry (-1 when none). */
function pairUp<P, E>(predicted: readonly P[], expected: readonly E[], same: (p: P, e: E) => boolean): number[] {
  const used = new Set<number>();
  return expected.map((e) => {
    const at = predicted.findIndex((p, i) => !used.has(i) && same(p, e));
    if (at >= 0) used.add(at);
    return at;
  });
}

function countMatches<P, E>(predicted: readonly P[], expected: readonly E[], same: (p: P, e: E) => boolean): number {
  return pairUp(predicted, expected, same).filter((at) => at >= 0).length;
}

type GoldItem = GoldMeeting['items'][number];
type PredictedItem = PredictedMeeting['items'][number];

const sameItem = (p: PredictedItem, e: GoldItem) => (p.number ?? null) === e.number && sameTitle(p.title, e.title);

/** The gold items the converter did not find, and the items it found that the gold does not have. */
export function itemDifferences(gold: GoldMeeting, predicted: PredictedMeeting): { missed: GoldItem[]; extra: PredictedItem[] } {
  const pairs = pairUp(predicted.items, gold.items, sameItem);
  const used = new Set(pairs);
  return {
    missed: gold.items.filter((_, k) => pairs[k]! < 0),
    extra: predicted.items.filter((_, i) => !used.has(i)),
  };
}

function sameOfficer(predicted: Officer, expected: Officer): boolean {
  if (predicted.name && expected.name) return personKey(predicted.name) === personKey(expected.name);
  return !predicted.name && !expected.name && sameName(predicted.role ?? '', expected.role ?? '');
}

/** The gold officers the converter did not find, and the officers it found that the gold does not have. */
export function officerDifferences(gold: GoldMeeting, predicted: PredictedMeeting): { missed: Officer[]; extra: Officer[] } {
  const pairs = pairUp(predicted.officers, gold.officers, sameOfficer);
  const used = new Set(pairs);
  return {
    missed: gold.officers.filter((_, k) => pairs[k]! < 0),
    extra: predicted.officers.filter((_, i) => !used.has(i)),
  };
}

function scoreCount(tally: Tally, predicted: number, expected: number | null): void {
  if (expected === null) return;
  add(tally, Math.min(predicted, expected), predicted, expected);
}

/** Tallies every field over the gold meetings. */
export function scoreMeetings(pairs: readonly { gold: GoldMeeting; predicted: PredictedMeeting }[]): Record<FieldName, Tally> {
  const tallies: Record<FieldName, Tally> = {
    dates: empty(),
    committees: empty(),
    'item splits': empty(),
    officers: empty(),
    decisions: empty(),
    declarations: empty(),
  };
  for (const { gold, predicted } of pairs) {
    scoreValue(tallies.dates, predicted.meetingDate, gold.meeting_date, (a, b) => a === b);
    scoreValue(tallies.committees, predicted.committee, gold.committee, sameName);
    const items = countMatches(predicted.items, gold.items, sameItem);
    add(tallies['item splits'], items, predicted.items.length, gold.items.length);
    add(tallies.officers, countMatches(predicted.officers, gold.officers, sameOfficer), predicted.officers.length, gold.officers.length);
    scoreCount(tallies.decisions, predicted.decisions, gold.resolutions);
    scoreCount(tallies.declarations, predicted.declarations, gold.declarations);
  }
  return tallies;
}

export function precision(tally: Tally): number {
  return tally.predicted === 0 ? 1 : tally.matched / tally.predicted;
}

export function recall(tally: Tally): number {
  return tally.expected === 0 ? 1 : tally.matched / tally.expected;
}
