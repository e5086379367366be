import fs from 'node:fs';
import path from 'node:path';
import { cleanText } from '../../server/convert/clean-text.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'convert');

/** A fixture's text as published. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A fixture's cleaned lines, as the converter's rules see them. */
export function fixtureLines(name: string): string[] {
  return cleanText(fixture(name));
}
