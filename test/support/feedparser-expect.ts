// Test helper: evaluates feedparser's per-file `Expect:` expressions (a small Python subset) against our parsed items.
import type { ParsedItem } from '../../shared/model/item.js';
import { canonicalUrl, cleanTitle, htmlToText, toIsoUtc } from '../../shared/ingest/parse/normalize.js';

/** Raised while evaluating a part of an expression that names something our items do not carry. */
export class NotApplicable extends Error {}

type Node =
  | { t: 'name'; name: string }
  | { t: 'lit'; value: unknown }
  | { t: 'tuple'; items: Node[] }
  | { t: 'dict'; entries: [Node, Node][] }
  | { t: 'index'; obj: Node; key: Node }
  | { t: 'attr'; obj: Node; name: string }
  | { t: 'call'; fn: Node; args: Node[] }
  | { t: 'not'; arg: Node }
  | { t: 'and'; args: Node[] }
  | { t: 'or'; args: Node[] }
  | { t: 'cmp'; first: Node; rest: [string, Node][] };

// ---------------------------------------------------------------- tokens and grammar

type Tok = { k: 'name' | 'str' | 'num' | 'op'; v: string };

const PY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function unescapePy(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]+\}|.)/gs, (m, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (e.startsWith('N{')) throw new NotApplicable('named unicode escape');
    return PY_ESCAPES[e] ?? m; // Python keeps unknown escapes as written
  });
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = /^([uUbBrR]{0,2})("""|'''|"|')/.exec(src.slice(i));
    if (str && (str[1] === '' || /^[A-Za-z]+$/.test(str[1]!))) {
      const q = str[2]!;
      let j = i + str[0].length;
      let body = '';
      while (j < src.length && !src.startsWith(q, j)) {
        if (src[j] === '\\') {
          body += src.slice(j, j + 2);
          j += 2;
        } else body += src[j++];
      }
      if (j >= src.length) throw new Error(`unterminated string in: ${src}`);
      toks.push({ k: 'str', v: unescapePy(body, /r/i.test(str[1]!)) });
      i = j + q.length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (name) {
      toks.push({ k: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|[()[\]{},.:<>])/.exec(src.slice(i));
    if (!op) throw new Error(`cannot read "${src.slice(i, i + 10)}" in: ${src}`);
    toks.push({ k: 'op', v: op[0] });
    i += op[0].length;
  }
  return toks;
}

/** Parses a Python expression of the subset feedparser's test files use. */
export function parsePy(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (v?: string) => (v === undefined ? toks[p] : toks[p]?.v === v && toks[p]?.k !== 'str' ? toks[p] : undefined);
  const take = (v: string) => {
    if (!peek(v)) throw new Error(`expected "${v}" at token ${p} in: ${src}`);
    return toks[p++]!;
  };

  function expr(): Node {
    const args = [andExpr()];
    while (peek('or')) {
      p++;
      args.push(andExpr());
    }
    return args.length === 1 ? args[0]! : { t: 'or', args };
  }
  function andExpr(): Node {
    const args = [notExpr()];
    while (peek('and')) {
      p++;
      args.push(notExpr());
    }
    return args.length === 1 ? args[0]! : { t: 'and', args };
  }
  function notExpr(): Node {
    if (peek('not')) {
      p++;
      return { t: 'not', arg: notExpr() };
    }
    return comparison();
  }
  function comparison(): Node {
    const first = postfix();
    const rest: [string, Node][] = [];
    for (;;) {
      let op: string | null = null;
      if (peek('==') || peek('!=') || peek('<') || peek('>') || peek('<=') || peek('>=') || peek('in')) op = toks[p++]!.v;
      else if (peek('is')) {
        p++;
        op = peek('not') ? (p++, 'is not') : 'is';
      } else if (peek('not') && toks[p + 1]?.v === 'in') {
        p += 2;
        op = 'not in';
      }
      if (!op) break;
      rest.push([op, postfix()]);
    }
    return rest.length ? { t: 'cmp', first, rest } : first;
  }
  function postfix(): Node {
    let n = atom();
    for (;;) {
      if (peek('[')) {
        p++;
        const key = expr();
        take(']');
        n = { t: 'index', obj: n, key };
      } else if (peek('.')) {
        p++;
        n = { t: 'attr', obj: n, name: toks[p++]!.v };
      } else if (peek('(')) {
        p++;
        const args: Node[] = [];
        while (!peek(')')) {
          args.push(expr());
          if (peek(',')) p++;
        }
        take(')');
        n = { t: 'call', fn: n, args };
      } else return n;
    }
  }
  function atom(): Node {
    const tok = toks[p++];
    if (!tok) throw new Error(`unexpected end of: ${src}`);
    if (tok.k === 'str') {
      let s = tok.v;
      while (toks[p]?.k === 'str') s += toks[p++]!.v; // implicit concatenation
      return { t: 'lit', value: s };
    }
    if (tok.k === 'num') return { t: 'lit', value: Number(tok.v) };
    if (tok.k === 'name') {
      if (tok.v === 'None') return { t: 'lit', value: null };
      if (tok.v === 'True') return { t: 'lit', value: true };
      if (tok.v === 'False') return { t: 'lit', value: false };
      return { t: 'name', name: tok.v };
    }
    if (tok.v === '(') {
      const items: Node[] = [];
      let comma = false;
      while (!peek(')')) {
        items.push(expr());
        if (peek(',')) {
          p++;
          comma = true;
        }
      }
      take(')');
      return items.length === 1 && !comma ? items[0]! : { t: 'tuple', items };
    }
    if (tok.v === '[') {
      const items: Node[] = [];
      while (!peek(']')) {
        items.push(expr());
        if (peek(',')) p++;
      }
      take(']');
      return { t: 'tuple', items };
    }
    if (tok.v === '{') {
      const entries: [Node, Node][] = [];
      while (!peek('}')) {
        const k = expr();
        take(':');
        entries.push([k, expr()]);
        if (peek(',')) p++;
      }
      take('}');
      return { t: 'dict', entries };
    }
    throw new Error(`unexpected "${tok.v}" in: ${src}`);
  }

  const n = expr();
  if (p !== toks.length) throw new Error(`trailing tokens in: ${src}`);
  return n;
}

// ---------------------------------------------------------------- evaluation against our items

type Field = 'title' | 'link' | 'id' | 'text' | 'author' | 'date' | 'category';

/** One of our values, with how feedparser's value for the same thing is normalized before comparing. */
class Ours {
  constructor(
    readonly field: Field,
    readonly value: string | null,
    /** For `text`: the body elements the entry has; with more than one we keep only the richest. */
    readonly bodies: string[] = [],
  ) {}
}

/** entries[i] beyond our items: any comparison with it is false (Python would raise IndexError). */
const MISSING = Symbol('missing');

class Entry {
  constructor(
    readonly item: ParsedItem,
    readonly bodies: string[],
  ) {}
  get(key: string): unknown {
    const it = this.item;
    switch (key) {
      case 'title':
        return new Ours('title', it.title);
      case 'link':
        return new Ours('link', it.url);
      case 'id':
      case 'guid':
        return new Ours('id', it.guid);
      case 'description':
      case 'summary':
        return new Ours('text', it.text, this.bodies);
      case 'content':
        return [{ value: new Ours('text', it.text, this.bodies) }];
      case 'author':
        return new Ours('author', it.author);
      case 'published':
      case 'updated':
      case 'published_parsed':
      case 'updated_parsed':
        return new Ours('date', it.publishedAt);
      case 'category':
        return new Ours('category', it.categories[0] ?? null);
      case 'tags':
        return it.categories.map((c) => ({ term: new Ours('category', c) }));
      default:
        throw new NotApplicable(`entries[i]['${key}']`);
    }
  }
}

function index(obj: unknown, key: unknown): unknown {
  if (obj === MISSING) return MISSING;
  if (obj instanceof Entry && typeof key === 'string') return obj.get(key);
  if (Array.isArray(obj) && typeof key === 'number') return key < obj.length ? obj[key] : MISSING;
  if (obj && typeof obj === 'object' && !(obj instanceof Ours) && typeof key === 'string') {
    if (key in obj) return (obj as Record<string, unknown>)[key];
    throw new NotApplicable(`['${key}']`);
  }
  throw new NotApplicable(`subscript ${String(key)}`);
}

function authorName(s: string): string {
  const paren = /^\s*(.*?)\s*\(([^)]*)\)\s*$/.exec(s);
  if (paren) return cleanTitle(/@/.test(paren[2]!) ? paren[1] : /@/.test(paren[1]!) ? paren[2] : s);
  return cleanTitle(s);
}

function expectedDate(v: unknown): string | null {
  if (Array.isArray(v) && v.length >= 6 && v.every((x) => typeof x === 'number')) {
    const [y, mo, d, h, mi, s] = v as number[];
    return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)).toISOString();
  }
  if (typeof v === 'string') return toIsoUtc(v, { now: new Date('2100-01-01T00:00:00Z') });
  throw new NotApplicable('date literal');
}

/** Our value against feedparser's expected one, after normalizing theirs the way we normalize ours. */
function matches(ours: Ours, expected: unknown): boolean {
  if (expected === null) return ours.value === null || ours.value === '';
  const v = ours.value;
  switch (ours.field) {
    case 'date':
      return v !== null && v === expectedDate(expected);
    case 'title':
    case 'category':
      return typeof expected === 'string' && v === cleanTitle(expected);
    case 'text':
      if (typeof expected !== 'string') return false;
      if (v === htmlToText(expected)) return true;
      if (ours.bodies.length > 1) throw new NotApplicable(`a second body (${ours.bodies.join(', ')}): we keep one`);
      return false;
    case 'link':
      return typeof expected === 'string' && (v === expected || v === canonicalUrl(expected));
    case 'id':
      return typeof expected === 'string' && v === expected.trim();
    case 'author':
      return typeof expected === 'string' && v === authorName(expected);
  }
}

function eq(a: unknown, b: unknown): boolean {
  if (a === MISSING || b === MISSING) return false;
  if (a instanceof Ours && b instanceof Ours) return a.value === b.value;
  if (a instanceof Ours) return matches(a, b);
  if (b instanceof Ours) return matches(b, a);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') throw new NotApplicable('dict comparison');
  return a === b;
}

function truthy(v: unknown): boolean {
  if (v === MISSING) return false;
  if (v instanceof Ours) return !!v.value;
  if (Array.isArray(v)) return v.length > 0;
  return !!v;
}

/** What feedparser's result exposes, from our parse of the same file. */
export interface OurResult {
  items: ParsedItem[];
  /** Our "bozo": the parse failed, or had to repair, recover or second-guess the bytes. */
  bozo: boolean;
  /** Body elements (description, summary, content, ...) of the document's first entry. */
  bodies: string[];
}

function evaluate(n: Node, r: OurResult): unknown {
  switch (n.t) {
    case 'lit':
      return n.value;
    case 'tuple':
      return n.items.map((x) => evaluate(x, r));
    case 'dict':
      throw new NotApplicable('dict literal');
    case 'name':
      if (n.name === 'entries') return r.items.map((it) => new Entry(it, r.bodies));
      if (n.name === 'bozo') return r.bozo;
      if (n.name === 'ord' || n.name === 'len') return n.name;
      throw new NotApplicable(n.name);
    case 'index':
      return index(evaluate(n.obj, r), evaluate(n.key, r));
    case 'attr': {
      const obj = evaluate(n.obj, r);
      if (n.name === 'get' || n.name === 'has_key') return { method: n.name, obj };
      return index(obj, n.name);
    }
    case 'call': {
      const fn = evaluate(n.fn, r);
      const args = n.args.map((a) => evaluate(a, r));
      if (fn && typeof fn === 'object' && 'method' in fn) {
        const { method, obj } = fn as { method: string; obj: unknown };
        if (method === 'get') return index(obj, args[0]);
        throw new NotApplicable(method);
      }
      if (fn === 'ord') {
        const a = args[0];
        const s = a instanceof Ours ? a.value : a;
        return typeof s === 'string' && [...s].length === 1 ? s.codePointAt(0) : Number.NaN;
      }
      if (fn === 'len') {
        const a = args[0];
        if (Array.isArray(a)) return a.length;
        throw new NotApplicable('len');
      }
      throw new NotApplicable('call');
    }
    case 'not':
      return !truthy(evaluate(n.arg, r));
    case 'and':
      return n.args.every((a) => truthy(evaluate(a, r)));
    case 'or':
      return n.args.some((a) => truthy(evaluate(a, r)));
    case 'cmp': {
      let left = evaluate(n.first, r);
      for (const [op, node] of n.rest) {
        const right = evaluate(node, r);
        let ok: boolean;
        if (op === '==') ok = eq(left, right);
        else if (op === '!=') ok = left !== MISSING && right !== MISSING && !eq(left, right);
        else if (op === 'is' && right === null) ok = left instanceof Ours ? left.value === null : left === null;
        else if (op === 'is not' && right === null) ok = left !== MISSING && (left instanceof Ours ? left.value !== null : left !== null);
        else throw new NotApplicable(op);
        if (!ok) return false;
        left = right;
      }
      return true;
    }
  }
}

export interface ExpectOutcome {
  /** The whole expression as written. */
  expression: string;
  /** Conditions on entries that map to our item fields: evaluated. */
  content: { applicable: number; met: number; failed: string[]; notApplicable: string[] };
  /** `bozo` / `not bozo`, when the expression has it: our bozo agrees or not. */
  bozo: { expected: boolean; agrees: boolean } | null;
}

function source(n: Node): string {
  switch (n.t) {
    case 'name':
      return n.name;
    case 'lit':
      return JSON.stringify(n.value);
    case 'tuple':
      return `(${n.items.map(source).join(', ')})`;
    case 'dict':
      return '{…}';
    case 'index':
      return `${source(n.obj)}[${source(n.key)}]`;
    case 'attr':
      return `${source(n.obj)}.${n.name}`;
    case 'call':
      return `${source(n.fn)}(${n.args.map(source).join(', ')})`;
    case 'not':
      return `not ${source(n.arg)}`;
    case 'and':
      return n.args.map(source).join(' and ');
    case 'or':
      return n.args.map(source).join(' or ');
    case 'cmp':
      return [source(n.first), ...n.rest.map(([op, x]) => `${op} ${source(x)}`)].join(' ');
  }
}

function isBozoTerm(n: Node): boolean | null {
  if (n.t === 'name' && n.name === 'bozo') return true;
  if (n.t === 'not' && n.arg.t === 'name' && n.arg.name === 'bozo') return false;
  return null;
}

/**
 * Splits the expression at its top-level `and`s: `bozo` terms are compared with our bozo, constant terms (`1`) are
 * dropped, every other term is evaluated against our items or reported as not applicable.
 */
export function checkExpectation(expression: string, r: OurResult): ExpectOutcome {
  const root = parsePy(expression);
  const terms = root.t === 'and' ? root.args : [root];
  const out: ExpectOutcome = { expression, content: { applicable: 0, met: 0, failed: [], notApplicable: [] }, bozo: null };
  for (const term of terms) {
    const bozo = isBozoTerm(term);
    if (bozo !== null) {
      out.bozo = { expected: bozo, agrees: bozo === r.bozo };
      continue;
    }
    if (term.t === 'lit') continue;
    try {
      const ok = truthy(evaluate(term, r));
      out.content.applicable++;
      if (ok) out.content.met++;
      else out.content.failed.push(source(term));
    } catch (e) {
      if (!(e instanceof NotApplicable)) throw e;
      out.content.notApplicable.push(source(term));
    }
  }
  return out;
}
