/**
 * The parse cache may only save time: an unchanged file is taken from it, already validated; an
 * edited file misses and is parsed and validated; a broken cache, or one made under another
 * schema, is ignored whole.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { checkKnowledge, parseKnowledgeYaml } from '../../src/knowledge/load.js';
import { openKnowledge, writeIndex } from '../../src/knowledge/open.js';
import { readYamlCache, serializeYamlCache, textKey } from '../../src/knowledge/yaml-cache.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
  cpSync(KNOWLEDGE_DIR, join(dir, 'knowledge'), { recursive: true });
  return dir;
}

describe('YAML parse cache', () => {
  it('gives the same knowledge as parsing, and is what npm run build writes', () => {
    const dir = copy();
    const paths = {
      knowledgeDir: join(dir, 'knowledge'),
      indexFile: join(dir, 'index.json'),
      yamlCacheFile: join(dir, 'cache.json'),
    };
    writeIndex(paths);
    const cache = readYamlCache(paths.yamlCacheFile);
    expect(cache.size).toBeGreaterThan(5);
    const cached = checkKnowledge(paths.knowledgeDir, cache).knowledge;
    const parsed = checkKnowledge(paths.knowledgeDir).knowledge;
    expect(cached?.digest).toBe(parsed?.digest);
    expect([...(cached?.entries.values() ?? [])]).toEqual([...(parsed?.entries.values() ?? [])]);
    expect(openKnowledge(paths).indexNote).toBeUndefined();
  });

  it('uses the cached value only for the exact text it was made from', () => {
    const dir = join(copy(), 'knowledge');
    const cache = parseKnowledgeYaml(dir);
    const file = join(dir, 'frameworks.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/name: Django\b/, 'name: Djangoo'));
    const kb = checkKnowledge(dir, cache).knowledge;
    expect(kb?.packages.find((p) => p.id === 'django')?.name).toBe('Djangoo');
  });

  it('holds only values that validated, and is ignored whole when made under another schema', () => {
    const dir = join(copy(), 'knowledge');
    const file = join(dir, 'frameworks.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: tornado', '- id: Not An Id'));
    const cache = parseKnowledgeYaml(dir);
    expect(cache.has(textKey(readFileSync(file, 'utf8')))).toBe(false); // invalid: never cached
    expect(checkKnowledge(dir, cache).problems.map(formatProblem).join('\n')).toMatch(/frameworks\.yml/);
    const stale = join(dir, '..', 'stale.json');
    writeFileSync(stale, serializeYamlCache(new Map([['k', { a: 1 }]]), 'another-schema'));
    expect(readYamlCache(stale).size).toBe(0);
    expect(readYamlCache(stale, 'another-schema').get('k')).toEqual({ a: 1 });
  });

  it('ignores a missing, corrupt or foreign cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
    expect(readYamlCache(join(dir, 'none.json')).size).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"format": 2, "files": ');
    expect(readYamlCache(join(dir, 'bad.json')).size).toBe(0);
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ format: 99, files: { a: 1 } }));
    expect(readYamlCache(join(dir, 'old.json')).size).toBe(0);
    writeFileSync(join(dir, 'ok.json'), serializeYamlCache(new Map([['k', { a: 1 }]])));
    expect(readYamlCache(join(dir, 'ok.json')).get('k')).toEqual({ a: 1 });
  });
});
