/**
 * The best k of n positions by an order, in one pass: a k-long list kept sorted, a position that
 * cannot enter it skipped before its filter runs. For rankings read a few at a time (the query
 * evaluator's hits, the entry ranker's entries), where sorting everything would cost the most.
 *
 * @example
 * bestOf(4, 2, (i, j) => scores[i] > scores[j], () => true) // the two best positions, best first
 */
export function bestOf(
  n: number,
  k: number,
  before: (i: number, j: number) => boolean,
  accept: (i: number) => boolean,
): number[] {
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (best.length >= k && !before(i, best[best.length - 1] as number)) continue;
    if (!accept(i)) continue;
    let p = best.length;
    while (p > 0 && before(i, best[p - 1] as number)) p--;
    best.splice(p, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}
