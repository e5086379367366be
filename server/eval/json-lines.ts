import fs from 'node:fs/promises';

/** Reads a JSON Lines file (one JSON value a line; blank lines are skipped). The caller's type is not checked. */
export async function readJsonLines<T>(file: string): Promise<T[]> {
  return (await fs.readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
