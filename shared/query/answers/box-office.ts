// Box-office answers from the stored charts: a title's run, what it opened to, rankings over a period, the computed
// surprises, a weekend chart and a genre's weekends. Each figure cites the chart it comes from, dated by its period.
import { compareOpening, openings, type OpeningComparison, type SeriesPoint } from '../../analysis/boxoffice-series.js';
import { canonicalGenres } from '../../analysis/genres.js';
import type { BoxOfficeEntry } from '../../model/boxoffice.js';
import type { StoredChart } from '../../ports/store.js';
import { titleKey } from '../../util/text.js';
import { addDays, weekendOf } from '../../util/week.js';
import { chartOf, openingsBetween, surprisesBetween, titleRun, type OpeningFact, type TitleRun } from '../box-office-facts.js';
import { AnswerContext, spanOf, type Answer } from './context.js';
import { capitalize, count, dollars, humanDate, humanDay, humanSpan, listJoin, money, ordinal, percent } from './format.js';

function weekendSpan(p: Pick<SeriesPoint, 'start' | 'end'>): string {
  return humanSpan(p.start, p.end);
}

/** "5.65× the $3,160 median per theater of 7 comparable openings (similar theater counts): a breakout". */
function comparisonText(c: OpeningComparison): string {
  const verdict = c.exactRatio >= 2 ? 'far above comparable openings (a computed surprise)' : c.exactRatio <= 0.6 ? 'far below comparable openings (a computed surprise, on the low side)' : 'within the usual range (a surprise is 2× or more, or 0.6× or less)';
  return `${c.ratio}× the ${dollars(c.comparableMedian)} median per theater of ${c.comparables} comparable openings (similar theater counts): ${verdict}`;
}

function who(d: string | null): string {
  return d ? ` (${d})` : '';
}

async function openingLine(ctx: AnswerContext, run: TitleRun): Promise<string | null> {
  if (run.opening) {
    const o = run.opening;
    const cite = ctx.citeChart(await chartOf(ctx.service, o, 'weekend'));
    const parts = [o.rank ? `#${o.rank}` : null, o.theaters ? `${o.theaters.toLocaleString('en-US')} theaters` : null, o.perTheater ? `${dollars(o.perTheater)} per theater` : null].filter(Boolean);
    return `Opened to ${o.gross !== null ? money(o.gross) : 'an unreported gross'} on the weekend of ${weekendSpan(o)}${parts.length ? ` (${parts.join(', ')})` : ''}${cite}.`;
  }
  if (run.openingDay) {
    const d = run.openingDay;
    const cite = ctx.citeChart(await chartOf(ctx.service, d, 'daily'));
    const parts = [d.rank ? `#${d.rank}` : null, d.theaters ? `${d.theaters.toLocaleString('en-US')} theaters` : null, d.perTheater ? `${dollars(d.perTheater)} per theater` : null].filter(Boolean);
    return `Opened on ${humanDay(d.start)} to ${d.gross !== null ? money(d.gross) : 'an unreported gross'} on its first day${parts.length ? ` (${parts.join(', ')})` : ''}${cite}; no weekend of it is on a stored chart yet.`;
  }
  return null;
}

/** A title's run: opening, each later weekend, the latest days, the total to date, weeks, per-theater, comparables. */
async function runLines(ctx: AnswerContext, run: TitleRun, focus: 'run' | 'opening' | 'surprise'): Promise<string[]> {
  const lines: string[] = [];
  const opening = await openingLine(ctx, run);
  const first = run.weekends[0];
  if (opening) lines.push(opening);
  else if (first) {
    lines.push(`Its opening weekend is before the stored charts; the first stored weekend is ${weekendSpan(first)}, its ${first.weeks ? `${ordinal(first.weeks)} week` : 'run'}: ${first.gross !== null ? money(first.gross) : 'n/a'}${first.rank ? ` (#${first.rank})` : ''}${ctx.citeChart(await chartOf(ctx.service, first, 'weekend'))}.`);
  }
  if (run.comparison) lines.push(`Per theater, the opening was ${comparisonText(run.comparison)}.`);
  if (focus === 'opening') return lines;
  const later = run.weekends.slice(run.opening || first ? 1 : 0);
  if (later.length) {
    const parts: string[] = [];
    for (const w of later) {
      const extra = [w.change !== null ? percent(w.change) : null, w.rank ? `#${w.rank}` : null, w.theaters ? `${w.theaters.toLocaleString('en-US')} theaters` : null].filter(Boolean);
      parts.push(`${w.weeks ? `week ${w.weeks}` : 'weekend'}, ${weekendSpan(w)}: ${w.gross !== null ? money(w.gross) : 'n/a'}${extra.length ? ` (${extra.join(', ')})` : ''}${ctx.citeChart(await chartOf(ctx.service, w, 'weekend'))}`);
    }
    lines.push(`Later weekends: ${parts.join('; ')}.`);
  }
  const days = run.openingDay ? run.days.slice(1) : run.days;
  if (days.length) {
    const parts: string[] = [];
    for (const d of days.slice(-2)) parts.push(`${humanDay(d.start)}: ${d.gross !== null ? money(d.gross) : 'n/a'}${d.rank ? ` (#${d.rank} that day)` : ''}${ctx.citeChart(await chartOf(ctx.service, d, 'daily'))}`);
    lines.push(`Latest days (daily chart): ${parts.join('; ')}.`);
  }
  const lastDay = run.days.at(-1);
  const lastWeekend = run.weekends.at(-1);
  const total = lastDay?.totalGross ?? lastWeekend?.totalGross ?? null;
  const asOf = lastDay ? humanDay(lastDay.start) : lastWeekend ? humanDate(lastWeekend.end ?? lastWeekend.start) : null;
  const weeks = lastWeekend?.weeks ?? null;
  const onlyOpening = run.weekends.length === 1 && !!run.opening && !days.length && !run.openingDay;
  if (total !== null && asOf && !onlyOpening && !(run.openingDay && !days.length)) {
    lines.push(`Total ${money(total)} through ${asOf}${weeks ? `; ${count(weeks, 'week')} in release` : ''}.`);
  } else if (weeks) lines.push(`${count(weeks, 'week')} in release; the opening weekend is the whole total so far.`);
  return lines;
}

/** "how did X do", "what did X open to", "was X a breakout". */
export async function titleAnswer(ctx: AnswerContext, focus: 'run' | 'opening' | 'surprise'): Promise<Answer> {
  const { service, p } = ctx;
  const lines: string[] = [];
  const shown: string[] = [];
  for (const title of p.titles.slice(0, 3)) {
    const run = await titleRun(service, title, ctx.knownTitles);
    if (!run) {
      const release = await service.deps.analysis.getRelease(titleKey(title));
      if (release?.date && release.date > ctx.today) lines.push(`${release.title} has not opened yet: it is dated ${humanDate(release.date)}${who(release.isSlate ? 'yours' : release.distributor)}, so no chart has it.`);
      else lines.push(`${title} is on none of the stored box-office charts (weekend or daily).`);
      continue;
    }
    shown.push(run.title);
    if (p.titles.length > 1) lines.push(`${run.title}${who(run.distributor)}:`);
    lines.push(...(await runLines(ctx, run, focus)));
  }
  const what = focus === 'opening' ? 'Opening' : focus === 'surprise' ? 'Opening against comparable openings, and the run' : 'Box-office run';
  const names = shown.length ? listJoin(shown) : listJoin(p.titles);
  const understood = `${what} of ${names}, from the stored weekend and daily charts`;
  const dist = shown.length === 1 && p.titles.length === 1 ? (await titleRun(service, p.titles[0]!, ctx.knownTitles))?.distributor ?? null : null;
  return ctx.done(understood, lines, `${what} of ${names}${who(dist)}, from the stored charts:`);
}

/** Computed surprises on the weekends asked about (latest four when none is named). */
export async function surprisesAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  let from: string | undefined;
  let to: string | undefined;
  let limit = 4;
  if (p.weekend) {
    from = p.weekend;
    to = p.weekend;
    limit = 1;
  } else if (p.range) {
    ({ from, to } = ctx.pastRange(30));
    limit = 26;
  }
  const charts = await service.charts('weekend', { from, to, limit });
  const all = await surprisesBetween(service, from, to, limit);
  const list = all.filter((s) => !p.direction || s.direction === p.direction);
  const span = charts.length ? `${charts.length === 1 ? 'weekend' : 'weekends'} of ${humanSpan(charts.at(-1)!.period.start!, charts[0]!.period.end)}` : 'the stored weekends';
  const dir = p.direction === 'above' ? 'above expectations' : p.direction === 'below' ? 'below expectations' : 'above or below expectations';
  const understood = `Box-office surprises (${dir}), ${span}: openings whose per-theater average is 2× or more, or 0.6× or less, the median of comparable openings`;
  if (!charts.length) return ctx.done(understood, [], 'No weekend chart is stored for that period, so no surprise can be computed.');
  if (!list.length) {
    // Say how close the openings came, so "none" is not mistaken for "no data".
    const history = await openings(service.deps.store);
    const near = charts
      .flatMap((chart) => chart.entries.filter((e) => (e.weeks === 1 || e.isNew) && e.gross).map((e) => ({ e, chart, c: compareOpening({ title: e.title, gross: e.gross!, theaters: e.theaters }, history) })))
      .filter((x) => x.c && (p.direction === 'below' ? x.c.exactRatio < 1 : p.direction === 'above' ? x.c.exactRatio > 1 : true))
      .sort((a, b) => (p.direction === 'below' ? a.c!.exactRatio - b.c!.exactRatio : b.c!.exactRatio - a.c!.exactRatio))
      .slice(0, 2);
    const lines = near.map((x) => `${x.e.title}${who(x.e.distributor)}: ${money(x.e.gross!)} at ${x.e.theaters?.toLocaleString('en-US')} theaters, ${x.c!.ratio}× the ${dollars(x.c!.comparableMedian)} median per theater of ${x.c!.comparables} comparable openings${ctx.citeChart(x.chart)}.`);
    return ctx.done(understood, lines.length ? [`Closest: ${lines.join(' ')}`] : [], `${capitalize(`no opening on the ${span} was ${dir} against comparable openings`)} (a surprise needs 2× or more, or 0.6× or less, the median per theater).`);
  }
  const lines = list.map((s) => {
    const label = s.direction === 'above' ? 'above expectations' : 'below expectations';
    return `${s.title}${who(s.distributor)} opened to ${money(s.gross)} on the weekend of ${humanSpan(s.chart.period.start!, s.chart.period.end)} at ${s.theaters?.toLocaleString('en-US')} theaters: ${dollars(s.perTheater)} per theater, ${s.ratio}× the ${dollars(s.comparableMedian)} median of ${s.comparables} comparable openings — ${label}${ctx.citeChart(s.chart)}.`;
  });
  return ctx.done(understood, lines, `${understood}: ${count(list.length, 'surprise')}.`);
}

type Row = BoxOfficeEntry & { chart: StoredChart };

function sortBy<T>(rows: T[], value: (r: T) => number | null, order: 'asc' | 'desc'): T[] {
  return rows.filter((r) => value(r) !== null).sort((a, b) => (order === 'desc' ? value(b)! - value(a)! : value(a)! - value(b)!));
}

/** The weekend the question is about: a named one, the weekend of a named day, or the latest stored. */
async function weekendChart(ctx: AnswerContext): Promise<StoredChart | null> {
  const { service, p } = ctx;
  const start = p.weekend ?? (p.day ? weekendOf(p.day) : null);
  if (start) {
    const charts = await service.charts('weekend', { from: addDays(start, -3), to: addDays(start, 3), limit: 2 });
    const exact = charts.find((c) => c.period.start === start) ?? charts[0];
    if (exact) return exact;
    // A weekend not charted yet (this weekend, "right now"): the latest chart before it, if it is the week before.
    const before = (await service.charts('weekend', { to: start, limit: 1 }))[0];
    return before && before.period.start! >= addDays(start, -7) ? before : null;
  }
  return (await service.charts('weekend', { to: ctx.today, limit: 1 }))[0] ?? null;
}

/** Superlatives and top-N lists: openings, weekend grosses, per-theater, drops and holds, totals to date. */
export async function rankingAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const spec = p.rank!;
  const n = spec.position ? spec.position : spec.n;
  const word = (desc: string, asc: string) => (spec.order === 'desc' ? desc : asc);
  const place = spec.floor !== undefined ? 'All' : spec.position ? `${ordinal(spec.position)} ${word('biggest', 'smallest')}` : spec.n > 1 ? `Top ${spec.n}` : word('Biggest', 'Smallest');
  const lines: string[] = [];

  if (spec.metric === 'opening' || (spec.metric === 'per_theater' && spec.ofOpenings)) {
    const range = p.weekend ? { from: p.weekend, to: p.weekend } : p.range ? ctx.pastRange(30) : null;
    const openings = await openingsBetween(service, range?.from, range?.to);
    const value = (o: OpeningFact) => (spec.metric === 'opening' ? o.gross : o.perTheater);
    const ranked = sortBy(openings, value, spec.order).filter((o) => spec.floor === undefined || o.gross >= spec.floor);
    const what = `${spec.metric === 'opening' ? 'opening weekends' : 'opening per-theater averages'}${spec.floor !== undefined ? ` of ${money(spec.floor)} or more` : ''}`;
    const window = range ? `weekends starting ${spanOf(range)}` : 'every stored weekend chart';
    const understood = `${place} ${what}, ${window}`;
    if (!ranked.length) return ctx.done(understood, [], `${understood}: no opening weekend is on a stored chart in that window.`);
    const show = (o: OpeningFact, i: number) =>
      `${i + 1}. ${o.title}${who(o.distributor)}: ${spec.metric === 'opening' ? money(o.gross) : `${dollars(o.perTheater!)} per theater (${money(o.gross)})`} on ${humanSpan(o.chart.period.start!, o.chart.period.end)}${o.theaters ? `, ${o.theaters.toLocaleString('en-US')} theaters` : ''}${ctx.citeChart(o.chart)}`;
    const picked = spec.position ? [ranked[spec.position - 1]].filter(Boolean) as OpeningFact[] : ranked.slice(0, n);
    for (const o of picked) lines.push(`${show(o, ranked.indexOf(o))}.`);
    if (spec.position && ranked.length >= spec.position) lines.push(`Ahead of it: ${ranked.slice(0, spec.position - 1).map((o, i) => `${i + 1}. ${o.title} ${money(o.gross)}`).join('; ')}.`);
    else if (!spec.position && spec.n === 1 && ranked.length > 1) lines.push(`Next: ${ranked.slice(1, 3).map((o, i) => `${i + 2}. ${o.title} ${spec.metric === 'opening' ? money(o.gross) : dollars(o.perTheater!)}`).join('; ')}.`);
    return ctx.done(understood, lines);
  }

  if (spec.metric === 'total') {
    const weekend = (await service.charts('weekend', { to: ctx.today, limit: 1 }))[0] ?? null;
    const daily = (await service.charts('daily', { to: ctx.today, limit: 1 }))[0] ?? null;
    const chart = daily && weekend && daily.period.start! > (weekend.period.end ?? weekend.period.start!) ? daily : weekend ?? daily;
    if (!chart) return ctx.done('Highest totals to date', [], 'No box-office chart is stored yet.');
    const asOf = chart.period.type === 'daily' ? humanDay(chart.period.start!) : humanSpan(chart.period.start!, chart.period.end);
    const ranked = sortBy(chart.entries, (e) => e.totalGross, spec.order)
      .filter((e) => spec.floor === undefined || (e.totalGross ?? 0) >= spec.floor)
      .slice(0, Math.max(n, spec.n === 1 && !spec.position ? 3 : n));
    const understood = `${spec.n > 1 ? `Top ${spec.n}` : word('Highest', 'Lowest')} totals to date, as of the latest chart (${chart.period.type} ${asOf})`;
    const mark = ctx.citeChart(chart);
    ranked.forEach((e, i) => lines.push(`${i + 1}. ${e.title}${who(e.distributor)}: ${money(e.totalGross!)} total${e.weeks ? `, ${count(e.weeks, 'week')} in release` : ''}${mark}.`));
    return ctx.done(understood, lines);
  }

  if (spec.metric === 'money') {
    return moneyRanking(ctx, place);
  }

  // One weekend's chart, or weekend grosses summed over a range of weekends.
  if (p.range && !p.weekend && !p.day && spec.metric === 'weekend') {
    const range = ctx.pastRange(30);
    const charts = await service.charts('weekend', { from: range.from, to: range.to, limit: 26 });
    const sums = new Map<string, { title: string; distributor: string | null; gross: number; weekends: number }>();
    for (const c of charts) for (const e of c.entries) {
      if (e.gross === null) continue;
      const k = titleKey(e.title);
      const s = sums.get(k) ?? { title: e.title, distributor: e.distributor, gross: 0, weekends: 0 };
      s.gross += e.gross;
      s.weekends++;
      sums.set(k, s);
    }
    const understood = `${place} by weekend grosses summed over the weekends of ${spanOf(range)}`;
    if (!charts.length) return ctx.done(understood, [], `${understood}: no weekend chart is stored in that window.`);
    const marks = charts.map((c) => ctx.citeChart(c).trim()).join('');
    sortBy([...sums.values()], (s) => s.gross, spec.order).slice(0, n).forEach((s, i) => lines.push(`${i + 1}. ${s.title}${who(s.distributor)}: ${money(s.gross)} over ${count(s.weekends, 'weekend')}.`));
    lines.push(`Charts: ${marks}.`);
    return ctx.done(understood, lines);
  }
  const chart = await weekendChart(ctx);
  if (!chart) return ctx.done(`${place} on a weekend chart`, [], 'No weekend chart is stored for that weekend.');
  const span = humanSpan(chart.period.start!, chart.period.end);
  const rows: Row[] = chart.entries.map((e) => ({ ...e, chart }));
  const metricOf: Record<string, [string, (r: Row) => number | null, (r: Row) => string]> = {
    weekend: ['weekend gross', (r) => r.gross, (r) => `${money(r.gross!)}${r.weeks === 1 || r.isNew ? ' (opening weekend)' : r.change !== null ? ` (${percent(r.change)})` : ''}${r.theaters ? `, ${r.theaters.toLocaleString('en-US')} theaters` : ''}`],
    per_theater: ['per-theater average', (r) => r.perTheater ?? (r.gross !== null && r.theaters ? r.gross / r.theaters : null), (r) => `${dollars(r.perTheater ?? r.gross! / r.theaters!)} per theater (${money(r.gross!)} at ${r.theaters?.toLocaleString('en-US')} theaters)`],
    drop: ['drop from the weekend before', (r) => r.change, (r) => `${percent(r.change!)} to ${money(r.gross!)}`],
    hold: ['hold from the weekend before', (r) => r.change, (r) => `${percent(r.change!)} to ${money(r.gross!)}`],
  };
  const [label, value, show] = metricOf[spec.metric] ?? metricOf.weekend!;
  const order = spec.metric === 'drop' ? 'asc' : spec.metric === 'hold' ? 'desc' : spec.order;
  const ranked = sortBy(rows, value, order).filter((r) => spec.floor === undefined || (r.gross ?? 0) >= spec.floor);
  const place2 = spec.metric === 'drop' ? (spec.n > 1 ? `Top ${spec.n}` : 'Biggest') : spec.metric === 'hold' ? (spec.n > 1 ? `Top ${spec.n}` : 'Best') : place;
  const understood = `${place2} ${label}${spec.metric === 'weekend' && spec.n > 1 ? 'es' : ''}, weekend of ${span}`;
  const mark = ctx.citeChart(chart);
  const picked = spec.position ? [ranked[spec.position - 1]].filter(Boolean) as Row[] : ranked.slice(0, n);
  for (const r of picked) lines.push(`${ranked.indexOf(r) + 1}. ${r.title}${who(r.distributor)}: ${show(r)}${mark}.`);
  if (!spec.position && spec.n === 1 && ranked.length > 1) lines.push(`Next: ${ranked.slice(1, 3).map((r, i) => `${i + 2}. ${r.title} ${show(r).split(' (')[0]}`).join('; ')}.`);
  return ctx.done(understood, lines);
}

/** Deals (or any typed events) ranked by the money they name. */
async function moneyRanking(ctx: AnswerContext, place: string): Promise<Answer> {
  const { service, p } = ctx;
  const range = ctx.pastRange(84);
  const types = p.types.length ? p.types : (['acquisition'] as const);
  const found = [];
  for (const type of types) {
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const r = await service.events({ type, from: range.from, to: range.to, limit: 100, cursor, ...(p.studios[0] ? { studio: p.studios[0] } : {}) });
      found.push(...r.events);
      if (!r.cursor) break;
      cursor = r.cursor;
    }
  }
  const priced = found
    .map((e) => ({ e, amount: Math.max(0, ...e.money.filter((m) => /deal|price|rights|acqui|bid|pay|fee|cost/i.test(m.context) || e.type === 'acquisition').map((m) => m.amount)) }))
    .filter((x) => x.amount > 0)
    .sort((a, b) => b.amount - a.amount);
  await ctx.load(priced.map((x) => x.e));
  const noun = types.map((t) => (t === 'acquisition' ? 'deals' : t.replace('_', ' '))).join(' and ');
  const understood = `${place} ${noun} by the money reported, ${spanOf(range)}`;
  const lines = priced.slice(0, Math.max(p.rank!.n, 3)).map((x, i) => `${i + 1}. ${money(x.amount)}: ${x.e.summary.replace(/\s*[.…]*\s*$/, '')}${ctx.citeEvent(x.e.id)}.`);
  const unpriced = found.length - priced.length;
  if (unpriced > 0) lines.push(`${count(unpriced, 'other deal')} in the window name no price.`);
  if (!priced.length) return ctx.done(understood, lines, `${understood}: none names a price.`);
  return ctx.done(understood, lines);
}

/** A weekend chart: the weekend asked about or the latest, top five with changes. */
export async function chartAnswer(ctx: AnswerContext): Promise<Answer> {
  const chart = await weekendChart(ctx);
  const understood = 'Weekend box-office chart';
  if (!chart) return ctx.done(understood, [], ctx.p.weekend || ctx.p.day ? `No weekend chart is stored for ${humanDate(ctx.p.weekend ?? weekendOf(ctx.p.day!))}.` : 'No weekend chart is stored yet.');
  const span = humanSpan(chart.period.start!, chart.period.end);
  const top = chart.entries.slice(0, 5).map((r) => `${r.rank ?? '-'}. ${r.title} ${r.gross !== null ? money(r.gross) : 'n/a'}${r.change !== null ? ` (${percent(r.change)})` : r.weeks === 1 || r.isNew ? ' (new)' : ''}`);
  const total = chart.entries.reduce((s, r) => s + (r.gross ?? 0), 0);
  return ctx.done(`${understood}, weekend of ${span}`, [], `Weekend of ${span}: ${top.join('; ')}. Chart total ${money(total)}${ctx.citeChart(chart)}.`);
}

/** A genre's weekends: gross and share of the chart, the titles that made it. */
export async function genreAnswer(ctx: AnswerContext): Promise<Answer> {
  const { service, p } = ctx;
  const days = p.range ? (Date.parse(p.range.to) - Date.parse(p.range.from)) / 86_400_000 : 0;
  const weekends = p.weekends ?? (days >= 7 ? Math.min(26, Math.round(days / 7)) : 4);
  const wanted = canonicalGenres([p.genre!])[0] ?? p.genre!;
  const charts = (await service.charts('weekend', { to: p.range && p.range.to < ctx.today ? p.range.to : ctx.today, limit: weekends })).reverse();
  const understood = `${capitalize(wanted)} at the box office over the last ${count(charts.length, 'stored weekend')}`;
  if (!charts.length) return ctx.done(understood, [], 'No weekend chart is stored yet.');
  const parts: string[] = [];
  let sum = 0;
  const firstLast: number[] = [];
  const best = new Map<string, { title: string; gross: number; start: string }>();
  for (const chart of charts) {
    const { gross, share, entries } = await service.genres.shareOf(chart.entries, wanted);
    const titles = entries.map((e) => `${e.title} ${money(e.gross!)}`);
    for (const e of entries) {
      const b = best.get(titleKey(e.title));
      if (!b || e.gross! > b.gross) best.set(titleKey(e.title), { title: e.title, gross: e.gross!, start: chart.period.start! });
    }
    sum += gross;
    firstLast.push(gross);
    parts.push(`${humanSpan(chart.period.start!, chart.period.end)}: ${money(gross)} (${share}% of the chart${titles.length ? `; ${titles.join(', ')}` : ''})${ctx.citeChart(chart)}.`);
  }
  if (sum === 0) return ctx.done(understood, parts, `No ${wanted} title is on the last ${count(charts.length, 'stored weekend chart')}.`);
  const trend = firstLast[0]! > 0 ? Math.round(((firstLast.at(-1)! - firstLast[0]!) / firstLast[0]!) * 100) : null;
  const leaders = [...best.values()].sort((a, b) => b.gross - a.gross).slice(0, 3).map((b) => `${b.title} (best weekend ${money(b.gross)})`);
  const head = `${understood}: ${money(sum)} in all${trend !== null ? `, ${trend >= 0 ? 'up' : 'down'} ${Math.abs(trend)}% from the first weekend to the last` : ''}; led by ${listJoin(leaders)}.`;
  return ctx.done(understood, parts, head);
}

