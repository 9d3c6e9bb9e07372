// Test helper: a resolver and connector that can only ever reach loopback, recording every dial attempt.
import net from 'node:net';
import type { Connector, Resolver } from '../../shared/http/safe-http.fetcher.js';

/** Fake DNS: names map to whatever addresses the test says; unknown names fail like NXDOMAIN. */
export function fakeResolver(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const addrs = table[host];
    if (!addrs) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addrs.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
  };
}

/**
 * A connector that dials only 127.0.0.1 / ::1. Any other target is recorded and refused with a
 * socket that errors, so even a broken guard can never send traffic off this machine.
 */
export function loopbackOnlyConnector(): { connect: Connector; attempts: string[]; refused: string[] } {
  const attempts: string[] = [];
  const refused: string[] = [];
  const connect: Connector = ({ address, port }) => {
    attempts.push(`${address}:${port}`);
    if (address === '127.0.0.1' || address === '::1') return net.connect({ host: address, port });
    refused.push(`${address}:${port}`);
    const sock = new net.Socket();
    process.nextTick(() => sock.destroy(Object.assign(new Error(`test connector refused ${address}`), { code: 'ECONNREFUSED' })));
    return sock;
  };
  return { connect, attempts, refused };
}
