/**
 * A small intent classifier: multinomial logistic regression over word and word-pair features,
 * trained at build time on the tuning part of the labelled corpus (`scripts/train/intents.ts`),
 * its weights shipped next to the index (a JSON header, then raw doubles). Names the knowledge holds become "<name>", so it
 * learns how a kind of question is asked, not which library it is about.
 *
 * @example
 * const model = loadIntentModel('dist/intent-model.bin');
 * classify(model, features('alternatives to flask', isName)) // { label: 'library/alternatives', p: 0.93 }
 */
import { readFileSync } from 'node:fs';
import { tokens } from './tokens.js';

export interface IntentModel {
  classes: string[];
  /** Feature to column. */
  vocab: Map<string, number>;
  /** One row per class, vocab + 1 columns: the last column is the bias. */
  weights: Float64Array[];
}

/** Features of a question (normalised text): its words (names as "<name>") and neighbouring word pairs. */
export function features(text: string, isName: (word: string) => boolean): string[] {
  const words = tokens(text).map((t) => (t.sep ? t.text : isName(t.text) ? '<name>' : t.text));
  const out = new Set<string>(['<bias-free>']);
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i > 0) out.add(`b:${words[i - 1]} ${w}`);
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
  const scores = model.weights.map((w) => ids.reduce((s, i) => s + (w[i] ?? 0), w[w.length - 1] ?? 0));
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes.map((label, k) => ({ label, p: (exp[k] ?? 0) / sum })).sort((a, b) => b.p - a.p);
}

const MAGIC = 'pystack-intents-2';

/**
 * The model as the build writes it: a JSON header (classes, features in column order), then the
 * weights as raw doubles, so start-up reads them without parsing half a million numbers.
 */
export function packIntentModel(model: IntentModel): Buffer {
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, classes: model.classes, vocab: [...model.vocab.keys()] }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  const pad = Buffer.alloc((8 - ((4 + header.length) % 8)) % 8);
  return Buffer.concat([
    size,
    header,
    pad,
    ...model.weights.map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength)),
  ]);
}

/** The model at `path`, or undefined when it is missing or not one (answers then go by cue words alone). */
export function loadIntentModel(path: string): IntentModel | undefined {
  try {
    const buf = readFileSync(path);
    const length = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + length).toString('utf8')) as {
      magic?: string;
      classes: string[];
      vocab: string[];
    };
    if (header.magic !== MAGIC) return undefined;
    const at = 4 + length + ((8 - ((4 + length) % 8)) % 8);
    const bytes = buf.byteOffset % 8 === 0 ? buf : Uint8Array.from(buf);
    const columns = header.vocab.length + 1;
    if (at + header.classes.length * columns * 8 > bytes.length) return undefined;
    const all = new Float64Array(bytes.buffer, bytes.byteOffset + at, header.classes.length * columns);
    return {
      classes: header.classes,
      vocab: new Map(header.vocab.map((f, i) => [f, i])),
      weights: header.classes.map((_, k) => all.subarray(k * columns, (k + 1) * columns)),
    };
  } catch {
    return undefined;
  }
}
