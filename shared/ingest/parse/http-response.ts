// Splits a saved `curl -i` response (one or more status+header blocks, then the body) into its parts.

export interface HttpResponseParts {
  /** Headers of the last block, names lowercased; null when the bytes carry no status line. */
  headers: Record<string, string> | null;
  /** Status code of the last block, or null. */
  status: number | null;
  /** Bytes after the last block's blank line (the original bytes when there were no headers). */
  body: Uint8Array;
  /** `Location` of the last redirect block before the final one, if any (where the body really came from). */
  location?: string | null;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:[ \t][^\r\n]*)?$/;

/** Splits a saved `curl -i` output into the final block's headers, its status and the body. */
export function splitHttpResponse(bytes: Uint8Array): HttpResponseParts {
  let offset = 0;
  let headers: Record<string, string> | null = null;
  let status: number | null = null;
  let location: string | null = null;
  for (;;) {
    const block = readBlock(bytes, offset);
    if (!block) break;
    if (status !== null && status >= 300 && status < 400 && headers?.location) location = headers.location;
    headers = block.headers;
    status = block.status;
    offset = block.end;
  }
  if (status === null) return { headers: null, status: null, body: bytes, location: null };
  return { headers, status, body: bytes.subarray(offset), location };
}

interface Block {
  status: number;
  headers: Record<string, string>;
  end: number;
}

function startsWithHttp(bytes: Uint8Array, at: number): boolean {
  // "HTTP/"
  return (
    bytes[at] === 0x48 && bytes[at + 1] === 0x54 && bytes[at + 2] === 0x54 && bytes[at + 3] === 0x50 && bytes[at + 4] === 0x2f
  );
}

function readBlock(bytes: Uint8Array, start: number): Block | null {
  if (!startsWithHttp(bytes, start)) return null;
  // Find the blank line: CRLF CRLF, or bare LF LF as some editors save it.
  let end = -1;
  let bodyStart = -1;
  for (let i = start; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) {
      end = i;
      bodyStart = i + 2;
      break;
    }
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) {
      end = i;
      bodyStart = i + 3;
      break;
    }
  }
  if (end < 0) {
    end = bytes.length;
    bodyStart = bytes.length;
  }
  const lines = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start)
    .toString('latin1')
    .split(/\r?\n/);
  const match = STATUS_LINE.exec((lines[0] ?? '').trimEnd());
  if (!match) return null;
  const headers: Record<string, string> = {};
  let last: string | null = null;
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\r$/, '');
    if (!line) continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      headers[last] = `${headers[last]} ${line.trim()}`; // obsolete header folding
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
    last = name;
  }
  return { status: Number(match[1]), headers, end: bodyStart };
}
