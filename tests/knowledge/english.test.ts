/**
 * The English word list: the build writes it sorted with where each word starts; a lookup from
 * that file agrees with one from the package's own list, sorted at run time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each case loads the module afresh: the list is read once per process.
const fresh = async () => {
  vi.resetModules();
  return import('../../src/knowledge/english.js');
};

const WORDS = ['marathon', 'pillow', 'pillows', 'apple', 'zebra', 'aardvark'];
const NOT_WORDS = ['gunicorn', 'mlflow', 'pydantic', 'zzzz', 'aaaaa', ''];

describe('English words', () => {
  it('answers the same from the built file as from the package list', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'english-')), 'words.bin');
    (await fresh()).writeEnglish(file);
    const built = await fresh();
    const listed = await fresh();
    for (const w of [...WORDS, ...NOT_WORDS]) expect(built.isEnglish(w, file)).toBe(listed.isEnglish(w));
    expect(built.isEnglish('marathon', file)).toBe(true);
    expect(built.isEnglish('gunicorn', file)).toBe(false);
  });

  it('falls back to the package list when the built file is not one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'english-')), 'broken.bin');
    writeFileSync(file, Buffer.from([0xff, 0xff, 0xff, 0x7f]));
    const english = await fresh();
    expect(english.isEnglish('marathon', file)).toBe(true);
  });
});
