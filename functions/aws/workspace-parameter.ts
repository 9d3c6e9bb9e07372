// Loads the workspace from its secret's Parameter Store reference (JSON), checks it is the value synth wrote and validates it with the workspace schema.
import { gunzipSync } from 'node:zlib';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../../shared/config/errors.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { validateWorkspace } from '../../shared/config/validate-workspace.js';
import { workspaceVersion } from './deployed-workspace.js';

/**
 * Reads parameter `name`, parses its JSON and validates it with the workspace schema; every failure is one ConfigError line.
 * With `expectedVersion` (WORKSPACE_VERSION), a value edited outside `cdk deploy` is refused: only
 * the stack writes what synth validated with the workspace schema.
 */
export async function loadWorkspaceParameter(ssm: SSMClient, name: string, expectedVersion?: string): Promise<Workspace> {
  let text: string | undefined;
  try {
    // The workspace is a Secrets Manager secret read through /aws/reference/secretsmanager/: decryption is required.
    const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    text = out.Parameter?.Value;
  } catch (err) {
    throw new ConfigError(`workspace parameter ${name}: could not read it (${(err as Error).name}: ${(err as Error).message})`, { cause: err });
  }
  if (!text) throw new ConfigError(`workspace parameter ${name}: empty`);
  if (expectedVersion && workspaceVersion(text) !== expectedVersion) {
    throw new ConfigError(
      `workspace parameter ${name}: its value is not the one this stack deployed (version ${workspaceVersion(text)}, expected ${expectedVersion}); change the workspace file and run cdk deploy instead of editing the parameter`,
    );
  }
  let raw: unknown;
  try {
    raw = unwrap(JSON.parse(text));
  } catch (err) {
    throw new ConfigError(`workspace parameter ${name}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return validateWorkspace(raw, `workspace parameter ${name}`);
}

/** A workspace too big for 8 KB is deployed as `{"gzip": "<base64 of gzipped JSON>"}` (see infra/config.ts). */
function unwrap(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const gz = (value as { gzip?: unknown }).gzip;
    if (keys.length === 1 && typeof gz === 'string') return JSON.parse(gunzipSync(Buffer.from(gz, 'base64')).toString('utf8'));
  }
  return value;
}
