import assert from 'node:assert/strict';
import { loadTestFailures, loadTestTable, type LoadTestResult } from '../../server/bench/load-test.js';

describe('load test report', () => {
  const result: LoadTestResult = {
    requests: 1234,
    requestsPerS: 41.4,
    p50: 12.3,
    p95: 45.6,
    p99: 78.9,
    errors: 1,
    timeouts: 2,
    non2xx: 3,
    rssBeforeMb: 150.2,
    rssAfterMb: 160.8,
  };

  it('tabulates requests, latencies, failures and memory', () => {
    assert.equal(
      loadTestTable(result),
      [
        '| measure | value |',
        '|---|---|',
        '| requests | 1234 (41/s) |',
        '| latency p50 / p95 / p99 | 12.3 / 45.6 / 78.9 ms |',
        '| errors, timeouts, non-2xx | 1, 2, 3 |',
        '| server RSS before / after | 150.2 / 160.8 MB |',
      ].join('\n'),
    );
  });

  it('counts errors, timeouts and answers other than 2xx as failures', () => {
    assert.equal(loadTestFailures(result), 6);
    assert.equal(loadTestFailures({ ...result, errors: 0, timeouts: 0, non2xx: 0 }), 0);
  });
});
