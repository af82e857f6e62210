/**
 * Cold start, phase by phase, in a fresh process: loading the modules, then each step
 * `openKnowledge` takes, then the engine and its first answer. Prints one JSON line. Started by
 * engine.ts (`node dist/scripts/bench/cold.js`).
 */
const t0 = performance.now();
const lap = (() => {
  let last = t0;
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return ms;
  };
})();
const { createEngine } = await import('../../src/answer/engine.js');
const { loadIntentModel } = await import('../../src/answer/classifier.js');
const { modelTextKey, unpackRanker } = await import('../../src/answer/ranker.js');
const { loadKnowledge } = await import('../../src/knowledge/load.js');
const { DEFAULT_PATHS } = await import('../../src/knowledge/open.js');
const { loadIndex } = await import('../../src/knowledge/search-index.js');
const { readYamlCache } = await import('../../src/knowledge/yaml-cache.js');
const { readFileSync } = await import('node:fs');
const { isEnglish } = await import('../../src/knowledge/english.js');
const modules = lap();
const kb = loadKnowledge(DEFAULT_PATHS.knowledgeDir, readYamlCache(DEFAULT_PATHS.yamlCacheFile));
const knowledge = lap();
const index = loadIndex(DEFAULT_PATHS.indexFile, kb);
const indexMs = lap();
const intents = loadIntentModel(DEFAULT_PATHS.intentModelFile);
const key = modelTextKey(readFileSync(DEFAULT_PATHS.entryModelFile, 'utf8'));
const ranker = unpackRanker(kb, DEFAULT_PATHS.rankerFile, { digest: kb.digest, model: key });
const models = lap();
const engine = createEngine({
  knowledge: kb,
  index,
  isEnglish: (w: string) => isEnglish(w, DEFAULT_PATHS.englishFile),
  ...(intents ? { intents } : {}),
  ...(ranker ? { ranker } : {}),
});
const engineMs = lap();
engine.answer('django vs flask');
const first = lap();
console.log(
  JSON.stringify({
    modules,
    knowledge,
    index: indexMs,
    models,
    engine: engineMs,
    first,
    total: performance.now() - t0,
  }),
);
