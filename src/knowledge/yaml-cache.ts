/**
 * A cache of parsed and validated knowledge, written by `npm run build` next to the index: each
 * file's zod-validated value keyed by the SHA-256 of its exact text, the whole cache stamped with
 * the schema it was validated by (a hash of the schema module's code). Start-up then skips the
 * YAML parser and zod (most of the start-up time, seconds at 100x knowledge) for every file whose
 * text is unchanged; an edited file misses and is parsed and validated as usual, and a cache made
 * under another schema is ignored whole. Cross-checks run over cached and parsed values alike.
 *
 * @example
 * const cache = readYamlCache('dist/knowledge-cache.json'); // empty when missing or unreadable
 * checkKnowledge('knowledge', cache);
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const FORMAT = 2;

let schemaKeyMemo: string | undefined;
/** The schema the cached values were validated by: a hash of the schema module's code. */
export function schemaKey(): string {
  if (schemaKeyMemo) return schemaKeyMemo;
  const hash = createHash('sha256').update(String(FORMAT));
  // Next to this module, compiled (dist/src) or run from source (vitest); or, from the app's bundle in dist/app
  // (scripts/bundle.ts), the compiled module it was bundled from.
  for (const name of ['./schema.js', './schema.ts', '../src/knowledge/schema.js']) {
    try {
      hash.update(readFileSync(new URL(name, import.meta.url)));
      break;
    } catch {
      // one of them exists
    }
  }
  schemaKeyMemo = hash.digest('hex').slice(0, 16);
  return schemaKeyMemo;
}

export type YamlCache = ReadonlyMap<string, unknown>;

export const textKey = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache at `path`, or an empty one when it is missing, unreadable, of another format or another schema. */
export function readYamlCache(path: string, schema: string = schemaKey()): YamlCache {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; schema?: unknown; files?: unknown };
    if (raw.format !== FORMAT || raw.schema !== schema || !raw.files || typeof raw.files !== 'object')
      return new Map();
    return new Map(Object.entries(raw.files));
  } catch {
    return new Map();
  }
}

export function serializeYamlCache(values: ReadonlyMap<string, unknown>, schema: string = schemaKey()): string {
  return JSON.stringify({ format: FORMAT, schema, files: Object.fromEntries(values) });
}
