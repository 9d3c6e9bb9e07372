// Which addresses the crawler may connect to: public unicast only, unless a host is explicitly allowed.
import ipaddr from 'ipaddr.js';

export interface AddressVerdict {
  allowed: boolean;
  /** ipaddr.js range name, e.g. "loopback", "private", "linkLocal", "uniqueLocal". */
  range: string;
}

/**
 * Classifies an IP literal. Anything that is not plain public unicast is refused: loopback,
 * RFC 1918, link-local (169.254.169.254, the instance metadata endpoint), unique-local
 * (fd00:ec2::254), carrier-grade NAT, multicast, reserved, and IPv6 forms that embed IPv4.
 */
export function classifyAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
  let addr = ipaddr.parse(address);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  const range = addr.range();
  return { allowed: range === 'unicast', range };
}

export interface HostPolicy {
  /** Hostnames (or IP literals) the workspace explicitly allows even on private/loopback addresses. */
  allowHosts: ReadonlySet<string>;
}

/** True when the workspace allowed this host by name (the demo allows its own 127.0.0.1 server). */
export function isHostAllowed(policy: HostPolicy, hostname: string): boolean {
  return policy.allowHosts.has(hostname.toLowerCase());
}
