// Reading chart tables: header cells (with colspan) mapped to column roles by their text, and visible cell text.
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { stripInvisible } from '../text.js';

export interface TableGrid {
  /** Normalized header texts, one per column (colspan expanded). */
  headers: string[];
  /** Body rows as arrays of cell elements, in column order (colspan expanded). */
  rows: Element[][];
}

/** Lowercases, folds "±"/whitespace and drops sort arrows so "%± LW" reads "%± lw". */
export function normalizeHeader(s: string): string {
  return s.replace(/[\u00a0\s]+/g, ' ').replace(/[▲▼↑↓]/g, '').trim().toLowerCase();
}

/** Header texts and body rows of a table; the header row is the first row made of <th> cells. */
export function readTable($: CheerioAPI, table: Cheerio<Element>): TableGrid {
  const headers: string[] = [];
  const rows: Element[][] = [];
  let haveHeader = false;
  table.find('tr').each((_, tr) => {
    // Rows of nested tables belong to them, not to this one.
    if ($(tr).closest('table')[0] !== table[0]) return;
    const cells = $(tr).children('th, td').toArray();
    if (!haveHeader && cells.length > 0 && cells.every((c) => c.tagName === 'th')) {
      for (const c of cells) {
        const span = colspanOf($(c).attr('colspan'));
        const text = normalizeHeader(cellText(c));
        for (let i = 0; i < span; i++) headers.push(text);
      }
      haveHeader = true;
      return;
    }
    if (!haveHeader || !cells.some((c) => c.tagName === 'td')) return;
    const row: Element[] = [];
    for (const c of cells) {
      const span = colspanOf($(c).attr('colspan'));
      for (let i = 0; i < span; i++) row.push(c);
    }
    rows.push(row);
  });
  return { headers, rows };
}

/** A cell's colspan: 1 to 1000, as browsers read it (HTML caps it at 1000): colspan="999999999" cannot blow up a row. */
function colspanOf(value: string | undefined): number {
  const n = Math.trunc(Number(value ?? 1));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

const SKIP_TAGS = new Set(['svg', 'script', 'style', 'noscript', 'img']);

/** Text of a cell without icons (svg), scripts or styles, whitespace collapsed. */
export function cellText(node: AnyNode | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  collect(node, out);
  return stripInvisible(out.join('')).replace(/[\s\u00a0]+/g, ' ').trim();
}

function collect(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push((node as { data: string }).data);
    return;
  }
  const el = node as Element;
  if (!el.children || (el.tagName && SKIP_TAGS.has(el.tagName))) return;
  if (el.tagName === 'br') out.push(' ');
  for (const child of el.children) collect(child, out);
}

/** Index of the first header satisfying `test`, or -1. */
export function columnOf(headers: string[], test: RegExp): number {
  return headers.findIndex((h) => test.test(h));
}

/**
 * Index of the header `name` that directly follows the column `after` (e.g. the "change" right after "thtrs."):
 * sites reuse one header text for several columns, so position relative to a neighbour is what tells them apart.
 */
export function columnAfter(headers: string[], name: RegExp, after: number): number {
  if (after < 0) return -1;
  const next = after + 1;
  return next < headers.length && name.test(headers[next]!) ? next : -1;
}
