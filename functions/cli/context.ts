// What the workspace-level commands share: config, the workspace (or the served demo), the local runtime.
import { resolveConfig, type AppConfig } from '../../shared/config/app-config.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Logger } from '../../shared/ports/logger.js';
import { openLocalRuntime, type LocalRuntime } from '../local/local-runtime.js';
import { seedDemoInterest, startDemo, type RunningDemo } from '../local/demo.js';
import { noteBorrowedStore } from './store-failure.js';

export interface CommonOptions {
  workspace?: string;
  dataDir?: string;
  out?: string;
}

export interface CommandContext {
  config: AppConfig;
  workspace: Workspace;
  runtime: LocalRuntime;
  demo: RunningDemo | null;
  close(): Promise<void>;
}

/**
 * Resolves config once, loads the workspace (serving the bundled demo when none is given) and opens
 * the runtime — on the store a running marquee process publishes in the data dir, when there is one.
 */
export async function openContext(opts: CommonOptions, env: Record<string, string | undefined>, log?: Logger, command?: string): Promise<CommandContext> {
  const config = resolveConfig(env, { dataDir: opts.dataDir, outDir: opts.out });
  const workspacePath = opts.workspace ?? env.MARQUEE_WORKSPACE;
  const demo = workspacePath ? null : await startDemo();
  try {
    const workspace = demo ? demo.workspace : await loadWorkspaceFile(workspacePath!);
    const runtime = await openLocalRuntime(config, workspace, { log, command });
    if (runtime.storeBorrowedFrom) noteBorrowedStore(config.dataDir, runtime.storeBorrowedFrom);
    // The demo's interest history (before its clock), as a deployment would have recorded it; once per data dir.
    if (demo) await seedDemoInterest(runtime);
    return {
      config,
      workspace,
      runtime,
      demo,
      close: async () => {
        await runtime.close();
        await demo?.close();
      },
    };
  } catch (err) {
    await demo?.close();
    throw err;
  }
}
