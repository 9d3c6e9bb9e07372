// Loads and validates a workspace file (YAML or JSON) with errors that name the bad key.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Workspace } from '../model/workspace.js';
import { ConfigError } from './errors.js';
import { validateWorkspace } from './validate-workspace.js';

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
