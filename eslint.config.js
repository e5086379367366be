// Lint rules, and the rule that keeps the pipeline's folders in order: each folder of server/
// imports only from the folders below it (web → query → index → engine; minutes and common at the
// bottom), and nothing imports from scripts/, which holds the programs.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const FOLDERS = ['common', 'minutes', 'engine', 'index', 'convert', 'ingest', 'query', 'web', 'eval', 'bench'];

/** What each folder of server/ may import from, besides itself. */
const MAY_IMPORT = {
  common: [],
  minutes: ['common'],
  engine: ['common'],
  index: ['common', 'minutes', 'engine'],
  convert: ['common', 'minutes'],
  ingest: ['common', 'minutes', 'engine', 'index'],
  query: ['common', 'minutes', 'engine', 'index'],
  // serve-archive.ts brings the index up to date before it serves.
  web: ['common', 'minutes', 'engine', 'index', 'query', 'ingest'],
  eval: FOLDERS.filter((folder) => folder !== 'eval'),
  bench: FOLDERS.filter((folder) => folder !== 'bench'),
};

const SCRIPTS = { group: ['**/scripts/**'], message: 'scripts/ holds programs only: import the library from server/.' };

const boundaries = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  files: [`server/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          SCRIPTS,
          ...FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).map((other) => ({
            group: [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`],
            message: `server/${folder} may import only from ${allowed.length > 0 ? allowed.join(', ') : 'no other folder'} (see docs/architecture.md).`,
          })),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'results/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The one script pages run, in the browser.
  { files: ['views/static/**/*.js'], languageOptions: { globals: { document: 'readonly', window: 'readonly', navigator: 'readonly' } } },
  { files: ['test/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [SCRIPTS] }] } },
  ...boundaries,
  prettier,
);
