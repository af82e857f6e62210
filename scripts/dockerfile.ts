/**
 * Runs the Dockerfile's build steps without a Docker engine, so the Dockerfile stays honest:
 * each stage gets a folder standing for its WORKDIR, COPY and RUN lines are carried out as
 * written (COPY --from copies from an earlier stage's folder), ENV is applied to RUN, and
 * ownership (COPY --chown, RUN chown, USER) is really given, so it needs root like a real build.
 * Prints the runtime stage's folder and its HEALTHCHECK, EXPOSE, USER, VOLUME and CMD as JSON.
 *
 *   node dist/scripts/dockerfile.js --out /tmp/pystack-image
 */
import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../src/knowledge/open.js';

export interface Ids {
  uid: number;
  gid: number;
}

export interface Stage {
  name: string;
  dir: string;
  /** ENV as the image has it (paths as the image sees them; see hostEnv). */
  env: Record<string, string>;
  meta: Record<string, string>;
  /** The ids USER stands for (see userIds); RUN lines after USER run with them. */
  user?: Ids;
  /** The paths VOLUME declares, as the image sees them. */
  volumes: string[];
}

/** Joins continuation lines and drops comments. */
export function dockerfileLines(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The image path, absolute, of a path as a stage's WORKDIR sees it (Docker's default WORKDIR is /). */
function imagePath(stage: Stage, path: string): string {
  return posix.resolve(stage.meta.WORKDIR ?? '/', path);
}

function inWorkdir(stage: Stage, path: string): boolean {
  const rel = posix.relative(stage.meta.WORKDIR ?? '/', imagePath(stage, path));
  return rel !== '..' && !rel.startsWith('../');
}

/**
 * Where a path of a stage's image lies on this machine: the stage's folder stands for its
 * WORKDIR, so `/app/.data` in a stage with `WORKDIR /app` is `<stage folder>/.data`. A path
 * outside WORKDIR is refused: it would be this machine's path, not the image's.
 */
export function hostPath(stage: Stage, path: string): string {
  if (!inWorkdir(stage, path)) {
    throw new Error(`${path} is outside WORKDIR ${stage.meta.WORKDIR ?? '/'}, the only path mapped into ${stage.dir}`);
  }
  return resolve(stage.dir, posix.relative(stage.meta.WORKDIR ?? '/', imagePath(stage, path)));
}

/** A stage's ENV with values that are image paths under WORKDIR mapped by hostPath (for RUN, or running the app). */
export function hostEnv(stage: Stage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(stage.env).map(([k, v]) => [k, posix.isAbsolute(v) && inWorkdir(stage, v) ? hostPath(stage, v) : v]),
  );
}

/** The accounts of the official node images (docker-library/node: groupadd --gid 1000 node && useradd --uid 1000 --gid node). */
const NODE_IMAGE_ACCOUNTS: Record<string, number> = { root: 0, node: 1000 };

function hostLookup(args: string[]): string | undefined {
  try {
    return execFileSync(args[0] as string, args.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/**
 * The id a user or group name of the image stands for on this machine. Ownership is numbers:
 * the kernel checks uids and gids, never names. So a name is this machine's account of that
 * name when there is one (then `runuser -u node` and the folder agree; in CI run inside a node
 * image it is the image's own account), otherwise the number the base image gives it (node
 * images: `node` is uid and gid 1000), whatever name, if any, this machine shows for that
 * number. Nothing is added to this machine's accounts (no useradd): the image's numbers are
 * exactly what a container would check. A name neither knows is an error, as in Docker.
 */
function accountId(stage: Stage, kind: 'user' | 'group', name: string): number {
  if (/^\d+$/.test(name)) return Number(name);
  const host =
    kind === 'user' ? hostLookup(['id', '-u', '--', name]) : hostLookup(['getent', 'group', name])?.split(':')[2];
  if (host && /^\d+$/.test(host)) return Number(host);
  const image = stage.meta.FROM ?? '';
  const id = /^node(:|$)/.test(image) ? NODE_IMAGE_ACCOUNTS[name] : name === 'root' ? 0 : undefined;
  if (id === undefined) throw new Error(`no ${kind} "${name}" on this machine or in ${image}`);
  return id;
}

/** A user's primary group, as USER without a group uses it. */
function primaryGid(stage: Stage, user: string): number {
  const host = /^\d+$/.test(user) ? undefined : hostLookup(['id', '-g', '--', user]);
  if (host && /^\d+$/.test(host)) return Number(host);
  return accountId(stage, 'group', /^\d+$/.test(user) ? '0' : user);
}

/** USER's `user[:group]` as ids (no group: the user's primary group). */
export function userIds(stage: Stage, spec: string): Ids {
  const [user = '', group] = spec.split(':');
  return {
    uid: accountId(stage, 'user', user),
    gid: group ? accountId(stage, 'group', group) : primaryGid(stage, user),
  };
}

/** chown's `user[:group]`, `user:` or `:group` as numbers, keeping chown's meaning of each form. */
function ownerIds(stage: Stage, spec: string): string {
  const [user = '', group] = spec.split(':');
  const uid = user ? String(accountId(stage, 'user', user)) : '';
  if (group === undefined) return uid;
  return `${uid}:${group ? accountId(stage, 'group', group) : user ? primaryGid(stage, user) : ''}`;
}

/**
 * A RUN line as this machine runs it: `chown user:group` gets the ids the names stand for
 * (accountId), and absolute paths under WORKDIR become the stage folder's (hostPath). Any other
 * absolute path is refused rather than run, since it would change this machine, not the image.
 */
function hostCommand(stage: Stage, command: string): string {
  return command
    .replace(
      /\bchown((?:\s+-\S+)*)\s+([^\s/'"]+)/g,
      (_m, flags: string, spec: string) => `chown${flags} ${ownerIds(stage, spec)}`,
    )
    .replace(/(^|[\s='"])(\/[^\s'";&|)]*)/g, (_m, before: string, path: string) => {
      if (path === '/dev/null') return before + path;
      const mapped = hostPath(stage, path);
      if (!/^[\w./-]+$/.test(mapped)) throw new Error(`stage folder ${mapped} needs shell quoting; use a plain --out`);
      return before + mapped;
    });
}

export function runDockerfile(out: string, dockerfile = resolve(ROOT, 'Dockerfile')): Stage {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  chmodSync(out, 0o755); // the image's / : every user may enter it
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const line of dockerfileLines(readFileSync(dockerfile, 'utf8'))) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op === 'FROM') {
      const name = rest[2] ?? String(stages.length);
      stage = { name, dir: resolve(out, name), env: {}, meta: { FROM: rest[0] ?? '' }, volumes: [] };
      mkdirSync(stage.dir, { recursive: true });
      chmodSync(stage.dir, 0o755); // as Docker creates a WORKDIR: root's, 755, whatever this machine's umask
      stages.push(stage);
      continue;
    }
    if (!stage) throw new Error(`${op} before FROM`);
    const current = stage;
    switch (op) {
      case 'WORKDIR':
        // The stage folder stands for one WORKDIR; a second one would move paths already carried out.
        if (!posix.isAbsolute(args) || (current.meta.WORKDIR && current.meta.WORKDIR !== args)) {
          throw new Error(`WORKDIR ${args}: one absolute WORKDIR per stage is supported`);
        }
        current.meta.WORKDIR = args;
        break;
      case 'ENV':
        for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g))
          current.env[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const flag = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
        const from = flag('from');
        const chown = flag('chown');
        const paths = rest.filter((a) => !a.startsWith('--'));
        const dest = paths.pop() as string;
        const source = from ? stages.find((s) => s.name === from) : undefined;
        if (from && !source) throw new Error(`COPY --from=${from}: no such stage`);
        for (const src of paths) {
          const target = hostPath(
            current,
            dest.endsWith('/') || paths.length > 1 ? `${dest}/${src.split('/').pop()}` : dest,
          );
          mkdirSync(dirname(target), { recursive: true });
          // COPY --from reads the other stage's image paths (relative ones from its /).
          cpSync(source ? hostPath(source, posix.resolve('/', src)) : resolve(ROOT, src), target, { recursive: true });
          if (chown) execFileSync('chown', ['-R', '-h', ownerIds(current, chown), target]);
        }
        break;
      }
      case 'RUN':
        execSync(hostCommand(current, args), {
          cwd: current.dir,
          stdio: 'inherit',
          env: { ...process.env, ...hostEnv(current) },
          uid: current.user?.uid,
          gid: current.user?.gid,
        });
        break;
      case 'USER':
        current.user = userIds(current, args);
        current.meta.USER = args;
        break;
      case 'VOLUME': {
        const paths = args.startsWith('[') ? (JSON.parse(args) as string[]) : rest;
        // Docker creates a declared path the image lacks as root's (a new volume starts as a copy
        // of the image's path, owner included), so a VOLUME nobody chowned stays root's here too.
        for (const path of paths) {
          const dir = hostPath(current, path);
          if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
        }
        current.volumes.push(...paths.map((p) => imagePath(current, p)));
        current.meta.VOLUME = args;
        break;
      }
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
  console.log(
    JSON.stringify({
      dir: runtime.dir,
      env: runtime.env,
      ...runtime.meta,
      ...(runtime.user ? { user: runtime.user } : {}),
      volumes: runtime.volumes,
    }),
  );
}
