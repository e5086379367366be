import fs from 'node:fs/promises';
import type { SourceFacts } from './source-facts.js';

/** A manifest: TSV with a header row naming `file`, `council`, `committee`, `meeting_date` and `source`. */
export type Manifest = Map<string, SourceFacts>;

/** Parses a manifest; rows are keyed by file name (without folders). Unknown columns are ignored. */
export function parseManifest(text: string): Manifest {
  const [header, ...rows] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const columns = (header ?? '').split('\t').map((name) => name.trim().toLowerCase());
  const at = (cells: string[], name: string) => {
    const value = cells[columns.indexOf(name)]?.trim();
    return value === '' ? undefined : value;
  };
  if (!columns.includes('file')) throw new Error('manifest has no "file" column in its header row');
  const manifest: Manifest = new Map();
  for (const row of rows) {
    const cells = row.split('\t');
    const source = at(cells, 'source');
    manifest.set(at(cells, 'file') ?? '', {
      council: at(cells, 'council'),
      committee: at(cells, 'committee'),
      meetingDate: at(cells, 'meeting_date'),
      // Only web addresses become links; repository paths are provenance, not URLs.
      sourceUrl: source && /^https?:\/\//.test(source) ? source : undefined,
    });
  }
  return manifest;
}

/** Reads and parses a manifest file. */
export async function readManifest(file: string): Promise<Manifest> {
  return parseManifest(await fs.readFile(file, 'utf8'));
}
