// The CDK entry point as `cdk synth` runs it: a bad workspace or context value fails with one line naming the key.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_WORKSPACE } from './support.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-synth-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs infra/app.ts the way the CDK CLI does: context in CDK_CONTEXT_JSON, output dir in CDK_OUTDIR. */
function runApp(context: Record<string, unknown>, outdir = join(dir, 'out')) {
  const res = spawnSync(join('node_modules', '.bin', 'tsx'), ['infra/app.ts'], {
    env: {
      ...process.env,
      CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
      CDK_OUTDIR: outdir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stderr: res.stderr.trim(), stdout: res.stdout.trim() };
}

describe('infra/app.ts', () => {
  it('fails on an invalid workspace with one line naming the file and the key, before creating anything', async () => {
    const bad = join(dir, 'bad.yaml');
    const text = (await readFile(FIXTURE_WORKSPACE, 'utf8')).replace('kind: rss\n    url: trade-b.atom', 'kind: feed\n    url: trade-b.atom');
    await writeFile(bad, text);
    const out = join(dir, 'bad-out');
    const res = runApp({ workspace: bad }, out);
    expect(res.code).toBe(1);
    expect(res.stderr.split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(new RegExp(`^marquee: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: sources\\[1\\]\\.kind: `));
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('fails on a missing workspace file and on a bad context value, one line each', () => {
    const missing = runApp({ workspace: join(dir, 'nope.yaml') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`marquee: ${join(dir, 'nope.yaml')}: no such file`);
    const badContext = runApp({ workspace: FIXTURE_WORKSPACE, crawlEveryMinutes: 'soon' });
    expect(badContext.code).toBe(1);
    expect(badContext.stderr).toMatch(/^marquee: cdk context: crawlEveryMinutes: /);
    expect(badContext.stderr.split('\n')).toHaveLength(1);
  });

  it('synthesizes both stacks for a valid workspace, with no credentials and no lookups', async () => {
    const out = join(dir, 'good-out');
    const res = runApp({ workspace: FIXTURE_WORKSPACE }, out);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string }> };
    const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack').map(([k]) => k).sort();
    expect(stacks).toEqual(['Marquee-App', 'Marquee-Storage']);
  });
});
