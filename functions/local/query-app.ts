// Local serving of the query app: a Node server on 127.0.0.1 with a graceful close (the app itself is built in functions/http/query-side.ts).
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { QuerySide } from '../http/query-side.js';

export { buildQuerySide, type QuerySide, type QueryStores } from '../http/query-side.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app on 127.0.0.1; a busy preferred port falls back to a free one unless `strictPort`. */
export async function startQueryServer(app: QuerySide['app'], port: number, strictPort = false): Promise<RunningServer> {
  let inFlight = 0;
  const fetch = async (req: Request, ...rest: unknown[]) => {
    inFlight++;
    try {
      return await app.fetch(req, ...(rest as []));
    } finally {
      inFlight--;
    }
  };
  const listen = (p: number) =>
    new Promise<ServerType>((resolve, reject) => {
      const server = serve({ fetch, hostname: '127.0.0.1', port: p }, () => resolve(server));
      server.once('error', reject);
    });
  let server: ServerType;
  try {
    server = await listen(port);
  } catch (err) {
    if (strictPort || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    server = await listen(0);
  }
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    // Stop accepting, drop idle keep-alive connections, and let requests in flight finish (up to 5 s) before the store closes.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      for (let waited = 0; inFlight > 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}
