/**
 * `npm start`: the local console when no Slack credentials are set.
 */
import { createEngine } from './answer/engine.js';
import { runConsole } from './console.js';
import { KnowledgeError } from './errors.js';
import { openKnowledge } from './knowledge/open.js';

async function main(): Promise<void> {
  const opened = openKnowledge();
  const engine = createEngine(opened);
  const intro = [
    'pystack local console: no Slack credentials are set (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET).',
    'To connect Slack, copy .env.example to .env and fill them in (see README). Type a question, "help", or Ctrl-D to quit.',
  ].join('\n');
  await runConsole({
    engine,
    input: process.stdin,
    output: process.stdout,
    intro,
    tipSeed: Math.floor(Date.now() / 86_400_000),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`pystack: ${err instanceof KnowledgeError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
});
