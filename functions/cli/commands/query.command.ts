// `marquee serve` and `marquee ask`: the query API and web page on existing data, and questions without a server.
import { createApiKey } from '../../../shared/auth/api-keys.js';
import { openContext, type CommandContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';
import { buildQuerySide, startQueryServer } from '../../local/query-app.js';

export interface ServeOptions extends CommonOptions {
  port?: string;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`--port: expected a port number 0-65535, got "${value}"`);
  return n;
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Serves the query API and web page over an open context until stopped; with `demoKey` creates a
 * fresh key and prints a page link that carries it (in the URL fragment, never sent to the server).
 */
export async function serveContext(ctx: CommandContext, io: Io, opts: { port?: number; demoKey?: boolean; stop?: Promise<void> }): Promise<number> {
  const side = buildQuerySide(ctx.config, ctx.workspace, ctx.runtime, ctx.runtime.log);
  const explicit = opts.port !== undefined;
  const server = await startQueryServer(side.app, opts.port ?? ctx.config.port, explicit);
  try {
    io.out(`\nQuery API and web page (${side.agentDescription})`);
    if (opts.demoKey) {
      const { key } = await createApiKey(ctx.runtime.keys, `demo ${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}`);
      io.out(`  web page        ${server.url}/#key=${key}`);
      io.out(`  API             ${server.url}/v1/ask  (Authorization: Bearer <key>)`);
      io.out(`  OpenAPI         ${server.url}/openapi.json`);
      io.out(`  try             curl -s -H "Authorization: Bearer ${key}" -H "content-type: application/json" -d '{"question":"What did Lionsgate announce since October?"}' ${server.url}/v1/ask`);
      io.out(`  demo API key    ${key}`);
    } else {
      io.out(`  web page        ${server.url}/`);
      io.out(`  API             ${server.url}/v1/  (create a key: npx marquee keys create <name>)`);
      io.out(`  OpenAPI         ${server.url}/openapi.json`);
    }
    io.out('Serving until Ctrl-C.');
    await (opts.stop ?? untilStopped());
    return 0;
  } finally {
    await server.close();
  }
}

export async function serveCommand(opts: ServeOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  const port = parsePort(opts.port);
  const ctx = await openContext(opts, env, undefined, 'serve');
  try {
    return await serveContext(ctx, io, { port });
  } finally {
    await ctx.close();
  }
}

export async function askCommand(question: string, opts: CommonOptions & { json?: boolean }, io: Io, env: Record<string, string | undefined>): Promise<number> {
  if (question.trim().length < 3) throw new CliError('ask a question of at least 3 characters');
  if (question.length > 500) throw new CliError('keep the question under 500 characters');
  const ctx = await openContext(opts, env, undefined, 'ask');
  try {
    const side = buildQuerySide(ctx.config, ctx.workspace, ctx.runtime, ctx.runtime.log);
    const r = await side.ask(question.trim());
    if (opts.json) printJson(io, r);
    else {
      io.out(r.answer);
      if (r.citations.length) {
        io.out('\nSources');
        for (const c of r.citations) io.out(`  [${c.n}] ${c.title} — ${c.source}${c.publishedAt ? `, ${c.publishedAt.slice(0, 10)}` : ''}${c.url ? `\n      ${c.url}` : ''}`);
      }
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
