// The `marquee` command line: parse, crawl, run, start.
import { Command, CommanderError } from 'commander';
import { processIo, reportError, type Io } from './output.js';
import { parseCommand } from './commands/parse.command.js';
import { crawlCommand } from './commands/crawl.command.js';
import { runCommand } from './commands/run.command.js';
import { analyzeCommand } from './commands/analyze.command.js';
import { digestCommand } from './commands/digest.command.js';
import { askCommand, keysCreateCommand, serveCommand, serveContext } from './commands/query.command.js';
import { openContext } from './context.js';
import { alertsCommand } from './commands/alerts.command.js';
import { purgeCommand } from './commands/purge.command.js';
import { explainCommand } from './commands/explain.command.js';

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
        exitCode = reportError(io, name, err, json);
      }
    };

  const program = new Command('marquee')
    .description('Market intelligence for film and TV marketing teams')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('parse')
    .description('parse a feed, list page or box-office chart (file or URL) and print the normalized result')
    .argument('<file-or-url>')
    .option('--kind <kind>', 'rss | html | boxoffice (detected when omitted)')
    .option('--selectors <json>', 'CSS selectors for an html list page, as JSON')
    .option('--base-url <url>', 'base URL for relative links in a local file')
    .option('--allow-host <host>', 'allow fetching this host even on a private address (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(wrap('parse', (target: string, opts) => parseCommand(target, opts, io)));

  program
    .command('crawl')
    .description('crawl every due source of the workspace once')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory', undefined)
    .option('--force', 'crawl every source now, due or not')
    .option('--json', 'print JSON')
    .action(wrap('crawl', (opts) => crawlCommand(opts, io, env)));

  program
    .command('analyze')
    .description('analyze JSON lines {"title","text"?,"url"?,"publishedAt"?} from stdin: one event per line, in order')
    .option('--workspace <file>', 'workspace file for competitor aliases and the slate (default: the bundled demo)')
    .option('--analyst <kind>', 'embedded | llm (default: from the configuration)')
    .option('--json', 'print JSON')
    .action(wrap('analyze', (opts) => analyzeCommand(opts, io, env)));

  program
    .command('run')
    .description('run one whole cycle (crawl; analysis, alerts and digest as they land) and exit')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory for people (default ./out)')
    .option('--once', 'run one cycle and exit')
    .option('--force', 'crawl every source now, due or not')
    .option('--json', 'print one JSON object with a section per stage')
    .action(wrap('run', (opts) => runCommand(opts, io, env, 'run')));

  program
    .command('digest')
    .description("build and send one week's digest from the stored data, once per week (locally: .eml and .html in --out)")
    .option('--week <week>', 'ISO week, e.g. 2026-W48 (default: the current week in the workspace timezone)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory (default ./out)')
    .option('--json', 'print JSON')
    .action(wrap('digest', (opts) => digestCommand(opts, io, env)));

  program
    .command('alerts')
    .description('send alerts for stored news not alerted yet (recent competitor moves, collisions with the slate, box-office surprises), each exactly once (locally: --out/alerts.jsonl, or Slack with SLACK_WEBHOOK_URL)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory (default ./out)')
    .option('--json', 'print JSON')
    .action(wrap('alerts', (opts) => alertsCommand(opts, io, env)));

  program
    .command('ask')
    .description('answer a question from the stored data with citations (the same agent as POST /v1/ask, no server)')
    .argument('<question>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON {answer, citations, events, analyst}')
    .action(wrap('ask', (question: string, opts) => askCommand(question, opts, io, env)));

  program
    .command('serve')
    .description('serve the query API and web page on existing data (127.0.0.1)')
    .option('--port <n>', 'port (default 4820, or MARQUEE_PORT)')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .action(wrap('serve', (opts) => serveCommand(opts, io, env)));

  const keys = program.command('keys').description('API keys of the query API');
  keys
    .command('create')
    .description('create an API key and print it once (the key alone on the last line)')
    .argument('<name>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('keys create', (name: string, opts) => keysCreateCommand(name, opts, io, env)));

  program
    .command('purge')
    .description("remove raw snapshots and items older than a cut-off, in the store and the object store (default: the workspace's retentionDays, 180)")
    .option('--before <date>', 'cut-off date YYYY-MM-DD (UTC); default: now minus the workspace retentionDays')
    .option('--dry-run', 'say what would be removed, remove nothing')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON')
    .action(wrap('purge', (opts) => purgeCommand(opts, io, env)));

  program
    .command('explain')
    .description('the audit trail of an event, story, item, brief or answer: which analyst produced it, from which items, when, at what token cost, what it changed')
    .argument('<id>')
    .option('--workspace <file>', 'workspace file (default: the bundled demo)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--json', 'print JSON {record, text}')
    .action(wrap('explain', (id: string, opts) => explainCommand(id, opts, io, env)));

  program
    .command('start')
    .description('what `npm start` runs: the demo cycle on embedded defaults, with a summary')
    .option('--workspace <file>', 'workspace file (default: the bundled demo, served locally)')
    .option('--data-dir <dir>', 'data directory (default ./.data)')
    .option('--out <dir>', 'output directory for people (default ./out)')
    .option('--no-serve', 'exit after the cycle instead of serving the query API and web page')
    .action(
      wrap('start', async (opts) => {
        const code = await runCommand({ ...opts, once: true }, io, env, 'start');
        if (code !== 0 || opts.serve === false) return code;
        const ctx = await openContext(opts, env);
        try {
          return await serveContext(ctx, io, { demoKey: true });
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
