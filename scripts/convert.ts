import { main } from './convert/cli.js';

/** `npm run convert`: minutes in, one markdown file per agenda item out. */
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Convert failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
