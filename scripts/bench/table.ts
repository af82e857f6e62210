/**
 * One benchmark table: printed as Markdown to the terminal and written the same way into
 * BENCHMARKS.md, so what you read after `npm run bench` is what the file holds.
 *
 * @example
 * formatTable({ title: 'Engine', head: ['measure', 'value'], rows: [['p99 (ms)', '0.5']] });
 */
import { performance } from 'node:perf_hooks';

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Lines printed under the table: aims, verdicts, caveats. */
  notes?: string[];
}

export function formatTable({ title, head, rows, notes = [] }: Table): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    `### ${title}`,
    '',
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

/** The value at percentile p (0-100) of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

export const ms = (n: number, digits = 1) => n.toFixed(digits);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
