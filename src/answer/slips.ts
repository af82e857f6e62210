/**
 * Everyday words mistyped ("alternatvies", "reccomend", "makng"): the word a slip was meant to be.
 * One edit away from a known word, or the same word but for doubled letters ("reccomend" and
 * "recommend" both read "recomend" with each double made single), which is the commonest slip of
 * two edits. A short word (four or five letters) is mended only when a letter was dropped ("makng",
 * "queu") or two neighbouring letters swapped ("hitns"): other one-edit slips of short words are too
 * often other words or names. (Four letters and swaps: cross-validated +3, none lost.)
 *
 * @example
 * new Slips(['recommend', 'making']).mend('reccomend') // 'recommend'
 */
import { NearWords } from '../knowledge/near.js';

/** Shortest word read as a slip of an everyday word. */
export const MIN_SLIP = 6;
/** Shortest word read as a slip when it dropped a letter of a longer word, or swapped two. */
export const MIN_DROPPED = 4;

/** Whether two words of one length differ only by two neighbouring letters swapped ("hitns", "hints"). */
function swapped(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const single = (w: string) => w.replace(/([a-z])\1+/g, '$1');

export class Slips {
  private readonly near: NearWords;
  /** A word with its doubles made single, to the first such word of the list. */
  private readonly singles = new Map<string, string>();

  constructor(words: Iterable<string>) {
    const list = [...words];
    this.near = new NearWords(list);
    for (const w of list) if (w.length >= MIN_SLIP && !this.singles.has(single(w))) this.singles.set(single(w), w);
  }

  /** The everyday word `word` slipped from, if one. */
  mend(word: string): string | undefined {
    if (word.length < MIN_DROPPED) return undefined;
    if (word.length < MIN_SLIP)
      return this.near
        .near(word)
        .find((w) => w.length === word.length + 1 || (w.length === word.length && swapped(w, word)));
    const meant = this.near.near(word)[0] ?? this.singles.get(single(word));
    return meant === word ? undefined : meant;
  }
}
