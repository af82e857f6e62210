/**
 * Opens the knowledge and its search index together: loads and validates the YAML (through the
 * parse cache `npm run build` writes), then loads the index built by `npm run build`, rebuilding
 * it in memory when it is missing or stale.
 *
 * @example
 * const { knowledge, index, indexNote } = openKnowledge();
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, IndexError, PystackError } from '../errors.js';
import { type IntentModel, loadIntentModel } from '../answer/classifier.js';
import { isEnglish, writeEnglish } from './english.js';
import { loadKnowledge, parseKnowledgeYaml } from './load.js';
import type { Knowledge } from './model.js';
import { buildIndex, loadIndex, serializeIndex, type SearchIndex } from './search-index.js';
import { readTeam, withTeam } from './team.js';
import { type EntryModel, type EntryRanker, modelTextKey, parseEntryModel, unpackRanker } from '../answer/ranker.js';
import { readYamlCache, serializeYamlCache } from './yaml-cache.js';

/** The project root: the nearest folder with a package.json (works from `src/`, `dist/src/` and the bundle in `dist/app/`). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const DEFAULT_PATHS = {
  knowledgeDir: resolve(ROOT, 'knowledge'),
  indexFile: resolve(ROOT, 'dist', 'search-index.bin'),
  yamlCacheFile: resolve(ROOT, 'dist', 'knowledge-cache.json'),
  englishFile: resolve(ROOT, 'dist', 'english-words.bin'),
  intentModelFile: resolve(ROOT, 'dist', 'intent-model.bin'),
  entryModelFile: resolve(ROOT, 'dist', 'entry-model.json'),
  rankerFile: resolve(ROOT, 'dist', 'entry-ranker.bin'),
};

export interface OpenedKnowledge {
  knowledge: Knowledge;
  index: SearchIndex;
  /** Set when the built index could not be used and one was built in memory instead. */
  indexNote?: string;
  /** Whether a word is English, from the sorted word list the build wrote. */
  isEnglish: (word: string) => boolean;
  /** The intent classifier the build trained (absent before the first build). */
  intents?: IntentModel;
  /** The tuning questions' words per entry, for an entry ranker made in memory (absent before the first build, and when the build's packed ranker is used). */
  entryModel?: EntryModel;
  /** The entry ranker the build packed for this knowledge (absent with a team overlay or a stale build: made in memory then). */
  ranker?: EntryRanker;
}

/**
 * Loads knowledge (throws KnowledgeError) and its index. With `team` (TEAM_KNOWLEDGE), the team
 * overlay is checked against the curated knowledge (problems throw KnowledgeError naming file and
 * entry), merged in, and the index is built in memory over both.
 */
export function openKnowledge(paths: Partial<typeof DEFAULT_PATHS> & { team?: string } = {}): OpenedKnowledge {
  const { knowledgeDir, indexFile, yamlCacheFile, englishFile, intentModelFile, entryModelFile, rankerFile } = {
    ...DEFAULT_PATHS,
    ...paths,
  };
  const curated = loadKnowledge(knowledgeDir, readYamlCache(yamlCacheFile));
  const english = (word: string) => isEnglish(word, englishFile);
  const intents = loadIntentModel(intentModelFile);
  // The entry model's words are parsed only when no packed ranker made from them can be used; its bytes are
  // hashed as they are (their key is the key of their text), not decoded first.
  const modelBytes = readBytes(entryModelFile);
  const extra: Omit<OpenedKnowledge, 'knowledge' | 'index'> = { isEnglish: english, ...(intents ? { intents } : {}) };
  const withModel = () => {
    const entryModel = parseEntryModel(modelBytes?.toString('utf8'));
    if (entryModel) extra.entryModel = entryModel;
  };
  if (paths.team) {
    const { overlay, problems } = readTeam(paths.team, curated);
    if (!overlay) {
      const [first] = problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more: pystack check --team ${paths.team})` : '';
      throw new PystackError('E_KNOWLEDGE', `TEAM_KNOWLEDGE: ${first ? formatProblem(first) : 'invalid'}${more}`);
    }
    const knowledge = withTeam(curated, overlay);
    withModel();
    return { knowledge, index: buildIndex(knowledge), ...extra };
  }
  const knowledge = curated;
  const ranker = unpackRanker(knowledge, rankerFile, { digest: knowledge.digest, model: modelTextKey(modelBytes) });
  if (ranker) extra.ranker = ranker;
  else withModel();
  try {
    return { knowledge, index: loadIndex(indexFile, knowledge), ...extra };
  } catch (err) {
    if (!(err instanceof IndexError)) throw err;
    return {
      knowledge,
      index: buildIndex(knowledge),
      ...extra,
      indexNote: `${err.message}; built it in memory (run npm run build)`,
    };
  }
}

/** Builds the index for the knowledge and writes it next to the compiled code. */
export function writeIndex(paths: Partial<typeof DEFAULT_PATHS> = {}): {
  file: string;
  bytes: number;
  entries: number;
} {
  const { knowledgeDir, indexFile, yamlCacheFile, englishFile } = { ...DEFAULT_PATHS, ...paths };
  const knowledge = loadKnowledge(knowledgeDir);
  writeEnglish(englishFile);
  const bytes = serializeIndex(knowledge, buildIndex(knowledge));
  mkdirSync(dirname(indexFile), { recursive: true });
  writeFileSync(indexFile, bytes);
  mkdirSync(dirname(yamlCacheFile), { recursive: true });
  writeFileSync(yamlCacheFile, serializeYamlCache(parseKnowledgeYaml(knowledgeDir)));
  return { file: indexFile, bytes: bytes.length, entries: knowledge.entries.size - knowledge.tips.length };
}

/** A file's bytes, or undefined when it cannot be read. */
function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
