/**
 * A bar chart of items per year, laid out on the server: the template only
 * draws the shapes computed here. One panel per series (small multiples on
 * one scale), each labelled in words, so no meaning rests on colour.
 */

/** Counts by year ("2021" → 4) for one group of items. */
export interface YearSeries {
  label: string;
  counts: Record<string, number>;
}

export interface ChartBar {
  year: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the count is written above the bar; absent when bars are too narrow for it. */
  countLabel?: { x: number; y: number };
}

export interface ChartPanel {
  /** Written above the panel when there are several. */
  label?: { text: string; x: number; y: number };
  bars: ChartBar[];
  baseline: { x1: number; x2: number; y: number };
  /** A faint line at the top of the scale, with the largest count written beside it. */
  top: { x1: number; x2: number; y: number; label: { text: string; x: number; y: number } };
  /** Years written under the bars: all of them, or every few when there are many. */
  yearLabels: { text: string; x: number; y: number }[];
}

export interface ChartTable {
  caption: string;
  /** Headings of the count columns, after "Year". */
  columns: string[];
  rows: { year: string; cells: number[] }[];
}

export interface YearChart {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  panels: ChartPanel[];
  table: ChartTable;
}

const WIDTH = 640;
const LEFT = 44;
const RIGHT = 8;
const PANEL_TOP = 34;
const SINGLE_PLOT_HEIGHT = 110;
const MULTIPLE_PLOT_HEIGHT = 70;
const YEAR_ROW = 22;
/** Narrowest slot (in viewBox units) that fits a written count, and the least gap between written years. */
const MIN_COUNT_SLOT = 30;
const MIN_YEAR_GAP = 40;
/** A few years' bars would otherwise be slabs. */
const MAX_BAR_WIDTH = 56;

const plural = (count: number, word: string) => `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;

/** Every year from the first to the last with items, so gaps show as empty years rather than vanish. */
function yearSpan(series: YearSeries[]): number[] {
  const years = series.flatMap((one) =>
    Object.entries(one.counts)
      .filter(([, count]) => count > 0)
      .map(([year]) => Number(year)),
  );
  if (years.length === 0) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

function describe(series: YearSeries[], years: number[], totals: number[]): string {
  const span = years.length === 1 ? `in ${years[0]}` : `from ${years[0]} to ${years.at(-1)}`;
  const describeOne = (one: YearSeries) => {
    const peak = years.reduce((best, year) => ((one.counts[year] ?? 0) > (one.counts[best] ?? 0) ? year : best));
    const total = years.reduce((sum, year) => sum + (one.counts[year] ?? 0), 0);
    return `${one.label}: ${plural(total, 'item')}, most in ${peak} (${one.counts[peak] ?? 0})`;
  };
  const intro =
    series.length === 1
      ? `Bar chart of ${plural(
          totals.reduce((a, b) => a + b, 0),
          'matching item',
        )} by meeting year, ${span}.`
      : `Bar charts of matching items by meeting year, ${span}, one for each of ${series.length} councils on the same scale.`;
  return `${intro} ${series.map(describeOne).join('. ')}. Items with no meeting date are not counted. The numbers are in the table below the chart.`;
}

/** Lays out the chart; undefined when no item has a meeting date. */
export function yearChart(id: string, title: string, series: YearSeries[]): YearChart | undefined {
  const years = yearSpan(series);
  if (years.length === 0 || series.length === 0) return undefined;
  const several = series.length > 1;
  const plotHeight = several ? MULTIPLE_PLOT_HEIGHT : SINGLE_PLOT_HEIGHT;
  const panelHeight = PANEL_TOP + plotHeight + YEAR_ROW;
  const max = Math.max(1, ...series.flatMap((one) => years.map((year) => one.counts[year] ?? 0)));
  const slot = (WIDTH - LEFT - RIGHT) / years.length;
  const labelEvery = Math.ceil(MIN_YEAR_GAP / slot);
  const round = (value: number) => Math.round(value * 10) / 10;

  const panels = series.map((one, position): ChartPanel => {
    const top = position * panelHeight + PANEL_TOP;
    const bottom = top + plotHeight;
    const bars = years.map((year, index): ChartBar => {
      const count = one.counts[year] ?? 0;
      const height = round((count / max) * plotHeight);
      const width = round(Math.min(slot * 0.7, MAX_BAR_WIDTH));
      const x = round(LEFT + index * slot + (slot - width) / 2);
      return {
        year,
        count,
        x,
        y: round(bottom - height),
        width,
        height,
        ...(slot >= MIN_COUNT_SLOT && count > 0 ? { countLabel: { x: round(x + width / 2), y: round(bottom - height - 4) } } : {}),
      };
    });
    return {
      ...(several ? { label: { text: one.label, x: LEFT, y: top - 18 } } : {}),
      bars,
      baseline: { x1: LEFT, x2: WIDTH - RIGHT, y: bottom },
      top: { x1: LEFT, x2: WIDTH - RIGHT, y: top, label: { text: max.toLocaleString('en-GB'), x: LEFT - 6, y: top + 4 } },
      yearLabels: years
        .map((year, index) => ({ year, index }))
        .filter(({ index }) => index % labelEvery === 0 || index === years.length - 1)
        // The last year always shows; drop the regular label just before it if the two would touch.
        .filter(({ index }) => index === years.length - 1 || years.length - 1 - index >= labelEvery || labelEvery === 1)
        .map(({ year, index }) => ({ text: String(year), x: round(LEFT + (index + 0.5) * slot), y: bottom + 16 })),
    };
  });

  const totals = years.map((year) => series.reduce((sum, one) => sum + (one.counts[year] ?? 0), 0));
  return {
    id,
    title,
    description: describe(series, years, totals),
    width: WIDTH,
    height: panelHeight * series.length,
    panels,
    table: {
      caption: `${title}: the numbers`,
      columns: several ? [...series.map((one) => one.label), 'All selected'] : ['Items'],
      rows: years.map((year, index) => ({
        year: String(year),
        cells: several ? [...series.map((one) => one.counts[year] ?? 0), totals[index] as number] : [totals[index] as number],
      })),
    },
  };
}
