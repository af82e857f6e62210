/**
 * The answers about the bot itself: help, a reply to thanks, and an honest "I don't know" that
 * names what it did not recognise.
 *
 * @example
 * unknownAnswer({ unrecognised: ['kotlin'], suggestions: [] }).intent // 'unknown'
 */
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName, knowledgeVersion } from '../knowledge/model.js';
import { helpExamples } from './intents.js';
import type { Answer } from './types.js';
import { joinAnd } from './util.js';

/** Usage with examples; `lead` replaces the first line when help answers a malformed request. */
export function helpAnswer(lead?: string): Answer {
  const examples = helpExamples();
  return {
    intent: 'help',
    title: 'pystack: answers about the Python stack',
    subjects: [],
    sections: [
      {
        type: 'text',
        text:
          lead ??
          'Ask me about Python frameworks, libraries, databases, checklists and role stacks, in plain words. Every answer cites its source article.',
      },
      { type: 'list', title: 'Things to try', items: examples.map((e) => e.what), ordered: false },
      {
        type: 'note',
        text: 'Plain questions work too: "celery or rq for a side project?", "alternatives to flask", "an ORM that works with async". In a thread, follow up with "and for async?".',
      },
    ],
    sources: [],
    hints: examples.map((e) => ({ label: e.what, command: e.command })),
  };
}

/** A one-line reply to thanks or a greeting. */
export function thanksAnswer(): Answer {
  return {
    intent: 'thanks',
    title: 'Happy to help',
    subjects: [],
    sections: [{ type: 'text', text: 'Any time. Ask me about any part of the Python stack.' }],
    sources: [],
  };
}

export interface UnknownOptions {
  /** Names in the question that the knowledge does not have. */
  unrecognised?: string[];
  /** Entries whose names are close to what was typed (at most 3 are shown). */
  suggestions?: Entry[];
  /** A follow-up with no earlier question to read it with. */
  orphan?: boolean;
  /** The names are all Python packages the knowledge does not cover ("huey", "polars"), not another stack's. */
  uncovered?: boolean;
}

const MAX_SUGGESTIONS = 3;

/** What an "I don't know" says: a follow-up with no thread, Python packages not covered, or names outside the stack. */
function unknownText(o: UnknownOptions, names: string[]): string {
  if (o.orphan)
    return 'That reads like a follow-up, but I have no earlier question in this thread to go on. Ask it in full, or reply in the thread where you asked me first.';
  const holds = 'Python frameworks, libraries, databases, tools, checklists and role stacks';
  if (names.length && o.uncovered) {
    const many = names.length > 1;
    return `${joinAnd(names)} ${many ? 'are Python packages' : 'is a Python package'} my curated knowledge does not cover, so I won't guess about ${many ? 'them' : 'it'}. I answer about the ${holds} it holds.`;
  }
  return names.length
    ? `I don't know ${joinAnd(names)}: that is outside the Python stack I know (${holds}).`
    : `That is outside the Python stack I know: I answer about ${holds}.`;
}

/** An honest "I don't know", naming what was not recognised, with at most three near suggestions. */
export function unknownAnswer(o: UnknownOptions = {}): Answer {
  const text = unknownText(
    o,
    (o.unrecognised ?? []).map((n) => `"${n}"`),
  );
  // (A package it knows is no suggestion for one it knows it does not cover: scapy is not scrapy.)
  const suggestions = o.uncovered ? [] : (o.suggestions ?? []).slice(0, MAX_SUGGESTIONS);
  const sections: Answer['sections'] = [{ type: 'text', text }];
  if (suggestions.length) sections.push({ type: 'text', text: `Did you mean ${joinAnd(suggestions.map(entryName))}?` });
  return {
    intent: 'unknown',
    title: o.orphan ? 'Which question does this follow?' : 'Not something I know',
    subjects: [],
    sections,
    sources: [],
    ...(o.unrecognised?.length ? { unrecognised: o.unrecognised } : {}),
    hints: [{ label: 'What I can answer', command: 'help' }],
  };
}

/** What the bot knows: its sources, the counts, the knowledge's version, and the team overlay. */
export function aboutAnswer(kb: Knowledge): Answer {
  const v = knowledgeVersion(kb);
  const count = (n: number, what: string) => ({ label: what, value: String(n) });
  const curated = kb.packages.filter((p) => !p.sources.includes('team-standards'));
  const team = kb.team;
  return {
    intent: 'about',
    title: 'About pystack',
    subjects: [],
    sections: [
      {
        type: 'text',
        text: 'Answers come from a curated knowledge base written from the articles below, deterministic and within your workspace.',
      },
      {
        type: 'facts',
        facts: [
          count(curated.length, 'Libraries and tools'),
          count(kb.checklists.length, 'Checklists'),
          count(kb.stacks.length, 'Role stacks'),
          count(kb.concepts.length, 'Concepts and FAQs'),
          count(kb.tips.length, 'Tips'),
          { label: 'Version', value: `${v.hash}${v.date ? `, changed ${v.date}` : ''}` },
        ],
      },
      {
        type: 'list',
        title: 'Sources',
        items: [...kb.sources.values()].filter((s) => s.id !== 'team-standards').map((s) => s.title),
        ordered: false,
      },
      {
        type: 'text',
        text: team
          ? `Team standards: loaded from ${team.files.join(', ')} (${team.standards.size} standards, ${team.packages.length} team packages).`
          : 'Team standards: none loaded (set TEAM_KNOWLEDGE to a YAML file of your own rules and packages).',
      },
    ],
    sources: [],
  };
}
