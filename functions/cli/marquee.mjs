#!/usr/bin/env node
// Entry point of the `marquee` CLI: loads the TypeScript sources through tsx and runs the command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Nothing leaves the machine unless configured here: LangChain's tracing would send prompts to LangSmith.
for (const key of ['LANGSMITH_TRACING', 'LANGCHAIN_TRACING_V2', 'LANGCHAIN_TRACING', 'LANGSMITH_TRACING_V2']) delete process.env[key];
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('./main.ts', import.meta.url);
const code = await main(process.argv.slice(2));
process.exit(code);
