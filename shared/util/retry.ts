// A store write that must not be lost to a blip (the ledger record of a message that already went out): a few attempts with backoff.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `write` up to `attempts` times, waiting 200 ms, 400 ms, 800 ms… between; rethrows the last error. */
export async function retryWrite(write: () => Promise<void>, attempts = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      if (i >= attempts) throw err;
      await sleep(100 * 2 ** i);
    }
  }
}
