// Bounded-concurrency map: runs at most `limit` promises at once, keeping input order in the output.

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. On a failure no further
 * call starts, and the first error is thrown once the calls already in flight have settled: when the caller sees the
 * error, none of its work (a store write, say) is still running behind it.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (err) {
        if (!failed) firstError = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw firstError;
  return out;
}
