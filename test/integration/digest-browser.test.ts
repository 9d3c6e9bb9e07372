// The digest HTML in headless Chromium at 600 px: chart loads, nothing overflows, box-office and tone tables visible; screenshot for the README.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { seedDemoInterest, startDemo } from '../../functions/local/demo.js';
import { NO_CHROMIUM, hasChromium, launchChromium } from '../support/chromium.js';

const WEEK = '2026-W48';
// Tests never write into the repository unless asked: `MARQUEE_UPDATE_SCREENSHOTS=1 npx vitest run test/integration/digest-browser.test.ts`.
const UPDATE_SCREENSHOTS = process.env.MARQUEE_UPDATE_SCREENSHOTS === '1';

if (!hasChromium) console.warn(NO_CHROMIUM);

describe.skipIf(!hasChromium)('digest in headless Chromium', () => {
  let dir: string;
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let runtime: LocalRuntime;
  let browser: Browser;
  let htmlFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-digest-browser-'));
    demo = await startDemo();
    const out = join(dir, 'out');
    runtime = await openLocalRuntime(resolveConfig({}, { dataDir: dir, outDir: out }), demo.workspace, { inMemory: true });
    await seedDemoInterest(runtime);
    // The cycle itself writes the week's digest files, as `npm start` does.
    const result = (await runCycle(demo.workspace, runtime, { force: true })).digest;
    expect(result).toMatchObject({ week: WEEK, status: 'sent' });
    htmlFile = join(out, `digest-${WEEK}.html`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the chart, fits 600 px and shows the box-office table', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    // Only the local file and its sibling chart may load: no request leaves the machine.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });

    // Page code as strings: the project compiles without the DOM library.
    const chart = await page.evaluate<{ naturalWidth: number; naturalHeight: number; width: number; height: number; complete: boolean } | null>(`(() => {
      const img = document.querySelector('img[alt^="Weekend gross"]');
      if (!img) return null;
      const r = img.getBoundingClientRect();
      return { naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight, width: r.width, height: r.height, complete: img.complete };
    })()`);
    expect(chart).not.toBeNull();
    expect(chart!.complete).toBe(true);
    expect(chart!.naturalWidth).toBe(560);
    expect(chart!.naturalHeight).toBe(280);
    expect(chart!.width).toBeGreaterThan(0);
    expect(chart!.height).toBeGreaterThan(0);

    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(600);

    const table = page.locator('.boxoffice table').first();
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.innerText()).toContain('Glimmerglass');

    // Tone of coverage: the glyph sparklines stay on one line inside the 600 px column.
    const tone = page.locator('.sentiment table').first();
    await expect.poll(() => tone.isVisible()).toBe(true);
    const box = await tone.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(600);
    const sparkHeights = await page.evaluate<number[]>(`[...document.querySelectorAll('td.spark')].map((td) => td.getBoundingClientRect().height)`);
    expect(sparkHeights.length).toBeGreaterThan(0);
    expect(Math.max(...sparkHeights)).toBeLessThan(60);
    if (!UPDATE_SCREENSHOTS) await tone.screenshot({ path: join(tmpdir(), 'marquee-digest-sentiment.png') });

    // Audience interest: its table inside the column, and its own chart loaded beside the box-office one.
    const interest = await page.evaluate<{ naturalWidth: number; complete: boolean; right: number } | null>(`(() => {
      const img = document.querySelector('img[alt^="Interest against comps"]');
      return img ? { naturalWidth: img.naturalWidth, complete: img.complete, right: img.getBoundingClientRect().right } : null;
    })()`);
    expect(interest).toMatchObject({ naturalWidth: 560, complete: true });
    expect(interest!.right).toBeLessThanOrEqual(600);
    const interestTable = page.locator('.interest table').first();
    expect(await interestTable.innerText()).toMatch(/Iron Meridian\s+Lionsgate\s+Jan 22\s+2\.06×/);
    const ibox = await interestTable.boundingBox();
    expect(ibox!.x + ibox!.width).toBeLessThanOrEqual(600);

    const shot = UPDATE_SCREENSHOTS ? join(process.cwd(), 'docs', 'digest.png') : join(dir, 'digest.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (!UPDATE_SCREENSHOTS) await copyFile(shot, join(tmpdir(), 'marquee-digest-latest.png'));
    await page.close();
  });
});
