/**
 * Whether a word is an English word, from the `word-list` package (274,000 words). It tells an
 * everyday word ("marathon") from a name the knowledge does not have ("gunicorn", "mlflow"), so
 * a question about an unknown tool is answered honestly.
 *
 * `npm run build` writes the list sorted next to the index, with where each word starts; a lookup
 * is a binary search over that one string, so loading costs a file read, no scan and no per-word objects. Without the built file the
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

/** Where each word of a newline-joined list starts. */
function startsOf(text: string): Uint32Array {
  let n = text ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const out = new Uint32Array(n);
  for (let k = 1, i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out[k++] = i + 1;
  return out;
}

/**
 * Writes the sorted list for start-up to read (called by `npm run build`): the word count, where
 * each word starts, then the words (ASCII) joined by newlines, so loading scans nothing.
 */
export function writeEnglish(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const text = sortedWords();
  const at = startsOf(text);
  const count = Buffer.alloc(4);
  count.writeUInt32LE(at.length);
  const index = Buffer.from(at.buffer, at.byteOffset, at.byteLength);
  writeFileSync(file, Buffer.concat([count, index, Buffer.from(text, 'latin1')]));
}

/** The list the build wrote, or undefined when it is missing or not one. */
function readBuilt(file: string): { text: string; at: Uint32Array } | undefined {
  if (!existsSync(file)) return undefined;
  const buf = readFileSync(file);
  if (buf.length < 4) return undefined;
  const n = buf.readUInt32LE(0);
  const textAt = 4 + 4 * n;
  if (textAt > buf.length) return undefined;
  const bytes = (buf.byteOffset + 4) % 4 === 0 ? buf : Buffer.from(Uint8Array.from(buf).buffer);
  return { text: bytes.toString('latin1', textAt), at: new Uint32Array(bytes.buffer, bytes.byteOffset + 4, n) };
}

function load(file: string | undefined): void {
  try {
    const built = file ? readBuilt(file) : undefined;
    words = built?.text ?? sortedWords();
    starts = built?.at ?? startsOf(words);
  } catch {
    words = '';
    starts = new Uint32Array(0);
  }
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
