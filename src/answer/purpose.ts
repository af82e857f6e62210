/**
 * How well a text fits the purpose words of a question ("for a tiny admin tool"): how many of
 * those words, stemmed, the text holds. Used to order verdict lines and alternatives.
 *
 * @example
 * overlap(['bigger', 'data'], ['Handles data bigger than memory']) // 2
 */
import { stem } from '../knowledge/search-index.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2)
    .map(stem);

/** The number of distinct purpose words (stemmed) found in the texts. */
export function overlap(purpose: string[], texts: string[]): number {
  if (!purpose.length) return 0;
  const have = new Set(texts.flatMap(words));
  return new Set(purpose.flatMap(words).filter((w) => have.has(w))).size;
}
