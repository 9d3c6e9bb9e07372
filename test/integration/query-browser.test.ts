// The strategists' web page in headless Chromium over the demo data: key from the link, ask by keyboard, cited answer, calendar collisions, digest, sources.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { buildQuerySide, startQueryServer, type RunningServer } from '../../functions/local/query-app.js';
import { NO_CHROMIUM, hasChromium, launchChromium } from '../support/chromium.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';

// `MARQUEE_UPDATE_SCREENSHOTS=1 npx vitest run test/integration/query-browser.test.ts` refreshes docs/query-page.png.
const UPDATE_SCREENSHOTS = process.env.MARQUEE_UPDATE_SCREENSHOTS === '1';

if (!hasChromium) console.warn(NO_CHROMIUM);

describe.skipIf(!hasChromium)('query web page in headless Chromium', () => {
  let data: DemoData;
  let server: RunningServer;
  let browser: Browser;
  let key: string;
  const outside: string[] = [];

  beforeAll(async () => {
    data = await openDemoData();
    // Many page loads with one key in a minute: the per-key rate limit is not what these tests are about.
    const side = buildQuerySide({ ...data.config, apiRateLimitPerMinute: 10_000 }, data.workspace, data.runtime);
    server = await startQueryServer(side.app, 0);
    key = (await createApiKey(data.runtime.keys, 'browser')).key;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await data?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    // A fixed time zone: instants (sent, last success) are shown in the reader's zone.
    const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    // The browser may already be closing (afterAll): a context it took down with it is no error.
    page.once('close', () => void context.close().catch(() => undefined));
    // Only the app itself may be reached: anything else is recorded and refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      // A request still in flight when its page closes rejects: not a failure of the page.
      if (url.startsWith(server.url)) return route.continue().catch(() => {});
      outside.push(url);
      return route.abort().catch(() => {});
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return page;
  }

  it('asks for a key when it has none, and loads the data once given one', async () => {
    const page = await open('/');
    await expect.poll(() => page.isVisible('#key-panel')).toBe(true);
    await page.fill('#key-input', key);
    await page.press('#key-input', 'Enter');
    await page.waitForSelector('#sources-table tbody tr');
    expect(await page.isVisible('#key-panel')).toBe(false);
    // 20 news and chart sources, then the 10 channel feeds and the 18 page-view sources as one row each.
    expect(await page.locator('#sources-table tbody tr').count()).toBe(22);
    expect(await page.locator('#sources-table tbody tr[data-group="pageviews"]').innerText()).toMatch(/^Wikipedia page views \(18\)\s+ok/);
    await page.close();
  });

  it('answers a typed question with citation links, shows the calendar collisions and the digest', async () => {
    const page = await open(`/#key=${key}`);
    expect(page.url()).toBe(`${server.url}/`); // the key left the address bar
    await page.waitForSelector('#calendar-table tbody tr.collision');
    const collisionRows = await page.locator('#calendar-table tbody tr.collision').allInnerTexts();
    expect(collisionRows.join('\n')).toContain('Skyward Sprocket');
    expect(await page.locator('#calendar-table tbody tr.slate').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('The Lantern Keeper')]));
    expect(await page.locator('#collisions').innerText()).toMatch(/The Lantern Keeper \(Fri, Dec 11, 2026\) vs Skyward Sprocket/);
    await page.waitForSelector('#digest-body strong');
    expect(await page.locator('#digest-body').innerText()).toContain('weekly digest 2026-W48');

    // Keyboard only: focus the box, type, Enter.
    await page.focus('#question');
    await page.keyboard.type('What did Lionsgate announce since October?');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#answer ol.citations li a');
    const answer = await page.locator('#answer .answer-text').innerText();
    expect(answer).toMatch(/^Lionsgate: activity Oct 1 – Nov 26, 2026, grouped by kind: 18 events\./);
    const first = page.locator('#answer ol.citations li a').first();
    expect(await first.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await first.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.locator('#answer sup a[href="#cite-1"]').count()).toBeGreaterThan(0);
    // "12 more in the events list": the list is there, one keyboard toggle away.
    await page.focus('#answer-events summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#answer-events tbody tr').count()).toBe(18);
    // Nothing overflows a laptop screen.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    if (UPDATE_SCREENSHOTS) {
      // A short answer keeps the calendar in the picture.
      await page.fill('#question', 'What opens against our title on March 12?');
      await page.press('#question', 'Enter');
      await expect.poll(async () => (await page.locator('#answer .answer-text').allInnerTexts()).join(' ')).toContain('Hollow Season');
      await page.setViewportSize({ width: 1280, height: 1350 });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: 'docs/query-page.png', fullPage: false });
    }
    await page.close();
  });

  it('lists the counter-programming briefs; Approve is kept after a reload; a #brief= link focuses its brief', async () => {
    const page = await open(`/#key=${key}`);
    await page.waitForSelector('#briefs-body article.brief');
    expect(await page.locator('#briefs-body article.brief').count()).toBe(6);
    const lantern = page.locator('article.brief', { hasText: 'opens the same weekend as The Lantern Keeper' });
    expect(await lantern.locator('.options li').count()).toBeGreaterThanOrEqual(2);
    expect(await lantern.locator('.options .draft').first().innerText()).toContain('draft — needs human review');
    // The option text arrives whole (no character lost to a regex), its "(draft …)" suffix shown once as a badge.
    const hold = await lantern.locator('.options li').first().innerText();
    expect(hold).toMatch(/^Hold Dec 11, 2026: Keep the date against Skyward Sprocket, which shares family and fantasy with us;/);
    expect(hold.match(/draft — needs human review/g)).toHaveLength(1);
    await lantern.locator('button[data-status="approved"]').click();
    await expect.poll(() => page.locator('article.brief', { hasText: 'The Lantern Keeper' }).locator('.status').innerText()).toBe('approved');
    const id = (await page.locator('article.brief', { hasText: 'The Lantern Keeper' }).getAttribute('id'))!.replace(/^brief-/, '');
    await page.close();

    const again = await open(`/#key=${key}&brief=${id}`);
    await again.waitForSelector(`#brief-${id}`);
    expect(await again.locator(`#brief-${id} .status`).innerText()).toBe('approved');
    await expect.poll(() => again.evaluate<string | undefined>('document.activeElement && document.activeElement.id')).toBe(`brief-${id}`);
    expect((await data.runtime.briefs.getBrief(id))?.review?.by).toBe('key:browser');
    await again.close();
  });

  it('shows the tone of coverage; a week opens the items behind it', async () => {
    const page = await open(`/#key=${key}`);
    await page.waitForSelector('#tone-body .tone-row');
    expect(await page.locator('#tone-body .tone-row').count()).toBeGreaterThanOrEqual(2);
    const bar = page.locator('#tone-body .spark button:not(.none)').first();
    await bar.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('#tone-body .tone-items a').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    if (UPDATE_SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.locator('#briefs article.brief').first().screenshot({ path: 'docs/brief.png' });
      await page.locator('#tone').screenshot({ path: 'docs/tone.png' });
    }
    await page.close();
  });

  it('shows the message of a refused question instead of failing silently', async () => {
    const page = await open(`/#key=${key}`);
    await page.fill('#question', 'ab');
    await page.press('#question', 'Enter');
    await page.waitForSelector('#answer .error');
    expect(await page.locator('#answer .error').innerText()).toMatch(/at least 3 characters/);
    await page.close();
  });

  /** Waits until every card has its data (box office with a drawn run, calendar, briefs, tone, digest, sources). */
  async function loaded(page: Page): Promise<void> {
    for (const sel of ['#bo-chart li', '#bo-series svg', '#interest-titles li', '#interest-trailers svg', '#interest-pageviews svg', '#calendar-table tbody tr', '#briefs-body article.brief', '#tone-body .tone-row', '#digest-body strong', '#sources-table tbody tr']) await page.waitForSelector(sel, { state: 'attached' });
  }

  it('box office: the latest weekend chart, the surprise, and a title series beside comparable openings', async () => {
    const page = await open(`/#key=${key}`);
    await loaded(page);
    expect(await page.locator('#bo-period').innerText()).toMatch(/^Weekend of Fri, Nov 20 – Sun, Nov 22, 2026/);
    // The chart: the top 10 as bars, the rest one click away.
    expect(await page.locator('#bo-chart li:visible').count()).toBe(10);
    expect(await page.locator('#bo-chart li').first().innerText()).toMatch(/^1\s+Glimmerglass\s+\$71\.8M\s+new$/);
    await page.click('#bo-more');
    expect(await page.locator('#bo-chart li:visible').count()).toBe(15);
    // The surprise the cycle computed, said as a strategist reads it.
    expect(await page.locator('#bo-surprises').innerText()).toMatch(/Glimmerglass \(Universal Pictures\) opened to \$71\.8M in 4,020 theaters: 5\.65× the per-theater median of 7 comparable openings — far above expectations/);
    // The surprise's run is shown first: its opening bar, and three comparable openings as lines.
    await expect.poll(() => page.locator('#bo-run-h').innerText()).toBe('Glimmerglass (Universal Pictures): weekend grosses');
    expect(await page.locator('#bo-series svg rect.own').count()).toBe(1);
    expect(await page.locator('#bo-series svg polyline.line').count()).toBe(3);
    expect(await page.locator('#bo-legend li').allInnerTexts()).toEqual(['Glimmerglass', expect.stringMatching(/^Starbreaker \(opened Fri, Nov 6, 2026, \$88\.4M in 4,215\)$/), expect.any(String), expect.any(String)]);
    expect(await page.locator('#bo-facts').innerText()).toMatch(/Opened Fri, Nov 20, 2026 to \$71\.8M in 4,020 theaters.*5\.65× the median of 7 comparable openings.*far above expectations/);

    // Choosing a title from the chart draws its weekends with week-over-week changes.
    await page.locator('#bo-chart button[data-title="Starbreaker"]').click();
    await expect.poll(() => page.locator('#bo-run-h').innerText()).toBe('Starbreaker (Walt Disney Studios Motion Pictures): weekend grosses');
    expect(await page.locator('#bo-chart button[data-title="Starbreaker"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#bo-series svg rect.own').count()).toBe(3);
    const labels = await page.locator('#bo-series svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['$88.4M', '$35.8M', '$17.6M', '−60%', '−51%', 'Wk 1 · Nov 6']));
    // Open on a desktop already (beside the chart); opened here whatever the width.
    await page.evaluate("document.getElementById('bo-figures').open = true");
    const rows = await page.locator('#bo-figures-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^Fri, Nov 13, 2026\s+2\s+\$35\.8M\s+−60%\s+4,215\s+\$8K\s+\$163\.5M$/);
    await page.close();
  });

  it('audience interest: titles dated ahead against comps, a title\'s trailers beside the comps\' and its page views', async () => {
    const page = await open(`/#key=${key}`);
    await loaded(page);
    // Our first title with a forecast is shown first: its trailers as lines, the comps' as dashed lines, its page views as bars.
    await expect.poll(() => page.locator('#interest-title-h').innerText()).toBe('The Lantern Keeper (Harbor Light Pictures): trailer views');
    expect(await page.locator('#interest-titles li').first().innerText()).toMatch(/^The Lantern Keeper\s*ours\s+0\.94×\s+Fri, Dec 11, 2026 · trailer at day 7 0\.94× comps · page views 0\.97× comps · forecast \$15\.7M$/);
    expect(await page.locator('#interest-facts').innerText()).toMatch(/Opening forecast: \$15\.7M \(\$10\.6M–\$21\.4M\), medium confidence\s+Comps: Glimmerglass \$71\.8M, Spirit Blade: The Crimson Gate \$10\.9M, A Very Fletcher Christmas \$9\.8M, Kingdom of Salt \$7\.2M/);
    expect(await page.locator('#interest-trailers svg polyline.comp').count()).toBe(4);
    expect(await page.locator('#interest-trailers svg polyline[class^="own-line"]').count()).toBe(3);
    expect(await page.locator('#interest-pageviews svg rect.pv').count()).toBe(60);
    // The competitor over its comps, chosen from the list by keyboard.
    const iron = page.locator('#interest-titles button[data-title="Iron Meridian"]');
    expect(await iron.locator('.bar-gross').innerText()).toBe('2.06×');
    await iron.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#interest-title-h').innerText()).toBe('Iron Meridian (Lionsgate): trailer views');
    expect(await page.locator('#interest-facts').innerText()).toMatch(/Trailer at day 3: 11\.1M views — 2\.06× comps video\s+Comps: Kingdom of Salt 5\.4M, Spirit Blade: The Crimson Gate 4\.8M, Starbreaker 18\.7M/);
    expect(await page.locator('#interest-facts a').getAttribute('href')).toMatch(/^https:\/\/www\.youtube\.example\/watch\?v=/);
    expect(await page.locator('#interest-scores').innerText()).toMatch(/Glimmerglass: forecast \$38\.0M \(\$30\.4M–\$50\.0M, made Fri, Nov 13, 2026\), opened to \$71\.8M — -47%, outside the range/);
    // The brief quotes their trailer against comps.
    expect(await page.locator('article.brief', { hasText: 'opens the same weekend as Deadfall Protocol' }).locator('.interest-lines').innerText()).toMatch(/^Their trailer is at 2\.06× comps at day 3/);
    if (UPDATE_SCREENSHOTS) {
      await page.locator('#interest-titles button[data-title="The Lantern Keeper"]').click();
      await expect.poll(() => page.locator('#interest-title-h').innerText()).toMatch(/^The Lantern Keeper/);
      await page.locator('#interest').screenshot({ path: 'docs/interest.png' });
    }
    await page.close();
  });

  for (const width of [390, 1280]) {
    it(`at ${width} px: nothing scrolls sideways, no card is left blank, dates read as people read them`, async () => {
      const page = await open(`/#key=${key}`, width);
      await loaded(page);
      if (UPDATE_SCREENSHOTS) {
        // The top of the page as a strategist first sees it: the ask box, the box office, then the calendar.
        const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width, height: width < 1280 ? 2100 : 2750 } });
        await writeFile(`docs/query-page-${width}.png`, shot);
      }
      // An answer and its events list are on the page too.
      await page.fill('#question', 'What opens against our title on March 12?');
      await page.press('#question', 'Enter');
      await page.waitForSelector('#answer ol.citations li');
      await page.click('#answer-events summary');
      await page.evaluate("document.getElementById('bo-figures').open = true");

      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      const svgWidth = await page.evaluate<number>("document.querySelector('#bo-series svg').getBoundingClientRect().right");
      expect(svgWidth).toBeLessThanOrEqual(width);
      // No card stretched past its content (the old calendar card had ~4,000 px of blank beside the briefs).
      const blanks = await page.evaluate<Array<[string, number]>>(`[...document.querySelectorAll('main section:not([hidden])')].map((s) => {
        const last = [...s.children].filter((c) => c.getBoundingClientRect().height > 0).at(-1);
        return [s.id, Math.round(s.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom)];
      })`);
      for (const [id, blank] of blanks) expect(blank, `blank space at the bottom of #${id}`).toBeLessThan(48);
      if (width >= 1280) {
        // Two columns of cards side by side, of similar height: no long empty column beside a short one.
        const cols = await page.evaluate<number[]>("[...document.querySelectorAll('.column')].map((c) => c.getBoundingClientRect().height)");
        expect(cols).toHaveLength(2);
        expect(Math.min(...cols) / Math.max(...cols)).toBeGreaterThan(0.6);
        expect(await page.evaluate<number>("document.querySelectorAll('#briefs-body article.brief')[1].getBoundingClientRect().top - document.querySelectorAll('#briefs-body article.brief')[0].getBoundingClientRect().top")).toBe(0);
      }
      // Dates as people read them: weekday, month, day, year — no ISO date left in what the page shows
      // (source ids such as bom-daily-2026-11-25 are names, not dates).
      const shown = await page.evaluate<string>(`(() => {
        const copy = document.body.cloneNode(true);
        copy.querySelectorAll('#sources-table td:first-child, script').forEach((n) => n.remove());
        return copy.innerText || copy.textContent;
      })()`);
      expect(shown.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).toEqual([]);
      expect(await page.locator('#calendar-table tbody tr td').first().innerText()).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/);
      expect(await page.locator('#digest-body .muted').first().innerText()).toMatch(/^Week of Mon, Nov 23, 2026, sent \w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM)$/);
      expect(await page.locator('#answer ol.citations li').first().innerText()).toMatch(/, (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \w{3} \d{1,2}, \d{4}$/);

      // A full-page capture is as wide as the document: the viewport's width when nothing overflows.
      const png = await page.screenshot({ fullPage: true });
      expect(png.readUInt32BE(16)).toBe(width);
      await page.close();
    }, 60_000);
  }

  it('never reached outside the app', () => {
    expect(outside).toEqual([]);
  });
});
