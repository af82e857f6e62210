/**
 * The yardstick for the HTTP benchmark: the smallest Bolt app that answers `/pystack` with a
 * fixed text, served the same way as pystack (Bolt's HTTP receiver, signature checks on, a
 * /healthz route), so the ratio pystack / bare Bolt shows what our own work costs.
 *
 * Run: PORT=3001 SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=xoxb-... SLACK_API_URL=... node dist/scripts/bench/bare-bolt.js
 */
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  logLevel: LogLevel.ERROR,
  deferInitialization: true,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});

app.command('/pystack', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Django vs FastAPI: a fixed answer.' });
});

await app.init();
await app.start(Number(process.env.PORT ?? 3001));
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
