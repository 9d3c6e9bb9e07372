// Tone of a story in [-1, 1]: a trade/critic lexicon with negation, intensifiers, "but" clauses and phrase entries.

// Single words. Genre words ("horror", "disaster", "war", "killer") are deliberately absent: they describe films, not tone.
const WORDS: Record<string, number> = {
  // critics and audiences, positive
  rave: 2.5, raves: 2.5, raved: 2.5, raving: 2, triumph: 3, triumphant: 3, triumphs: 3, masterpiece: 3, masterful: 3,
  acclaim: 2, acclaimed: 2, praise: 2, praised: 2, praises: 2, dazzling: 2.5, dazzles: 2.5, stunning: 2.5,
  stunner: 2.5, brilliant: 2.5, gorgeous: 2, powerful: 2, remarkable: 2, impressive: 2, staggering: 2, terrific: 2.5,
  excellent: 2.5, superb: 2.5, wonderful: 2.5, delightful: 2, charming: 1.5, joyful: 2, joyous: 2, warm: 1, funny: 1.5,
  fun: 1, hilarious: 2, moving: 1, haunting: 1, gripping: 2, thrilling: 2, electrifying: 2.5, exhilarating: 2.5,
  beautiful: 2, best: 1.5, great: 2, good: 1.5, strong: 1.5, solid: 1, winning: 1.5, fresh: 1, darling: 2,
  crowd: 0, crowdpleaser: 2, 'crowd-pleaser': 2, 'crowd-pleasing': 2, tearjerker: 1, landmark: 2, standout: 2,
  rewarding: 1.5, rewards: 1, control: 0.5, intimate: 0.5, immense: 1, ambitious: 1, assured: 1.5, confident: 1,
  // business, positive
  soar: 2, soars: 2, soared: 2, soaring: 2, record: 1, 'record-breaking': 2, 'record-setting': 2, smash: 2.5,
  blockbuster: 1.5, hit: 1, hits: 0.5, boffo: 2.5, surges: 2, surge: 2, jumps: 1.5, climbs: 1, rises: 1, rose: 1,
  tops: 1, topped: 1, leads: 1, wins: 1.5, won: 1.5, win: 1.5, winner: 1.5, beats: 1, beating: 1, outperforms: 2,
  outperformed: 2, overperforms: 2, breakout: 2, milestone: 1, shatters: 1.5, blooms: 1, roars: 2, sizzles: 2,
  dominates: 1.5, dominate: 1.5, rolling: 0.5, success: 2, successful: 2, successes: 2, renews: 1, renewed: 1,
  renewal: 1, greenlights: 1, greenlit: 1, thrilled: 2, excited: 1.5, delighted: 2, proud: 1.5, buzz: 1, buzzy: 1.5,
  buzziest: 1.5, expands: 0.5, expansion: 0.5, gains: 1, grows: 1, growth: 1, boost: 1, boosts: 1, surprise: 0.5,
  surprises: 1, 'sold-out': 2, sellout: 2, hot: 1, coveted: 1.5, prestigious: 1, honored: 1.5, honors: 1,
  // critics, negative
  flop: -3, flops: -3, flopped: -3, bomb: -3, bombs: -3, bombed: -3, dud: -2.5, misfire: -2, misfires: -2, dull: -2,
  boring: -2, tedious: -2, hollow: -1.5, retread: -1.5, forgettable: -1.5, muddled: -2, messy: -1.5, mess: -2,
  cheap: -1, squanders: -2, squandered: -2, wastes: -2, wasted: -2, thud: -2, glacial: -1.5, overlong: -1.5,
  bloated: -2, lifeless: -2.5, clumsy: -1.5, incoherent: -2, disappointing: -2.5, disappoints: -2.5,
  disappointed: -2, disappointment: -2.5, pans: -2, panned: -2.5, slammed: -2, slams: -2, worst: -3, weak: -2,
  lackluster: -2, mediocre: -2, bland: -1.5, flat: -1, thin: -1, recycles: -1, knocking: -1, derivative: -1.5,
  divided: -1, divisive: -1, mixed: -1, stale: -1.5, awful: -3, terrible: -3, bad: -2, poor: -2, poorly: -2,
  // business, negative
  stumbles: -2, stumble: -2, stumbled: -2, stalls: -2, stalled: -2, slump: -2, slumps: -2, plunge: -2, plunges: -2,
  plummets: -2.5, tanks: -2.5, tanked: -2.5, falters: -2, faltered: -2, struggles: -1.5, struggling: -1.5,
  crash: -2, crashes: -2, sinks: -1.5, slides: -1.5, slips: -1, drops: -1, dropped: -1, fell: -1, falls: -1,
  down: -0.5, loss: -1.5, losses: -1.5, layoffs: -2, cuts: -1, cut: -1, fizzles: -2, underperforms: -2,
  underperformed: -2, delay: -1, delays: -1, delayed: -1, postpones: -1.5, postponed: -1.5, indefinitely: -1,
  exits: -0.5, departs: -0.5, arrest: -2.5, arrested: -2.5, controversy: -2, backlash: -2, lawsuit: -2, sues: -2,
  sued: -2, strike: -1.5, dies: -1.5, died: -1.5, death: -1.5, blinks: -0.5, scrapped: -2, scraps: -2,
  cancels: -2, canceled: -2, cancelled: -2, shelved: -2, shelves: -1.5, troubled: -2, woes: -2, fears: -1.5,
  worries: -1.5, concern: -1, concerns: -1, risk: -1, squeeze: -1, blow: -1.5, setback: -2, collapse: -2.5,
};

// Multi-word entries, matched on the lowercased text before single words (their words are then not counted again).
const PHRASES: readonly [RegExp, number][] = [
  [/\bcritics'? darling\b/g, 2.5], [/\bcertified fresh\b/g, 2.5], [/\breturn to form\b/g, 2], [/\bfive stars?\b/g, 2.5],
  [/\bstanding ovation\b/g, 2.5], [/\btour de force\b/g, 3], [/\bmust[- ]see\b/g, 2.5], [/\bcrowd[- ]pleaser\b/g, 2],
  [/\bsells? out\b|\bsold out\b/g, 2], [/\bbest (?:opening|debut|start)\b/g, 2], [/\bbiggest (?:opening|debut|hit)\b/g, 2],
  [/\babove expectations\b|\bbeat(?:s|ing)? expectations\b|\bexceed(?:s|ed)? expectations\b/g, 2],
  [/\bbelow expectations\b|\bshort of (?:expectations|projections|tracking)\b|\bwell short\b|\bfalls? short\b|\bmisses? expectations\b/g, -2],
  [/\bbox[- ]office (?:bomb|flop|disappointment)\b/g, -3], [/\bdead on arrival\b/g, -3], [/\bdeserves? better\b/g, -2],
  [/\boff the calendar\b/g, -1], [/\bdrops? out\b/g, -1], [/\bsteps? down\b/g, -0.5], [/\bnot (?:a )?(?:hit|success)\b/g, -1.5],
  [/\brotten tomatoes\b/g, 0], [/\bmixed reviews\b/g, -1], [/\bpoor reviews\b|\bbad reviews\b|\bscathing\b/g, -2],
  [/\bhead[- ]to[- ]head\b/g, 0], [/\bcatch(?:es)? fire\b/g, 1.5], [/\blets? up\b/g, 1], [/\bone too many\b/g, -1],
];

const PHRASE_RE = new RegExp(PHRASES.map(([re]) => `(${re.source})`).join('|'), 'g');

const NEGATORS = new Set([
  'not', 'no', 'never', "n't", 'hardly', 'barely', 'without', 'lacks', 'lacking', 'nothing', 'neither', 'nor', 'isnt',
  'wasnt', 'doesnt', 'didnt', 'cannot', 'cant', 'wont', 'rarely', 'seldom', 'fails', 'failed',
]);
const INTENSIFIERS: Record<string, number> = {
  very: 1.3, hugely: 1.5, wildly: 1.4, extremely: 1.5, massively: 1.5, truly: 1.2, really: 1.2, utterly: 1.5,
  absolutely: 1.4, so: 1.2, incredibly: 1.5, deeply: 1.3, thoroughly: 1.3, most: 1.2, mostly: 0.8, slightly: 0.5,
  somewhat: 0.6, fairly: 0.8, just: 0.7, rare: 1.2,
};

const ALPHA = 8; // normalization constant: a few strong words approach ±1 without reaching it

/** Raw (unnormalized) lexicon sum of one text. */
function rawScore(text: string): number {
  const lower = text.toLowerCase();
  let sum = 0;
  // One pass over all phrases; each matched phrase is blanked so its words are not counted again.
  const t = lower.replace(PHRASE_RE, (m, ...groups: unknown[]) => {
    const at = groups[PHRASES.length] as number;
    const k = groups.findIndex((g, i) => i < PHRASES.length && g !== undefined);
    sum += (PHRASES[k]?.[1] ?? 0) * negationFactor(lower, at);
    return ' '.repeat(m.length);
  });
  // "but" shifts the weight to what follows it ("handsomely shot but rarely catches fire").
  const parts = t.split(/\b(?:but|yet|however|though|although)\b/);
  parts.forEach((part, i) => {
    const weight = parts.length > 1 ? (i === parts.length - 1 ? 1.5 : 0.5) : 1;
    const tokens = part.split(/[^a-z0-9'+-]+/).filter(Boolean);
    for (let k = 0; k < tokens.length; k++) {
      const w0 = WORDS[tokens[k]!.replace(/^'+|'+$/g, '')];
      if (w0 === undefined || w0 === 0) continue;
      let w = w0;
      const prev = tokens[k - 1];
      if (prev && INTENSIFIERS[prev]) w *= INTENSIFIERS[prev]!;
      // A negator up to three tokens before flips and dampens the word ("not great", "never really catches").
      for (let j = Math.max(0, k - 3); j < k; j++) {
        const tok = tokens[j]!;
        if (NEGATORS.has(tok) || tok.endsWith("n't")) {
          w *= -0.6;
          break;
        }
      }
      sum += w * weight;
    }
  });
  return sum;
}

function negationFactor(t: string, at: number): number {
  const before = t.slice(Math.max(0, at - 20), at);
  return /(?:\b(?:not|no|never|hardly|rarely|barely|seldom|without)|n't)\s+(?:\w+\s+)?$/.test(before) ? -0.6 : 1;
}

/**
 * Tone of a story from -1 (very negative) to 1 (very positive). The headline counts twice as much as the body;
 * only the first part of a long body is read. Rounded to two decimals.
 */
export function sentimentScore(headline: string, body = ''): number {
  const raw = 2 * rawScore(headline) + rawScore(body.slice(0, 1000));
  const score = raw / Math.sqrt(raw * raw + ALPHA);
  return Math.round(Math.max(-1, Math.min(1, score)) * 100) / 100;
}
