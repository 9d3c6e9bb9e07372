// DynamoDB's 400 KB item limit: the size of a row as DynamoDB counts it, a typed error before the write, and text caps.
import { StoreError } from './errors.js';

/** DynamoDB's maximum item size (attribute names and values, UTF-8). */
export const MAX_ITEM_BYTES = 400 * 1024;

/** What record fitting aims for: well under the limit, leaving room for keys and index attributes. */
export const ITEM_BUDGET = 350 * 1024;

function valueSize(v: unknown): number {
  if (v === undefined) return 0;
  if (v === null || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (typeof v === 'number' || typeof v === 'bigint') return 1 + Math.ceil(String(v).replace(/[-.]/g, '').length / 2) + 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueSize(x), 0);
  if (typeof v === 'object') return 3 + itemSize(v as Record<string, unknown>) + Object.keys(v).length;
  return Buffer.byteLength(String(v), 'utf8');
}

/** The size DynamoDB counts for a row (names + values, UTF-8; maps and lists with their overhead), slightly over-estimated. */
export function itemSize(row: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    n += Buffer.byteLength(k, 'utf8') + valueSize(v);
  }
  return n;
}

/** A row that would exceed DynamoDB's item limit: refused before it is sent, with what and how big. */
export class ItemTooLargeError extends StoreError {
  constructor(
    readonly pk: string,
    readonly bytes: number,
  ) {
    super(`${pk} is ${Math.round(bytes / 1024)} KB, over DynamoDB's ${MAX_ITEM_BYTES / 1024} KB item limit`);
    this.name = 'ItemTooLargeError';
  }
}

/** Throws ItemTooLargeError when the row would not fit. */
export function assertFits(row: Record<string, unknown>): void {
  const bytes = itemSize(row);
  if (bytes > MAX_ITEM_BYTES - 1024) throw new ItemTooLargeError(String(row.pk), bytes);
}

/** `s` cut to at most `max` characters (with an ellipsis when cut). */
export function cap(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function capOrNull(s: string | null | undefined, max: number): string | null {
  return s === null || s === undefined ? null : cap(s, max);
}

/** At most `max` strings of at most `chars` characters each. */
export function capList(list: string[], max: number, chars = 300): string[] {
  return list.slice(0, max).map((s) => cap(s, chars));
}
