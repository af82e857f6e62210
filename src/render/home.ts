/**
 * The App Home tab as a front door: browse by need (every category of the knowledge, each a
 * button that answers), "Compare…" (a modal with typeahead over every package), the commands,
 * and what the knowledge holds with its version. Admins also see the maintainers' view: the most
 * asked unanswered questions, the most down-voted answers and recent corrections (30 days).
 * Home allows 100 blocks; this stays well under.
 *
 * @example
 * await client.views.publish({ user_id, view: homeView(knowledgeStats(kb), { admin: report }) });
 */
import { helpExamples } from '../answer/intents.js';
import type { Knowledge } from '../knowledge/model.js';
import type { Report } from '../report.js';
import { ACTIONS, encodeValue } from './actions.js';
import type { Block } from './blocks.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

export interface KnowledgeStats {
  packages: number;
  frameworks: number;
  databases: number;
  checklists: number;
  stacks: number;
  concepts: number;
  tips: number;
  sources: { title: string; url?: string }[];
  /** Categories of packages, in the knowledge's order. */
  categories: string[];
  /** A short content hash of the knowledge. */
  version: string;
}

export function knowledgeStats(kb: Knowledge): KnowledgeStats {
  return {
    packages: kb.packages.length,
    frameworks: kb.packages.filter((p) => p.kind === 'framework').length,
    databases: kb.packages.filter((p) => p.kind === 'database').length,
    checklists: kb.checklists.length,
    stacks: kb.stacks.length,
    concepts: kb.concepts.length,
    tips: kb.tips.length,
    sources: [...kb.sources.values()].map((s) => ({ title: s.title, url: s.url })),
    categories: [...new Set(kb.packages.map((p) => p.category))],
    version: kb.digest.slice(0, 8),
  };
}

export const HOME_LIMITS = { blocks: 100, actionsElements: 25, options: 100 } as const;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });
const button = (text: string, action_id: string, value?: string): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  action_id,
  ...(value ? { value } : {}),
});

/** Category buttons, 25 to an actions block; each asks for that category's picks. */
function browseBlocks(categories: string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < categories.length; i += HOME_LIMITS.actionsElements) {
    out.push({
      type: 'actions',
      block_id: `pystack_browse_${i / HOME_LIMITS.actionsElements}`,
      elements: categories
        .slice(i, i + HOME_LIMITS.actionsElements)
        .map((c, j) => button(c, `${ACTIONS.ask}_${i + j}`, encodeValue({ q: `find ${c.toLowerCase()}` }))),
    });
  }
  return out;
}

/** The maintainers' view: what people asked that the knowledge could not answer, and what they disliked. */
function adminBlocks(r: Report): Block[] {
  const list = (items: string[], none: string) => (items.length ? items.join('\n') : `_${none}_`);
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: `For maintainers (last ${r.days} days)`, emoji: true } },
    section(
      `*Most asked, not answered*\n${list(
        r.gaps.slice(0, 8).map((g) => `• ${escapeMrkdwn(clip(g.question, 120))} (${g.intent}, ${g.count}×)`),
        'none recorded',
      )}`,
    ),
    section(
      `*Most down-voted answers*\n${list(
        r.votes
          .filter((v) => v.down > 0)
          .slice(0, 8)
          .map((v) => `• ${escapeMrkdwn(v.paths.join(', ') || v.intent)}: ${v.down} :thumbsdown: ${v.up} :thumbsup:`),
        'no down-votes',
      )}`,
    ),
    section(
      `*Recent corrections*\n${list(
        r.corrections
          .slice(0, 5)
          .map((c) => `• ${escapeMrkdwn(c.paths.join(', ') || c.intent)}: ${escapeMrkdwn(clip(c.text, 200))}`),
        'none',
      )}`,
    ),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Weekly: run `pystack report`, fix the knowledge, then `pystack check`.' }],
    },
  ];
}

/** The Home tab view. */
export function homeView(stats: KnowledgeStats, opts: { admin?: Report } = {}): { type: 'home'; blocks: Block[] } {
  const field = (label: string, n: number) => ({ type: 'mrkdwn', text: `*${label}*\n${n}` });
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'pystack: Python stack answers', emoji: true } },
    section(
      'Ask about Python frameworks, libraries, databases and tools, get checklists and role stacks. Answers come from a curated knowledge base, cite their source article, and never leave your workspace.',
    ),
    {
      type: 'actions',
      block_id: 'pystack_home_compare',
      elements: [button('Compare…', ACTIONS.compareOpen)],
    },
    section('*Browse by need*: each button sends you the picks in a DM.'),
    ...browseBlocks(stats.categories),
    { type: 'divider' },
    section('*Commands*'),
    section(
      helpExamples()
        .map((e) => `\`/pystack ${escapeMrkdwn(e.command)}\`: ${escapeMrkdwn(e.what)}`)
        .join('\n'),
    ),
    section(
      'Mention *@pystack* in a thread (e.g. `@pystack celery or rq?`) and it answers in that thread, send it a direct message, or use *Ask pystack* in any message\'s "More actions" menu.',
    ),
    { type: 'divider' },
    section('*What I know*'),
    {
      type: 'section',
      fields: [
        field('Libraries and tools', stats.packages),
        field('Frameworks', stats.frameworks),
        field('Databases', stats.databases),
        field('Checklists', stats.checklists),
        field('Role stacks', stats.stacks),
        field('Concepts and FAQs', stats.concepts),
        field('Tips', stats.tips),
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: clip(
            `Knowledge version ${stats.version} · Sources: ${stats.sources.map((s) => escapeMrkdwn(s.title)).join(' · ')}`,
            3000,
          ),
        },
      ],
    },
    ...(opts.admin ? adminBlocks(opts.admin) : []),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_LIMITS.blocks) };
}

/** Typeahead for the compare picker: packages whose name, id or alias matches, best match first, at most 100. */
export function compareOptions(
  kb: Knowledge,
  query: string,
): { text: { type: 'plain_text'; text: string }; value: string }[] {
  const q = query.trim().toLowerCase();
  const scored = kb.packages.flatMap((p) => {
    const names = [p.name, p.id, ...p.aliases].map((n) => n.toLowerCase());
    const rank = names.some((n) => n === q)
      ? 0
      : names.some((n) => n.startsWith(q))
        ? 1
        : names.some((n) => n.includes(q))
          ? 2
          : -1;
    return rank < 0 ? [] : [{ p, rank }];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.p.name.localeCompare(b.p.name))
    .slice(0, HOME_LIMITS.options)
    .map(({ p }) => ({ text: { type: 'plain_text', text: clip(`${p.name} (${p.category})`, 75) }, value: p.id }));
}
