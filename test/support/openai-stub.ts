// Test support: an OpenAI Chat Completions server on 127.0.0.1 that answers fenced stories deterministically and injects scripted faults.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import type { EventExtraction } from '../../shared/model/event.js';
import { createEmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';

/** One fenced story as the stub read it out of the prompt. */
export interface StubStory {
  id: string;
  published: string | null;
  title: string;
  text: string;
}

/** A scripted answer for the next chat completion request (queued, first in first out). */
export interface StubScriptEntry {
  /** Answer with this HTTP status and an OpenAI-style error body. */
  status?: number;
  /** Retry-After header, seconds (with a status). */
  retryAfter?: number;
  /** Wait this long before answering (combine with anything else; alone it delays a normal answer). */
  delayMs?: number;
  /** Answer 200 with content that is not valid JSON. */
  malformedJson?: true;
  /** Answer with valid JSON that leaves these story ids out. */
  omitIds?: string[];
  /** Answer with this tool call (for tool-calling agents). */
  toolCall?: { name: string; args: unknown };
  /** Answer with this assistant text. */
  content?: string;
}

/** What the stub recorded of one HTTP request. */
export interface StubHit {
  method: string;
  path: string;
  status: number;
  headers: http.IncomingHttpHeaders;
}

export interface OpenAiStubOptions {
  /** Extraction for one story; default: the embedded analyst (no workspace context, fixed clock), so answers mean something. */
  extract?: (story: StubStory) => EventExtraction;
  /** Model ids listed by GET /v1/models. */
  models?: string[];
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
}

export interface OpenAiStub {
  /** "http://127.0.0.1:PORT/v1" */
  baseUrl: string;
  /** Parsed JSON bodies of every POST /v1/chat/completions, in arrival order (faulted ones included). */
  requests: ChatRequest[];
  /** Every HTTP request with the status it got. */
  hits: StubHit[];
  /** Stories the stub read out of each chat request (same index as `requests`). */
  storiesSeen: StubStory[][];
  /** Queue scripted answers for the next requests. */
  script(entries: StubScriptEntry[]): void;
  /** The extraction the stub gives for a story (what a structured answer contains). */
  answerFor(story: StubStory): EventExtraction;
  /** Prompt tokens the stub would charge for a request body. */
  countPromptTokens(body: ChatRequest): number;
  close(): Promise<void>;
}

export interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages: { role: string; content: unknown; tool_calls?: unknown; name?: string }[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  [key: string]: unknown;
}

let encoder: Tiktoken | undefined;
/** o200k_base token count (the gpt-4o family tokenizer). */
export function countTokens(text: string): number {
  encoder ??= new Tiktoken(o200k);
  return encoder.encode(text, 'all').length;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : ((p as { text?: string }).text ?? ''))).join('');
  return content == null ? '' : JSON.stringify(content);
}

/** Reads `<story id="N" ...>headline\ntext</story>` fences out of a prompt, exactly as a parser would. */
export function readFencedStories(prompt: string): StubStory[] {
  const out: StubStory[] = [];
  for (const m of prompt.matchAll(/<story\s+id="([^"]*)"([^>]*)>\n?([\s\S]*?)<\/story>/g)) {
    const published = /published="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? null;
    const body = (m[3] ?? '').trim();
    const nl = body.indexOf('\n');
    out.push({ id: m[1]!, published, title: nl < 0 ? body : body.slice(0, nl).trim(), text: nl < 0 ? '' : body.slice(nl + 1).trim() });
  }
  return out;
}

const RULES: [RegExp, EventExtraction['type']][] = [
  [/\b(moves?|moved|shifts?|pushe[sd]|delay(?:s|ed)?|pulls?|accelerates?)\b/i, 'release_moved'],
  [/\b(sets?|dates?|slates?)\b.*\b(release|for|on)\b/i, 'release_dated'],
  [/\b(trailer|teaser|first look|poster)\b/i, 'trailer'],
  [/\b(box office|weekend|opens? (?:to|with)|grosse?s?d?)\b/i, 'box_office'],
  [/\b(joins?|cast|to star|in talks)\b/i, 'casting'],
  [/\b(acquires?|buys?|rights|deal)\b/i, 'acquisition'],
  [/\b(greenlit|greenlights?|orders?|renew(?:s|ed)?|sequel)\b/i, 'greenlight'],
  [/\b(festival|cannes|venice|oscars?|nominat\w+|wins?)\b/i, 'festival_awards'],
  [/\b(hires?|exits?|promot\w+|steps down|names? .* (?:president|chief))\b/i, 'executive'],
  [/\b(campaign|partnership|spot|promo)\b/i, 'campaign'],
  [/\breview\b/i, 'review'],
];
const STUDIOS = ['Universal Pictures', 'Lionsgate', 'A24', 'Warner Bros. Pictures', 'Paramount Pictures', 'Sony Pictures', 'Neon', 'Netflix', 'Walt Disney Studios', 'Harbor Light Pictures'];

/** A simpler deterministic extraction (no embedded analyst): the headline's first matching rule, known studios named, quoted titles. */
export function keywordExtraction(story: StubStory): EventExtraction {
  const title = story.title;
  const all = `${title} ${story.text}`;
  const type = RULES.find(([re]) => re.test(title))?.[1] ?? 'other';
  const studios = STUDIOS.filter((s) => all.toLowerCase().includes(s.toLowerCase().split(' ')[0]!.toLowerCase()));
  const titles = [...title.matchAll(/['‘’"“”]([^'‘’"“”]{2,60})['‘’"“”]/g)].map((m) => m[1]!.trim());
  const date = /\b(20\d\d-\d\d-\d\d)\b/.exec(all)?.[1] ?? null;
  return {
    type,
    studios,
    titles: [...new Set(titles)],
    people: [],
    releaseDate: type === 'release_dated' || type === 'release_moved' ? date : null,
    previousDate: null,
    releaseKind: (type === 'release_dated' || type === 'release_moved') && date ? 'theatrical' : null,
    money: [],
    sentiment: /\b(record|hit|strong|best)\b/i.test(all) ? 0.5 : /\b(flop|bomb|worst|delay)\b/i.test(all) ? -0.4 : 0,
    summary: title.slice(0, 200),
  };
}

/** The embedded analyst as the stub's "model": deterministic (undated stories read against a fixed clock). */
export function embeddedExtraction(context: { competitors?: Parameters<typeof createEmbeddedAnalyst>[0]['competitors']; slate?: Parameters<typeof createEmbeddedAnalyst>[0]['slate'] } = {}): (story: StubStory) => EventExtraction {
  const analyst = createEmbeddedAnalyst({
    competitors: context.competitors ?? [],
    slate: context.slate ?? [],
    now: () => new Date('2026-11-20T12:00:00Z'),
  });
  return (s) => analyst.extract({ title: s.title, text: s.text, publishedAt: s.published });
}

/** Whether a JSON schema (as sent in response_format or tool parameters) asks for an `events` batch. */
function wantsEvents(schema: unknown): boolean {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return !!props && 'events' in props;
}

/** Starts the stub on 127.0.0.1 (a free port unless `port` is given). */
export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const extract = options.extract ?? embeddedExtraction();
  const models = options.models ?? ['gpt-4o-mini'];
  const queue: StubScriptEntry[] = [];
  const requests: ChatRequest[] = [];
  const storiesSeen: StubStory[][] = [];
  const hits: StubHit[] = [];
  let seq = 0;

  const countPromptTokens = (body: ChatRequest) => {
    // Close to OpenAI's accounting: ~3 tokens of framing per message, plus the schema or tools the model is shown.
    let n = 3;
    for (const m of body.messages ?? []) n += 3 + countTokens(contentText(m.content));
    if (body.response_format?.json_schema) n += countTokens(JSON.stringify(body.response_format.json_schema));
    if (body.tools?.length) n += countTokens(JSON.stringify(body.tools));
    return n;
  };

  const send = (res: http.ServerResponse, hit: StubHit, status: number, body: unknown, headers: Record<string, string> = {}) => {
    hit.status = status;
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_stub_${seq}`, ...headers });
    res.end(JSON.stringify(body));
  };

  const completion = (body: ChatRequest, message: Record<string, unknown>, finish: string, completionText: string) => ({
    id: `chatcmpl-stub-${seq}`,
    object: 'chat.completion',
    created: 1_767_225_600,
    model: body.model ?? models[0],
    choices: [{ index: 0, message: { role: 'assistant', refusal: null, ...message }, logprobs: null, finish_reason: finish }],
    usage: (() => {
      const prompt = countPromptTokens(body);
      const completionTokens = countTokens(completionText);
      return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
    })(),
  });

  const handleChat = async (body: ChatRequest, res: http.ServerResponse, hit: StubHit) => {
    requests.push(body);
    // Stories are read from user messages only: the system prompt may describe the fence format itself.
    const prompt = (body.messages ?? []).filter((m) => m.role === 'user').map((m) => contentText(m.content)).join('\n');
    const stories = readFencedStories(prompt);
    storiesSeen.push(stories);
    const entry = queue.shift() ?? {};
    if (entry.delayMs) await new Promise((r) => setTimeout(r, entry.delayMs));
    if (res.destroyed) return;
    if (entry.status && entry.status >= 400) {
      const headers: Record<string, string> = entry.retryAfter !== undefined ? { 'retry-after': String(entry.retryAfter) } : {};
      const type = entry.status === 429 ? 'rate_limit_exceeded' : entry.status >= 500 ? 'server_error' : 'invalid_request_error';
      return send(res, hit, entry.status, { error: { message: `stub: scripted ${entry.status}`, type, param: null, code: type } }, headers);
    }

    const forced = body.tool_choice as { type?: string; function?: { name?: string } } | undefined;
    const forcedTool = forced?.type === 'function' ? body.tools?.find((t) => t.function.name === forced.function?.name) : undefined;
    const structuredSchema = body.response_format?.type === 'json_schema' ? body.response_format.json_schema?.schema : forcedTool?.function.parameters;
    const wantsJson = body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object' || !!forcedTool;

    let payload: string;
    if (entry.malformedJson) payload = '{"events": [{"id": "1", "type": "release_dated", "studios": ["Univ';
    else if (entry.content !== undefined) payload = entry.content;
    else if (wantsJson && (wantsEvents(structuredSchema) || stories.length)) {
      const omit = new Set(entry.omitIds ?? []);
      payload = JSON.stringify({ events: stories.filter((s) => !omit.has(s.id)).map((s) => ({ id: s.id, ...extract(s) })) });
    } else if (wantsJson) payload = '{}';
    else payload = `stub answer to: ${contentText(body.messages?.at(-1)?.content).slice(0, 80)}`;

    if (entry.toolCall && body.tools?.length) {
      const args = JSON.stringify(entry.toolCall.args);
      const call = { id: `call_stub_${seq}`, type: 'function', function: { name: entry.toolCall.name, arguments: args } };
      return send(res, hit, 200, completion(body, { content: null, tool_calls: [call] }, 'tool_calls', args));
    }
    if (forcedTool && body.response_format?.type !== 'json_schema') {
      const call = { id: `call_stub_${seq}`, type: 'function', function: { name: forcedTool.function.name, arguments: payload } };
      return send(res, hit, 200, completion(body, { content: null, tool_calls: [call] }, 'stop', payload));
    }
    return send(res, hit, 200, completion(body, { content: payload }, 'stop', payload));
  };

  const server = http.createServer((req, res) => {
    seq++;
    const path = (req.url ?? '/').split('?')[0]!;
    const hit: StubHit = { method: req.method ?? 'GET', path, status: 0, headers: req.headers };
    hits.push(hit);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && path === '/v1/models') {
        return send(res, hit, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_767_225_600, owned_by: 'marquee-stub' })) });
      }
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        let body: ChatRequest;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
        } catch {
          return send(res, hit, 400, { error: { message: 'stub: request body is not JSON', type: 'invalid_request_error' } });
        }
        if (body.stream) return send(res, hit, 400, { error: { message: 'stub: streaming is not supported', type: 'invalid_request_error' } });
        handleChat(body, res, hit).catch((err: unknown) => send(res, hit, 500, { error: { message: String(err), type: 'server_error' } }));
        return;
      }
      send(res, hit, 404, { error: { message: `stub: no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    hits,
    storiesSeen,
    script: (entries) => void queue.push(...entries),
    answerFor: extract,
    countPromptTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
