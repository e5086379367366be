import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { MAX_VALUES_PER_FACET } from '../../server/index/index-settings.js';
import { initialOf } from '../../server/web/browse-index.js';
import { archiveWith, officerAgent } from '../support/archive.js';

async function page(app: Express, url: string, agent = request(app)) {
  return cheerio.load((await agent.get(url).expect(200).expect('Content-Type', /html/)).text);
}

/** Each entry of a list as [label, count, url], with its children (a council's committees) after it. */
function listed($: cheerio.CheerioAPI, selector = 'ul.archive-index > li'): [string, string, string | undefined][] {
  return $(selector)
    .map((_, item) => {
      const own = $(item).children('a');
      const entry = [own.text(), $(item).children('.archive-index__count').text(), own.attr('href')];
      const children = $(item)
        .find('.archive-index__children > li')
        .map((__, child) => [
          [$(child).children('a').text(), $(child).children('.archive-index__count').text(), $(child).children('a').attr('href')],
        ])
        .get();
      return [entry, ...children];
    })
    .get() as [string, string, string | undefined][];
}

describe('browse lists', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('content'));
  });

  describe('GET /councils', () => {
    it('lists every council with its count, and under it its committees, each linking to its page', async () => {
      const $ = await page(app, '/councils');
      assert.equal($('h1').text(), 'Councils and committees');
      assert.match($('.govuk-body-l').text(), /^3 councils in the archive/);
      assert.deepEqual(listed($), [
        ['Kent County Council', '3 items', '/councils/Kent%20County%20Council'],
        [
          'Children and Young People Overview and Scrutiny Committee',
          '1 item',
          '/councils/Kent%20County%20Council/committees/Children%20and%20Young%20People%20Overview%20and%20Scrutiny%20Committee',
        ],
        ['County Council', '1 item', '/councils/Kent%20County%20Council/committees/County%20Council'],
        // The exempt item's meeting is public (its stub), so its committee is listed and counted.
        ["Leader's Committee", '1 item', "/councils/Kent%20County%20Council/committees/Leader's%20Committee"],
        ['Manordeilo and Salem Community Council', '2 items', '/councils/Manordeilo%20and%20Salem%20Community%20Council'],
        ['Community Council', '2 items', '/councils/Manordeilo%20and%20Salem%20Community%20Council/committees/Community%20Council'],
        ['Medway Council', '3 items', '/councils/Medway%20Council'],
        ['Cabinet', '2 items', '/councils/Medway%20Council/committees/Cabinet'],
        [
          'Children and Young People Overview and Scrutiny Committee',
          '1 item',
          '/councils/Medway%20Council/committees/Children%20and%20Young%20People%20Overview%20and%20Scrutiny%20Committee',
        ],
      ]);
      assert.deepEqual(
        $('.govuk-breadcrumbs a')
          .map((_, link) => $(link).attr('href'))
          .get(),
        ['/'],
      );
    });

    it('marks its own section, and only it, in the header', async () => {
      for (const [url, section] of [
        ['/councils', 'Councils and committees'],
        ['/topics', 'Topics'],
        ['/officers', 'Officers'],
        ['/', 'Search'],
      ]) {
        const $ = await page(app, url as string);
        assert.deepEqual(
          $('.archive-nav a[aria-current="page"]')
            .map((_, link) => $(link).text())
            .get(),
          [section],
          url,
        );
      }
      const $ = await page(app, '/councils/Medway%20Council');
      assert.equal($('.archive-nav a[aria-current]').length, 0, 'a council page is under no header link of its own');
    });

    it('links to pages that exist', async () => {
      const $ = await page(app, '/councils');
      for (const [, , url] of listed($))
        await request(app)
          .get(url as string)
          .expect(200);
    });
  });

  describe('GET /topics', () => {
    it('lists every public topic A to Z with its count, never one only a Part 2 item holds', async () => {
      const $ = await page(app, '/topics');
      assert.deepEqual(listed($), [
        ["children's services", '1 item', "/topics/children's%20services"],
        ['early help', '4 items', '/topics/early%20help'],
        ['highways', '2 items', '/topics/highways'],
        ['homelessness', '1 item', '/topics/homelessness'],
        ['housing', '2 items', '/topics/housing'],
        ['school attendance', '1 item', '/topics/school%20attendance'],
        ['school exclusions', '2 items', '/topics/school%20exclusions'],
      ]);
      assert.equal($('.archive-index__limit').length, 0);
    });

    it('shows a signed-in officer the topics of Part 2 items too', async () => {
      const $ = await page(app, '/topics', await officerAgent(app));
      assert.ok(listed($).some(([label, count]) => label === 'property acquisition' && count === '1 item'));
    });
  });

  describe('GET /officers', () => {
    it('lists officers by initial with A to Z links, never one named only in a Part 2 item', async () => {
      const $ = await page(app, '/officers');
      const public$ = $.html();
      assert.ok(listed($).some(([label, count, url]) => label === 'Ann James' && count === '2 items' && url === '/officers/Ann%20James'));
      assert.doesNotMatch(public$, /Morgan Hale/);
      const sections = $('main h2')
        .map((_, heading) => $(heading).attr('id'))
        .get();
      assert.deepEqual(
        $('nav[aria-label="Officers A to Z"] a')
          .map((_, link) => $(link).attr('href'))
          .get(),
        sections.map((id) => `#${id}`),
      );
      const officer$ = await page(app, '/officers', await officerAgent(app));
      assert.ok(listed(officer$).some(([label]) => label === 'Morgan Hale'));
    });
  });

  describe('site navigation', () => {
    it('links every page to the lists, and browse pages to their list in the breadcrumbs', async () => {
      const $ = await page(app, '/?q=exclusions');
      assert.deepEqual(
        $('nav.archive-nav a')
          .map((_, link) => $(link).attr('href'))
          .get(),
        ['/', '/councils', '/topics', '/officers'],
      );
      const crumbs = async (url: string) => {
        const browse$ = await page(app, url);
        return browse$('.govuk-breadcrumbs a')
          .map((_, link) => [[browse$(link).text(), browse$(link).attr('href')]])
          .get();
      };
      assert.deepEqual(await crumbs('/councils/Medway%20Council/committees/Cabinet'), [
        ['Search', '/'],
        ['Councils', '/councils'],
        ['Medway Council', '/councils/Medway%20Council'],
      ]);
      assert.deepEqual(await crumbs('/officers/Ann%20James'), [
        ['Search', '/'],
        ['Officers', '/officers'],
      ]);
      assert.deepEqual(await crumbs('/topics/early%20help'), [
        ['Search', '/'],
        ['Topics', '/topics'],
      ]);
    });
  });

  describe('feed autodiscovery', () => {
    const alternate = ($: cheerio.CheerioAPI) => $('head link[rel="alternate"][type="application/atom+xml"]');

    it("announces the search's own Atom feed on the search page", async () => {
      const $ = await page(app, '/?q=early+help&council=Medway+Council&sort=newest&page=1');
      assert.equal(alternate($).length, 1);
      assert.equal(alternate($).attr('href'), '/api/feed.atom?q=early+help&council=Medway+Council');
      assert.equal(alternate($).attr('title'), 'Minutes Archive: “early help”, Medway Council');
      const feed = await request(app)
        .get(alternate($).attr('href') as string)
        .expect(200)
        .expect('Content-Type', /atom\+xml/);
      assert.match(feed.text, /<title>Minutes Archive: “early help”, Medway Council<\/title>/);
    });

    it("announces the subject's feed on a browse page", async () => {
      const $ = await page(app, '/topics/early%20help');
      assert.equal(alternate($).attr('href'), '/api/feed.atom?topic=early+help');
      assert.equal(alternate($).attr('title'), 'Minutes Archive: early help');
    });
  });
});

describe('browse lists of odd names', () => {
  let app: Express;
  before(async () => {
    ({ app } = await archiveWith('odd-names'));
  });

  it('escapes names in the page and encodes them in links that lead to their pages', async () => {
    const response = await request(app).get('/councils').expect(200);
    assert.match(response.text, />Brighton &amp; Hove City Council</);
    const $ = cheerio.load(response.text);
    assert.deepEqual(listed($), [
      ['Brighton & Hove City Council', '3 items', '/councils/Brighton%20%26%20Hove%20City%20Council'],
      [
        'Planning / Licensing Committee',
        '3 items',
        '/councils/Brighton%20%26%20Hove%20City%20Council/committees/Planning%20%2F%20Licensing%20Committee',
      ],
    ]);
    const committee$ = await page(
      app,
      '/councils/Brighton%20%26%20Hove%20City%20Council/committees/Planning%20%2F%20Licensing%20Committee',
    );
    assert.equal(committee$('h1').text(), 'Planning / Licensing Committee');
  });

  it('lists an officer known by a role with markup in it as text, and an accented name under its letter', async () => {
    const response = await request(app).get('/officers').expect(200);
    assert.match(response.text, />Clerk &lt;to the Committee&gt;</);
    const $ = cheerio.load(response.text);
    assert.deepEqual(listed($, '#officers-z + ul > li'), [["Zoë O'Brien", '2 items', "/officers/Zo%C3%AB%20O'Brien"]]);
    assert.doesNotMatch(response.text, /Quentin Private/);
    const topics$ = await page(app, '/topics');
    assert.deepEqual(listed(topics$), [['housing & homelessness', '2 items', '/topics/housing%20%26%20homelessness']]);
    await request(app).get('/topics/housing%20%26%20homelessness').expect(200);
  });
});

describe('browse lists longer than the engine lists at once', () => {
  const COUNT = MAX_VALUES_PER_FACET + 1;
  let app: Express;
  let contentDir: string;
  before(async function () {
    this.timeout(180_000);
    contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'minutes-archive-many-'));
    for (let n = 1; n <= COUNT; n += 1) {
      const id = String(n).padStart(3, '0');
      await fs.writeFile(
        path.join(contentDir, `item-${id}.md`),
        `---\nid: item-${id}\ncouncil: Council ${id}\ncommittee: Full Council\ntitle: Item ${id}\ntopics: [topic ${id}]\nofficers: [{ name: Officer ${id} }]\n---\n\nText.\n`,
      );
    }
    // One committee's year (undated here) with more topics than the engine lists at once.
    const crowded = Array.from({ length: COUNT }, (_, n) => `crowded ${String(n + 1).padStart(3, '0')}`);
    await fs.writeFile(
      path.join(contentDir, 'crowded.md'),
      `---\nid: crowded\ncouncil: Crowded Council\ncommittee: Full Council\ntitle: Crowded\ntopics: [${crowded.join(', ')}]\n---\n\nText.\n`,
    );
    ({ app } = await archiveWith(contentDir));
  });
  after(async () => {
    await fs.rm(contentDir, { recursive: true, force: true });
  });

  it(`lists all ${COUNT + 1} councils, past the engine's ${MAX_VALUES_PER_FACET} values a query`, async () => {
    const $ = await page(app, '/councils');
    assert.equal($('ul.archive-index > li').length, COUNT + 1);
    assert.equal($('.archive-index__children > li').length, COUNT + 1);
    assert.equal($('.archive-index__limit').length, 0);
  });

  it(`lists all ${COUNT} officers, council by council, with their counts`, async () => {
    const $ = await page(app, '/officers');
    assert.equal($('ul.archive-index > li').length, COUNT);
    assert.deepEqual(listed($, '#officers-o + ul > li').slice(0, 1), [['Officer 001', '1 item', '/officers/Officer%20001']]);
    assert.equal($('.archive-index__limit').length, 0);
  });

  it("lists every topic but those past the limit in one committee's year, and says so", async () => {
    const $ = await page(app, '/topics');
    const labels = listed($).map(([label]) => label);
    assert.equal(labels.filter((label) => label.startsWith('topic ')).length, COUNT);
    assert.equal(labels.filter((label) => label.startsWith('crowded ')).length, MAX_VALUES_PER_FACET);
    assert.match($('.archive-index__limit').text(), /^Some topics may be missing: one committee's minutes of one year hold more than the/);
  });
});

describe('initialOf', () => {
  it('files a name under its initial without accents, or under Other', () => {
    assert.deepEqual(['Ann', 'émile', 'Zoë', "O'Brien", '(vacant)', '1st Clerk', 'Łukasz'].map(initialOf), [
      'A',
      'E',
      'Z',
      'O',
      'Other',
      'Other',
      'Other',
    ]);
  });
});
