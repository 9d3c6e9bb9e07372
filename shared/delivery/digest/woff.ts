// WOFF 1.0 to a plain TrueType/OpenType font (sfnt): each table inflated (zlib) back into place. resvg reads sfnt only.
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/** Converts a WOFF 1.0 font to the sfnt it wraps (same tables, same checksums); throws on anything else. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const buf = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (buf.length < 44 || buf.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const flavor = buf.readUInt32BE(4);
  const numTables = buf.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    return { tag: buf.readUInt32BE(o), offset: buf.readUInt32BE(o + 4), compLength: buf.readUInt32BE(o + 8), origLength: buf.readUInt32BE(o + 12), checksum: buf.readUInt32BE(o + 16) };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * numTables + tables.reduce((n, t) => n + pad4(t.origLength), 0));
  // The sfnt header's binary-search fields, as the OpenType spec defines them.
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const raw = buf.subarray(t.offset, t.offset + t.compLength);
    // A table is stored compressed only when that made it smaller.
    const data = t.compLength < t.origLength ? inflateSync(raw) : raw;
    if (data.length !== t.origLength) throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${t.origLength}`);
    const h = 12 + i * 16;
    out.writeUInt32BE(t.tag, h);
    out.writeUInt32BE(t.checksum, h + 4);
    out.writeUInt32BE(offset, h + 8);
    out.writeUInt32BE(t.origLength, h + 12);
    data.copy(out, offset);
    offset += pad4(t.origLength);
  });
  return out;
}
