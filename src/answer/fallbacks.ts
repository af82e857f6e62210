/**
 * The answers that are not about one piece of knowledge: help, "I don't know", lists of
 * checklists or stacks, and plain search results.
 *
 * @example
 * unknownAnswer('frobnitz', []).intent // 'unknown'
 */
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import type { Answer, Section } from './types.js';
import { joinAnd, sourcesOf, subject } from './util.js';

export const EXAMPLES: { command: string; what: string }[] = [
  { command: 'compare django fastapi', what: 'side-by-side comparison of 2 to 4 things' },
  { command: 'lib httpx', what: 'a library card: what it is, why people pick it, alternatives' },
  { command: 'find background jobs', what: 'what to use for a need' },
  { command: 'checklist production', what: 'a checklist (production, security, choosing a library...)' },
  { command: 'stack backend', what: 'the stack for a role (backend, automation, data, full-stack)' },
  { command: 'what is idempotency', what: 'a concept or a common question' },
  { command: 'tip', what: 'a short Python stack tip' },
];

/** Usage with examples; `lead` replaces the first line when help answers a malformed request. */
export function helpAnswer(lead?: string): Answer {
  return {
    intent: 'help',
    title: 'pystack: answers about the Python stack',
    subjects: [],
    sections: [
      {
        type: 'text',
        text:
          lead ??
          'Ask me about Python frameworks, libraries, databases, checklists and role stacks. Every answer cites its source article.',
      },
      {
        type: 'list',
        title: 'Commands',
        items: EXAMPLES.map((e) => `/pystack ${e.command}: ${e.what}`),
        ordered: false,
      },
      {
        type: 'note',
        text: 'Plain questions work too: "celery or rq?", "what should I use for html parsing?". Mention @pystack in a thread and it answers there.',
      },
    ],
    sources: [],
  };
}

/** An honest "I don't know" with the nearest names; `offTopic` when nothing in the text was recognised. */
export function unknownAnswer(typed: string, suggestions: Entry[], offTopic = false): Answer {
  const sections: Section[] = [
    {
      type: 'text',
      text: offTopic
        ? `I don't have an answer for "${typed}". I only know the Python stack: frameworks, libraries, databases, tools, checklists and role stacks.`
        : `I don't know "${typed}".`,
    },
  ];
  if (suggestions.length) sections.push({ type: 'text', text: `Did you mean ${joinAnd(suggestions.map(entryName))}?` });
  sections.push({ type: 'note', text: 'Try /pystack help for what I can answer.' });
  return {
    intent: 'unknown',
    title: offTopic ? 'Not something I know' : `I don't know "${typed}"`,
    subjects: [],
    sections,
    sources: [],
  };
}

/** Every checklist or every stack, with the command to open one. */
export function listAnswer(kb: Knowledge, type: 'checklist' | 'stack', entries: Entry[]): Answer {
  return {
    intent: type,
    title: type === 'checklist' ? 'Checklists' : 'Role stacks',
    subjects: entries.map(subject),
    sections: [
      {
        type: 'list',
        items: entries.map((e) => `${entryName(e)}: /pystack ${type} ${e.id}`),
        ordered: false,
      },
    ],
    sources: sourcesOf(kb, entries),
  };
}

/** Search results of mixed kinds when no single answer stands out. */
export function searchListAnswer(kb: Knowledge, text: string, entries: Entry[]): Answer {
  const top = entries.slice(0, 5);
  return {
    intent: 'search',
    title: `Results for "${text}"`,
    subjects: top.map(subject),
    sections: [
      {
        type: 'picks',
        picks: top.map((e) => ({ name: entryName(e), reason: 'summary' in e ? e.summary : '' })),
      },
    ],
    sources: sourcesOf(kb, top),
  };
}
