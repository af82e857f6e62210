/**
 * Whether a word is an English word, from the `word-list` package (274,000 words). It tells an
 * everyday word ("marathon") from a name the knowledge does not have ("gunicorn", "mlflow"), so
 * a question about an unknown tool is answered honestly. Read once, on first use.
 *
 * @example
 * isEnglish('marathon') // true
 * isEnglish('gunicorn') // false
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function isEnglish(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
    } catch {
      words = new Set();
    }
  }
  return words.has(word) || (word.endsWith('s') && words.has(word.slice(0, -1)));
}
