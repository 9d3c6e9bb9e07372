// When a CLI command uses the store another marquee process serves (see functions/local/data-dir-store.ts) and that
// process stops mid-command, the connection error becomes one clear line instead of an internal error.
import type { StoreInfo } from '../local/data-dir-store.js';
import { CliError } from './output.js';

let borrowed: { dataDir: string; from: StoreInfo } | null = null;

/** Called when a command's runtime uses another process's store. */
export function noteBorrowedStore(dataDir: string, from: StoreInfo): void {
  borrowed = { dataDir, from };
}

/** A connection failure to a store another process serves becomes a CliError naming that process; anything else is returned as is. */
export function explainStoreFailure(err: unknown): unknown {
  if (!borrowed) return err;
  const codes = new Set<string>();
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') codes.add(e.code);
  }
  if (![...codes].some((c) => ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(c))) return err;
  const { dataDir, from } = borrowed;
  return new CliError(`the store of ${dataDir} was served by marquee ${from.command} (pid ${from.pid}), which stopped while this command ran; run it again`, 'store_gone', 1);
}
