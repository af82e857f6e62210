/**
 * The words the knowledge's own prose uses (summaries, use cases, reasons), names left out: a word
 * one slip from one of these ("libary", "progres") is that word mistyped, while a word one slip
 * from an English word the knowledge never uses ("uvicorn" / "unicorn") stays a name.
 *
 * Worked out at `npm run build` and stored in the index file (the knowledge's words, as its terms
 * are), so start-up reads the list instead of scanning every entry's text.
 *
 * @example
 * proseWords(kb).has('library') // true
 */
import { normKey } from './load.js';
import type { Knowledge } from './model.js';

/** Shorter words are too often one slip from another word. */
const MIN_LENGTH = 6;
const made = new WeakMap<Knowledge, Set<string>>();
const LONG_RUN = new RegExp(`[A-Za-z]{${MIN_LENGTH},}`, 'g');

/** Every string a value holds, however deep. */
function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

export function proseWords(kb: Knowledge): Set<string> {
  let words = made.get(kb);
  if (words) return words;
  // Runs of letters, lower-cased, of MIN_LENGTH or more, each distinct one checked once; each distinct text read once.
  const texts = new Set<string>();
  for (const entry of kb.entries.values()) for (const text of strings(entry, [])) texts.add(text);
  const seen = new Set<string>();
  for (const text of texts) for (const run of text.match(LONG_RUN) ?? []) seen.add(run.toLowerCase());
  words = new Set();
  // Names of other stacks the prose mentions ("javascript") are no word to mend a slip into.
  for (const w of seen) if (!kb.names.has(normKey(w)) && !kb.outside.has(w)) words.add(w);
  made.set(kb, words);
  return words;
}

/** The prose words of this knowledge as the build worked them out (the index file carries them, for the same digest). */
export function rememberProse(kb: Knowledge, words: readonly string[]): void {
  if (!made.has(kb)) made.set(kb, new Set(words));
}
