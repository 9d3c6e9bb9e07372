// The strategists' web page in headless Chromium over the demo data: key from the link, ask by keyboard, cited answer, calendar collisions, digest, sources.
import { copyFile } from 'node:fs/promises';
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
    const side = buildQuerySide(data.config, data.workspace, data.runtime);
    server = await startQueryServer(side.app, 0);
    key = (await createApiKey(data.runtime.keys, 'browser')).key;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await data?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Only the app itself may be reached: anything else is recorded and refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
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
    expect(await page.locator('#sources-table tbody tr').count()).toBe(20);
    await page.close();
  });

  it('answers a typed question with citation links, shows the calendar collisions and the digest', async () => {
    const page = await open(`/#key=${key}`);
    expect(page.url()).toBe(`${server.url}/`); // the key left the address bar
    await page.waitForSelector('#calendar-table tbody tr.collision');
    const collisionRows = await page.locator('#calendar-table tbody tr.collision').allInnerTexts();
    expect(collisionRows.join('\n')).toContain('Skyward Sprocket');
    expect(await page.locator('#calendar-table tbody tr.slate').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('The Lantern Keeper')]));
    expect(await page.locator('#collisions').innerText()).toMatch(/The Lantern Keeper \(2026-12-11\) vs Skyward Sprocket/);
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

  it('never reached outside the app', () => {
    expect(outside).toEqual([]);
  });
});
