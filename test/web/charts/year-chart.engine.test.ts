import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { yearChart } from '../../../server/web/charts/year-chart.js';
import { parseSearchParams } from '../../../server/query/search-params.js';
import { matchedYears } from '../../../server/web/theme-panel.js';
import { archiveWith } from '../../support/archive.js';

describe('yearChart', () => {
  it('draws every year from the first to the last, empty years as empty bars', () => {
    const chart = yearChart('c', 'Items per year', [{ label: 'All', counts: { 2016: 1, 2019: 3 } }]);
    assert.ok(chart);
    assert.deepEqual(
      chart.panels[0]?.bars.map((bar) => [bar.year, bar.count]),
      [
        [2016, 1],
        [2017, 0],
        [2018, 0],
        [2019, 3],
      ],
    );
    assert.deepEqual(chart.table.rows, [
      { year: '2016', cells: [1] },
      { year: '2017', cells: [0] },
      { year: '2018', cells: [0] },
      { year: '2019', cells: [3] },
    ]);
    const [first, , , last] = chart.panels[0]?.bars ?? [];
    assert.ok(first && last && last.height > first.height * 2.9 && last.height < first.height * 3.1, 'heights are proportional');
    assert.match(chart.description, /4 matching items by meeting year, from 2016 to 2019\. All: 4 items, most in 2019 \(3\)/);
  });

  it('puts several series on one scale, one labelled panel each, with a total column', () => {
    const chart = yearChart('c', 'By council', [
      { label: 'Medway Council', counts: { 2021: 2 } },
      { label: 'Kent County Council', counts: { 2021: 1, 2022: 4 } },
    ]);
    assert.deepEqual(
      chart?.panels.map((panel) => panel.label?.text),
      ['Medway Council', 'Kent County Council'],
    );
    assert.deepEqual(chart?.table.columns, ['Medway Council', 'Kent County Council', 'All selected']);
    assert.deepEqual(chart?.table.rows, [
      { year: '2021', cells: [2, 1, 3] },
      { year: '2022', cells: [0, 4, 4] },
    ]);
    assert.equal(chart?.panels[0]?.bars[0]?.height, chart?.panels[1]?.bars[0] && chart.panels[1].bars[0].height * 2);
  });

  it('thins year labels and counts when the bars are narrow, keeping the last year', () => {
    const counts = Object.fromEntries(Array.from({ length: 40 }, (_, n) => [1985 + n, n + 1]));
    const panel = yearChart('c', 'Many', [{ label: 'All', counts }])?.panels[0];
    const labels = panel?.yearLabels.map((label) => label.text) ?? [];
    assert.ok(labels.length < 20 && labels.includes('2024') && labels.includes('1985'));
    assert.ok(
      panel?.bars.every((bar) => bar.countLabel === undefined),
      'counts are in the table instead',
    );
  });

  it('has nothing to draw when no item has a date', () => {
    assert.equal(yearChart('c', 'None', [{ label: 'All', counts: {} }]), undefined);
  });
});

describe('matchedYears', () => {
  it('keeps only the selected years, whose counts are the ones that matched', () => {
    const params = parseSearchParams({ year: ['2021', '2024'] });
    assert.deepEqual(matchedYears(params, { 2019: 1, 2021: 2, 2024: 2 }), { 2021: 2, 2024: 2 });
    assert.deepEqual(matchedYears(parseSearchParams({}), { 2019: 1 }), { 2019: 1 });
  });
});

describe('GET / (chart of matches per year)', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  async function page(query: string) {
    return cheerio.load((await request(app).get(`/?${query}`).expect(200)).text);
  }
  const tableOf = ($: cheerio.CheerioAPI) =>
    $('.archive-chart__numbers tbody tr')
      .map((_, row) => [
        [
          $(row).find('th').text(),
          ...$(row)
            .find('td')
            .map((__, cell) => $(cell).text())
            .get(),
        ],
      ])
      .get();

  it('draws an accessible SVG with the numbers in a table', async () => {
    const $ = await page('topic=early%20help');
    const svg = $('svg.archive-chart__svg');
    assert.equal(svg.attr('role'), 'img');
    const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
    assert.equal($(`#${titleId}`).prop('tagName')?.toLowerCase(), 'title');
    assert.match($(`#${descId}`).text(), /3 matching items by meeting year, from 2019 to 2025/);
    assert.equal(svg.find('rect.archive-chart__bar').length, 7);
    assert.deepEqual(tableOf($), [
      ['2019', '1'],
      ['2020', '0'],
      ['2021', '1'],
      ['2022', '0'],
      ['2023', '0'],
      ['2024', '0'],
      ['2025', '1'],
    ]);
    assert.equal($('[style]').length, 0, 'no style attributes: the CSP would block them');
    assert.equal($('script:not([src])').length, 0);
  });

  it('counts only the selected years', async () => {
    assert.deepEqual(tableOf(await page('year=2021')), [['2021', '2']]);
  });

  it('draws a panel per council, from one more engine request, when several are selected', async () => {
    const $ = await page('council=Medway%20Council&council=Kent%20County%20Council&q=early');
    assert.deepEqual(
      $('.archive-chart__panel-label')
        .map((_, label) => $(label).text())
        .get(),
      ['Medway Council', 'Kent County Council'],
    );
    assert.deepEqual(
      $('.archive-chart__numbers thead th')
        .map((_, cell) => $(cell).text())
        .get(),
      ['Year', 'Medway Council', 'Kent County Council', 'All selected'],
    );
    const rows = tableOf($);
    assert.deepEqual(
      rows.find((row) => row[0] === '2019'),
      ['2019', '1', '0', '1'],
    );
    assert.deepEqual(
      rows.find((row) => row[0] === '2025'),
      ['2025', '0', '1', '1'],
    );
  });

  it('counts the items of an OR search once per year, as the result list finds them, also per council', async () => {
    const q = 'help OR pothole'; // 2021: one item with each word
    const { body } = await request(app).get('/api/search').query({ q, per_page: 100 }).expect(200);
    const listedYears = (body.hits as { meeting_date?: string }[]).flatMap((hit) =>
      hit.meeting_date ? [hit.meeting_date.slice(0, 4)] : [],
    );
    const perYear = (year: string) => String(listedYears.filter((listed) => listed === year).length);
    const rows = tableOf(await page(`q=${encodeURIComponent(q)}`));
    assert.deepEqual(
      rows,
      ['2019', '2020', '2021', '2022', '2023', '2024', '2025'].map((year) => [year, perYear(year)]),
    );
    assert.deepEqual(
      rows.find((row) => row[0] === '2021'),
      ['2021', '2'],
    );

    const councils = 'council=Medway%20Council&council=Manordeilo%20and%20Salem%20Community%20Council';
    assert.deepEqual(tableOf(await page(`q=${encodeURIComponent(q)}&${councils}`)), [
      ['2019', '1', '0', '1'],
      ['2020', '0', '0', '0'],
      ['2021', '1', '1', '2'],
    ]);
  });

  it('never counts an exempt item by a withheld word among alternatives', async () => {
    const $ = await page(
      'q=zanzibarproperty%20OR%20pothole&council=Kent%20County%20Council&council=Manordeilo%20and%20Salem%20Community%20Council',
    );
    assert.deepEqual(tableOf($), [['2021', '0', '1', '1']]);
    assert.deepEqual(tableOf(await page('q=zanzibarproperty%20OR%20pothole')), [['2021', '1']]);
  });

  it('links to the exports and the feed of the same search', async () => {
    const $ = await page('q=exclusions&sort=newest&page=1');
    const links = $('.archive-downloads a')
      .map((_, link) => $(link).attr('href'))
      .get();
    assert.deepEqual(links, ['/api/export.csv?q=exclusions', '/api/export.json?q=exclusions', '/api/feed.atom?q=exclusions', '/api']);
  });
});
