/**
 * Renders an Answer as a Slack message: Block Kit blocks plus a fallback `text`. Every Slack
 * limit lives here: at most 50 blocks, section text 3000, 10 fields of 2000, header 150.
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

function sectionBlocks(s: Section): Block[] {
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

/** The sources line: "Sources: A · B", linked where the source has a URL. */
export function sourcesBlock(a: Answer): Block | undefined {
  if (!a.sources.length) return undefined;
  const parts = a.sources.map((s) => (s.url ? link(s.url, s.title) : escapeMrkdwn(s.title)));
  // Whole sources only, so a cut never leaves half a link.
  const line = (n: number) => `:books: Sources: ${parts.slice(0, n).join(' · ')}${n < parts.length ? ' …' : ''}`;
  let n = parts.length;
  while (n > 1 && line(n).length > LIMITS.sectionText) n--;
  return { type: 'context', elements: [mrkdwn(clip(line(n), LIMITS.sectionText))] };
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

function answerBody(a: Answer): Block[] {
  const header: Block = {
    type: 'header',
    text: { type: 'plain_text', text: clip(a.title.replace(/\s+/g, ' '), LIMITS.header), emoji: true },
  };
  const hints = hintsBlock(a);
  return [header, ...a.sections.flatMap(sectionBlocks), ...(hints ? [hints] : [])];
}

/** Renders the answer (and a second one for a two-question message) within Block Kit limits, keeping the sources line last. */
export function renderBlocks(a: Answer, maxBlocks: number = ANSWER_BLOCKS): SlackMessage {
  const sourcesOfBoth: Answer = a.also
    ? { ...a, sources: [...a.sources, ...a.also.sources.filter((s) => !a.sources.some((x) => x.id === s.id))] }
    : a;
  const sources = sourcesBlock(sourcesOfBoth);
  const room = maxBlocks - (sources ? 1 : 0);
  const first = answerBody(a);
  const second = a.also ? [{ type: 'divider' }, ...answerBody(a.also)] : [];
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
