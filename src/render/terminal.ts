/**
 * Renders an Answer as plain text for a terminal: a title, wrapped paragraphs, numbered lists,
 * comparison tables and the sources at the end. No colour codes, so it pipes cleanly.
 *
 * @example
 * process.stdout.write(renderTerminal(answer, { width: 100 }));
 */
import type { Answer, Section } from '../answer/types.js';

/** Wraps text to lines of at most `width` characters (long words are cut). */
export function wrap(text: string, maxWidth: number): string[] {
  const width = Math.max(1, Math.floor(maxWidth) || 1);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length;) {
      const piece = w.length > width ? w.slice(0, width) : w;
      w = w.slice(piece.length);
      if (line && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function indentWrap(prefix: string, text: string, width: number): string[] {
  const pad = ' '.repeat(prefix.length);
  return wrap(text, Math.max(10, width - prefix.length)).map((l, i) => (i ? pad : prefix) + l);
}

function table(columns: string[], rows: { label: string; values: string[] }[], width: number): string[] {
  const labelW = Math.min(18, Math.max(...rows.map((r) => r.label.length), 5));
  const longest = Math.max(0, ...columns.map((c) => c.length));
  const colW = Math.max(
    12,
    Math.min(longest, 24),
    Math.floor((width - labelW - 3 * columns.length) / Math.max(1, columns.length)),
  );
  const cells = (label: string, values: string[]) => {
    const wrapped = [wrap(label, labelW), ...values.map((v) => wrap(v, colW))];
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, i) =>
      wrapped
        .map((w, c) => (w[i] ?? '').padEnd(c ? colW : labelW))
        .join(' | ')
        .trimEnd(),
    );
  };
  const head = cells('', columns);
  const rule = '-'.repeat(Math.min(width, labelW + (colW + 3) * columns.length));
  return [...head, rule, ...rows.flatMap((r) => [...cells(r.label, r.values), ''])];
}

function section(s: Section, width: number): string[] {
  switch (s.type) {
    case 'text':
      return [...wrap(s.text, width), ''];
    case 'facts':
      return [...s.facts.flatMap((f) => indentWrap(`${f.label}: `, f.value, width)), ''];
    case 'list':
      return [
        ...(s.title ? [`${s.title}:`] : []),
        ...s.items.flatMap((it, i) => indentWrap(s.ordered ? `${String(i + 1).padStart(2)}. ` : '  - ', it, width)),
        '',
      ];
    case 'table':
      return table(s.columns, s.rows, width);
    case 'picks':
      return [
        ...(s.title ? [`${s.title}:`] : []),
        ...s.picks.flatMap((p, i) =>
          indentWrap(`${String(i + 1).padStart(2)}. `, p.reason ? `${p.name}: ${p.reason}` : p.name, width),
        ),
        '',
      ];
    case 'note':
      return [...indentWrap('> ', s.text, width), ''];
  }
}

function body(a: Answer, w: number): string[] {
  const hints = (a.hints ?? []).slice(0, 3).map((h) => `pystack ask "${h.command}"`);
  return [
    a.title,
    '='.repeat(Math.min(w, a.title.length)),
    '',
    ...a.sections.flatMap((s) => section(s, w)),
    ...(hints.length ? [...indentWrap('Try: ', hints.join(' · '), w), ''] : []),
  ];
}

/** The answer (and a second one for a two-question message) as terminal text, ending with a newline. */
export function renderTerminal(a: Answer, { width = 100 }: { width?: number } = {}): string {
  const w = Math.max(40, Math.min(width, 160));
  const lines = [...body(a, w), ...(a.also ? ['', ...body(a.also, w)] : [])];
  const sources = [...a.sources, ...(a.also?.sources ?? []).filter((s) => !a.sources.some((x) => x.id === s.id))];
  if (sources.length)
    lines.push(
      ...indentWrap('Sources: ', sources.map((s) => (s.url ? `${s.title} (${s.url})` : s.title)).join('; '), w),
    );
  if (a.version) lines.push(`Knowledge ${a.version.hash}${a.version.date ? `, changed ${a.version.date}` : ''}`);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
