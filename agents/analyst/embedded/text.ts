// Text helpers shared by the embedded analyst's rules: quote/space normalization, sentence split, injection filter.

/** A half-open character range [start, end) in a string. */
export type Span = readonly [number, number];

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const TAGS = /<\/?[a-zA-Z][^<>]{0,300}>/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200c-\u200f\u2028\u2029\u2060\ufeff]/g;

/**
 * One-line plain text with ASCII quotes: curly single quotes/apostrophes become `'`, curly double quotes `"`,
 * dashes are kept, whitespace collapses to single spaces. Offsets in the result are what the rules work on.
 */
export function normalizeText(s: string): string {
  // Markup that survived ingestion ("<img onerror=…>" in a headline) is not text; it never reaches an output field.
  return s.replace(TAGS, ' ').replace(CONTROLS, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(SPACES, ' ').trim();
}

// Abbreviations after which a period does not end a sentence (months, titles, corporate suffixes, initials).
const ABBREV = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'co', 'corp', 'ltd', 'bros', 'mt', 'ft', 'approx', 'est',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'l.a', 'n.y', 'd.c', 'vol', 'pt', 'ave', 'gen', 'gov', 'sen', 'rep',
]);

/** Splits normalized text into sentences (also at line breaks); abbreviations like "Dec." and "Bros." do not split. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const re = /[.!?]+["')\]]*\s+(?=["'(\[]?[A-Z0-9$])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const before = line.slice(Math.max(start, m.index - 12), m.index);
      const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      // "Dec. 11", "Warner Bros. Pictures", single initials ("J. Smith") keep the sentence going.
      if (line[m.index] === '.' && (ABBREV.has(word) || /^[a-z]$/.test(word) || /^(?:[a-z]\.)+[a-z]$/.test(word))) continue;
      const sentence = line.slice(start, m.index + m[0].trimEnd().length).trim();
      if (sentence) out.push(sentence);
      start = m.index + m[0].length;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

// Sentences addressed to an automated reader rather than reporting news. They are dropped before analysis: the
// rules never act on article text, and dropping keeps such text from being counted as a mention or a keyword.
const INJECTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|guidelines|directions)\b`,
    String.raw`\b(?:system|developer|assistant)\s+(?:prompt|message|instructions?)\b`,
    String.raw`\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|language model|model|classifier|analyst|chatbot)\b`,
    String.raw`\b(?:classify|label|categori[sz]e)\s+(?:this|the|these)\s+(?:story|article|item|text|news|post|page|as)\b`,
    // Imperatives only (sentence start, after a comma or "and"): "the streamer will add the title" is news.
    String.raw`(?:^|[,;:]\s*|\band\s+)(?:add|include|insert|output|return|respond with|reply with|set)\s+(?:the\s+)?(?:studio|studios|title|titles|type|sentiment|json|field)\b`,
    String.raw`\b(?:as an ai|language model|llm|chatgpt|prompt injection)\b`,
  ].join('|'),
  'i',
);

/** True when a sentence reads as instructions to a model (prompt injection) rather than reporting. */
export function isInstructionLike(sentence: string): boolean {
  return INJECTION.test(sentence);
}

/** True when position `i` of `s` falls inside one of `spans`. */
export function inSpans(i: number, spans: readonly Span[]): boolean {
  for (const [a, b] of spans) if (i >= a && i < b) return true;
  return false;
}

/** True when [start, end) overlaps one of `spans`. */
export function overlapsSpans(start: number, end: number, spans: readonly Span[]): boolean {
  for (const [a, b] of spans) if (start < b && end > a) return true;
  return false;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The last `n` words (letters, digits, apostrophes, dashes) before position `i`, nearest last. */
export function wordBefore(s: string, i: number, n = 1): string[] {
  const head = s.slice(Math.max(0, i - 60), i);
  const words = head.match(/[\p{L}\p{N}'&+.-]+/gu) ?? [];
  return words.slice(-n).map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''));
}

/** The first `n` words after position `i`. */
export function wordsAfter(s: string, i: number, n = 1): string[] {
  const tail = s.slice(i, i + 60);
  const words = tail.match(/[\p{L}\p{N}'&+.-]+/gu) ?? [];
  return words.slice(0, n).map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''));
}
