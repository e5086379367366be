import { main } from './convert/cli.js';
import { runCommand } from './run-command.js';

/** `npm run convert`: minutes in, one markdown file per agenda item out. */
runCommand(() => main(process.argv.slice(2)), 'Convert failed');
