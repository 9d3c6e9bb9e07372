// Feed-suite report: the public feed-reader test suites through our parser, with every miss listed.
// Run: npx tsx test/bench/feed-suites.ts [--verbose]   (or npm run eval:feeds)
import { figures, locateFeedSuites, runFeedSuites } from '../support/feed-suites.js';

const COMMAND = 'npx tsx test/bench/feed-suites.ts';
const verbose = process.argv.includes('--verbose');

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

const dir = locateFeedSuites();
if (!dir) {
  console.error('feed suites not found: set MARQUEE_FEED_SUITES, or lay them out as test/fixtures/feed-suites/README.md says');
  process.exit(2);
}
const report = await runFeedSuites(dir);
const f = figures(report);
const lines = [
  `command: ${COMMAND}`,
  `suites: ${dir}`,
  `files: ${f.files} (feedparser ${report.files.filter((x) => x.suite === 'feedparser').length}, rss-parser ${report.files.filter((x) => x.suite === 'rss-parser').length}); crashes: ${f.crashes.length}`,
  `item-bearing files with items: ${f.itemBearingWithItems} of ${f.itemBearing} (${pct(f.itemBearingWithItems, f.itemBearing)})`,
  `expectations met: ${f.met} of ${f.applicable} applicable (${pct(f.met, f.applicable)}); ${f.notApplicable} not applicable (fields we do not keep: feed-level, encoding name, content type, enclosures, detail dicts)`,
  `bozo agreement (feedparser "bozo"/"not bozo" vs our error or repair warning): ${f.bozoAgrees} of ${f.bozoChecked} (${pct(f.bozoAgrees, f.bozoChecked)})`,
];
for (const c of f.crashes) lines.push(`CRASH ${c.suite}:${c.path}: ${c.crash?.split('\n')[0]}`);
for (const x of f.itemless) lines.push(`NO ITEMS ${x.suite}:${x.path}: ${x.parseError ?? 'parsed, 0 items'}`);
for (const u of f.unmet) lines.push(`UNMET ${u.file.suite}:${u.file.path}: ${u.label}\n    ${u.failed.join('\n    ')}`);
for (const b of f.bozoDisagrees) {
  lines.push(`BOZO ${b.suite}:${b.path}: expected ${b.bozo!.expected ? 'bozo' : 'not bozo'}; ours: ${b.parseError ?? (b.warnings.join(' | ') || 'clean')}`);
}
if (verbose) {
  for (const x of report.files) {
    const na = x.expectations.flatMap((e) => e.notApplicable);
    lines.push(`  ${x.suite}:${x.path}: ${x.items} items${x.parseError ? `, ${x.parseError}` : ''}${x.warnings.length ? `, warnings: ${x.warnings.join(' | ')}` : ''}${na.length ? `, n/a: ${na.join('; ')}` : ''}`);
  }
}
console.log(lines.join('\n'));
