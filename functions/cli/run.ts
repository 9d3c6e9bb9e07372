// The process entry of the `marquee` command: environment hygiene, then the CLI; compiled into dist/ for the bin (see scripts/cli-build.mjs).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Nothing leaves the machine unless configured here: LangChain's tracing would send prompts to LangSmith.
for (const key of ['LANGSMITH_TRACING', 'LANGCHAIN_TRACING_V2', 'LANGCHAIN_TRACING', 'LANGSMITH_TRACING_V2']) delete process.env[key];

// A failure outside a command (a library throwing from a callback) still gets one line, never a stack trace.
const lastResort = (err: unknown) => {
  process.stderr.write(`marquee: internal error: ${(err as Error)?.message ?? String(err)}\n`);
  if (process.env.MARQUEE_LOG_LEVEL === 'debug') process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  process.exit(1);
};
process.on('uncaughtException', lastResort);
// Output piped into a command that stopped reading (`marquee ask … | head`): stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(0) : lastResort(err)));
process.on('unhandledRejection', lastResort);

const { main } = await import('./main.js');
process.exit(await main(process.argv.slice(2)));
