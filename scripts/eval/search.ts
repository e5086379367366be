import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateSearch, searchReport } from '../../server/eval/evaluate-search.js';
import { startPeer } from '../../server/eval/peer.js';
import { runCommand } from '../../server/common/run-command.js';

const USAGE = `Usage: npm run eval:search -- [--url URL] [--peer URL | --peer-script FILE | --no-peer]
                              [--queries FILE] [--manifest TSV]... [--verbose]

Runs the judged queries in FILE (default ../shared/corpus/queries-dev.jsonl) against a running
archive at URL (default http://127.0.0.1:3000) and, in the same run, against the SQLite FTS5 peer
(started with python3 from --peer-script, default ../shared/peers/fts5-peer.py, on a free port and
stopped afterwards; or one already running at --peer URL), and prints success@3, MRR@10 and
recall@10 of both over the whole, each of two folds (the queries of each persona split in two by
a hash of their text) and each persona.
A hit counts when its item's text holds a judged phrase and its council (and meeting date, where
the manifest gives one) matches the judged file's row in a manifest (default the corpus manifest
and server/convert/samples-manifest.tsv). Where the minutes' own heading gives another meeting
date than the manifest (which the converter then uses), that date counts too; the judged files are
read from the --sources folders (default ../shared/corpus/minutes and ../shared/samples). The
peer's hits are whole meetings: each counts when the meeting's text holds a judged phrase and its
file's council and date (from the same manifests) are the judged file's.`;

/** `npm run eval:search`: how well a running archive answers the judged queries. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      peer: { type: 'string' },
      'peer-script': { type: 'string', default: '../shared/peers/fts5-peer.py' },
      'no-peer': { type: 'boolean', default: false },
      queries: { type: 'string', default: '../shared/corpus/queries-dev.jsonl' },
      manifest: { type: 'string', multiple: true },
      sources: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = values['no-peer'] || values.peer ? undefined : await startPeer(path.resolve(values['peer-script']));
  const evaluation = await evaluateSearch({
    url: values.url,
    peerUrl: values['no-peer'] ? undefined : (values.peer ?? started?.url),
    queriesFile: path.resolve(values.queries),
    manifestFiles: (values.manifest ?? ['../shared/corpus/manifest.tsv', 'server/convert/samples-manifest.tsv']).map((file) =>
      path.resolve(file),
    ),
    sourceDirs: (values.sources ?? ['../shared/corpus/minutes', '../shared/samples']).map((folder) => path.resolve(folder)),
    verbose: values.verbose ?? false,
    log: (line) => console.log(line),
  }).finally(() => started?.stop());
  console.log(searchReport(evaluation));
  return 0;
}

runCommand(main, 'Evaluation failed');
