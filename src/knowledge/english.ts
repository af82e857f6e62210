/**
 * Whether a word is an English word, from the `word-list` package (274,000 words). It tells an
 * everyday word ("marathon") from a name the knowledge does not have ("gunicorn", "mlflow"), so
 * a question about an unknown tool is answered honestly.
 *
 * `npm run build` writes the list sorted next to the index; a lookup is a binary search over that
 * one string, so loading costs a file read and no per-word objects. Without the built file the
 * package's own list is read and sorted once.
 *
 * @example
 * isEnglish('marathon') // true
 * isEnglish('gunicorn') // false
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import wordListPath from 'word-list';

let words: string | undefined;
/** Where each word starts in `words`, in sorted order. */
let starts: Uint32Array = new Uint32Array(0);

/** The package's words, sorted by code unit (the order the binary search compares in). */
function sortedWords(): string {
  return readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean).sort().join('\n');
}

/** Writes the sorted list for start-up to read (called by `npm run build`). */
export function writeEnglish(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sortedWords());
}

function load(file: string | undefined): void {
  try {
    words = file && existsSync(file) ? readFileSync(file, 'utf8') : sortedWords();
  } catch {
    words = '';
  }
  let n = words ? 1 : 0;
  for (let i = words.indexOf('\n'); i >= 0; i = words.indexOf('\n', i + 1)) n++;
  starts = new Uint32Array(n);
  for (let k = 1, i = words.indexOf('\n'); i >= 0; i = words.indexOf('\n', i + 1)) starts[k++] = i + 1;
}

function has(word: string): boolean {
  const text = words as string;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const from = starts[mid] as number;
    const end = mid + 1 < starts.length ? (starts[mid + 1] as number) - 1 : text.length;
    const w = text.slice(from, end);
    if (w === word) return true;
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether the word (or the word without a plural s) is English; `file` is the sorted list `npm run build` wrote. */
export function isEnglish(word: string, file?: string): boolean {
  if (words === undefined) load(file);
  return has(word) || (word.endsWith('s') && has(word.slice(0, -1)));
}
