/**
 * Finds the words of a fixed list that are one typo away from a given word, without scanning
 * the whole list: one edit (insert, delete, substitute, swap of neighbours) in a word of three or
 * more letters keeps its first or its last letter, so only words of a neighbouring length that
 * share one of them are compared. Results come shorter first, then in list order, as a scan of
 * the list by length would give them.
 *
 * @example
 * new NearWords(['django', 'flask']).near('djnago') // ['django']
 */

/** True when a and b differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function isOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1 || a === b) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb)
    return (
      sameTail(a, i + 1, b, i + 1) ||
      (i + 1 < la &&
        a.charCodeAt(i) === b.charCodeAt(i + 1) &&
        a.charCodeAt(i + 1) === b.charCodeAt(i) &&
        sameTail(a, i + 2, b, i + 2))
    );
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1);
}

/** `a.slice(i) === b.slice(j)`, without the copies. */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

export class NearWords {
  /** `length:first letter` and `length;last letter` to [position in the list, word]. */
  private readonly buckets = new Map<string, [number, string][]>();

  constructor(words: Iterable<string>) {
    let n = 0;
    for (const w of words) {
      if (w.length < 3) continue;
      const at: [number, string] = [n++, w];
      for (const key of [`${w.length}:${w[0]}`, `${w.length};${w[w.length - 1]}`]) {
        const list = this.buckets.get(key);
        if (list) list.push(at);
        else this.buckets.set(key, [at]);
      }
    }
  }

  /** Words one edit away from `word` (both of three letters or more): shorter first, then in list order. */
  near(word: string): string[] {
    if (word.length < 3) return [];
    const found = new Map<number, string>();
    for (const len of [word.length - 1, word.length, word.length + 1]) {
      for (const key of [`${len}:${word[0]}`, `${len};${word[word.length - 1]}`]) {
        for (const [n, w] of this.buckets.get(key) ?? []) if (!found.has(n) && isOneEdit(word, w)) found.set(n, w);
      }
    }
    return [...found].sort((a, b) => a[1].length - b[1].length || a[0] - b[0]).map(([, w]) => w);
  }
}
