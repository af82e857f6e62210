/**
 * Runs the Dockerfile's build steps without a Docker engine, so the Dockerfile stays honest:
 * each stage gets a folder standing for its WORKDIR, COPY and RUN lines are carried out as
 * written (COPY --from copies from an earlier stage's folder), ENV is applied to RUN.
 * Prints the runtime stage's folder and its HEALTHCHECK, EXPOSE, USER and CMD as JSON.
 *
 *   node dist/scripts/dockerfile.js --out /tmp/pystack-image
 */
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../src/knowledge/open.js';

interface Stage {
  name: string;
  dir: string;
  env: Record<string, string>;
  meta: Record<string, string>;
}

/** Joins continuation lines and drops comments. */
export function dockerfileLines(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export function runDockerfile(out: string, dockerfile = resolve(ROOT, 'Dockerfile')): Stage {
  rmSync(out, { recursive: true, force: true });
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const line of dockerfileLines(readFileSync(dockerfile, 'utf8'))) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op === 'FROM') {
      const name = rest[2] ?? String(stages.length);
      stage = { name, dir: resolve(out, name), env: {}, meta: { FROM: rest[0] ?? '' } };
      mkdirSync(stage.dir, { recursive: true });
      stages.push(stage);
      continue;
    }
    if (!stage) throw new Error(`${op} before FROM`);
    const current = stage;
    switch (op) {
      case 'WORKDIR':
        current.meta.WORKDIR = args;
        break;
      case 'ENV':
        for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
          current.env[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const from = rest.find((a) => a.startsWith('--from='))?.slice(7);
        const paths = rest.filter((a) => !a.startsWith('--'));
        const dest = paths.pop() as string;
        const base = from ? (stages.find((s) => s.name === from)?.dir ?? '') : ROOT;
        for (const src of paths) {
          const target = resolve(
            current.dir,
            dest.endsWith('/') || paths.length > 1 ? `${dest}/${src.split('/').pop()}` : dest,
          );
          mkdirSync(dirname(target), { recursive: true });
          cpSync(resolve(base, from ? src.replace(/^\/app\/?/, '') : src), target, { recursive: true });
        }
        break;
      }
      case 'RUN':
        execSync(args, { cwd: current.dir, stdio: 'inherit', env: { ...process.env, ...current.env } });
        break;
      default:
        current.meta[op] = args;
    }
  }
  if (!stage) throw new Error('no FROM in Dockerfile');
  return stage;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: resolve(ROOT, 'dist', 'image') } } });
  const runtime = runDockerfile(resolve(values.out as string));
  console.log(JSON.stringify({ dir: runtime.dir, env: runtime.env, ...runtime.meta }));
}
