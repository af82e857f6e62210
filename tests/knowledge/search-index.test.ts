import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/errors.js';
import { openKnowledge } from '../../src/knowledge/open.js';
import {
  buildIndex,
  loadIndex,
  searchIndex,
  serializeIndex,
  tokenize,
} from '../../src/knowledge/search-index.js';
import { proseWords, rememberProse } from '../../src/knowledge/prose.js';
import { realKnowledge } from '../helpers/kb.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';

const { knowledge: kb } = realKnowledge();
const index = buildIndex(kb);
const tmp = mkdtempSync(join(tmpdir(), 'pystack-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ids = (tokens: string[]) => searchIndex(index, tokens).all().map((h) => h.id);

describe('buildIndex / serializeIndex / loadIndex', () => {
  it('round-trips: a loaded index answers exactly like the built one', () => {
    const file = join(tmp, 'round-trip.json');
    writeFileSync(file, serializeIndex(kb, index));
    const loaded = loadIndex(file, kb);
    for (const tokens of [['task', 'queue'], ['html'], ['django'], ['dataframe'], ['postgres']]) {
      const before = searchIndex(index, tokens).all().map((h) => [h.id, h.score]);
      expect(before.length).toBeGreaterThan(0);
      expect(searchIndex(loaded, tokens).all().map((h) => [h.id, h.score])).toEqual(before);
    }
  });

  it('indexes every entry except tips', () => {
    const file = join(tmp, 'count.json');
    writeFileSync(file, serializeIndex(kb, index));
    expect(new Set(loadIndex(file, kb).arrays().refs)).toEqual(
      new Set([...kb.entries.values()].filter((e) => e.type !== 'tip').map((e) => e.id)),
    );
  });

  it('loads without Lunr: the arrays are read from the file as written', () => {
    const file = join(tmp, 'arrays.bin');
    writeFileSync(file, serializeIndex(kb, index));
    expect(loadIndex(file, kb).arrays()).toEqual(index.arrays());
  });

  it("carries the knowledge's prose words, so start-up need not scan the entries for them", () => {
    const file = join(tmp, 'prose.bin');
    writeFileSync(file, serializeIndex(kb, index));
    const again = { ...kb }; // the same knowledge, not yet scanned
    loadIndex(file, again);
    expect([...proseWords(again)].sort()).toEqual([...proseWords(kb)].sort());
    const other = { ...kb };
    rememberProse(other, ['zzqqxxword']);
    expect([...proseWords(other)]).toEqual(['zzqqxxword']);
  });

  it('throws IndexError for a truncated file', () => {
    const file = join(tmp, 'truncated.bin');
    const bytes = serializeIndex(kb, index);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(() => loadIndex(file, kb)).toThrow(/could not be loaded/);
  });

  it('finds a package by its name and by its use cases', () => {
    expect(ids(['httpx'])[0]).toBe('httpx');
    expect(ids(['task', 'queue']).slice(0, 5)).toContain('celery');
  });

  it('throws IndexError for a missing file', () => {
    expect(() => loadIndex(join(tmp, 'nope.json'), kb)).toThrow(IndexError);
    expect(() => loadIndex(join(tmp, 'nope.json'), kb)).toThrow(/not found/);
  });

  it('throws IndexError for a file that is not an index', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{"format": 1, "digest": ');
    expect(() => loadIndex(file, kb)).toThrow(IndexError);
    expect(() => loadIndex(file, kb)).toThrow(/not readable|unknown format/);
    writeFileSync(file, '');
    expect(() => loadIndex(file, kb)).toThrow(IndexError);
  });

  it('throws IndexError for an index built from other knowledge', () => {
    const file = join(tmp, 'stale.json');
    writeFileSync(file, serializeIndex({ ...kb, digest: '0123456789abcdef' }, index));
    expect(() => loadIndex(file, kb)).toThrow(IndexError);
    expect(() => loadIndex(file, kb)).toThrow(/other knowledge/);
  });

  it('throws IndexError for an unknown format', () => {
    const file = join(tmp, 'format.json');
    writeFileSync(file, JSON.stringify({ format: 99, digest: kb.digest, index: {} }));
    expect(() => loadIndex(file, kb)).toThrow(IndexError);
  });
});

describe('openKnowledge', () => {
  it('falls back to an in-memory index, with a note, when the index file is missing', () => {
    const opened = openKnowledge({ knowledgeDir: KNOWLEDGE_DIR, indexFile: join(tmp, 'missing.json') });
    expect(opened.indexNote).toMatch(/not found.*built it in memory/);
    expect(searchIndex(opened.index, ['httpx']).all()[0]?.id).toBe('httpx');
  });

  it('falls back when the index was built from other knowledge', () => {
    const file = join(tmp, 'other.json');
    writeFileSync(file, serializeIndex({ ...kb, digest: 'ffffffffffffffff' }, index));
    const opened = openKnowledge({ knowledgeDir: KNOWLEDGE_DIR, indexFile: file });
    expect(opened.indexNote).toMatch(/other knowledge/);
  });

  it('uses a current index file without a note', () => {
    const file = join(tmp, 'current.json');
    writeFileSync(file, serializeIndex(kb, index));
    expect(openKnowledge({ knowledgeDir: KNOWLEDGE_DIR, indexFile: file }).indexNote).toBeUndefined();
  });
});

describe('searchIndex', () => {
  it('returns [] for no tokens', () => {
    expect(searchIndex(index, []).all()).toEqual([]);
  });

  it('never throws on tokens carrying Lunr query syntax', () => {
    const nasty = [
      ':',
      '~',
      '^',
      '-',
      '*',
      '+',
      'title:django',
      'django~2',
      'django^10',
      '-django',
      '+django',
      'dj*',
      '*',
      '~1',
      '^',
      'a:b:c',
      '+-*~^:',
    ];
    for (const t of nasty) {
      expect(() => searchIndex(index, [t]), t).not.toThrow();
      expect(() => searchIndex(index, [t, 'django', t]), t).not.toThrow();
    }
    expect(() => searchIndex(index, nasty)).not.toThrow();
  });

  it('treats syntax characters as plain text, not as field or presence operators', () => {
    // "-django" as a query would exclude django; as plain text it must not remove it from results
    expect(ids(['-django', 'django'])).toContain('django');
    // "+xyzzy" as a query would make a word nothing has required, leaving no results at all
    expect(ids(['+xyzzy', 'django'])).toContain('django');
  });
});

describe('tokenize', () => {
  it('yields plain lower-case words only, so Lunr syntax never reaches a query', () => {
    expect(tokenize('Title:Django~2 +FastAPI -flask^3 dj*')).toEqual([
      'title',
      'django',
      'fastapi',
      'flask',
      'dj',
    ]);
  });

  it('drops stop words, one-letter words and the given words, and caps the count', () => {
    expect(tokenize('what is the best a b orm for me', new Set(['best']))).toEqual(['orm']);
    expect(tokenize(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '))).toHaveLength(24);
  });
});
