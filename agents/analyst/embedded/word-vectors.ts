// Word vectors for the event-type model: a headline's mean word vector lets the model read words no training story
// used ("postponed" lies near "delayed", "buys" near "acquires"). 40,000 words x 32 dimensions as signed bytes, derived from
// GloVe by `training/derive-word-vectors.ts` (its header says how and why this size).
import WORD_VECTORS from './word-vectors.json' with { type: 'json' };

/** The shipped file: words in one space-separated string, their vectors as base64 bytes in the same order. */
export interface WordVectorsData {
  source: string;
  dimensions: number;
  words: string;
  vectors: string;
}

export interface WordVectors {
  dimensions: number;
  index: ReadonlyMap<string, number>;
  bytes: Int8Array;
}

// Function words carry no type; they would pull every headline's mean toward the same place.
const STOP = new Set('the a an of to in on for and or at by with from as is are be its it this that his her their new first after over into up out'.split(' '));

export function decodeWordVectors(data: WordVectorsData): WordVectors {
  const buf = Buffer.from(data.vectors, 'base64');
  const bytes = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const words = data.words ? data.words.split(' ') : [];
  if (bytes.length !== words.length * data.dimensions) throw new Error(`word vectors: ${bytes.length} bytes for ${words.length} words x ${data.dimensions}`);
  return { dimensions: data.dimensions, index: new Map(words.map((w, i) => [w, i])), bytes };
}

let shipped: WordVectors | undefined;
/** The shipped vectors, decoded on first use (~10 ms). */
export function shippedWordVectors(): WordVectors {
  return (shipped ??= decodeWordVectors(WORD_VECTORS as WordVectorsData));
}

/**
 * The unit-length mean vector of a text's content words (masks TITLE, STUDIO and JOBTITLE left out), or null when no
 * word is known.
 */
export function meanWordVector(text: string, wv: WordVectors = shippedWordVectors()): number[] | null {
  const D = wv.dimensions;
  const acc = new Array<number>(D).fill(0);
  let n = 0;
  for (const w of text.replace(/\b(?:TITLE|STUDIO|JOBTITLE)\b/g, ' ').toLowerCase().split(/[^a-z'-]+/)) {
    if (w.length < 2 || STOP.has(w)) continue;
    const i = wv.index.get(w) ?? wv.index.get(w.replace(/'s$/, ''));
    if (i === undefined) continue;
    n++;
    const base = i * D;
    for (let d = 0; d < D; d++) acc[d]! += wv.bytes[base + d]!;
  }
  if (!n) return null;
  const norm = Math.hypot(...acc) || 1;
  return acc.map((x) => x / norm);
}
