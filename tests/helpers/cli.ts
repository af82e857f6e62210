/** Runs the compiled CLI (or another compiled entry point) as a child process. */
import { spawn } from 'node:child_process';
import { CLI, ROOT } from './paths.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any SLACK_* variable, so entry points never try to reach Slack. */
export function envWithoutSlack(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_')));
}

/** Runs `node script ...args` with `input` on stdin; `cwd` defaults to the project root. */
export function runNode(script: string, args: string[], input = '', cwd = ROOT): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: envWithoutSlack() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export function runCli(args: string[], input = ''): Promise<RunResult> {
  return runNode(CLI, args, input);
}
