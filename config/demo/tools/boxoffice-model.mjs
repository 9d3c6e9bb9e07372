// Derives every chart number (ranks, changes, running totals, daily figures, The Numbers variants)
// from boxoffice-data.mjs. Used by gen-boxoffice.mjs and by the news stories that quote grosses.
import { FILMS, WEEKENDS, WEEKDAY_RATIO, FAMILY_WEEKDAY_BONUS, DAILY, DAILY_THEATERS, DAILY_ESTIMATED } from './boxoffice-data.mjs';

/** Deterministic value in [0, 1) from a string. */
export function hash01(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
  return ((h >>> 0) % 100000) / 100000;
}
const dayMs = 86400000;
const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs);

function pct(cur, prev) { return prev ? ((cur - prev) / prev) * 100 : null; }

/** Weekend rows per weekend index, BOM numbers. */
function buildWeekends() {
  const totals = new Map(); // film id -> running total after the last computed weekend
  const out = [];
  for (const w of WEEKENDS) {
    const i = w.index;
    const rows = [];
    for (const f of FILMS) {
      const cur = f.wk[i];
      if (!cur) continue;
      const [gross, theaters] = cur;
      let prevGross = null, prevTheaters = null;
      if (i === 0 && f.prev) { [prevGross, prevTheaters] = f.prev; }
      else if (i > 0 && f.wk[i - 1]) { [prevGross, prevTheaters] = f.wk[i - 1]; }
      let total;
      if (totals.has(f.id)) {
        const lastW = f.wk[i - 1];
        const ratio = WEEKDAY_RATIO[i - 1] + (f.family ? FAMILY_WEEKDAY_BONUS : 0) + (hash01(f.id + i) - 0.5) * 0.04;
        total = totals.get(f.id) + Math.round(lastW[0] * ratio) + gross;
      } else if (f.pre) {
        total = f.pre + gross;
      } else {
        total = gross;
      }
      totals.set(f.id, total);
      const isNew = f.release >= w.fri && days(f.release, w.fri) < 7 && !f.prev && (i === 0 || !f.wk[i - 1]);
      rows.push({
        id: f.id, title: f.title, tnTitle: f.tnTitle ?? f.title, dist: f.dist, tnDist: f.tnDist,
        gross, theaters, prevGross, prevTheaters, total,
        change: isNew ? null : pct(gross, prevGross),
        theaterChange: prevTheaters == null ? null : theaters - prevTheaters,
        average: Math.round(gross / theaters),
        weeks: Math.floor(days(f.release, w.fri) / 7) + 1,
        isNew, estimated: f.est?.[i] ?? false,
      });
    }
    rows.sort((a, b) => b.gross - a.gross);
    rows.forEach((r, k) => { r.rank = k + 1; });
    out.push({ ...w, rows });
  }
  // last-week ranks
  out.forEach((w, i) => {
    for (const r of w.rows) {
      if (i === 0) { const f = FILMS.find((x) => x.id === r.id); r.lastRank = f.prev ? f.prev[2] : null; }
      else { const p = out[i - 1].rows.find((x) => x.id === r.id); r.lastRank = p ? p.rank : null; }
    }
  });
  return out;
}

export const weekends = buildWeekends();

/** Daily chart rows for Wed Nov 25 (BOM). */
function buildDaily() {
  const w47 = weekends[3];
  const w46 = weekends[2];
  const rows = [];
  for (const f of FILMS) {
    const r47 = w47.rows.find((x) => x.id === f.id);
    const v = (k) => 1 + (hash01(f.id + k) - 0.5) * 0.08;
    if (r47) {
      const wed = Math.round(r47.gross * (DAILY.wed + (f.family ? DAILY.familyWedBonus : 0)) * v('wed'));
      const tue = Math.round(r47.gross * DAILY.tue * v('tue'));
      const mon = Math.round(r47.gross * DAILY.mon * v('mon'));
      const r46 = w46.rows.find((x) => x.id === f.id);
      const lw = r46 ? Math.round(r46.gross * DAILY.lastWeekWed * v('lw')) : null;
      const theaters = DAILY_THEATERS[f.id] ?? r47.theaters;
      rows.push({ id: f.id, title: f.title, dist: f.dist, daily: wed, yd: tue, lw, theaters,
        toDate: r47.total + mon + tue + wed, days: days(f.release, DAILY.date) + 1, isNew: false,
        estimated: DAILY_ESTIMATED.has(f.id) });
    } else if (f.daily) {
      rows.push({ id: f.id, title: f.title, dist: f.dist, daily: f.daily.gross, yd: null, lw: null, theaters: f.daily.theaters,
        toDate: f.daily.gross, days: 1, isNew: true, estimated: DAILY_ESTIMATED.has(f.id) });
    }
  }
  const rankBy = (key, target) => {
    const list = rows.filter((r) => r[key] != null).sort((a, b) => b[key] - a[key]);
    list.forEach((r, k) => { r[target] = k + 1; });
  };
  rankBy('daily', 'rank');
  rankBy('yd', 'ydRank');
  rankBy('lw', 'lwRank');
  rows.sort((a, b) => a.rank - b.rank);
  for (const r of rows) {
    r.ydChange = r.yd ? pct(r.daily, r.yd) : null;
    r.lwChange = r.lw ? pct(r.daily, r.lw) : null;
    r.average = Math.round(r.daily / r.theaters);
  }
  return { date: DAILY.date, rows };
}
export const daily = buildDaily();

/** The Numbers variant of each weekend: same titles, slightly different reported numbers. */
function buildTheNumbers() {
  const totalsTN = new Map();
  return weekends.map((w, i) => {
    const rows = w.rows.map((r) => {
      const d = (hash01('tn' + r.id + w.week) - 0.5) * 0.012; // within ±0.6%
      const gross = Math.round(r.gross * (1 + d) / (r.estimated ? 1000 : 1)) * (r.estimated ? 1000 : 1);
      const tDelta = hash01('th' + r.id + w.week) < 0.3 ? Math.round((hash01('td' + r.id) - 0.5) * 20) : 0;
      const theaters = r.theaters + tDelta;
      const td = (hash01('tt' + r.id) - 0.5) * 0.006;
      const total = r.weeks === 1 ? gross : Math.max(gross, Math.round(r.total * (1 + td)));
      totalsTN.set(r.id, total);
      return { ...r, gross, theaters, total };
    });
    rows.sort((a, b) => b.gross - a.gross);
    rows.forEach((r, k) => { r.rank = k + 1; });
    return { ...w, rows };
  }).map((w, i, all) => {
    for (const r of w.rows) {
      const p = i > 0 ? all[i - 1].rows.find((x) => x.id === r.id) : null;
      r.lastRank = i === 0 ? r.lastRank : p ? p.rank : null;
      const prevGross = i === 0 ? r.prevGross : p ? p.gross : null;
      const prevTheaters = i === 0 ? r.prevTheaters : p ? p.theaters : null;
      r.change = r.isNew || prevGross == null ? null : pct(r.gross, prevGross);
      r.theaterChange = r.isNew || prevTheaters == null ? null : r.theaters - prevTheaters;
      r.average = Math.round(r.gross / r.theaters);
    }
    return w;
  });
}
export const theNumbers = buildTheNumbers();

// ---- helpers for news copy ----
const wkRow = (id, i) => {
  const r = weekends[i].rows.find((x) => x.id === id);
  if (!r) throw new Error(`no weekend row for ${id} in weekend index ${i}`);
  return r;
};
export const row = wkRow;
/** "$88.4M" */
export const M = (id, i) => '$' + (wkRow(id, i).gross / 1e6).toFixed(1) + 'M';
/** "$88.4 million" */
export const Mil = (id, i) => '$' + (wkRow(id, i).gross / 1e6).toFixed(1) + ' million';
/** running total "$123.4M" */
export const T = (id, i) => '$' + (wkRow(id, i).total / 1e6).toFixed(1) + 'M';
export const TMil = (id, i) => '$' + (wkRow(id, i).total / 1e6).toFixed(1) + ' million';
/** "59%" drop (absolute, rounded) */
export const drop = (id, i) => Math.abs(Math.round(wkRow(id, i).change)) + '%';
export const theaters = (id, i) => wkRow(id, i).theaters.toLocaleString('en-US');
export const avg = (id, i) => '$' + wkRow(id, i).average.toLocaleString('en-US');
export const rank = (id, i) => wkRow(id, i).rank;
/** Sum of the top n grosses of weekend i, "$152.3M" */
export const topN = (i, n = 10) => '$' + (weekends[i].rows.slice(0, n).reduce((s, r) => s + r.gross, 0) / 1e6).toFixed(1) + 'M';
export const dailyRow = (id) => daily.rows.find((r) => r.id === id);
export const DM = (id) => '$' + (dailyRow(id).daily / 1e6).toFixed(1) + 'M';
