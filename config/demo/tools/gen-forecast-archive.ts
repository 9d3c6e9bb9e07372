// Writes config/demo/interest/forecasts.jsonl: the opening forecasts the demo's deployment would have made a week before
// each past opening — the time-ordered backtest (only openings and interest known by then), as `{ "forecast": … }`
// lines. The first cycle scores them against the actual openings (the audit on the web page and in the digest).
// Usage: npx tsx config/demo/tools/gen-forecast-archive.ts   (after gen-interest.mjs)
import { writeFile } from 'node:fs/promises';
import { evalForecast } from '../../../test/bench/eval-forecast.js';
import { DEMO_FORECAST_ARCHIVE } from '../../../functions/local/demo.js';

await writeFile(DEMO_FORECAST_ARCHIVE, '');
const [, timeOrdered] = await evalForecast(7);
const forecasts = timeOrdered!.rows.flatMap((r) => (r.forecast ? [r.forecast] : []));
await writeFile(DEMO_FORECAST_ARCHIVE, forecasts.map((forecast) => JSON.stringify({ forecast })).join('\n') + '\n');
console.log(`${forecasts.length} forecasts written to ${DEMO_FORECAST_ARCHIVE}: ${forecasts.map((f) => `${f.title} (${f.madeAt.slice(0, 10)})`).join(', ')}`);
