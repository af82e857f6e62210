/**
 * The first-DM welcome: what pystack is, in two lines, and three example questions as buttons
 * that ask them.
 *
 * @example
 * await client.chat.postMessage({ channel, ...welcomeMessage(helpExamples().slice(0, 3)) });
 */
import { ACTIONS, encodeValue } from './actions.js';
import type { SlackMessage } from './blocks.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

export function welcomeMessage(examples: { command: string; what: string }[]): SlackMessage {
  const text =
    "Hi! I'm pystack. Ask me about Python frameworks, libraries and tools: comparisons, what to use for a need, checklists and role stacks. Every answer cites its source.";
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Type a question here, use `/pystack` anywhere, or try one of these:' }],
      },
      {
        type: 'actions',
        block_id: 'pystack_welcome',
        elements: examples.slice(0, 3).map((e, i) => ({
          type: 'button',
          text: { type: 'plain_text', text: clip(e.command, 75), emoji: true },
          action_id: `${ACTIONS.ask}_${i}`,
          value: encodeValue({ q: e.command }),
        })),
      },
    ],
  };
}
