/**
 * The compact card a PyPI link unfurls into: name and summary, what it is for, and its source.
 * An unfurl shows under someone else's message, so it stays small: four blocks at most.
 *
 * @example
 * await client.chat.unfurl({ channel, ts, unfurls: { [url]: { blocks: unfurlCard(kb, httpx) } } });
 */
import type { Knowledge, PackageEntry } from '../knowledge/model.js';
import type { Block } from './blocks.js';
import { bold, clip, escapeMrkdwn, link } from './mrkdwn.js';

export const UNFURL_BLOCKS = 4;

export function unfurlCard(kb: Knowledge, p: PackageEntry): Block[] {
  const uses = p.use_cases.slice(0, 4).map(escapeMrkdwn).join(' · ');
  const sources = p.sources
    .map((id) => kb.sources.get(id))
    .flatMap((s) => (s ? [s.url ? link(s.url, s.title) : escapeMrkdwn(s.title)] : []));
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`${bold(escapeMrkdwn(p.name))} (${escapeMrkdwn(p.category)})\n${escapeMrkdwn(p.summary)}`, 3000),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${bold('Good for')}: ${uses}`, 3000) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: clip(`:books: ${sources.join(' · ') || 'pystack knowledge'} · \`/pystack lib ${p.id}\` for more`, 3000),
        },
      ],
    },
  ].slice(0, UNFURL_BLOCKS);
}
