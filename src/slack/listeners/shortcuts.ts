/**
 * The message shortcut "Ask pystack" (`callback_id: ask_pystack`): on any message, answers that
 * message's text in its thread, visible only to the person who clicked, with Share.
 */
import type { WebClient } from '@slack/web-api';
import type { SlackContext } from '../context.js';
import { answered, compose } from '../reply.js';
import type { Routes } from '../routes.js';

export const SHORTCUT = 'ask_pystack';

interface ShortcutArgs {
  ack: () => Promise<void>;
  shortcut: {
    channel?: { id?: string };
    user: { id: string };
    message?: { text?: unknown; ts?: string; thread_ts?: string };
    message_ts?: string;
  };
  client: WebClient;
}

export const onAskShortcut =
  (ctx: SlackContext) =>
  async ({ ack, shortcut, client }: ShortcutArgs) => {
    await ack();
    const channel = shortcut.channel?.id;
    if (!channel) return;
    const text = typeof shortcut.message?.text === 'string' ? shortcut.message.text : '';
    const thread = shortcut.message?.thread_ts ?? shortcut.message?.ts ?? shortcut.message_ts;
    const r = compose(ctx, { question: text, door: 'shortcut', shareable: true });
    try {
      await ctx.pacer.send(channel, () =>
        client.chat.postEphemeral({ channel, user: shortcut.user.id, thread_ts: thread, ...r.message }),
      );
      answered(ctx, r, { door: 'shortcut', channel, thread_ts: thread });
    } catch (err) {
      ctx.log.error({ err, door: 'shortcut', channel }, 'answer not delivered');
    }
  };

export function registerShortcuts(routes: Routes, ctx: SlackContext): void {
  routes.shortcut(SHORTCUT, (args: unknown) => onAskShortcut(ctx)(args as ShortcutArgs));
}
