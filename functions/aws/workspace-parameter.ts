// Loads the workspace from its SSM parameter (JSON) and validates it with the same zod schema as the file.
import { gunzipSync } from 'node:zlib';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError } from '../../shared/config/errors.js';
import { validateWorkspace } from '../../shared/config/workspace-file.js';
import type { Workspace } from '../../shared/model/workspace.js';

/** Reads parameter `name`, parses its JSON and validates it; every failure is one ConfigError line. */
export async function loadWorkspaceParameter(ssm: SSMClient, name: string): Promise<Workspace> {
  let text: string | undefined;
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: name }));
    text = out.Parameter?.Value;
  } catch (err) {
    throw new ConfigError(`workspace parameter ${name}: could not read it (${(err as Error).name}: ${(err as Error).message})`, { cause: err });
  }
  if (!text) throw new ConfigError(`workspace parameter ${name}: empty`);
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
