import { describe, expect, it } from 'vitest';
import {
  EntryRanker,
  loadEntryModel,
  modelKey,
  modelTextKey,
  packRanker,
  rankWords,
  unpackRanker,
} from '../../src/answer/ranker.js';
import { DEFAULT_PATHS } from '../../src/knowledge/open.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settle } from '../../src/answer/rerank.js';
import { build } from '../../src/answer/respond.js';
import { NameIndex } from '../../src/answer/names.js';
import { targetsOf, trainEntries } from '../../scripts/train/entries.js';
import { readRows } from '../../scripts/eval/labels.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const { knowledge: kb, index } = realKnowledge();
// The build's packed ranker is what openKnowledge uses; the model's words are read here to make rankers from them.
const entryModel = loadEntryModel(DEFAULT_PATHS.entryModelFile);
const plain = new EntryRanker(kb);
const trained = new EntryRanker(kb, entryModel);

describe('entry ranker', () => {
  it('weighs stems and neighbouring stem pairs, without stop words or question words', () => {
    expect(rankWords('Which library for the task queues?')).toEqual(['task', 'queue', 'task_queue']);
  });

  it('finds the entry that describes a problem told in other words, from the entries own text alone', () => {
    const top = plain
      .rank('a page fetches all users, then queries each user orders one by one; fine in tests', 'concept')
      .top();
    expect(top?.entry.id).toBe('n-plus-one-queries');
  });

  it('ranks only entries of the type asked for, most likely first, the same every time', () => {
    const ranked = trained.rank('move slow email sending out of the web request into the background', 'package').all();
    expect(ranked.length).toBeGreaterThan(3);
    expect(ranked.every((r) => r.entry.type === 'package')).toBe(true);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    expect(trained.rank('move slow email sending out of the web request', 'package').all()).toEqual(
      trained.rank('move slow email sending out of the web request', 'package').all(),
    );
  });

  it('reads the best few, one score, or a filtered order exactly as the whole order gives them', () => {
    const text = 'an orm for postgres with migrations, async if possible';
    const ranking = trained.rank(text, 'package');
    const all = ranking.all();
    expect(ranking.size).toBe(all.length);
    expect(ranking.best(5)).toEqual(all.slice(0, 5));
    expect(ranking.top()).toEqual(all[0]);
    const odd = (r: { entry: { id: string } }) => r.entry.id.length % 2 === 1;
    expect(ranking.best(3, odd)).toEqual(all.filter(odd).slice(0, 3));
    expect(ranking.where(odd)).toEqual(all.filter(odd));
    expect(ranking.scoreOf(all[2]!.entry.id)).toBe(all[2]!.score);
    expect(ranking.scoreOf('no-such-entry')).toBeUndefined();
  });

  it('ranks nothing for words no entry holds', () => {
    expect(trained.rank('zzqx wibble', 'concept').all()).toEqual([]);
  });
});

describe('packed ranker', () => {
  const key = { digest: kb.digest, model: modelKey(entryModel) };
  const file = join(mkdtempSync(join(tmpdir(), 'ranker-')), 'r.bin');
  writeFileSync(file, packRanker(kb, trained, key));

  it('ranks exactly as the one it was packed from', () => {
    const unpacked = unpackRanker(kb, file, key, entryModel);
    expect(unpacked).toBeDefined();
    for (const text of ['move slow email sending out of the request', 'orm for postgres with migrations'])
      for (const type of ['package', 'concept', 'checklist'] as const)
        expect(unpacked?.rank(text, type).all()).toEqual(trained.rank(text, type).all());
    const hashing = kb.entries.get('password-hashing')!;
    expect(unpacked?.evidence('store passwords as plain text', hashing)).toBe(
      trained.evidence('store passwords as plain text', hashing),
    );
  });

  it("is matched to the model file's text without parsing it: the key of the text is the key of the model", () => {
    expect(modelTextKey(readFileSync(DEFAULT_PATHS.entryModelFile, 'utf8'))).toBe(modelKey(entryModel));
    expect(realKnowledge().ranker).toBeDefined();
  });

  it('is not used for other knowledge, another model, or a broken file', () => {
    expect(unpackRanker(kb, file, { ...key, digest: 'other' }, entryModel)).toBeUndefined();
    expect(unpackRanker(kb, file, { ...key, model: 'other' }, entryModel)).toBeUndefined();
    const broken = join(mkdtempSync(join(tmpdir(), 'ranker-')), 'r.bin');
    writeFileSync(broken, 'not a ranker');
    expect(unpackRanker(kb, broken, key, entryModel)).toBeUndefined();
    expect(unpackRanker(kb, join(tmpdir(), 'missing-ranker.bin'), key, entryModel)).toBeUndefined();
  });

  it('is what npm run build packs, and what openKnowledge hands the engine', () => {
    expect(realKnowledge().ranker).toBeDefined();
  });
});

describe('entry model', () => {
  const rows = readRows(`${ROOT}/tests/eval/tune.jsonl`);

  it('counts a row for the entries it asks for, a share each, and skips two questions and out of scope', () => {
    expect(targetsOf({ q: 'x', any: [{ intent: 'recommend', oneOf: ['rq', 'celery'] }] })).toEqual(['rq', 'celery']);
    expect(targetsOf({ q: 'x', any: [{ intent: 'concept', oneOf: ['orm'], also: { intent: 'help' } }] })).toEqual([]);
    expect(targetsOf({ q: 'x', oos: true, any: [{ intent: 'unknown' }] })).toEqual([]);
    expect(targetsOf({ q: 'x', any: [{ intent: 'compare', set: [['a'], ['b']] }] })).toEqual([]);
    const model = trainEntries([
      { q: 'background email jobs', any: [{ intent: 'recommend', oneOf: ['rq', 'celery'] }] },
    ]);
    expect(model.questions.rq).toEqual({
      background: 0.5,
      email: 0.5,
      job: 0.5,
      background_email: 0.5,
      email_job: 0.5,
    });
  });

  it('is the same every time (counts only, ids sorted)', () => {
    expect(JSON.stringify(trainEntries(rows))).toBe(JSON.stringify(trainEntries(rows)));
  });
});

describe('settling a retrieved answer', () => {
  const ctx = { kb, index, names: new NameIndex(kb) };
  /** A reading of a message that named the entry. */
  const named = (id: string) => ({
    kind: 'entry' as const,
    entry: kb.entries.get(id)!,
    focus: 'overview' as const,
    purpose: [],
    unknown: [],
  });
  const concept = (id: string) => build(ctx, named(id), 0);
  const text = 'we store user passwords as plain text in the users table, what should we do instead';

  it('answers with the entry the ranker is clearly surer of, when retrieval chose the entry', () => {
    const searched = { kind: 'search' as const, words: ['users', 'table'], exclude: [] };
    const a = settle(kb, trained, searched, concept('pagination'), { text });
    expect(a.subjects[0]?.id).toBe('password-hashing');
    expect(a.intent).toBe('concept');
  });

  it('never touches an answer about a name the message gave, a comparison or "I do not know"', () => {
    expect(settle(kb, trained, named('pagination'), concept('pagination'), { text }).subjects[0]?.id).toBe(
      'pagination',
    );
    const unknown = build(ctx, { kind: 'unknown', unrecognised: ['cobol'], words: [] }, 0);
    const searched = { kind: 'search' as const, words: ['cobol'], exclude: [] };
    expect(settle(kb, trained, searched, unknown, { text })).toBe(unknown);
  });

  it("looks past a word it does not know when the classifier is all but sure, never past another stack's name", () => {
    const text = 'lowkey need a way to shrink 4000 jpegs and resize the images before upload';
    const q = { kind: 'unknown' as const, unrecognised: ['lowkey'], words: [] };
    const unknown = build(ctx, q, 0);
    const sure = () => ({ label: 'recommend', p: 0.95 });
    expect(settle(kb, trained, q, unknown, { text, wanted: sure }).subjects[0]?.id).toBe('pillow');
    expect(settle(kb, trained, q, unknown, { text, wanted: () => ({ label: 'recommend', p: 0.8 }) })).toBe(unknown);
    const java = { kind: 'unknown' as const, unrecognised: ['java'], words: [] };
    expect(settle(kb, trained, java, build(ctx, java, 0), { text: `${text} in java`, wanted: sure }).intent).toBe(
      'unknown',
    );
  });

  it('never makes "I do not know" an answer when the message\'s own words said it is about something else', () => {
    const text = 'lowkey need a way to shrink 4000 jpegs and resize the images before upload';
    const sure = () => ({ label: 'recommend', p: 0.99 });
    const q = { kind: 'unknown' as const, unrecognised: [], words: [] };
    expect(settle(kb, trained, q, build(ctx, q, 0), { text, wanted: sure }).intent).toBe('recommend');
    const elsewhere = { ...q, elsewhere: true };
    expect(settle(kb, trained, elsewhere, build(ctx, elsewhere, 0), { text, wanted: sure }).intent).toBe('unknown');
  });

  it('counts pairs of neighbouring words as evidence, so a word grown common ("text") still counts in its pair', () => {
    const entry = kb.entries.get('password-hashing')!;
    expect(trained.evidence('passwords as plain text', entry)).toBeGreaterThan(
      trained.evidence('passwords as text plain', entry),
    );
  });

  it('counts a word grown common as evidence for the entry that holds a quarter of its uses ("ml" and the ML stack)', () => {
    // "zeta" is in the documents of a sixth of the entries once each, and in one entry's forty times.
    const ids = [...kb.entries.values()].filter((e) => e.type !== 'tip').map((e) => e.id);
    const many = ids.slice(0, Math.ceil(ids.length / 6));
    const own = ids[ids.length - 1]!;
    const questions = Object.fromEntries([...many.map((id) => [id, { zeta: 1 }]), [own, { zeta: 40 }]]);
    const ranker = new EntryRanker(kb, { format: 1, questions });
    expect(ranker.evidence('zeta', kb.entries.get(own)!)).toBe(1);
    expect(ranker.evidence('zeta', kb.entries.get(many[0]!)!)).toBe(0);
  });

  it('a card gives way to the checklist the classifier is all but sure is asked for', () => {
    const q = named('github');
    const card = build(ctx, q, 0);
    const text = 'how do i tell if some small github package is safe to depend on';
    const a = settle(kb, trained, q, card, { text, wanted: () => ({ label: 'checklist', p: 0.95 }) });
    expect([a.intent, a.subjects[0]?.id]).toEqual(['checklist', 'safe-dependency-signs']);
    expect(settle(kb, trained, q, card, { text, wanted: () => ({ label: 'checklist', p: 0.7 }) })).toBe(card);
  });

  it('a card gives way to the concept the classifier is all but sure is asked for, unless what the name is was asked', () => {
    const card = (id: string) => build(ctx, named(id), 0);
    const q = named('pandas');
    const sure = () => ({ label: 'concept', p: 0.95 });
    const slow =
      'our pandas notebook loops over every row with iterrows and takes forty minutes, what should we do instead';
    expect(settle(kb, trained, q, card('pandas'), { text: slow, wanted: sure }).subjects[0]?.id).toBe(
      'vectorized-operations',
    );
    expect(
      settle(kb, trained, q, card('pandas'), { text: slow, wanted: () => ({ label: 'concept', p: 0.6 }) }).intent,
    ).toBe('library');
    for (const asked of [
      'in plain words, what is pandas? it loops over rows',
      'ok dumb q but what even is pandas, our notebook loops over every row with iterrows and takes forty minutes',
    ])
      expect(settle(kb, trained, q, card('pandas'), { text: asked, wanted: sure }).intent, asked).toBe('library');
  });

  it('keeps retrieval s pick when the ranker is not clearly surer', () => {
    const searched = { kind: 'search' as const, words: ['password', 'hashing'], exclude: [] };
    const right = concept('password-hashing');
    expect(settle(kb, trained, searched, right, { text })).toBe(right);
  });

  it('reconsiders "I don\'t know" only when the classifier is sure of the kind, no name went unknown, and the words are the knowledge\'s', () => {
    const unknown = build(ctx, { kind: 'unknown', unrecognised: [], words: [] }, 0);
    const q = { kind: 'search' as const, words: ['passwords', 'plain', 'text'], exclude: [] };
    const sure = { label: 'concept', p: 0.9 };
    expect(settle(kb, trained, q, unknown, { text, wanted: () => sure }).subjects[0]?.id).toBe('password-hashing');
    expect(settle(kb, trained, q, unknown, { text, wanted: () => ({ label: 'concept', p: 0.4 }) })).toBe(unknown);
    expect(settle(kb, trained, q, unknown, { text })).toBe(unknown);
    expect(
      settle(kb, trained, q, unknown, { text: 'my laptop will not boot after the update', wanted: () => sure }),
    ).toBe(unknown);
    const named = build(ctx, { kind: 'unknown', unrecognised: ['kotlin'], words: [] }, 0);
    expect(
      settle(kb, trained, { kind: 'unknown', unrecognised: ['kotlin'], words: [] }, named, {
        text,
        wanted: () => sure,
      }),
    ).toBe(named);
  });

  it('reconsiders "I don\'t know" when the classifier only leans to a kind, if the entry holds one more of the rarer words', () => {
    const unknown = build(ctx, { kind: 'unknown', unrecognised: [], words: [] }, 0);
    const q = { kind: 'search' as const, words: ['passwords', 'plain', 'text'], exclude: [] };
    const leaning = () => ({ label: 'concept', p: 0.6 });
    // Two of the entry's rarer words are not enough for a lean…
    const two = 'user passwords unhashed';
    expect(trained.evidence(two, kb.entries.get('password-hashing')!)).toBe(2);
    expect(settle(kb, trained, q, unknown, { text: two, wanted: leaning })).toBe(unknown);
    // …three are.
    const more = 'we keep user passwords as plain text in the table, how should we hash and salt them instead';
    expect(settle(kb, trained, q, unknown, { text: more, wanted: leaning }).subjects[0]?.id).toBe('password-hashing');
  });

  it('gives picks after all when a need set in a name fell back to its card and the classifier is sure picks are wanted', () => {
    const flask = kb.entries.get('flask')!;
    const q = {
      kind: 'recommend' as const,
      need: ['orm', 'recs'],
      context: [],
      exclude: [],
      purpose: [],
      fallback: flask,
    };
    const card = build(ctx, { kind: 'entry', entry: flask, focus: 'overview', purpose: [], unknown: [] }, 0);
    const asked = 'orm recs for a flask service sitting on postgres, with migrations';
    const a = settle(kb, trained, q, card, { text: asked, wanted: () => ({ label: 'recommend', p: 0.9 }) });
    expect(a.intent).toBe('recommend');
    expect(a.subjects.map((s) => s.id)).not.toContain('flask');
    expect(['sqlalchemy', 'peewee', 'django-orm']).toContain(a.subjects[0]?.id);
    expect(settle(kb, trained, q, card, { text: asked, wanted: () => ({ label: 'library/overview', p: 0.9 }) })).toBe(
      card,
    );
  });
});
