/**
 * `/pystack <text>`: answered in the acknowledgement itself (well within Slack's 3 s), as an
 * ephemeral message with Share and feedback buttons.
 */
import type { App } from '@slack/bolt';
import { isShareable } from '../../answer/intents.js';
import { withActions } from '../../render/actions.js';
import { renderBlocks } from '../../render/blocks.js';
import { type SlackContext, slackMessage, subjectIds } from '../context.js';

export function registerCommands(app: App, { engine, log, today }: SlackContext): void {
  app.command(/^\/pystack/, async ({ command, ack }) => {
    const t0 = performance.now();
    const answer = engine.answer(command.text ?? '', { tipSeed: today() });
    const ms = performance.now() - t0;
    const msg = withActions(renderBlocks(answer), answer, {
      question: command.text ?? '',
      share: isShareable(answer.intent),
    });
    await ack({ response_type: 'ephemeral', ...slackMessage(msg) });
    log.info(
      {
        door: 'command',
        intent: answer.intent,
        subjects: subjectIds(answer),
        ms: Number(ms.toFixed(3)),
        team: command.team_id,
      },
      'answered',
    );
  });
}
