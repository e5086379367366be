import { createHash } from 'node:crypto';

/** The two folds the hand-checked meetings are split into; a rule is kept only if it loses on neither. */
export const FOLDS = ['A', 'B'] as const;
export type Fold = (typeof FOLDS)[number];

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Deals each council's meetings into the two folds in turn, in the order of a hash of the
 * meeting (council and date), so that every council with two meetings or more is in both folds,
 * the same meeting published in two formats lands in one fold, and adding a meeting moves no other
 * council's. Pure and deterministic: the same meetings always give the same folds.
 */
export function assignFolds<T>(meetings: readonly T[], councilOf: (m: T) => string, meetingOf: (m: T) => string): Map<T, Fold> {
  const byCouncil = new Map<string, Map<string, T[]>>();
  for (const meeting of meetings) {
    const council = councilOf(meeting);
    const units = byCouncil.get(council) ?? new Map<string, T[]>();
    const key = meetingOf(meeting);
    units.set(key, [...(units.get(key) ?? []), meeting]);
    byCouncil.set(council, units);
  }
  const folds = new Map<T, Fold>();
  // Councils are dealt in hash order too, and each starts where the last left off, so the folds stay the same size.
  let turn = 0;
  for (const council of [...byCouncil.keys()].sort((a, b) => hash(a).localeCompare(hash(b)))) {
    const units = byCouncil.get(council)!;
    for (const key of [...units.keys()].sort((a, b) => hash(`${council}|${a}`).localeCompare(hash(`${council}|${b}`)))) {
      for (const meeting of units.get(key)!) folds.set(meeting, FOLDS[turn % 2]!);
      turn++;
    }
  }
  return folds;
}
