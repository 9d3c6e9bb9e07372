// Crawling broken film feeds over real HTTP on 127.0.0.1: the items are stored, the source succeeds, and the parse
// warnings are on the crawl result, on the source state and in the CLI's per-source lines.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticSite, type StaticSiteServer } from '../../shared/local/static-site.server.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { crawlWorkspace } from '../../shared/ingest/crawl-workspace.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { formatSourceLine } from '../../functions/cli/commands/crawl.command.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

let dir: string;
let site: StaticSiteServer;
let db: TestStore;
let workspace: Workspace;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-broken-'));
  await cp('test/fixtures/parse/film-blank-line-latin1.xml', join(dir, 'site/latin1.xml'));
  await cp('test/fixtures/parse/film-undeclared-ns.xml', join(dir, 'site/undeclared.xml'));
  await writeFile(join(dir, 'site/truncated.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><');
  await writeFile(
    join(dir, 'workspace.yaml'),
    [
      'name: Broken feeds',
      'baseUrl: http://127.0.0.1:1/',
      'network:',
      '  allowHosts: ["127.0.0.1"]',
      'sources:',
      ...['latin1', 'undeclared', 'truncated'].flatMap((id) => [`  - id: ${id}`, '    kind: rss', `    url: ${id}.xml`]),
    ].join('\n'),
  );
  site = await startStaticSite(join(dir, 'site'));
  db = await openTestStore();
  workspace = { ...(await loadWorkspaceFile(join(dir, 'workspace.yaml'))), baseUrl: site.baseUrl };
});
afterAll(async () => {
  await site?.close();
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('crawling broken feeds', () => {
  it('stores their items, keeps the sources healthy and records the warnings; a hopeless feed fails alone', async () => {
    const fetcher = new SafeHttpFetcher({ policy: { allowHosts: new Set(['127.0.0.1']) }, timeoutMs: 3000 });
    const clock = { now: () => new Date('2026-11-28T12:00:00Z') };
    const report = await crawlWorkspace(workspace, { fetcher, store: db.store, objects: new FolderObjectStore(join(dir, 'objects')), clock });
    const by = Object.fromEntries(report.sources.map((s) => [s.id, s]));

    expect(by.latin1).toMatchObject({ status: 'ok', newItems: 3 });
    expect(by.latin1!.warnings).toEqual([expect.stringMatching(/declares ISO-8859-1 but the bytes are valid UTF-8; decoded as utf-8$/)]);
    expect(by.undeclared).toMatchObject({ status: 'ok', newItems: 3, warnings: ["undeclared namespace prefixes 'dc', 'content': read as if declared"] });
    expect(by.truncated).toMatchObject({ status: 'error', errorCode: 'malformed_xml', newItems: 0 });

    const titles = (await db.store.itemsBySource('latin1')).items.map((i) => i.title);
    expect(titles).toContain('\u2018Am\u00e9lie\u2019 Returns to Theaters for Its 25th Anniversary \u2014 With a 4K Restoration');
    const state = await db.store.getSourceState('undeclared');
    expect(state).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0, lastWarnings: by.undeclared!.warnings });

    const lines = formatSourceLine(by.undeclared!).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}✓ undeclared +ok +3 new, 0 duplicates/);
    expect(lines[1]).toBe("      warning: undeclared namespace prefixes 'dc', 'content': read as if declared");
  });
});
