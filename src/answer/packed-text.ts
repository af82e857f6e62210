/**
 * Comparing a word with one stretch of a packed text (sorted words joined into one string) in place,
 * for the binary searches over packed vocabularies: slicing each probe out as a string of its own
 * made garbage on every lookup, and a classifier or ranker looks up dozens of words per question.
 *
 * @example
 * compareAt('apple\nbanana\n', 6, 12, 'banana') // 0
 */

/** Like comparing `text.slice(from, to)` with `word` (UTF-16 code units, as `<` does): <0, 0 or >0. */
export function compareAt(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(from + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}

/** The same over bytes (a packed UTF-8 text read in place), for a word of ASCII characters only. */
export function compareBytesAt(bytes: Uint8Array, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = (bytes[from + i] as number) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}
