import type { LatencyStats } from './load.js';
import type { BenchResult } from './run.js';

/** Reports of one or more benchmark runs: a markdown table (sizes as columns) and a small SVG chart. */

const sizeLabel = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1000 ? `${size / 1000}k` : String(size));
const mb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`);
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const lat = (stats: LatencyStats) => `${stats.p50_ms} / ${stats.p95_ms} / ${stats.p99_ms}`;
const ratio = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);

interface Row {
  label: string;
  cell: (result: BenchResult) => string;
  target?: string;
}

const ROWS: Row[] = [
  { label: 'Ingest, archive (`npm run ingest`, docs/s)', cell: (r) => `${r.ingest.docs_per_s} (${r.ingest.seconds} s)` },
  {
    label: 'Ingest, raw engine, same JSON (docs/s)',
    cell: (r) => (r.ingest.raw_docs_per_s === null ? 'n/a' : `${r.ingest.raw_docs_per_s} (${r.ingest.raw_seconds} s)`),
  },
  { label: 'Ingest ratio archive / raw', cell: (r) => ratio(r.ingest.ratio), target: '≥ 0.80×' },
  { label: 'Re-ingest, nothing changed', cell: (r) => `${r.reingest.nochange_s} s (${pct(r.reingest.nochange_share)})`, target: '< 5%' },
  { label: 'Re-ingest, 1% changed', cell: (r) => `${r.reingest.one_percent_s} s (${pct(r.reingest.one_percent_share)})`, target: '< 10%' },
  { label: 'Search c=1, raw engine, the requests the archive sends, p50 / p95 / p99 (ms)', cell: (r) => lat(r.search.c1.raw) },
  {
    label: 'Search c=1, raw engine, one query (no relevance blend), p50 / p95 / p99 (ms)',
    // Absent from results measured before this baseline existed.
    cell: (r) => (r.search.c1.raw_one_query ? lat(r.search.c1.raw_one_query) : 'n/a'),
  },
  { label: 'Search c=1, `/api/search` p50 / p95 / p99 (ms)', cell: (r) => lat(r.search.c1.api) },
  { label: 'Search c=1, HTML page p50 / p95 / p99 (ms)', cell: (r) => lat(r.search.c1.page) },
  {
    label: 'p95 ratio c=1: API / raw, page / raw',
    cell: (r) => `${ratio(r.search.api_p95_ratio)}, ${ratio(r.search.page_p95_ratio)}`,
    target: '≤ 1.3×, ≤ 1.5×',
  },
  {
    label: 'p95 ratio c=1: API / one-query raw, page / one-query raw',
    cell: (r) => {
      const single = r.search.c1.raw_one_query;
      return single ? `${ratio(r.search.c1.api.p95_ms / single.p95_ms)}, ${ratio(r.search.c1.page.p95_ms / single.p95_ms)}` : 'n/a';
    },
  },
  {
    label: 'Two words or more: `/api/search` p95 / one raw query p95 (same facets, highlight, crop), c=1',
    cell: (r) => {
      const api = r.search.c1.api.by_kind.words;
      const single = r.search.c1.raw_one_query?.by_kind.words;
      return api && single ? `${ratio(api.p95_ms / single.p95_ms)} (${api.p95_ms} / ${single.p95_ms} ms)` : 'n/a';
    },
    target: '≤ 1.3×',
  },
  {
    label: 'One word + facets, `/api/search` p95 c=1 (ms)',
    cell: (r) => String(r.search.c1.api.by_kind.word?.p95_ms ?? 'n/a'),
    target: '< 50 ms at 100k',
  },
  { label: 'Search c=8, raw p95 (ms), req/s', cell: (r) => `${r.search.c8.raw.p95_ms}, ${r.search.c8.raw.requests_per_s}` },
  { label: 'Search c=8, API p95 (ms), req/s', cell: (r) => `${r.search.c8.api.p95_ms}, ${r.search.c8.api.requests_per_s}` },
  { label: 'Search c=8, page p95 (ms), req/s', cell: (r) => `${r.search.c8.page.p95_ms}, ${r.search.c8.page.requests_per_s}` },
  {
    label: 'p95 ratio c=8: API / raw, page / raw',
    cell: (r) => `${ratio(r.search.api_p95_ratio_c8)}, ${ratio(r.search.page_p95_ratio_c8)}`,
  },
  { label: 'Web server RSS after the load (peak)', cell: (r) => `${r.server_rss_mb} MB (${r.server_peak_rss_mb} MB)` },
  { label: 'Ingest process peak RSS', cell: (r) => `${r.ingest.ingest_rss_mb} MB` },
  { label: 'Engine RSS: peak while indexing, serving', cell: (r) => `${r.ingest.engine_rss_mb} MB, ${r.engine_search_rss_mb} MB` },
  { label: 'Index on disk (markdown in)', cell: (r) => `${mb(r.index_bytes)} (${mb(r.corpus.markdown_bytes)})` },
];

export function markdownTable(results: BenchResult[]): string {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const header = `| measure | ${sorted.map((r) => `${sizeLabel(r.size)} items (${r.corpus.documents} docs)`).join(' | ')} | target |`;
  const rule = `|---|${sorted.map(() => '---|').join('')}---|`;
  const rows = ROWS.map((row) => `| ${row.label} | ${sorted.map(row.cell).join(' | ')} | ${row.target ?? ''} |`);
  const first = sorted[0];
  const note = first
    ? `\n${first.machine.cpus} cores, Node ${first.machine.node}, ${first.machine.engine} with ${first.machine.indexing_threads} indexing threads; ` +
      `seed ${first.seed}; ${first.search.requests.c1} requests per target at c=1, ${first.search.requests.c8} at c=8 (query mix in server/bench/queries.ts).\n`
    : '';
  return [header, rule, ...rows].join('\n') + '\n' + note;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** p95 latency at c=1 and c=8 for raw engine, API and page, per size: bars on a shared scale. */
export function svgChart(results: BenchResult[]): string {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const series = [
    { name: 'raw engine', color: '#505a5f', pick: (r: BenchResult, c: 'c1' | 'c8') => r.search[c].raw.p95_ms },
    { name: '/api/search', color: '#1d70b8', pick: (r: BenchResult, c: 'c1' | 'c8') => r.search[c].api.p95_ms },
    { name: 'page', color: '#00703c', pick: (r: BenchResult, c: 'c1' | 'c8') => r.search[c].page.p95_ms },
  ];
  const groups = sorted.flatMap((r) =>
    (['c1', 'c8'] as const).map((c) => ({ label: `${sizeLabel(r.size)} c=${c.slice(1)}`, values: series.map((s) => s.pick(r, c)) })),
  );
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const bar = 18;
  const gap = 14;
  const left = 80;
  const width = 520;
  const chartTop = 40;
  const height = chartTop + groups.length * (series.length * bar + gap) + 30;
  const scale = (value: number) => (value / max) * (width - left - 70);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="10" y="18" font-size="14" font-weight="bold">Search p95 latency (ms), lower is better</text>`,
  ];
  series.forEach((s, i) => {
    parts.push(
      `<rect x="${10 + i * 130}" y="26" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${24 + i * 130}" y="35">${escapeXml(s.name)}</text>`,
    );
  });
  let y = chartTop + 8;
  for (const group of groups) {
    parts.push(`<text x="10" y="${y + (series.length * bar) / 2 + 4}">${escapeXml(group.label)}</text>`);
    group.values.forEach((value, i) => {
      const w = Math.max(1, scale(value));
      parts.push(
        `<rect x="${left}" y="${y + i * bar}" width="${w.toFixed(1)}" height="${bar - 3}" fill="${series[i]?.color}"/>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + i * bar + 12}">${value}</text>`,
      );
    });
    y += series.length * bar + gap;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
