/**
 * `/pystack <text>`: answered in the acknowledgement itself (well within Slack's 3 s), as an
 * ephemeral message with Share, feedback and "Wrong or outdated?".
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import type { Routes } from '../routes.js';
import { answered, compose } from '../reply.js';

export const onCommand =
  (ctx: SlackContext) =>
  async ({ command, ack }: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack'> & Partial<AllMiddlewareArgs>) => {
    const r = compose(ctx, { question: command.text ?? '', door: 'command', shareable: true });
    await ack({ response_type: 'ephemeral', ...r.message });
    answered(ctx, r, { door: 'command', team: command.team_id });
  };

export function registerCommands(routes: Routes, ctx: SlackContext): void {
  routes.command(/^\/pystack/, onCommand(ctx));
}
