/**
 * Renders an Answer as a Slack message: Block Kit blocks plus a fallback `text`. Every Slack
 * limit lives here: at most 50 blocks, section text 3000, 10 fields of 2000, header 150, and for
 * the native table block (a comparison): one table per message, at most 100 rows of at most 20
 * cells, every cell non-empty, 10,000 characters of cell text in all. A second table in the same
 * message falls back to fields; the `text` fallback always names what is compared.
 *
 * @example
 * const { text, blocks } = renderBlocks(answer);
 * await client.chat.postMessage({ channel, text, blocks });
 */
import type { Answer, Section } from '../answer/types.js';
import { bold, clip, escapeMrkdwn, link } from './mrkdwn.js';

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  /** Slack shows one table block per message (a second one is refused). */
  tablesPerMessage: 1,
  tableRows: 100,
  tableCells: 20,
  /** All cell text of one table together. */
  tableText: 10_000,
  /** One cell, so that no single value crowds out the rest. */
  tableCell: 500,
  contextActions: 5,
  buttonText: 75,
  buttonValue: 2000,
} as const;
/** Blocks an answer may use, leaving room for a door's buttons and notes. */
export const ANSWER_BLOCKS = 44;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Block Kit JSON is open-ended
export type Block = Record<string, any>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

/** Splits lines into section texts of at most 3000 characters. */
function sectionsFromLines(lines: string[]): Block[] {
  const out: Block[] = [];
  let buf = '';
  for (const raw of lines) {
    const line = clip(raw, LIMITS.sectionText);
    if (buf && buf.length + 1 + line.length > LIMITS.sectionText) {
      out.push({ type: 'section', text: mrkdwn(buf) });
      buf = '';
    }
    buf = buf ? `${buf}\n${line}` : line;
  }
  if (buf) out.push({ type: 'section', text: mrkdwn(buf) });
  return out;
}

function fieldSections(fields: string[], text?: string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fields) {
    const block: Block = {
      type: 'section',
      fields: fields.slice(i, i + LIMITS.fields).map((f) => mrkdwn(clip(f, LIMITS.fieldText))),
    };
    if (text && i === 0) block.text = mrkdwn(clip(text, LIMITS.sectionText));
    out.push(block);
  }
  return out;
}

type TableSection = Extract<Section, { type: 'table' }>;
/** Raw text is never read as markup, but nothing that looks like a mention may leave us either. */
const cell = (text: string) => ({ type: 'raw_text', text: text.replace(/</g, '‹').replace(/>/g, '›').trim() || '—' });

/**
 * A comparison as Slack's table block: the compared names as the header row, one row per
 * attribute. Raw text, so nothing in it is read as mrkdwn (no escaping needed, no pings).
 */
export function tableBlock(s: TableSection): Block {
  const width = Math.min(LIMITS.tableCells, s.columns.length + 1);
  const rows = [['Compared', ...s.columns], ...s.rows.map((r) => [r.label, ...r.values])]
    .slice(0, LIMITS.tableRows)
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const cells = rows.length * width;
  // Share the table's text budget out evenly, so a long value is cut rather than the table refused.
  const perCell = Math.min(LIMITS.tableCell, Math.floor(LIMITS.tableText / cells));
  return {
    type: 'table',
    column_settings: Array.from({ length: width }, () => ({ is_wrapped: true })),
    rows: rows.map((r) => r.map((t) => cell(clip(t, perCell)))),
  };
}

/** How many table blocks the message being rendered may still use. */
type TableBudget = { left: number };

function sectionBlocks(s: Section, tables: TableBudget): Block[] {
  switch (s.type) {
    case 'text':
      return sectionsFromLines([escapeMrkdwn(s.text)]);
    case 'facts':
      return fieldSections(s.facts.map((f) => `${bold(escapeMrkdwn(f.label))}\n${escapeMrkdwn(f.value)}`));
    case 'list': {
      const items = s.items.map((it, i) => `${s.ordered ? `${i + 1}.` : '•'} ${escapeMrkdwn(it)}`);
      return sectionsFromLines(s.title ? [bold(escapeMrkdwn(s.title)), ...items] : items);
    }
    case 'table':
      if (tables.left > 0) {
        tables.left--;
        return [tableBlock(s)];
      }
      return s.rows.flatMap((r) =>
        fieldSections(
          r.values.map((v, i) => `${bold(escapeMrkdwn(s.columns[i] ?? ''))}\n${escapeMrkdwn(v)}`),
          bold(escapeMrkdwn(r.label)),
        ),
      );
    case 'picks': {
      const lines = s.picks.map(
        (p, i) => `${i + 1}. ${bold(escapeMrkdwn(p.name))}${p.reason ? `: ${escapeMrkdwn(p.reason)}` : ''}`,
      );
      return sectionsFromLines(s.title ? [bold(escapeMrkdwn(s.title)), ...lines] : lines);
    }
    case 'note':
      return s.text ? [{ type: 'context', elements: [mrkdwn(clip(escapeMrkdwn(s.text), LIMITS.sectionText))] }] : [];
  }
}

/** The plain fallback text: title and the first lines of content, escaped. */
function fallbackText(a: Answer): string {
  const first = a.sections.find((s) => s.type === 'text');
  const subjects = a.subjects.length > 1 ? ` (${a.subjects.map((s) => s.name).join(', ')})` : '';
  const body = first?.type === 'text' ? `: ${first.text}` : subjects;
  return clip(escapeMrkdwn(`${a.title}${body}`), LIMITS.sectionText);
}

/** The footer's version part: "Knowledge 1a2b3c4d, changed 2026-11-30". */
export function versionText(a: Answer): string | undefined {
  if (!a.version) return undefined;
  return `Knowledge ${escapeMrkdwn(a.version.hash)}${a.version.date ? `, changed ${a.version.date}` : ''}`;
}

/** The footer: "Sources: A · B" (linked where the source has a URL), then the knowledge's version. */
export function sourcesBlock(a: Answer): Block | undefined {
  const version = versionText(a);
  const elements: Block[] = [];
  if (a.sources.length) {
    const parts = a.sources.map((s) => (s.url ? link(s.url, s.title) : escapeMrkdwn(s.title)));
    // Whole sources only, so a cut never leaves half a link.
    const line = (n: number) => `:books: Sources: ${parts.slice(0, n).join(' · ')}${n < parts.length ? ' …' : ''}`;
    let n = parts.length;
    while (n > 1 && line(n).length > LIMITS.sectionText) n--;
    elements.push(mrkdwn(clip(line(n), LIMITS.sectionText)));
  }
  if (version) elements.push(mrkdwn(version));
  return elements.length ? { type: 'context', elements } : undefined;
}

/** At most this many hints are shown under an answer. */
const MAX_HINTS = 3;

/** The hints as Slack commands: "Try: `/pystack compare a b` · …". */
export function hintsBlock(a: Answer): Block | undefined {
  const hints = (a.hints ?? []).slice(0, MAX_HINTS);
  if (!hints.length) return undefined;
  const text = `Try: ${hints.map((h) => `\`/pystack ${escapeMrkdwn(clip(h.command, 200)).replace(/`/g, "'")}\``).join(' · ')}`;
  return { type: 'context', elements: [mrkdwn(clip(text, LIMITS.sectionText))] };
}

function answerBody(a: Answer, tables: TableBudget): Block[] {
  const header: Block = {
    type: 'header',
    text: { type: 'plain_text', text: clip(a.title.replace(/\s+/g, ' '), LIMITS.header), emoji: true },
  };
  const hints = hintsBlock(a);
  return [header, ...a.sections.flatMap((s) => sectionBlocks(s, tables)), ...(hints ? [hints] : [])];
}

/** Renders the answer (and a second one for a two-question message) within Block Kit limits, keeping the sources line last. */
export function renderBlocks(a: Answer, maxBlocks: number = ANSWER_BLOCKS): SlackMessage {
  const tables: TableBudget = { left: LIMITS.tablesPerMessage };
  const sourcesOfBoth: Answer = a.also
    ? { ...a, sources: [...a.sources, ...a.also.sources.filter((s) => !a.sources.some((x) => x.id === s.id))] }
    : a;
  const sources = sourcesBlock(sourcesOfBoth);
  const room = maxBlocks - (sources ? 1 : 0);
  const first = answerBody(a, tables);
  const second = a.also ? [{ type: 'divider' }, ...answerBody(a.also, tables)] : [];
  // Two answers share the room: the first keeps at least half of it.
  const firstRoom = Math.min(first.length, Math.max(Math.floor(room / 2), room - second.length));
  const blocks = second.length ? [...fit(first, firstRoom), ...fit(second, room - firstRoom)] : fit(first, room);
  if (sources) blocks.push(sources);
  return { text: fallbackText(a), blocks };
}

/** Cuts blocks to `room`, saying so in the last one. */
function fit(blocks: Block[], room: number): Block[] {
  if (blocks.length <= room) return blocks;
  return [
    ...blocks.slice(0, room - 1),
    { type: 'context', elements: [mrkdwn('Trimmed to fit a Slack message; ask about one item for more.')] },
  ];
}
