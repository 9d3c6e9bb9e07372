// `marquee keys create|list|revoke`: API keys of the query API. A key is printed once at creation; list never shows it.
import { KeyLookupError, createApiKey, listApiKeys, revokeApiKey } from '../../../shared/auth/api-keys.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';

type Env = Record<string, string | undefined>;
type JsonOption = CommonOptions & { json?: boolean };

/** "Fri, Mar 12, 2027, 14:05 UTC" from an ISO instant. */
function when(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${iso.slice(11, 16)} UTC`;
}

export async function keysCreateCommand(name: string, opts: JsonOption, io: Io, env: Env): Promise<number> {
  const ctx = await openContext(opts, env, undefined, 'keys create');
  try {
    let created;
    try {
      created = await createApiKey(ctx.runtime.keys, name);
    } catch (err) {
      if (err instanceof RangeError) throw new CliError(err.message);
      throw err;
    }
    if (opts.json) printJson(io, { id: created.record.id, name: created.record.name, createdAt: created.record.createdAt, key: created.key });
    else {
      io.out(`API key "${created.record.name}" (id ${created.record.id}) created. It is shown once; only its hash is stored.`);
      io.out(created.key);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

export async function keysListCommand(opts: JsonOption, io: Io, env: Env): Promise<number> {
  const ctx = await openContext(opts, env, undefined, 'keys list');
  try {
    const keys = await listApiKeys(ctx.runtime.keys);
    if (opts.json) {
      printJson(io, { keys });
      return 0;
    }
    if (!keys.length) {
      io.out('No API keys yet: create one with `marquee keys create <name>`.');
      return 0;
    }
    const rows = keys.map((k) => [k.id, k.name, when(k.createdAt), k.revokedAt ? `revoked ${when(k.revokedAt)}` : 'active', when(k.lastUsedAt)]);
    const head = ['id', 'name', 'created', 'status', 'last used'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    io.out(line(head));
    for (const r of rows) io.out(line(r));
    return 0;
  } finally {
    await ctx.close();
  }
}

export async function keysRevokeCommand(nameOrId: string, opts: JsonOption, io: Io, env: Env): Promise<number> {
  const ctx = await openContext(opts, env, undefined, 'keys revoke');
  try {
    let revoked;
    try {
      revoked = await revokeApiKey(ctx.runtime.keys, nameOrId);
    } catch (err) {
      if (err instanceof KeyLookupError) throw new CliError(err.message);
      throw err;
    }
    if (opts.json) printJson(io, { id: revoked.id, name: revoked.name, revokedAt: revoked.revokedAt });
    else io.out(`API key "${revoked.name}" (id ${revoked.id}) is revoked since ${when(revoked.revokedAt)}: requests with it get 401.`);
    return 0;
  } finally {
    await ctx.close();
  }
}
