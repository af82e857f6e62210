/**
 * A cache of parsed knowledge YAML, written by `npm run build` next to the index: each file's
 * value keyed by the SHA-256 of its exact text. Start-up then skips the YAML parser (most of the
 * start-up time, and seconds at 100x knowledge) for every file whose text is unchanged; an edited
 * file simply misses and is parsed as usual. Cached values go through the same zod validation
 * and cross-checks as freshly parsed ones, so the cache can only save time, never change meaning.
 *
 * @example
 * const cache = readYamlCache('dist/knowledge-cache.json'); // empty when missing or unreadable
 * checkKnowledge('knowledge', cache);
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const FORMAT = 1;

export type YamlCache = ReadonlyMap<string, unknown>;

export const textKey = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache at `path`, or an empty one when it is missing, unreadable or of another format. */
export function readYamlCache(path: string): YamlCache {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; files?: unknown };
    if (raw.format !== FORMAT || !raw.files || typeof raw.files !== 'object') return new Map();
    return new Map(Object.entries(raw.files));
  } catch {
    return new Map();
  }
}

export function serializeYamlCache(values: ReadonlyMap<string, unknown>): string {
  return JSON.stringify({ format: FORMAT, files: Object.fromEntries(values) });
}
