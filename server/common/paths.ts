import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project folder (the one holding package.json), whether run from source or from dist/. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const GOVUK_FRONTEND_DIR = path.join(PROJECT_ROOT, 'node_modules', 'govuk-frontend', 'dist', 'govuk');
