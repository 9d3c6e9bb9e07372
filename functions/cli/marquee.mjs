#!/usr/bin/env node
// Entry point of the `marquee` CLI: runs the compiled JavaScript in dist/ (built by `npm ci`, rebuilt when the sources
// changed; see compile.mjs); when it cannot be built, runs the TypeScript sources through tsx instead.
import { compiledCli } from './compile.mjs';

const entry = await compiledCli();
if (entry) await import(entry);
else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./run.ts', import.meta.url);
}
