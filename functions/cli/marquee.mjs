#!/usr/bin/env node
// Entry point of the `marquee` CLI: loads the TypeScript sources through tsx and runs the command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('./main.ts', import.meta.url);
const code = await main(process.argv.slice(2));
process.exit(code);
