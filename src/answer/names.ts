/**
 * Finds knowledge entries by what people call them: ids, names and aliases, ignoring case and
 * punctuation, with one-edit typos accepted for names of four or more characters.
 *
 * @example
 * const names = new NameIndex(kb);
 * names.resolve('djnago')?.id // 'django'
 */
import { normKey } from '../knowledge/load.js';
import { type Entry, entryKeys, type Knowledge } from '../knowledge/model.js';
import { isOneEdit, NearWords } from '../knowledge/near.js';

/** Damerau-Levenshtein distance capped at 2 (returns 2 for "two or more"). */
export function editDistance(a: string, b: string): number {
  return a === b ? 0 : isOneEdit(a, b) ? 1 : 2;
}

export class NameIndex {
  private readonly near: NearWords;
  /** Names by length with how often each holds every symbol, for suggestions. */
  private readonly byLength = new Map<number, { keys: string[]; letters: Int32Array; counts: Uint8Array }>();

  /** Names by how they sound (see `soundKey`), for slips of more than one edit ("playwrite"); ambiguous keys dropped. */
  private readonly sounds = new Map<string, string | null>();

  constructor(private readonly kb: Knowledge) {
    this.near = new NearWords([...kb.names.keys()].filter((k) => k.length >= 4));
    for (const [key, id] of kb.names) {
      if (key.length < MIN_SOUNDED) continue;
      const sound = soundKey(key);
      const had = this.sounds.get(sound);
      this.sounds.set(sound, had === undefined || had === id ? id : null);
    }
    const grouped = new Map<number, string[]>();
    for (const key of kb.names.keys()) {
      const list = grouped.get(key.length);
      if (list) list.push(key);
      else grouped.set(key.length, [key]);
    }
    for (const [length, keys] of grouped) {
      const counts = new Uint8Array(keys.length * SYMBOLS);
      keys.forEach((key, i) => countSymbols(key, counts, i * SYMBOLS));
      this.byLength.set(length, { keys, letters: Int32Array.from(keys, letters), counts });
    }
  }

  /** The entry a whole phrase names exactly (case and punctuation ignored). */
  exact(phrase: string): Entry | undefined {
    const id = this.kb.names.get(normKey(phrase));
    return id ? this.kb.entries.get(id) : undefined;
  }

  /** Entries one edit away from the phrase; empty for short phrases. */
  nearby(phrase: string): Entry[] {
    const key = normKey(phrase);
    if (key.length < 4) return [];
    const ids = new Set(this.near.near(key).map((cand) => this.kb.names.get(cand) as string));
    return [...ids].map((id) => this.kb.entries.get(id) as Entry);
  }

  /**
   * Exact match, else the entry one edit away. When several are, the likeliest slip wins:
   * a dropped letter, then swapped letters, then a wrong letter, then an extra letter.
   */
  resolve(phrase: string): { entry: Entry; typo: boolean } | undefined {
    const entry = this.exact(phrase);
    if (entry) return { entry, typo: false };
    const key = normKey(phrase);
    const near = this.nearby(phrase)
      .map((e) => ({ e, rank: Math.min(...entryKeys(e).map((k) => slipRank(key, normKey(k)))) }))
      .sort((a, b) => a.rank - b.rank);
    const [best, next] = near;
    if (best) return !next || next.rank > best.rank ? { entry: best.e, typo: true } : undefined;
    const sounded = key.length >= MIN_SOUNDED ? this.sounds.get(soundKey(key)) : undefined;
    return sounded ? { entry: this.kb.entries.get(sounded) as Entry, typo: true } : undefined;
  }

  /** Names closest to the phrase, for "did you mean". */
  suggest(phrase: string, limit = 3): Entry[] {
    const key = normKey(phrase);
    if (!key || key.length > 30 || phrase.trim().split(/\s+/).length > 2) return [];
    const max = Math.max(1, Math.floor(key.length / 3));
    const scored: { id: string; d: number }[] = [];
    // Names more than max + 1 edits away are too far even with the prefix bonus: so are names
    // that many letters longer or shorter, and names missing that many of the letters typed
    // (or holding that many the typed text lacks, counted with repeats), each of which takes an edit of its own.
    const typedLetters = letters(key);
    const typed = new Uint8Array(SYMBOLS);
    countSymbols(key, typed, 0);
    const symbols = [...typed.keys()].filter((sym) => typed[sym]);
    for (let len = Math.max(1, key.length - max - 1); len <= key.length + max + 1; len++) {
      const group = this.byLength.get(len);
      if (!group) continue;
      for (let i = 0; i < group.keys.length; i++) {
        // The letters each lacks of the other first (one step), then with repeats counted.
        const has = group.letters[i] as number;
        if (bits(typedLetters & ~has) > max + 1 || bits(has & ~typedLetters) > max + 1) continue;
        if (apart(typed, symbols, key.length, group.counts, i * SYMBOLS, len) > max + 1) continue;
        const cand = group.keys[i] as string;
        const d = distance(key, cand, max + 1);
        const bonus = cand.startsWith(key) || key.startsWith(cand) ? -1 : 0;
        if (d + bonus <= max) scored.push({ id: this.kb.names.get(cand) as string, d: d + bonus });
      }
    }
    scored.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
    return [...new Set(scored.map((s) => s.id))].slice(0, limit).map((id) => this.kb.entries.get(id) as Entry);
  }
}

/** Shortest name (and typed word) matched by how it sounds. */
const MIN_SOUNDED = 6;

/**
 * How a name sounds, roughly: "ght" as "t", "ph" as "f", "ck" as "k", "y" as "i" and a final "e" dropped, so
 * "playwrite" and "playwright" read alike. (Not doubled letters: "djangooo" is a near miss to ask about.)
 */
export function soundKey(key: string): string {
  return key.replace(/ght/g, 't').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/y/g, 'i').replace(/e$/, '');
}

/** How likely a one-edit slip from `name` to `typed` is: 0 dropped letter, 1 swap, 2 wrong letter, 3 extra letter. */
export function slipRank(typed: string, name: string): number {
  if (editDistance(typed, name) !== 1) return 9;
  if (typed.length < name.length) return 0;
  if (typed.length > name.length) return 3;
  const diff = [...typed].filter((c, i) => c !== name[i]).length;
  return diff === 2 ? 1 : 2;
}

/** The set of characters in a normalised key, as bits: a-z one each, digits sharing five. */
function letters(key: string): number {
  let set = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    set |= 1 << (c >= 97 ? c - 97 : 26 + ((c - 48) % 5));
  }
  return set;
}

/** How many bits are set. */
function bits(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v; v &= v - 1) count++;
  return count;
}

/** Symbols counted per name: a-z, 0-9, and one for anything else. */
const SYMBOLS = 37;

/** Adds how often the key holds each symbol into counts[at …]. */
function countSymbols(key: string, counts: Uint8Array, at: number): void {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const s = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + c - 48 : 36;
    counts[at + s] = Math.min(255, (counts[at + s] as number) + 1);
  }
}

/**
 * A lower bound on the edit distance between two keys from their symbol counts: each symbol one
 * holds more often than the other takes an edit of its own. What they share is counted over the
 * typed key's symbols only; the rest of each length is what the other lacks.
 */
function apart(
  typed: Uint8Array,
  symbols: readonly number[],
  typedLength: number,
  counts: Uint8Array,
  at: number,
  length: number,
): number {
  let shared = 0;
  for (const s of symbols) {
    const a = typed[s] as number;
    const b = counts[at + s] as number;
    shared += a < b ? a : b;
  }
  const more = typedLength - shared;
  const fewer = length - shared;
  return more > fewer ? more : fewer;
}

/** Two reusable rows for `distance`, grown on demand. */
let rows = [new Int32Array(64), new Int32Array(64)] as const;

/** Levenshtein distance, used only for suggestions; gives up (99) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return 99;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1),
      );
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return 99;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}
