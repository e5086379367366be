import { parseArgs } from 'node:util';
import { loadTestFailures, loadTestTable, runLoadTest } from '../server/bench/load-test.js';
import { runCommand } from '../server/common/run-command.js';

const USAGE = `Usage: npm run load -- [--connections 50] [--duration 30]

Starts the archive on the sample minutes (content/) on loopback with its own
data folder, holds the given concurrency for the given seconds over a mix of
search pages, API searches and item pages, and reports latency percentiles,
errors and the server's memory before and after. Exit code 1 on any error.`;

/** `npm run load`: holds many connections against a local archive and reports what it saw. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '30' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await runLoadTest({
    connections: Number(values.connections),
    duration: Number(values.duration),
    log: (line) => console.log(line),
  });
  console.log(`\n${loadTestTable(result)}`);
  return loadTestFailures(result) === 0 ? 0 : 1;
}

runCommand(main, 'Load test failed');
