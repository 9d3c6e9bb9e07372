// The digest chart through resvg's WebAssembly build: the same PNG as the native addon (resvg-js) it replaced, with
// the chart's own fonts, so the image no longer depends on the platform or on the fonts a machine happens to have.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resvg as NativeResvg } from '@resvg/resvg-js';
import { Resvg as WasmResvg } from '@resvg/resvg-wasm';
import { boxOfficeChartSvg, chartAssetPath, chartRenderOptions, renderBoxOfficeChart } from '../../../shared/delivery/digest/chart.js';
import { woffToSfnt } from '../../../shared/delivery/digest/woff.js';

const series = {
  weekends: ['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27'],
  titles: [
    { title: 'Glimmerglass', grosses: [71_800_000, 38_200_000, 21_000_000, 12_400_000] },
    { title: 'Skyward Sprocket & the “Ferry” <Returns>', grosses: [null, 24_500_000, 17_100_000, 9_800_000] },
    { title: 'Amélie à la plage — Épisode II', grosses: [12_000_000, 8_000_000, null, 4_100_000] },
    { title: 'Night Ferry', grosses: [5_000_000, 4_200_000, 3_900_000, 3_000_000] },
    { title: 'The Lantern Keeper', grosses: [2_000_000, 1_500_000, 900_000, 400_000] },
  ],
};

let dir: string;
let fontFiles: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-chart-'));
  fontFiles = [];
  for (const name of ['DejaVuSans.woff', 'DejaVuSans-Bold.woff'] as const) {
    const file = join(dir, name.replace('.woff', '.ttf'));
    await writeFile(file, woffToSfnt(readFileSync(chartAssetPath(name))));
    fontFiles.push(file);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const native = (svg: string, font: object) => new NativeResvg(svg, { fitTo: { mode: 'original' }, font, background: '#ffffff' }).render();

describe('box-office chart (resvg WebAssembly)', () => {
  it('renders byte for byte the PNG the native resvg addon renders from the same SVG and fonts', async () => {
    const png = await renderBoxOfficeChart(series);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([560, 280]);
    const reference = native(boxOfficeChartSvg(series), { loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans' });
    expect(Buffer.compare(png, Buffer.from(reference.asPng()))).toBe(0);
    const wasmPixels = new WasmResvg(boxOfficeChartSvg(series), chartRenderOptions(fontFiles.map((f) => readFileSync(f)))).render().pixels;
    expect(Buffer.compare(Buffer.from(wasmPixels), Buffer.from(reference.pixels))).toBe(0);
  });

  it("matches what the native addon drew before with the system's DejaVu Sans, where the machine has it", async () => {
    const system = native(boxOfficeChartSvg(series), { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' });
    const hasDejaVu = (() => {
      try {
        return readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf').length > 0;
      } catch {
        return false;
      }
    })();
    if (!hasDejaVu) return; // Nothing to compare with: the old renderer would have drawn no text at all (as on Lambda).
    expect(Buffer.compare(await renderBoxOfficeChart(series), Buffer.from(system.asPng()))).toBe(0);
  });

  it('draws its text with its own fonts: labels are there without any system font', async () => {
    const withText = Buffer.from(native(boxOfficeChartSvg(series), { loadSystemFonts: false, fontFiles }).pixels);
    const noFonts = Buffer.from(native(boxOfficeChartSvg(series), { loadSystemFonts: false }).pixels);
    const wasm = Buffer.from(new WasmResvg(boxOfficeChartSvg(series), chartRenderOptions(fontFiles.map((f) => readFileSync(f)))).render().pixels);
    expect(Buffer.compare(wasm, withText)).toBe(0);
    let differing = 0;
    for (let i = 0; i < wasm.length; i += 4) if (wasm[i] !== noFonts[i]) differing++;
    // Title, axis labels, tick values and the legend: thousands of pixels of glyphs that a machine without fonts loses.
    expect(differing).toBeGreaterThan(3000);
  });

  it('renders again and again in one process (WebAssembly memory is freed after each render)', async () => {
    const first = await renderBoxOfficeChart(series);
    for (let i = 0; i < 5; i++) expect(Buffer.compare(await renderBoxOfficeChart(series), first)).toBe(0);
  });
});
