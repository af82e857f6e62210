/**
 * The local console: answers each line typed like the bot would, until end of input, reading a
 * follow-up with the question before it as a Slack thread does.
 *
 * @example
 * await runConsole({ engine, input: process.stdin, output: process.stdout, intro: 'hello' });
 */
import { createInterface } from 'node:readline';
import type { Engine } from './answer/engine.js';
import { renderTerminal } from './render/terminal.js';

export interface ConsoleOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  intro?: string;
  width?: number;
  /** Seed for tips: the day number gives a tip of the day that changes daily. */
  tipSeed?: number;
}

/** Resolves when the input ends. */
export function runConsole({ engine, input, output, intro, width, tipSeed = 0 }: ConsoleOptions): Promise<void> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (intro) output.write(`${intro}\n`);
  let asked = 0;
  // The console is one conversation: a follow-up ("and for async?") is read with the question before it.
  let previous: string | undefined;
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('pystack> ');
  prompt();
  let closed = false;
  rl.on('line', (line) => {
    if (closed) return;
    const text = line.trim();
    // "q" alone is no question either: it quits too, where it would be read as a follow-up of the last question.
    if (/^(?:exit|quit|q|:q)$/i.test(text)) {
      closed = true;
      return rl.close();
    }
    if (text) {
      const answer = engine.answer(text, { tipSeed: tipSeed + asked++, previous });
      if (answer.intent !== 'thanks' && answer.intent !== 'help') previous = answer.asked ?? text;
      output.write(`${renderTerminal(answer, { width })}\n`);
    }
    prompt();
  });
  return new Promise((done) => rl.on('close', () => done()));
}
