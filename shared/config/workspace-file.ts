// Loads and validates a workspace file (YAML or JSON) with errors that name the bad key.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { Workspace } from '../model/workspace.js';
import { ConfigError } from './errors.js';

/** Formats zod issues as "sources[2].kind: expected ..." lines. */
export function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.reduce<string>(
        (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
        '',
      );
      return `${path || '(top level)'}: ${i.message}`;
    })
    .join('; ')
    .concat(issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

/** Validates an already-parsed workspace object; `name` is used in messages. */
export function validateWorkspace(raw: unknown, name: string): Workspace {
  const result = Workspace.safeParse(raw);
  if (!result.success) throw new ConfigError(`${name}: ${formatIssues(result.error.issues)}`);
  return result.data;
}

/** Reads a workspace file (.yaml, .yml or .json) and validates it. */
export async function loadWorkspaceFile(path: string): Promise<Workspace> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
  return validateWorkspace(raw, path);
}
