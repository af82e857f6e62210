/**
 * How well a text fits the purpose words of a question ("for a tiny admin tool"): how many of
 * those words, stemmed, the text holds. Used to order verdict lines and alternatives.
 *
 * @example
 * overlap(['bigger', 'data'], ['Handles data bigger than memory']) // 2
 */
import type { PackageEntry } from '../knowledge/model.js';
import { stem } from '../knowledge/search-index.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    // ("3d", "2d": two characters, one a digit, still say what is wanted.)
    .filter((w) => w.length > 2 || (w.length === 2 && /\d/.test(w) && /[a-z]/.test(w)))
    .map(stem);

/** The number of distinct purpose words (stemmed) found in the texts. */
export function overlap(purpose: string[], texts: string[]): number {
  if (!purpose.length) return 0;
  const have = new Set(texts.flatMap(words));
  return new Set(purpose.flatMap(words).filter((w) => have.has(w))).size;
}

/**
 * Packages in the order the purpose words fit their summary and use cases, the given order among
 * equals ("async postgres driver": the async one first).
 */
export function byFit<T extends PackageEntry>(list: T[], purpose: string[]): T[] {
  return list
    .map((p, i) => ({ p, i, fit: overlap(purpose, [p.summary, ...p.use_cases]) }))
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .map((x) => x.p);
}
