/**
 * A small intent classifier: multinomial logistic regression over word, stem, word-pair and word-triple features,
 * trained at build time on the tuning part of the labelled corpus (`scripts/train/intents.ts`),
 * its weights shipped next to the index (a JSON header, then 16-bit weight steps). Names the knowledge holds become "<name>", so it
 * learns how a kind of question is asked, not which library it is about.
 *
 * @example
 * const model = loadIntentModel('dist/intent-model.bin');
 * classify(model, features('alternatives to flask', isName)) // { label: 'library/alternatives', p: 0.93 }
 */
import { readFileSync } from 'node:fs';
import { stem } from '../knowledge/search-index.js';
import { compareBytesAt } from './packed-text.js';
import { tokens } from './tokens.js';

export interface IntentModel {
  classes: string[];
  /** Feature to column. */
  vocab: Vocabulary;
  /** One row per class, vocab + 1 columns: the last column is the bias. */
  weights: ArrayLike<number>[];
  /** What each stored weight is multiplied by (the packed file keeps them as 16-bit steps); 1 when absent. */
  scale?: number;
}

/**
 * Features of a question (normalised text): its words (names as "<name>"), their stems ("formatters" and
 * "formatting" share one), and runs of two and three neighbouring words. (Cross-validated on seventy-four
 * tuning files against words and pairs alone: stems and triples +26 right, 16 fewer confident answers to
 * out-of-scope questions; stems alone +9, triples alone +24; five-letter prefixes for typos -5.)
 */
export function features(text: string, isName: (word: string) => boolean): string[] {
  const words = tokens(text).map((t) => (t.sep ? t.text : isName(t.text) ? '<name>' : t.text));
  const out = new Set<string>(['<bias-free>']);
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (/^[a-z]/.test(w)) {
      const s = stem(w);
      if (s !== w) out.add(`s:${s}`);
    }
    if (i > 0) out.add(`b:${words[i - 1]} ${w}`);
    if (i > 1) out.add(`t:${words[i - 2]} ${words[i - 1]} ${w}`);
    if (i === 0) out.add(`first:${w}`);
  });
  out.add(`len:${Math.min(words.length, 12) >> 2}`);
  return [...out];
}

/** Class probabilities for the features, best first. */
export function classify(model: IntentModel, feats: string[]): { label: string; p: number }[] {
  const ids = feats.flatMap((f) => {
    const id = model.vocab.get(f);
    return id === undefined ? [] : [id];
  });
  const scale = model.scale ?? 1;
  const scores = model.weights.map((w) => {
    let sum = w[w.length - 1] ?? 0;
    for (const i of ids) sum += w[i] ?? 0;
    return sum * scale;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes.map((label, k) => ({ label, p: (exp[k] ?? 0) / sum })).sort((a, b) => b.p - a.p);
}

const MAGIC = 'pystack-intents-5';

/** Features to columns: a Map while training; over the packed file, a binary search of its sorted features. */
export interface Vocabulary {
  get(feature: string): number | undefined;
  readonly size: number;
}

/**
 * The packed file's features, sorted by their UTF-8 bytes, read in place from the file's bytes with their
 * offsets: looked up by binary search, so start-up neither parses 240,000 strings nor builds a map of them,
 * nor decodes them into a string of their own (8 MB).
 */
class SortedVocabulary implements Vocabulary {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
  ) {}

  get size(): number {
    return this.offsets.length - 1;
  }

  get(feature: string): number | undefined {
    // Nearly every feature is ASCII, compared character by character; any other is encoded once.
    const encoded = /^[\x00-\x7f]*$/.test(feature) ? undefined : Buffer.from(feature, 'utf8');
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const from = this.offsets[mid] as number;
      const to = (this.offsets[mid + 1] as number) - 1;
      const c = encoded
        ? Buffer.compare(this.bytes.subarray(from, to), encoded)
        : compareBytesAt(this.bytes, from, to, feature);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

const NEWLINE = Buffer.from('\n');

/** Padding that brings a length up to a multiple of `to`. */
const pad = (length: number, to: number) => Buffer.alloc((to - (length % to)) % to);

/** Weights are packed as 16-bit steps of the largest weight / STEPS: a third of the doubles' size, within 0.0002 of each. */
const STEPS = 32767;

/**
 * The model as the build writes it: a JSON header (classes, feature count, the weights' step), the features
 * sorted by their UTF-8 bytes and joined by newlines with their byte offsets, then the weights as 16-bit steps in the same column order,
 * so start-up reads them without parsing half a million numbers or building a map.
 */
export function packIntentModel(model: IntentModel): Buffer {
  const features = [...(model.vocab as Map<string, number>).entries()]
    .map(([f, column]) => ({ f, column, bytes: Buffer.from(f, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const columns = features.length + 1;
  const vocab = Buffer.concat(features.flatMap(({ bytes }) => [bytes, NEWLINE]));
  const offsets = new Uint32Array(columns);
  features.forEach(({ bytes }, i) => (offsets[i + 1] = (offsets[i] as number) + bytes.length + 1));
  let largest = 0;
  for (const w of model.weights)
    for (let i = 0; i < w.length; i++) largest = Math.max(largest, Math.abs(w[i] as number));
  const scale = largest > 0 ? largest / STEPS : 1;
  const weights = model.weights.map((w) => {
    const sorted = new Int16Array(columns);
    features.forEach(({ column }, i) => (sorted[i] = Math.round((w[column] as number) / scale)));
    sorted[columns - 1] = Math.round((w[w.length - 1] as number) / scale);
    return sorted;
  });
  const header = Buffer.from(
    JSON.stringify({ magic: MAGIC, classes: model.classes, features: features.length, scale }),
  );
  const size = Buffer.alloc(8);
  size.writeUInt32LE(header.length, 0);
  size.writeUInt32LE(vocab.length, 4);
  const parts: Buffer[] = [size, header, vocab];
  const at = () => parts.reduce((n, b) => n + b.length, 0);
  parts.push(pad(at(), 4));
  parts.push(Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength));
  for (const w of weights) parts.push(Buffer.from(w.buffer, w.byteOffset, w.byteLength));
  return Buffer.concat(parts);
}

/** The model at `path`, or undefined when it is missing or not one (answers then go by cue words alone). */
export function loadIntentModel(path: string): IntentModel | undefined {
  try {
    const read = readFileSync(path);
    const buf = read.byteOffset % 8 === 0 ? read : Buffer.from(Uint8Array.from(read).buffer);
    const headerLength = buf.readUInt32LE(0);
    const vocabLength = buf.readUInt32LE(4);
    const header = JSON.parse(buf.subarray(8, 8 + headerLength).toString('utf8')) as {
      magic?: string;
      classes: string[];
      features: number;
      scale: number;
    };
    if (header.magic !== MAGIC) return undefined;
    const textAt = 8 + headerLength;
    const bytes = buf.subarray(textAt, textAt + vocabLength);
    let at = textAt + vocabLength;
    at += pad(at, 4).length;
    const columns = header.features + 1;
    const offsets = new Uint32Array(buf.buffer, buf.byteOffset + at, columns);
    at += columns * 4;
    if (at + header.classes.length * columns * 2 > buf.length) return undefined;
    const all = new Int16Array(buf.buffer, buf.byteOffset + at, header.classes.length * columns);
    return {
      classes: header.classes,
      vocab: new SortedVocabulary(bytes, offsets),
      weights: header.classes.map((_, k) => all.subarray(k * columns, (k + 1) * columns)),
      scale: header.scale,
    };
  } catch {
    return undefined;
  }
}
