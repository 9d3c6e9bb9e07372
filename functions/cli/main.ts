// The `marquee` command line: parse, crawl, run, start.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { processIo, reportError, type Io } from './output.js';
import { explainStoreFailure } from './store-failure.js';

// Commands are imported when they run: `--help` and `--version` load commander and nothing else.
const commands = {
  parse: () => import('./commands/parse.command.js'),
  crawl: () => import('./commands/crawl.command.js'),
  run: () => import('./commands/run.command.js'),
  analyze: () => import('./commands/analyze.command.js'),
  digest: () => import('./commands/digest.command.js'),
  alerts: () => import('./commands/alerts.command.js'),
  query: () => import('./commands/query.command.js'),
  keys: () => import('./commands/keys.command.js'),
  purge: () => import('./commands/purge.command.js'),
  explain: () => import('./commands/explain.command.js'),
  context: () => import('./context.js'),
};

/** The package version (package.json sits two levels up, from the sources and from the compiled CLI alike). */
export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  let exitCode = 0;
  let current = 'marquee';
  let json = argv.includes('--json');
  const wrap =
    <A extends unknown[]>(name: string, fn: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      current = name;
      try {
        exitCode = await fn(...args);
      } catch (err) {
        exitCode = reportError(io, name, explainStoreFailure(err), json);
      }
    };

  const program = new Command('marquee')
    .description('Market intelligence for film and TV marketing teams')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('parse')
    .description('parse a feed, list page or box-office chart (file or URL) and print the normalized result')
    .argument('<file-or-url>')
    .option('--kind <kind>', 'rss | html | boxoffice | youtube | pageviews (detected when omitted)')
    .option('--selectors <json>', 'CSS selectors for an html list page, as JSON')
    .option('--base-url <url>', 'base URL for relative links in a local file')
    .option('--allow-host <host>', 'allow fetching this host even on a private address (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(wrap('parse', async (target: string, opts) => (await commands.parse()).parseCommand(target, opts, io)));

  program
    .command('crawl')
    .description('crawl every due source of the workspace once')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory', undefined)
    .option('--force', 'crawl every source now, due or not')
    .option('--json', 'print JSON')
    .action(wrap('crawl', async (opts) => (await commands.crawl()).crawlCommand(opts, io, env)));

  program
    .command('analyze')
    .description('analyze JSON lines {"title","text"?,"url"?,"publishedAt"?} from stdin: one event per line, in order')
    .option('--workspace <file>', 'workspace file for competitor aliases and the slate (default: the bundled demo)')
    .option('--analyst <kind>', 'embedded | llm (default: from the configuration)')
    .option('--json', 'print JSON')
    .action(wrap('analyze', async (opts) => (await commands.analyze()).analyzeCommand(opts, io, env)));

  program
    .command('run')
    .description('run one whole cycle (crawl; analysis, alerts and digest as they land) and exit')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory for people (default ./out)')
    .option('--once', 'run one cycle and exit')
    .option('--force', 'crawl every source now, due or not')
    .option('--json', 'print one JSON object with a section per stage')
    .action(wrap('run', async (opts) => (await commands.run()).runCommand(opts, io, env, 'run')));

  program
    .command('digest')
    .description("build and send one week's digest from the stored data, once per week (locally: .eml and .html in --out)")
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: the current week in the workspace timezone)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory (default ./out)')
    .option('--json', 'print JSON')
    .action(wrap('digest', async (opts) => (await commands.digest()).digestCommand(opts, io, env)));

  program
    .command('alerts')
    .description('send alerts for stored news not alerted yet (recent competitor moves, collisions with the slate, box-office surprises), each exactly once (locally: --out/alerts.jsonl, or Slack with SLACK_WEBHOOK_URL)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory (default ./out)')
    .option('--json', 'print JSON')
    .action(wrap('alerts', async (opts) => (await commands.alerts()).alertsCommand(opts, io, env)));

  program
    .command('ask')
    .description('answer a question from the stored data with citations (the same agent as POST /v1/ask, no server)')
    .argument('<question>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON {answer, citations, events, analyst}')
    .action(wrap('ask', async (question: string, opts) => (await commands.query()).askCommand(question, opts, io, env)));

  program
    .command('serve')
    .description('serve the query API and web page on existing data (127.0.0.1)')
    .option('--port <n>', 'port (default 4820, or MARQUEE_PORT)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .action(wrap('serve', async (opts) => (await commands.query()).serveCommand(opts, io, env)));

  const keys = program.command('keys').description('API keys of the query API');
  keys
    .command('create')
    .description('create an API key and print it once (the key alone on the last line)')
    .argument('<name>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('keys create', async (name: string, opts) => (await commands.keys()).keysCreateCommand(name, opts, io, env)));

  keys
    .command('list')
    .description('list the API keys: id, name, created, revoked, last used (never the key itself)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('keys list', async (opts) => (await commands.keys()).keysListCommand(opts, io, env)));
  keys
    .command('revoke')
    .description('revoke an API key by name or id: requests with it get 401 at once, also on a running server')
    .argument('<name-or-id>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('keys revoke', async (nameOrId: string, opts) => (await commands.keys()).keysRevokeCommand(nameOrId, opts, io, env)));

  program
    .command('purge')
    .description("remove raw snapshots and items older than a cut-off, in the store and the object store (default: the workspace's retentionDays, 180)")
    .option('--before <date>', 'cut-off date YYYY-MM-DD (UTC); default: now minus the workspace retentionDays')
    .option('--dry-run', 'say what would be removed, remove nothing')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('purge', async (opts) => (await commands.purge()).purgeCommand(opts, io, env)));

  program
    .command('explain')
    .description('the audit trail of an event, story, item, brief or answer: which analyst produced it, from which items, when, at what token cost, what it changed')
    .argument('<id>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON {record, text}')
    .action(wrap('explain', async (id: string, opts) => (await commands.explain()).explainCommand(id, opts, io, env)));

  program
    .command('start')
    .description('what `npm start` runs: the demo cycle on embedded defaults, with a summary')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory for people (default ./out)')
    .option('--no-serve', 'exit after the cycle instead of serving the query API and web page')
    .action(
      wrap('start', async (opts) => {
        const code = await (await commands.run()).runCommand({ ...opts, once: true }, io, env, 'start');
        if (code !== 0 || opts.serve === false) return code;
        const ctx = await (await commands.context()).openContext(opts, env, undefined, 'start');
        try {
          return await (await commands.query()).serveContext(ctx, io, { demoKey: true });
        } finally {
          await ctx.close();
        }
      }),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(io, current, err, json);
  }
  return exitCode;
}
