// The deployed workspace's version: synth validated the file with the workspace schema and wrote its value; every
// function gets this hash of that value (WORKSPACE_VERSION), refuses any other, and validates it again with the same
// schema (shared/model/workspace.ts, zod/mini, so the crawl worker's bundle stays small).
import { createHash } from 'node:crypto';

/** The version infra/constructs/workspace-secret.construct.ts computes from the secret's value. */
export function workspaceVersion(parameterValue: string): string {
  return createHash('sha256').update(parameterValue).digest('hex').slice(0, 12);
}
