// Checks the workspace the stack deployed, without zod: it was validated at synth with the full schema.
// Why not the schema again: the Lambda bundles stay small (zod's classic API is ~440 KB minified,
// the crawl worker's budget is 500 KB). Instead the value is checked to be exactly what synth wrote
// (its hash is the WORKSPACE_VERSION the stack gives every function) and to have the shape the
// functions rely on, each failure one line naming the key.
import { createHash } from 'node:crypto';
import { ConfigError } from '../../shared/config/errors.js';
import type { Workspace } from '../../shared/model/workspace.js';

/** The version infra/constructs/workspace-secret.construct.ts computes from the secret's value. */
export function workspaceVersion(parameterValue: string): string {
  return createHash('sha256').update(parameterValue).digest('hex').slice(0, 12);
}

const SOURCE_KINDS = new Set(['rss', 'html', 'boxoffice', 'youtube', 'pageviews']);

type Check = [path: string, ok: boolean, message: string];

/**
 * Returns the workspace when `raw` has the shape the functions rely on (with the defaults synth
 * applied), else throws a ConfigError naming the first bad keys, like the schema would.
 */
export function checkWorkspaceShape(raw: unknown, where: string): Workspace {
  const issues: string[] = [];
  const add = ([path, ok, message]: Check) => {
    if (!ok) issues.push(`${path}: ${message}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isString = (v: unknown, min = 1): v is string => typeof v === 'string' && v.length >= min;
  const stringArray = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!isObject(raw)) throw new ConfigError(`${where}: (top level): expected an object`);
  // Sources first: they are what a wrong hand-edit most often breaks, and what the crawl relies on.
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) add(['sources', false, 'expected a non-empty list']);
  else {
    raw.sources.forEach((s: unknown, i: number) => {
      const at = `sources[${i}]`;
      if (!isObject(s)) return add([at, false, 'expected an object']);
      add([`${at}.id`, isString(s.id), 'expected a non-empty string']);
      add([`${at}.kind`, SOURCE_KINDS.has(s.kind as string), 'expected "rss", "html", "boxoffice", "youtube" or "pageviews"']);
      add([`${at}.url`, isString(s.url), 'expected a URL']);
      add([`${at}.enabled`, typeof s.enabled === 'boolean', 'expected true or false']);
      add([`${at}.tags`, stringArray(s.tags), 'expected a list of tags']);
      add([`${at}.schedule.every`, isObject(s.schedule) && isString(s.schedule.every), 'expected a duration like "15m"']);
      if (s.kind === 'html') add([`${at}.selectors`, isObject(s.selectors) && isString(s.selectors.item) && isString(s.selectors.title), 'expected item and title selectors']);
      // Synth expands a pageviews source into one per article.
      if (s.kind === 'pageviews') add([`${at}.article`, isString(s.article) && isString(s.title) && isString(s.project) && typeof s.days === 'number', 'expected project, days, title and article']);
    });
  }
  add(['name', isString(raw.name), 'expected a non-empty string']);
  add(['timezone', isString(raw.timezone), 'expected an IANA timezone (synth fills in "UTC")']);
  add(['network.allowHosts', isObject(raw.network) && stringArray(raw.network.allowHosts), 'expected a list of host names']);
  for (const key of ['competitors', 'slate', 'recipients']) add([key, Array.isArray(raw[key]), 'expected a list']);
  add(['alerts', isObject(raw.alerts), 'expected an object (synth fills in the defaults)']);
  add(['interest', isObject(raw.interest) && Array.isArray(raw.interest.titles), 'expected an object with titles (synth fills in the defaults)']);
  if (issues.length > 0) {
    throw new ConfigError(`${where}: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
  }
  return raw as unknown as Workspace;
}
