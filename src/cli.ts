#!/usr/bin/env node
/**
 * The `pystack` command: answers questions in the terminal, validates knowledge, builds the index.
 *
 * @example
 * // pystack ask "django vs flask"
 * // echo "lib httpx" | pystack ask --json --batch
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from './answer/engine.js';
import { dayNumber as today } from './answer/tip.js';
import { formatProblem, PystackError } from './errors.js';
import { checkKnowledge } from './knowledge/load.js';
import { DEFAULT_PATHS, openKnowledge, writeIndex } from './knowledge/open.js';
import { renderJson } from './render/json.js';
import { renderTerminal } from './render/terminal.js';

const USAGE = `Usage: pystack <command> [options]

Commands:
  ask "<question>"      answer one question (--json for JSON, --batch to read one question per line from stdin)
  tip                   print a Python stack tip (--seed N picks one; default: tip of the day)
  console               answer questions typed at a prompt until end of input
  post-tip --channel C  post the next tip of that channel's rotation once (needs Slack credentials)
  check                 validate the knowledge files (--dir DIR) and list every problem; with
                        --team FILE (or TEAM_KNOWLEDGE) the team standards too
  about                 the sources, counts and version of the knowledge, and the team overlay
  report                what people asked that went unanswered, votes and corrections
                        (--days N, default 30; --json); reads STATE_DIR, or Redis with REDIS_URL
  build-index           build the search index from the knowledge (npm run build does this)
  help                  show this help

Examples:
  pystack ask "compare django fastapi"
  pystack ask --json "what should I use for background jobs"
  printf 'lib httpx\\ncelery or rq?\\n' | pystack ask --json --batch`;

function engineFor(): Engine {
  const team = process.env.TEAM_KNOWLEDGE?.trim() || undefined;
  const opened = openKnowledge({ team });
  if (opened.indexNote) process.stderr.write(`pystack: ${opened.indexNote}\n`);
  return createEngine(opened);
}

function printAnswer(engine: Engine, text: string, json: boolean, tipSeed: number): string {
  const answer = engine.answer(text, { tipSeed });
  return json ? JSON.stringify(renderJson(answer)) : renderTerminal(answer, { width: process.stdout.columns || 100 });
}

async function batch(engine: Engine, json: boolean): Promise<void> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  let n = 0;
  for await (const line of rl) {
    let out: string;
    try {
      out = printAnswer(engine, line, json, today() + n++);
    } catch (err) {
      const message = `Could not answer this line: ${(err as Error).message}`;
      out = json
        ? JSON.stringify({ intent: 'unknown', subjects: [], sources: [], text: message, blocks: [] })
        : message;
    }
    process.stdout.write(`${out}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      batch: { type: 'boolean', default: false },
      seed: { type: 'string' },
      dir: { type: 'string' },
      channel: { type: 'string' },
      days: { type: 'string' },
      team: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'ask': {
      const engine = engineFor();
      if (values.batch) {
        await batch(engine, values.json);
        return 0;
      }
      const question = rest.join(' ');
      if (!question.trim())
        process.stderr.write('pystack: no question given, showing help. Try: pystack ask "django vs flask"\n');
      process.stdout.write(`${printAnswer(engine, question, values.json, today())}\n`);
      return 0;
    }
    case 'tip': {
      const seed = values.seed === undefined ? today() : Number.parseInt(values.seed, 10);
      if (!Number.isFinite(seed))
        throw new PystackError('E_CONFIG', `--seed must be a whole number, got "${values.seed}"`);
      process.stdout.write(`${printAnswer(engineFor(), 'tip', values.json, seed)}\n`);
      return 0;
    }
    case 'console': {
      const { runConsole } = await import('./console.js');
      await runConsole({
        engine: engineFor(),
        input: process.stdin,
        output: process.stdout,
        tipSeed: today(),
      });
      return 0;
    }
    case 'check': {
      const dir = values.dir ?? DEFAULT_PATHS.knowledgeDir;
      const { knowledge, problems } = checkKnowledge(dir);
      if (!knowledge) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(
          `pystack check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}\n`,
        );
        return 1;
      }
      const count = (n: number, what: string) => `${n} ${what}`;
      process.stdout.write(
        `pystack check: knowledge OK: ${[count(knowledge.packages.length, 'packages'), count(knowledge.checklists.length, 'checklists'), count(knowledge.stacks.length, 'stacks'), count(knowledge.concepts.length, 'concepts'), count(knowledge.tips.length, 'tips'), count(knowledge.sources.size, 'sources')].join(', ')}\n`,
      );
      const team = values.team ?? (process.env.TEAM_KNOWLEDGE?.trim() || undefined);
      if (!team) return 0;
      const { readTeam } = await import('./knowledge/team.js');
      const { overlay, problems: teamProblems } = readTeam(team, knowledge);
      if (!overlay) {
        for (const p of teamProblems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(
          `pystack check: ${teamProblems.length} problem${teamProblems.length === 1 ? '' : 's'} in the team standards ${team}\n`,
        );
        return 1;
      }
      process.stdout.write(
        `pystack check: team standards OK: ${count(overlay.standards.size, 'standards')}, ${count(overlay.packages.length, 'team packages')} in ${overlay.files.join(', ')}\n`,
      );
      return 0;
    }
    case 'about':
      process.stdout.write(printAnswer(engineFor(), 'about', values.json, today()));
      if (!values.json) return 0;
      process.stdout.write('\n');
      return 0;
    case 'report': {
      const { printReport } = await import('./report-cli.js');
      return printReport({ days: values.days, json: values.json });
    }
    case 'post-tip': {
      const { postTipOnce } = await import('./tips/once.js');
      return postTipOnce(values.channel);
    }
    case 'build-index': {
      const { file, bytes, entries } = writeIndex();
      process.stdout.write(`pystack: indexed ${entries} entries into ${file} (${Math.round(bytes / 1024)} KB)\n`);
      return 0;
    }
    default:
      process.stderr.write(`pystack: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof PystackError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(
      `pystack: ${known ? (err as Error).message : `unexpected error: ${(err as Error).stack ?? err}`}\n`,
    );
    process.exitCode = 1;
  },
);
