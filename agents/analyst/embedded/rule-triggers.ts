// Word-prefix triggers for keyword regexes: which rules can match a text, read off the rules' own sources.

/**
 * The lowercase 2-3 letter word prefixes a regex needs one of to match, or null when it cannot be read that way:
 * every top-level alternative must start with \b (after optional lookbehinds) and literal letters.
 */
export function triggersOf(source: string): readonly string[] | null {
  const out = new Set<string>();
  for (const alt of splitTopLevel(source)) {
    const prefixes = leadingWords(alt);
    if (!prefixes) return null;
    for (const p of prefixes) out.add(p);
  }
  return [...out];
}

function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(src.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(src.slice(start));
  return parts;
}

// Lowercase 2-3 letter prefixes an alternative must start with, or null when it does not start with \b + letters.
function leadingWords(alt: string): string[] | null {
  let a = alt;
  while (a.startsWith('(?<!') || a.startsWith('(?<=')) {
    const close = matchingParen(a, 0);
    if (close < 0) return null;
    a = a.slice(close + 1);
  }
  if (!a.startsWith('\\b')) return null;
  a = a.slice(2);
  if (a.startsWith('(?:')) {
    const close = matchingParen(a, 0);
    if (close < 0) return null;
    // An optional group ("\b(?:re)?shuffle") requires none of its words: what follows it can start the match.
    if (/^[?*]|^\{0[,}]/.test(a.slice(close + 1))) return null;
    const inner = splitTopLevel(a.slice(3, close));
    const out: string[] = [];
    for (const part of inner) {
      const w = literalPrefix(part);
      if (!w) return null;
      out.push(w);
    }
    return out;
  }
  const w = literalPrefix(a);
  return w ? [w] : null;
}

// "moves?" -> "mov", "[Tt]akes" -> "tak", "ad" -> "ad"; null when fewer than two literal letters lead.
function literalPrefix(s: string): string | null {
  let out = '';
  let i = 0;
  while (out.length < 3 && i < s.length) {
    const c = s[i]!;
    if (/[a-zA-Z]/.test(c)) {
      // A letter made optional by the next quantifier is not a required prefix.
      if (s[i + 1] === '?' || s[i + 1] === '*') break;
      out += c.toLowerCase();
      i++;
    } else if (c === '[') {
      const m = /^\[([A-Za-z])([A-Za-z])\]/.exec(s.slice(i));
      if (!m || m[1]!.toLowerCase() !== m[2]!.toLowerCase()) break;
      out += m[1]!.toLowerCase();
      i += 4;
    } else break;
  }
  return out.length >= 2 ? out : null;
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
