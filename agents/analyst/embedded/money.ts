// Dollar amounts in a story ("$42M", "$1.2 billion", "$150K", "$30 million to $35 million") with what they measure.

/** One amount in US dollars with its context ("opening weekend gross", "deal price", ...). */
export interface MoneyAmount {
  amount: number;
  context: string;
}

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mil: 1e6, mln: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

// "$42M", "$42 million", "$1.2 billion", "US$8m", "$152,000", "$30M-Plus"; "£5m" and "€2M" are not dollars and are left
// out rather than converted at a guessed rate. In "$30 million to $35 million" each side is its own amount; in
// "$18M-$24M" too; in "$30-35 million" the scale word applies to both sides.
const AMOUNT = /(?:US)?\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?-\s?(\d+(?:\.\d+)?))?(?:\s?(million|billion|thousand|mln|mil|bn|mm|[mbk])\b)?/gi;

// What an amount measures, from the words around it: the nearest keyword in the same sentence wins, order breaks
// ties. Verbs that go with any gross ("earned", "tops", "crosses") count as farther away than nouns that say what
// the amount is ("previews", "budget", "spend"), so "earned $14.5M in Thursday previews" is a previews gross.
const GENERIC = 25;
const CONTEXTS: readonly [RegExp, string, number][] = [
  [/\bpreviews?\b|\bthursday night\b/gi, 'previews gross', 0],
  [/\btracking\b|\bprojected\b|\bprojection|\bforecast|\bon pace\b|\bon track\b|\beyes\b|\bexpected\b|\bexpectations\b|\bpace\b/gi, 'projected opening', 0],
  [/\bper[- ]theater\b|\baverage\b/gi, 'per-theater average', 0],
  [/\bmarketing\b|\bp&a\b|\bad spend\b|\bspend\b|\bmedia value\b|\bcampaign\b|\bpromotional\b/gi, 'marketing spend', 0],
  [/\bbudget\b|\bcost(?:s|ing)?\b|\bto make\b|\bproduction price\b/gi, 'budget', 0],
  [/\bdeal\b|\bpaid\b|\bpays\b|\bbought\b|\bbuys\b|\bacquired\b|\bacquires\b|\bprice tag\b|\bbid\b|\bbidding\b|\brights\b|\bpackage\b|\bsold\b|\bsale\b|\bfor a reported\b/gi, 'deal price', 0],
  [/\bsalary\b|\bpayday\b|\bupfront\b/gi, 'salary', 0],
  [/\brevenue\b|\bquarter\b|\bloss\b|\bprofit\b|\bearnings\b|\bincome\b|\bebitda\b|\bsales\b/gi, 'revenue or earnings', 0],
  [/\bsubscription\b|\ba month\b|\bper month\b|\bmonthly\b|\bplan\b|\bticket price\b/gi, 'price', 0],
  [/\bcume\b|\brunning total\b|\bto date\b|\bdomestic total\b|\bcumulative\b|\bmilestone\b|\blifetime\b|\bhighest-grossing\b/gi, 'cumulative gross', 0],
  [/\bworldwide\b|\bglobal(?:ly)?\b/gi, 'worldwide gross', 0],
  [/\boverseas\b|\binternational(?:ly)?\b|\boffshore\b/gi, 'international gross', 0],
  [/\bopening\b|\bopens? to\b|\bopened\b|\bdebut\w*\b|\blaunch\b|\bbow\b/gi, 'opening weekend gross', 0],
  [/\bweekend\b|\bframe\b|\bfive-day\b|\bthree-day\b|\bfour-day\b|\bholiday\b/gi, 'weekend gross', 0],
  [/\bcrosse[sd]\b|\bcross(?:ing)?\b|\bpasse[sd]\b|\bsurpass\w*\b|\btops\b|\btopped\b|\bbiggest\b/gi, 'cumulative gross', GENERIC],
  [/\bgross\w*\b|\bearn\w*\b|\btook in\b|\btakes? in\b|\bbox office\b|\bhaul\b|\bticket sales\b|\bgrabs?\b|\bscares up\b|\badded\b|\badds\b|\bdomestic\w*\b/gi, 'box office gross', GENERIC],
];

// All contexts in one pass; the capture group that matched says which context it is.
const CONTEXT_RE = new RegExp(CONTEXTS.map(([re]) => `(${re.source})`).join('|'), 'gi');

/** Every dollar amount in `text` with the context it is given in; at most `limit`, in order, same amount+context once. */
export function extractMoney(text: string, limit = 8): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(AMOUNT)) {
    const scaleWord = m[3]?.toLowerCase();
    const scale = scaleWord ? SCALE[scaleWord] ?? 1 : 1;
    const first = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isFinite(first)) continue;
    const values = [first * scale];
    if (m[2] !== undefined) values.push(Number(m[2]) * scale);
    // "$30M-$35M": the second amount is matched on its own next; "$30-$35" without scale stays as written.
    const context = contextOf(text, m.index, m.index + m[0].length);
    for (const v of values) {
      const amount = Math.round(v * 100) / 100;
      const key = `${amount}|${context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ amount, context });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** The context label for an amount at [start, end) of `text`: the nearest context keyword in the same sentence. */
export function contextOf(text: string, start: number, end: number): string {
  const sentenceStart = Math.max(text.lastIndexOf('. ', start) + 1, text.lastIndexOf('\n', start) + 1, start - 90, 0);
  const nextStop = text.slice(end).search(/[.!?](?:\s|$)|\n/);
  const sentenceEnd = Math.min(nextStop < 0 ? text.length : end + nextStop, end + 60);
  const before = text.slice(sentenceStart, start);
  const after = text.slice(end, sentenceEnd);
  let best: { label: string; distance: number; order: number } | null = null;
  const consider = (m: RegExpMatchArray, distanceOf: (m: RegExpMatchArray) => number): void => {
    const order = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const ctx = CONTEXTS[order];
    if (!ctx) return;
    const distance = distanceOf(m) + ctx[2];
    if (!best || distance < best.distance || (distance === best.distance && order < best.order)) best = { label: ctx[1], distance, order };
  };
  for (const m of before.matchAll(CONTEXT_RE)) consider(m, (x) => before.length - (x.index! + x[0].length));
  // Words after the amount bind tighter ("$8M deal", "$120M opening") than the same distance before it.
  for (const m of after.matchAll(CONTEXT_RE)) consider(m, (x) => Math.max(0, x.index! - 1) * 0.8);
  return (best as { label: string } | null)?.label ?? 'amount';
}
