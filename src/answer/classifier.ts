/**
 * A small intent classifier: multinomial logistic regression over word and word-pair features,
 * trained at build time on the tuning part of the labelled corpus (`scripts/train/intents.ts`),
 * its weights shipped as JSON next to the index. Names the knowledge holds become "<name>", so it
 * learns how a kind of question is asked, not which library it is about.
 *
 * @example
 * const model = loadIntentModel('dist/intent-model.json');
 * classify(model, features('alternatives to flask', isName)) // { label: 'library/alternatives', p: 0.93 }
 */
import { readFileSync } from 'node:fs';
import { tokens } from './tokens.js';

export interface IntentModel {
  classes: string[];
  vocab: Record<string, number>;
  /** classes × (vocab + 1): the last column is the bias. */
  weights: number[][];
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
  const ids = feats.flatMap((f) => (f in model.vocab ? [model.vocab[f] as number] : []));
  const scores = model.weights.map((w) => ids.reduce((s, i) => s + (w[i] ?? 0), w[w.length - 1] ?? 0));
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes.map((label, k) => ({ label, p: (exp[k] ?? 0) / sum })).sort((a, b) => b.p - a.p);
}

export function loadIntentModel(path: string): IntentModel | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as IntentModel;
  } catch {
    return undefined;
  }
}
