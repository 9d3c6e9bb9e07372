// Minimal windows-1252 encoder (no dependencies) so the IndieWire Weekly feed gets exact high bytes.
const HIGH = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
/** Encode a string as windows-1252 bytes; throws on characters the code page cannot represent. */
export function encodeCp1252(str) {
  const out = Buffer.alloc(str.length);
  let n = 0;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    let b;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) b = cp;
    else if (HIGH[cp] !== undefined) b = HIGH[cp];
    else throw new Error(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} ("${ch}") is not in windows-1252`);
    out[n++] = b;
  }
  return out.subarray(0, n);
}
/** Decode windows-1252 bytes (used by the checks). */
export function decodeCp1252(buf) {
  const rev = Object.fromEntries(Object.entries(HIGH).map(([cp, b]) => [b, Number(cp)]));
  let s = '';
  for (const b of buf) s += String.fromCodePoint(b >= 0x80 && b <= 0x9f ? rev[b] ?? 0xfffd : b);
  return s;
}
