// The SSRF address classifier: every IPv4 and IPv6 form, including IPv6 forms that embed an IPv4 address.
import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../shared/http/address-policy.js';

describe('classifyAddress: plain IPv4 and IPv6 ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.9', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], ['100.64.0.1', 'carrierGradeNat'], ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'], ['224.0.0.1', 'multicast'], ['192.0.2.1', 'reserved'], ['240.0.0.1', 'reserved'],
    ['::', 'unspecified'], ['::1', 'loopback'], ['fe80::1', 'linkLocal'], ['fd00:ec2::254', 'uniqueLocal'],
    ['fec0::1', 'deprecatedSiteLocal'], ['ff02::1', 'multicast'], ['100::1', 'discard'], ['2001:db8::1', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    const v = classifyAddress(address);
    expect(v).toMatchObject({ allowed: false, range });
    expect(v.reason).toMatch(new RegExp(`^an? ${range} address$`));
  });

  it.each([['93.184.216.34'], ['8.8.8.8'], ['2606:4700::6810:84e5'], ['2a00:1450:4001:82a::200e']])('allows public %s', (address) => {
    expect(classifyAddress(address)).toMatchObject({ allowed: true, range: 'unicast' });
  });

  it('refuses what is not an IP address', () => {
    expect(classifyAddress('example.com')).toMatchObject({ allowed: false, range: 'invalid' });
  });
});

describe('classifyAddress: IPv6 forms that embed a non-public IPv4 address are refused', () => {
  it.each([
    // IPv4-compatible (::a.b.c.d, deprecated): the URL parser turns [::127.0.0.1] into [::7f00:1]
    ['::a9fe:a9fe', 'ipv4Compatible', ['169.254.169.254']],
    ['::7f00:1', 'ipv4Compatible', ['127.0.0.1']],
    ['::127.0.0.1', 'ipv4Compatible', ['127.0.0.1']],
    ['::10.0.0.1', 'ipv4Compatible', ['10.0.0.1']],
    ['::0.0.0.2', 'ipv4Compatible', ['0.0.0.2']],
    // IPv4-mapped (::ffff:a.b.c.d)
    ['::ffff:169.254.169.254', 'ipv4Mapped', ['169.254.169.254']],
    ['::ffff:7f00:1', 'ipv4Mapped', ['127.0.0.1']],
    ['::ffff:192.168.0.10', 'ipv4Mapped', ['192.168.0.10']],
    // IPv4-translated (::ffff:0:a.b.c.d, RFC 6145)
    ['::ffff:0:a9fe:a9fe', 'ipv4Translated', ['169.254.169.254']],
    // NAT64: well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48 (RFC 8215)
    ['64:ff9b::a9fe:a9fe', 'nat64', ['169.254.169.254']],
    ['64:ff9b::127.0.0.1', 'nat64', ['127.0.0.1']],
    ['64:ff9b::10.0.0.1', 'nat64', ['10.0.0.1']],
    ['64:ff9b:1::a9fe:a9fe', 'nat64', ['169.254.169.254']],
    // local-use prefix as a /48: a.b at bits 48-63, c.d at bits 72-87 (bits 64-71 are zero)
    ['64:ff9b:1:a9fe:a9:fe00::', 'nat64', ['169.254.169.254']],
    // 6to4 (2002:a.b.c.d::/48)
    ['2002:a9fe:a9fe::1', '6to4', ['169.254.169.254']],
    ['2002:7f00:1::', '6to4', ['127.0.0.1']],
    ['2002:c0a8:101::1', '6to4', ['192.168.1.1']],
    // Teredo (2001:0:server:flags:port:~client): public server 65.54.227.120, client 169.254.169.254 obfuscated
    ['2001:0:4136:e378:8000:63bf:5601:5601', 'teredo', ['65.54.227.120', '169.254.169.254']],
    // Teredo whose server part is private
    ['2001:0:a00:1:8000:63bf:a247:27dd', 'teredo', ['10.0.0.1', '93.184.216.34']],
    // ISATAP-style interface identifiers (::0:5efe:a.b.c.d, ::200:5efe:a.b.c.d) under a global prefix
    ['2600:1f18:0:1:0:5efe:a9fe:a9fe', 'isatap', ['169.254.169.254']],
    ['2600:1f18:0:1:200:5efe:7f00:1', 'isatap', ['127.0.0.1']],
  ])('refuses %s (%s embedding %j)', (address, range, embedded) => {
    const v = classifyAddress(address);
    expect(v.allowed).toBe(false);
    expect(v.range).toBe(range);
    expect(v.embedded?.map((e) => e.address)).toEqual(expect.arrayContaining(embedded));
    expect(v.reason).toMatch(/embedding .*\((loopback|linkLocal|private|unspecified|reserved)\)/);
  });

  it('says which IPv4 address is embedded and in which range', () => {
    expect(classifyAddress('::a9fe:a9fe').reason).toBe('an IPv4-compatible IPv6 address embedding 169.254.169.254 (linkLocal)');
    expect(classifyAddress('64:ff9b::7f00:1').reason).toBe('a NAT64 IPv6 address embedding 127.0.0.1 (loopback)');
  });
});

describe('classifyAddress: IPv6 forms that embed a public IPv4 address', () => {
  it.each([
    // mapped: the very same IPv4 host
    ['::ffff:93.184.216.34', 'ipv4Mapped'],
    // NAT64 of a public address is how an IPv6-only network (DNS64) reaches IPv4 sites
    ['64:ff9b::93.184.216.34', 'nat64'],
    // an ordinary global address whose interface identifier happens to look like ISATAP
    ['2600:1f18:0:1:0:5efe:5db8:d822', 'isatap'],
  ])('allows %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ allowed: true, range });
  });

  it.each([
    ['::93.184.216.34', 'ipv4Compatible'],
    ['::ffff:0:93.184.216.34', 'ipv4Translated'],
    ['2002:5db8:d822::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:a247:27dd', 'teredo'],
  ])('refuses the deprecated transition form %s (%s) whatever it embeds', (address, range) => {
    const v = classifyAddress(address);
    expect(v).toMatchObject({ allowed: false, range });
    expect(v.reason).toMatch(/deprecated/);
  });

  it('refuses a local-use NAT64 address when any reading of its prefix length gives a non-public address', () => {
    // As a /96 it embeds 93.184.216.34; as a /48 it embeds 10.0.93.184
    const v = classifyAddress('64:ff9b:1:a00:5d:b8d8:5db8:d822');
    expect(v.allowed).toBe(false);
    expect(v.embedded?.some((e) => e.range === 'private')).toBe(true);
  });
});
