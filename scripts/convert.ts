import { main } from '../server/convert/convert-sources.js';
import { runCommand } from '../server/common/run-command.js';

/** `npm run convert`: minutes in, one markdown file per agenda item out. */
runCommand(() => main(process.argv.slice(2)), 'Convert failed');
