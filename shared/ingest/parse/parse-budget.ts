// Parse budget: nesting depth and element caps checked while the DOM is built, and a deadline on the synchronous parse.
import vm from 'node:vm';
import { load, type CheerioAPI } from 'cheerio/slim';
import { DomHandler } from 'domhandler';
import { Parser, type Handler } from 'htmlparser2';
import { PARSE_LIMITS, ParseError, type ParseLimits } from './parse.types.js';

export { PARSE_LIMITS, type ParseLimits };

// The limits of the parse running now: set by withParseBudget for its synchronous run, read by loadHtml.
let current: Readonly<ParseLimits> = PARSE_LIMITS;

const fmt = (n: number) => n.toLocaleString('en-US');

/** DomHandler that refuses a page past the depth or element cap as soon as the offending tag opens. */
class CappedDomHandler extends DomHandler {
  private elements = 0;

  constructor(private readonly limits: Readonly<ParseLimits>) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.elements > this.limits.maxElements) {
      throw new ParseError('parse_budget', `page has more than ${fmt(this.limits.maxElements)} elements: not parsed`);
    }
    // tagStack holds the document and every open element.
    if (this.tagStack.length > this.limits.maxDepth) {
      throw new ParseError('parse_budget', `markup nested more than ${fmt(this.limits.maxDepth)} elements deep: not parsed`);
    }
    super.onopentag(name, attribs);
  }
}

/**
 * cheerio's `load(html)` with the caps checked while the DOM is built: the page is refused at the
 * first tag past a cap, before any quadratic work. Every HTML parser loads through here.
 */
export function loadHtml(html: string): CheerioAPI {
  const handler = new CappedDomHandler(current);
  new Parser(handler as unknown as Partial<Handler>).end(html);
  return load(handler.root);
}

// One context and script for every deadline: `task()` runs the caller's function under vm's watchdog.
const sandbox = vm.createContext({ task: null as null | (() => unknown) });
const runTask = new vm.Script('task()');

/**
 * Runs a synchronous parse with `limits` (defaults: {@link PARSE_LIMITS}). Past the deadline V8
 * stops it wherever it is (no parser code needs to cooperate) and a ParseError('parse_budget')
 * is thrown; only state the parse itself created is left behind.
 */
export function withParseBudget<T>(limits: Partial<ParseLimits> | undefined, fn: () => T): T {
  const effective = { ...PARSE_LIMITS, ...limits };
  const previous = { limits: current, task: sandbox.task };
  current = effective;
  sandbox.task = fn;
  try {
    return runTask.runInContext(sandbox, { timeout: effective.timeoutMs }) as T;
  } catch (err) {
    if ((err as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new ParseError('parse_budget', `parsing took longer than ${effective.timeoutMs / 1000} s (oversized or deeply nested markup): not parsed`, { cause: err });
    }
    throw err;
  } finally {
    current = previous.limits;
    sandbox.task = previous.task;
  }
}
