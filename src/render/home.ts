/**
 * The App Home tab: what pystack does, the commands with examples, and knowledge stats.
 *
 * @example
 * await client.views.publish({ user_id, view: homeView(knowledgeStats(kb)) });
 */
import { helpExamples } from '../answer/intents.js';
import type { Knowledge } from '../knowledge/model.js';
import type { Block } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface KnowledgeStats {
  packages: number;
  frameworks: number;
  databases: number;
  checklists: number;
  stacks: number;
  concepts: number;
  tips: number;
  sources: { title: string; url?: string }[];
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
  };
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** The Home tab view (well under the 100-block limit). */
export function homeView(stats: KnowledgeStats): { type: 'home'; blocks: Block[] } {
  const field = (label: string, n: number) => ({ type: 'mrkdwn', text: `*${label}*\n${n}` });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'pystack: Python stack answers', emoji: true } },
      section(
        'Ask about Python frameworks, libraries, databases and tools, get checklists and role stacks. Answers come from a curated knowledge base, cite their source article, and never leave your workspace.',
      ),
      { type: 'divider' },
      section('*Commands*'),
      ...helpExamples().map((e) => section(`\`/pystack ${escapeMrkdwn(e.command)}\`: ${escapeMrkdwn(e.what)}`)),
      section(
        'Mention *@pystack* in a thread (e.g. `@pystack celery or rq?`) and it answers in that thread, or send it a direct message.',
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
            text: `Sources: ${stats.sources.map((s) => escapeMrkdwn(s.title)).join(' · ')}`.slice(0, 3000),
          },
        ],
      },
    ],
  };
}
