/**
 * `/pystack <text>`: answered in the acknowledgement itself (well within Slack's 3 s), as an
 * ephemeral message with Share, feedback and "Wrong or outdated?".
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import type { Routes } from '../routes.js';
import { JSON_ACK } from '../receiver.js';
import { answered, compose, type Reply } from '../reply.js';

/** An acknowledgement's JSON text, worked out once per rendered reply (replies are cached, a popular one's text too). */
const texts = new WeakMap<Reply['message'], string>();
function ackText(message: Reply['message']): string {
  let text = texts.get(message);
  if (text === undefined) texts.set(message, (text = JSON.stringify({ response_type: 'ephemeral', ...message })));
  return text;
}

export const onCommand =
  (ctx: SlackContext) =>
  async ({
    command,
    ack,
    context,
  }: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack'> & Partial<AllMiddlewareArgs>) => {
    const r = compose(ctx, { question: command.text ?? '', door: 'command', shareable: true });
    await ack(context?.[JSON_ACK] === true ? ackText(r.message) : { response_type: 'ephemeral', ...r.message });
    answered(ctx, r, { door: 'command', team: command.team_id });
  };

export function registerCommands(routes: Routes, ctx: SlackContext): void {
  routes.command(/^\/pystack/, onCommand(ctx));
}
