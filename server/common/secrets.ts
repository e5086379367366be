import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a secret kept in a file of the data folder, creating it (random,
 * mode 0600) on first use, so it survives restarts without being configured.
 */
export async function secretIn(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    const secret = (await fs.readFile(file, 'utf8')).trim();
    if (secret.length >= 16) return secret;
    throw new Error(`The secret in ${file} is shorter than 16 characters; delete the file to make a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
