import path from 'node:path';
import { PROJECT_ROOT } from '../common/paths.js';
import { readJsonLines } from './json-lines.js';
import type { GoldMeeting } from './score-conversion.js';

/**
 * Documented corrections to the shared gold, which is read-only: one JSON object a line, each
 * with the meeting's `file`, a `why` (where the gold contradicts the text), and either `item`
 * (the gold item to correct, by number and the start of its title) with `set` (its new number or
 * title), or `set` alone (meeting-level fields: resolutions, declarations, officers …).
 */
export const OVERRIDES_FILE = path.join(PROJECT_ROOT, 'server', 'eval', 'gold-overrides.jsonl');

export interface GoldOverride {
  file: string;
  why: string;
  item?: { number: string | null; title: string };
  set: Record<string, unknown>;
}

export async function readOverrides(file: string): Promise<GoldOverride[]> {
  return (await readJsonLines<GoldOverride>(file)).map((override) => {
    if (!override.why?.trim()) throw new Error(`gold override for ${override.file} has no "why"`);
    return override;
  });
}

/** Applies the corrections in place; returns those that found their gold entry. */
export function applyOverrides(gold: GoldMeeting[], overrides: readonly GoldOverride[]): GoldOverride[] {
  return overrides.filter((override) => {
    const meeting = gold.find((g) => g.file === override.file);
    if (!meeting) return false;
    if (!override.item) {
      Object.assign(meeting, override.set);
      return true;
    }
    const { number, title } = override.item;
    const item = meeting.items.find((i) => i.number === number && (i.title ?? '').startsWith(title));
    if (!item) return false;
    Object.assign(item, override.set);
    return true;
  });
}
