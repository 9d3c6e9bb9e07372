// Test helper: the demo workspace's full cycle run once into an in-memory embedded store, for tests that read what it produced.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type AppConfig } from '../../shared/config/app-config.js';
import { runCycle, type CycleReport } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { seedDemoInterest, startDemo, type RunningDemo } from '../../functions/local/demo.js';
import type { Workspace } from '../../shared/model/workspace.js';

export interface DemoData {
  dir: string;
  config: AppConfig;
  workspace: Workspace;
  runtime: LocalRuntime;
  demo: RunningDemo;
  cycle: CycleReport;
  close(): Promise<void>;
}

/** Serves the demo site, runs one cycle into a fresh in-memory store (outputs under a temp dir). */
export async function openDemoData(env: Record<string, string | undefined> = {}): Promise<DemoData> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-demo-data-'));
  const demo = await startDemo();
  // Tests make many requests with one key, faster than a person would: the rate limit is tested where it is set.
  const config = resolveConfig({ MARQUEE_API_RATE_LIMIT: '100000', ...env }, { dataDir: dir, outDir: join(dir, 'out') });
  const runtime = await openLocalRuntime(config, demo.workspace, { inMemory: true });
  await seedDemoInterest(runtime);
  const cycle = await runCycle(demo.workspace, runtime, { force: true });
  return {
    dir,
    config,
    workspace: demo.workspace,
    runtime,
    demo,
    cycle,
    close: async () => {
      await runtime.close();
      await demo.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
