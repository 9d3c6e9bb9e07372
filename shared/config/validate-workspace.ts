// Validates a parsed workspace with its one schema, with errors that name the bad key (no file or YAML here: every Lambda uses it).
import type * as z from 'zod/mini';
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

/** Validates an already-parsed workspace object; `name` (a file, a parameter) starts the one-line ConfigError. */
export function validateWorkspace(raw: unknown, name: string): Workspace {
  const result = Workspace.safeParse(raw);
  if (!result.success) throw new ConfigError(`${name}: ${formatIssues(result.error.issues)}`);
  return result.data;
}
