// Which addresses the crawler may connect to: public unicast only, unless a host is explicitly allowed.
import ipaddr from 'ipaddr.js';

/** An IPv4 address carried inside an IPv6 address, with its ipaddr.js range. */
export interface EmbeddedIPv4 {
  address: string;
  range: string;
}

export interface AddressVerdict {
  allowed: boolean;
  /**
   * ipaddr.js range name ("unicast", "loopback", "private", "linkLocal", "uniqueLocal", …), or for
   * an IPv6 form that carries an IPv4 address the form: "ipv4Mapped", "ipv4Compatible",
   * "ipv4Translated", "nat64", "6to4", "teredo", "isatap".
   */
  range: string;
  /** The IPv4 addresses an IPv6 form carries (Teredo carries two; a local-use NAT64 prefix has several readings). */
  embedded?: EmbeddedIPv4[];
  /** Plain words after "is", e.g. "a loopback address", "an IPv4-compatible IPv6 address embedding 127.0.0.1 (loopback)". */
  reason: string;
}

type EmbeddingForm = 'ipv4Mapped' | 'ipv4Compatible' | 'ipv4Translated' | 'nat64' | '6to4' | 'teredo' | 'isatap';

const FORM_WORDS: Record<EmbeddingForm, string> = {
  ipv4Mapped: 'an IPv4-mapped',
  ipv4Compatible: 'an IPv4-compatible',
  ipv4Translated: 'an IPv4-translated',
  nat64: 'a NAT64',
  '6to4': 'a 6to4',
  teredo: 'a Teredo',
  isatap: 'an ISATAP',
};

/**
 * Transition forms with no place in crawling today (RFC 4291 deprecated IPv4-compatible addresses;
 * 6to4 and Teredo relays; SIIT-translated addresses): refused whatever IPv4 address they carry.
 * The others (mapped, NAT64 for DNS64 networks, ISATAP-looking identifiers under a global prefix)
 * are allowed only when every IPv4 address they carry is public.
 */
const ALWAYS_REFUSED: ReadonlySet<EmbeddingForm> = new Set(['ipv4Compatible', 'ipv4Translated', '6to4', 'teredo']);

function article(word: string): string {
  return /^(?:[aeio]|uns)/i.test(word) ? `an ${word}` : `a ${word}`;
}

function v4At(bytes: number[], positions: number[], xor = 0): string {
  return positions.map((i) => (bytes[i]! ^ xor) & 0xff).join('.');
}

/** The IPv4 addresses carried by an IPv6 address, with the form that carries them; null for none. */
function embeddedIPv4(addr: ipaddr.IPv6): { form: EmbeddingForm; addresses: string[] } | null {
  const b = addr.toByteArray();
  const range = addr.range();
  const last = [12, 13, 14, 15];
  switch (range) {
    case 'ipv4Mapped':
      return { form: 'ipv4Mapped', addresses: [v4At(b, last)] };
    case 'rfc6145':
      return { form: 'ipv4Translated', addresses: [v4At(b, last)] };
    case 'rfc6052': {
      if (b[4] === 0 && b[5] === 1) {
        // Local-use prefix 64:ff9b:1::/48 (RFC 8215): the network picks the prefix length (/48 to /96),
        // so every RFC 6052 reading counts; bits 64-71 are never part of the IPv4 address.
        const readings = [[6, 7, 9, 10], [7, 9, 10, 11], [9, 10, 11, 12], last].map((p) => v4At(b, p));
        return { form: 'nat64', addresses: [...new Set([v4At(b, last), ...readings])] };
      }
      return { form: 'nat64', addresses: [v4At(b, last)] };
    }
    case '6to4':
      return { form: '6to4', addresses: [v4At(b, [2, 3, 4, 5])] };
    case 'teredo':
      // 2001:0:<server v4>:<flags>:<port>:<client v4 with every bit inverted>
      return { form: 'teredo', addresses: [v4At(b, [4, 5, 6, 7]), v4At(b, last, 0xff)] };
    case 'unicast': {
      // ::a.b.c.d ("IPv4-compatible"; :: and ::1 are already unspecified and loopback)
      if (b.slice(0, 12).every((x) => x === 0)) return { form: 'ipv4Compatible', addresses: [v4At(b, last)] };
      // ISATAP interface identifier: 00-00-5E-FE or 02-00-5E-FE (u/g bits may be set), then the IPv4 address
      if ((b[8]! & 0xfc) === 0 && b[9] === 0 && b[10] === 0x5e && b[11] === 0xfe) {
        return { form: 'isatap', addresses: [v4At(b, last)] };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The address in a form ipaddr.js reads right, or null. ipaddr.js reads "::a.b.c.d" as the mapped
 * ::ffff:a.b.c.d, while it is the IPv4-compatible ::a.b.c.d (getaddrinfo prints those in dotted
 * form): IPv6 text goes through the WHATWG URL parser first, which writes it in hex.
 */
function canonicalIp(address: string): string | null {
  if (!address.includes(':')) return ipaddr.IPv4.isValidFourPartDecimal(address) ? address : null;
  try {
    const host = new URL(`http://[${address}]/`).hostname;
    return ipaddr.IPv6.isValid(host.slice(1, -1)) ? host.slice(1, -1) : null;
  } catch {
    return null;
  }
}

/**
 * Classifies an IP literal. Anything that is not plain public unicast is refused: loopback,
 * RFC 1918, link-local (169.254.169.254, the instance metadata endpoint), unique-local
 * (fd00:ec2::254), carrier-grade NAT, multicast, reserved; and every IPv6 form that carries an
 * IPv4 address in such a range (mapped, compatible, translated, NAT64, 6to4, Teredo, ISATAP).
 */
export function classifyAddress(address: string): AddressVerdict {
  const canonical = canonicalIp(address);
  if (canonical === null) return { allowed: false, range: 'invalid', reason: 'not an IP address' };
  const addr = ipaddr.parse(canonical);
  if (addr.kind() === 'ipv6') {
    const carried = embeddedIPv4(addr as ipaddr.IPv6);
    if (carried) {
      const embedded = carried.addresses.map((a) => ({ address: a, range: ipaddr.IPv4.parse(a).range() }));
      const bad = embedded.find((e) => e.range !== 'unicast');
      const words = FORM_WORDS[carried.form];
      if (bad) {
        return { allowed: false, range: carried.form, embedded, reason: `${words} IPv6 address embedding ${bad.address} (${bad.range})` };
      }
      if (ALWAYS_REFUSED.has(carried.form)) {
        return { allowed: false, range: carried.form, embedded, reason: `${words} IPv6 address (a deprecated transition form, refused whatever it embeds)` };
      }
      return { allowed: true, range: carried.form, embedded, reason: `${words} IPv6 address embedding public ${embedded.map((e) => e.address).join(', ')}` };
    }
  }
  const range = addr.range();
  return { allowed: range === 'unicast', range, reason: `${article(range)} address` };
}

export interface HostPolicy {
  /** Hostnames (or IP literals) the workspace explicitly allows even on private/loopback addresses. */
  allowHosts: ReadonlySet<string>;
}

/** True when the workspace allowed this host by name (the demo allows its own 127.0.0.1 server). */
export function isHostAllowed(policy: HostPolicy, hostname: string): boolean {
  return policy.allowHosts.has(hostname.toLowerCase());
}
