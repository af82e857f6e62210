/**
 * The local console: answers each line typed like the bot would, until end of input.
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
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('pystack> ');
  prompt();
  let closed = false;
  rl.on('line', (line) => {
    if (closed) return;
    const text = line.trim();
    if (/^(?:exit|quit|:q)$/i.test(text)) {
      closed = true;
      return rl.close();
    }
    if (text) output.write(`${renderTerminal(engine.answer(text, { tipSeed: tipSeed + asked++ }), { width })}\n`);
    prompt();
  });
  return new Promise((done) => rl.on('close', () => done()));
}
