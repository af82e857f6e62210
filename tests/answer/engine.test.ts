import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, Intent, Section } from '../../src/answer/types.js';
import { tipAnswer } from '../../src/answer/tip.js';
import { realEngine } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const engine = realEngine();
const ask = (text: string, tipSeed?: number) => engine.answer(text, { tipSeed });
const ids = (a: Answer) => a.subjects.map((s) => s.id);
const notes = (a: Answer) => a.sections.flatMap((s) => (s.type === 'note' ? [s.text] : []));
const texts = (a: Answer) => a.sections.flatMap((s) => (s.type === 'text' ? [s.text] : []));

describe('one representative question per intent', () => {
  const cases: [string, Intent, string | undefined][] = [
    ['compare django flask', 'compare', 'django'],
    ['lib httpx', 'library', 'httpx'],
    ['what should I use for html parsing?', 'recommend', 'beautifulsoup'],
    ['checklist production', 'checklist', 'production-readiness'],
    ['stack backend', 'stack', 'backend-developer-stack'],
    ['what is idempotency', 'concept', 'idempotency'],
    ['is python fast enough?', 'concept', 'is-python-fast-enough'],
    ['tip', 'tip', undefined],
    ['help', 'help', undefined],
    ['what is frobnitz', 'unknown', undefined],
  ];
  it.each(cases)('%j -> %s', (q, intent, first) => {
    const a = ask(q);
    expect(a.intent).toBe(intent);
    if (first) expect(a.subjects[0]?.id).toBe(first);
  });

  it('checklist and stack with no topic list every one', () => {
    const checklists = ask('checklist');
    expect(checklists.intent).toBe('checklist');
    expect(checklists.subjects.length).toBe(engine.knowledge.checklists.length);
    const stacks = ask('stack');
    expect(stacks.intent).toBe('stack');
    expect(stacks.subjects.length).toBe(engine.knowledge.stacks.length);
  });

  it('a tip about a topic picks a tip about it', () => {
    const a = ask('tip about testing');
    expect(a.intent).toBe('tip');
    expect(texts(a).join(' ').toLowerCase()).toMatch(/test/);
    expect(notes(a)).toEqual([]);
  });

  it('a tip about an unknown topic says so and still gives a tip', () => {
    const a = ask('tip about frobnitz');
    expect(a.intent).toBe('tip');
    expect(notes(a).join(' ')).toMatch(/No tip about "frobnitz"/);
  });
});

describe('compare', () => {
  it('django flask fastapi carries the articles’ performance ratings in a table', () => {
    const a = ask('compare django flask fastapi');
    expect(a.intent).toBe('compare');
    expect(ids(a)).toEqual(['django', 'flask', 'fastapi']);
    const table = a.sections.find((s): s is Extract<Section, { type: 'table' }> => s.type === 'table');
    expect(table?.columns).toEqual(['Django', 'Flask', 'FastAPI']);
    const performance = table?.rows.find((r) => r.label === 'Performance');
    expect(performance?.values).toEqual(['Moderate', 'Good', 'Excellent (Highest)']);
  });

  it('after "compare", short and everyday names count as names', () => {
    expect(ids(ask('compare celery rq'))).toEqual(['celery', 'rq']);
    expect(ids(ask('compare uv poetry'))).toEqual(['uv', 'poetry']);
    expect(ids(ask('compare black ruff'))).toEqual(['black', 'ruff']);
  });

  it('a need worded as a knowledge category gets that category, whatever the category', () => {
    for (const p of engine.knowledge.packages) {
      const a = ask(`find ${p.category.toLowerCase()}`);
      // A category that is also a package's name ("logging", "notebooks") gets that package's card.
      expect(['recommend', 'library'], p.category).toContain(a.intent);
      const picked = a.subjects.map((s) => engine.knowledge.entries.get(s.id));
      expect(
        picked.every((e) => e?.type === 'package' && e.category === p.category),
        p.category,
      ).toBe(true);
    }
  });

  it('natural phrasings compare the same things', () => {
    for (const q of ['django vs flask', 'difference between django and flask', 'django or flask?']) {
      const a = ask(q);
      expect(a.intent, q).toBe('compare');
      expect(ids(a), q).toEqual(['django', 'flask']);
    }
  });

  it('takes 2 to 4 and notes when more are given', () => {
    expect(ids(ask('compare django flask fastapi litestar'))).toHaveLength(4);
    expect(notes(ask('compare django flask fastapi litestar')).join(' ')).not.toMatch(/up to 4/);
    const a = ask('compare django flask fastapi litestar tornado starlette');
    expect(a.intent).toBe('compare');
    expect(ids(a)).toEqual(['django', 'flask', 'fastapi', 'litestar']);
    expect(notes(a).join(' ')).toMatch(/up to 4/);
  });

  it('with one name shows that entry and asks for more', () => {
    const a = ask('compare django');
    expect(a.intent).toBe('help');
    expect(texts(a).join(' ')).toMatch(/two to four names to compare with django/);
  });

  it('with no name is help', () => {
    expect(ask('compare').intent).toBe('help');
  });

  it('with an unknown name says which one', () => {
    const a = ask('compare django frobnitz');
    expect(a.intent).toBe('unknown');
    expect(texts(a).join(' ')).toContain('"frobnitz"');
    expect(a.unrecognised).toEqual(['frobnitz']);
  });

  it('resolves aliases and typos in compared names', () => {
    expect(ids(ask('compare drf fastpi'))).toEqual(['django-rest-framework', 'fastapi']);
  });
});

describe('unknown names and off-topic questions', () => {
  it('a near miss gets suggestions', () => {
    const a = ask('what is djangooo');
    expect(a.intent).toBe('unknown');
    expect(a.sources).toEqual([]);
    expect(texts(a).join(' ')).toMatch(/Did you mean .*Django/);
  });

  it('a one-letter slip is answered, with a note naming what was shown', () => {
    const a = ask('what is djangoo');
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual(['django']);
    expect(notes(a).join(' ')).toContain('Showing Django for "djangoo"');
  });

  it('gibberish gets no suggestions', () => {
    const a = ask('what is frobnitz');
    expect(a.intent).toBe('unknown');
    expect(texts(a).join(' ')).not.toMatch(/Did you mean/);
  });

  it.each(['weather in paris', 'how tall is mount everest', 'tell me a joke', 'recipe for banana bread'])(
    'off-topic %j -> unknown',
    (q) => {
      const a = ask(q);
      expect(a.intent).toBe('unknown');
      expect(a.subjects).toEqual([]);
    },
  );

  // BUG: half the words matching anything passes the 0.5 coverage bar, so a one-word overlap is
  // answered as a confident recommendation: "time" matches OpenCV's "real-time vision" use case
  // (recommend opencv, ultralytics, ...), and "bread" is one edit from "read" (recommend xlrd,
  // python-pptx, python-docx, ...) through the fuzzy neighbour terms of searchIndex.
  it.each(['what time is it in tokyo', 'how do i bake bread'])('off-topic %j -> unknown', (q) => {
    expect(ask(q).intent).toBe('unknown');
  });
});

describe('every answer', () => {
  const questions = readFileSync(resolve(ROOT, 'tests', 'eval', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
  const extra = ['compare django flask fastapi', 'tip', 'checklist', 'stack', 'observability', 'lib httpx'];
  const all = [...questions, ...extra];

  it('cites at least one source unless it is help or unknown', () => {
    const uncited = all.filter((q) => {
      const a = ask(q);
      return a.intent !== 'help' && a.intent !== 'unknown' && a.sources.length === 0;
    });
    expect(questions.length).toBeGreaterThan(100);
    expect(uncited).toEqual([]);
  });

  it('cites only sources that exist, each once', () => {
    for (const q of all) {
      const srcs = ask(q).sources.map((s) => s.id);
      expect(new Set(srcs).size, q).toBe(srcs.length);
      for (const s of srcs) expect(engine.knowledge.sources.has(s), `${q}: ${s}`).toBe(true);
    }
  });

  it('is deterministic: the same input twice gives deep-equal answers', () => {
    for (const q of all) expect(ask(q, 7), q).toEqual(ask(q, 7));
  });
});

describe('tips', () => {
  it('a seed picks the tip; seed n and n + 1 differ', () => {
    const a = ask('tip', 5);
    const b = ask('tip', 6);
    expect(a.tipSeed).toBe(5);
    expect(b.tipSeed).toBe(6);
    expect(ids(a)).not.toEqual(ids(b));
    expect(ask('tip', 5)).toEqual(a);
  });

  it('rotates through every tip and wraps around, negative seeds included', () => {
    const n = engine.knowledge.tips.length;
    const seen = new Set(Array.from({ length: n }, (_, i) => ids(ask('tip', i))[0]));
    expect(seen.size).toBe(n);
    expect(ids(ask('tip', n))).toEqual(ids(ask('tip', 0)));
    expect(ids(ask('tip', -1))).toEqual(ids(ask('tip', n - 1)));
  });

  it('the default seed is 0', () => {
    expect(ask('tip')).toEqual(ask('tip', 0));
  });

  it('a tip on a topic of two words comes from the tips holding both, not either', () => {
    const kb = engine.knowledge;
    const both = kb.tips.filter((t) => t.related.includes('pydantic') && t.related.includes('security-habits'));
    expect(both.length).toBeGreaterThan(0);
    for (let seed = 0; seed < 12; seed++) {
      const id = tipAnswer(kb, 'pydantic security', seed).subjects[0]?.id;
      expect(
        both.map((t) => t.id),
        `seed ${seed}`,
      ).toContain(id);
    }
  });

  it('says plainly that there are no tips, should the knowledge hold none', () => {
    const a = tipAnswer({ ...engine.knowledge, tips: [] }, '', 3);
    expect(a.intent).toBe('tip');
    expect(notes(a).join(' ')).toMatch(/no tips in the knowledge/);
  });
});

describe('very long messages', () => {
  it('are answered from their first characters, with a note saying so', () => {
    const engine = realEngine();
    const a = engine.answer(`what is httpx ${'and more words '.repeat(400)}`);
    expect(a.sections.some((s) => s.type === 'note' && /first 500 characters/.test(s.text))).toBe(true);
    expect(engine.answer('what is httpx').sections.some((s) => s.type === 'note' && /long message/.test(s.text))).toBe(
      false,
    );
  });
});

describe('two questions in one message', () => {
  const rows = readFileSync(resolve(ROOT, 'tests/eval/tune-8.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { q: string; kind?: string })
    .filter((r) => r.kind === 'two-questions');

  it('never answers the second part with the first part again', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const { q } of rows) {
      const a = ask(q);
      if (!a.also) continue;
      // (One card from two angles is two answers: "what's rq? and is it ok for production".)
      const key = (x: Answer) => `${x.intent} ${x.focus ?? ''} ${ids(x)[0]}`;
      expect(key(a.also), q).not.toBe(key(a));
    }
  });

  it('takes a numbered or "also"-marked sentence as the second question, with or without a question mark', () => {
    const numbered = ask("pytest or unittest for a new service? 2) what's hypothesis good for");
    expect(ids(numbered)).toEqual(['pytest', 'unittest']);
    expect(ids(numbered.also as Answer)[0]).toBe('hypothesis');
    const also = ask('fabric vs ansible for restarting services on the legacy vms. also paramiko?');
    expect(ids(also.also as Answer)[0]).toBe('paramiko');
    const marked = ask("what's a virtualenv and why one per project. Also venv vs uv?");
    expect(marked.intent).toBe('concept');
    expect(ids(marked.also as Answer)).toEqual(['venv', 'uv']);
  });

  it('takes a short first sentence as a question when a later one is marked as another', () => {
    const a = ask("production readiness checklist pls, also what's a health check");
    expect(ids(a)).toEqual(['production-readiness']);
    expect(ids(a.also as Answer)).toEqual(['health-checks']);
    const b = ask('ml stack pls. also sklearn ok for prod');
    expect(b.intent).toBe('stack');
    expect(b.also?.focus).toBe('production');
  });

  it('takes two names joined by "or" as a question, unless they are set aside', () => {
    const a = ask(
      'scrapy or beautifulsoup for scraping ~50 carrier sites; also do i need playwright for the js-heavy ones?',
    );
    expect(ids(a)).toEqual(['scrapy', 'beautifulsoup']);
    expect(ids(a.also as Answer)[0]).toBe('playwright');
    const aside = ask(
      "small internal service needs to post a summary every weekday at 8:00. don't want to bring in celery or airflow just for that. in-process option?",
    );
    expect(aside.intent).toBe('recommend');
    expect(ids(aside)).not.toContain('celery');
  });

  it('answers a second question read alone when it names its own need', () => {
    const a = ask('what is model serving exactly? and which lib do people use for progress bars');
    expect(a.intent).toBe('concept');
    expect(a.also?.intent).toBe('recommend');
    expect(ids(a.also as Answer)).toContain('tqdm');
  });

  it('answers two questions joined inside one sentence, each half asking by itself', () => {
    const a = ask('whats opencv, and pillow vs opencv for just resizing');
    expect(ids(a)).toEqual(['opencv']);
    expect(a.also?.intent).toBe('compare');
    const b = ask('explain RAG pls, also llamaindex or langchain');
    expect(b.intent).toBe('concept');
    expect(ids(b.also as Answer).sort()).toEqual(['langchain', 'llamaindex']);
  });

  it("keeps one question where a half only weighs the other half's names, or only lists names", () => {
    const a = ask("what's better for a 3-person data team running nightly ETL — airflow or prefect");
    expect(ids(a)).toEqual(['airflow', 'prefect']);
    expect(a.also).toBeUndefined();
    expect(ask('compare django, flask, and fastapi').also).toBeUndefined();
  });

  it('takes "+ <question>" as a marked second question, and a need stated after ", and separately" as a request', () => {
    const a = ask("data engineering stack + what's etl vs elt");
    expect(a.intent).toBe('stack');
    expect(ids(a.also as Answer)).toEqual(['etl-elt']);
    const b = ask('recommend an http client, and separately something to parse the html it returns');
    expect(ids(b)[0]).toBe('requests');
    expect(ids(b.also as Answer)[0]).toBe('beautifulsoup');
    expect(ask('flask + sqlite for a tiny todo app').also).toBeUndefined();
  });

  it('reads past a few words that announce the question', () => {
    const a = ask("<@U0PYSTACK> new grad question, sorry 😅 what's REST? and what's GraphQL?");
    expect(ids(a)).toEqual(['rest']);
    expect(ids(a.also as Answer)).toEqual(['graphql']);
  });

  it('takes a short first part that asks by itself as a question when a led-in question follows', () => {
    const a = ask('xgboost any good and what about catboost');
    expect(ids(a)[0]).toBe('xgboost');
    expect(a.focus).toBe('worth');
    expect(ids(a.also as Answer)[0]).toBe('catboost');
    const b = ask('prod readiness checklist pls. and how do rollbacks work');
    expect(ids(b)).toEqual(['production-readiness']);
    expect(ids(b.also as Answer)).toEqual(['rollbacks']);
    expect(ask('we use django. and which task queue?').also).toBeUndefined();
  });

  it('asks for the clients of the service the first part named', () => {
    const a = ask('is sqlite ok for the bench data logger? also which python module do I use for it');
    expect(ids(a)[0]).toBe('sqlite');
    expect(ids(a.also as Answer)[0]).toBe('sqlite3');
  });

  it('takes a part led by "and" right after a question as a second question', () => {
    const a = ask('openai sdk any good? and the anthropic one');
    expect(ids(a)[0]).toBe('openai');
    expect(ids(a.also as Answer)[0]).toBe('anthropic');
  });
});

describe('out of scope, told by what is around the names', () => {
  it('says "outside the stack" when the sentences around the question name another stack and nothing of Python', () => {
    const a = ask(
      "We're moving off a Java 8 monolith. The team is split between Spring Boot and Quarkus. Which one starts faster?",
    );
    expect(a.intent).toBe('unknown');
    expect(a.unrecognised?.join(' ')).toMatch(/spring boot|quarkus|java/);
  });

  it('still answers when the message asks for the Python side', () => {
    const a = ask(
      'our php team wants a python service next to the monolith. which framework should we use for a small api?',
    );
    expect(a.intent).toBe('recommend');
  });

  it('reads a name that is an everyday word as that word when nothing around it is about software', () => {
    expect(ask("where can I buy a nice hip flask for my dad's birthday").intent).toBe('unknown');
    expect(ask('is the canteen doing the celery soup again today?').intent).toBe('unknown');
    expect(ask('need a new pillow, my neck is killing me').intent).toBe('unknown');
    expect(
      ask(
        "We're migrating our billing service off a Java 8 monolith. The team is split between Spring Boot 3 and Quarkus for the new services. Which one has better startup time on Kubernetes?",
      ).intent,
    ).toBe('unknown');
    expect(ask('flask for a tiny api?').intent).toBe('library');
    expect(ids(ask('is pillow good for resizing thumbnails'))[0]).toBe('pillow');
  });
});

describe('a follow-up about the name the thread is about', () => {
  const after = (previous: string, text: string) => engine.answer(text, { previous });

  it('sets a name it gives against the thread name', () => {
    expect(ids(after("what's prefect", 'how does it compare to airflow?'))).toEqual(['prefect', 'airflow']);
    expect(ids(after("what's mypy", "vs pyright? we're all on vscode"))).toEqual(['mypy', 'pyright']);
    expect(after("what's pandas", 'when would I use it over plain numpy?').intent).toBe('compare');
  });

  it('asks for something other than the thread package: its alternatives, or the one thing asked for', () => {
    const nicer = after("what's unittest", 'something nicer?');
    expect(nicer.focus).toBe('alternatives');
    expect(ids(nicer)[0]).toBe('unittest');
    const one = after("what's micropython", 'the adafruit one?');
    expect(one.intent).toBe('library');
    expect(ids(one)).toEqual(['circuitpython']);
  });

  it('weighs the thread comparison again for a purpose it gives', () => {
    const a = after('airflow vs prefect', 'which one is easier for a team of two');
    expect(a.intent).toBe('compare');
    expect(ids(a)).toEqual(['airflow', 'prefect']);
  });

  it('asks about the thread name from the angle it gives', () => {
    const a = after('tell me about airflow', 'any lighter alternative?');
    expect(a.intent).toBe('library');
    expect(a.focus).toBe('alternatives');
    expect(ids(a)[0]).toBe('airflow');
  });

  it('a pronoun that names nothing points at what the thread answer led with, from the angle it gives', () => {
    const prod = after('what should we use for caching', 'is that one ok in production?');
    expect(prod.intent).toBe('library');
    expect(prod.focus).toBe('production');
    expect(ids(prod)[0]).toBe('redis');
    expect(ids(after('what is click', 'who made it'))).toEqual(['click']);
  });

  it('"the … one?" after a card gets the one of its kind the words describe', () => {
    expect(ids(after("what's pymongo", 'async one?'))).toEqual(['motor']);
    expect(ids(after("what's rpi.gpio", 'higher level one?'))).toEqual(['gpiozero']);
    const versus = after('someone explain mypy', 'vs the microsoft one?');
    expect(versus.intent).toBe('compare');
    expect(ids(versus)).toEqual(['mypy', 'pyright']);
  });

  it('"vs X?" after a card compares, though the rest reads as a need', () => {
    expect(ids(after("what's pytest", 'vs unittest? which one shd we standardise on'))).toEqual(['pytest', 'unittest']);
  });

  it("the same question about another service asks for its clients, in the thread's purpose", () => {
    expect(ids(after('whats the async postgres driver', 'and for mongo?'))[0]).toBe('motor');
    const a = after('psycopg or asyncpg?', "ok and if it's mysql instead?");
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['aiomysql', 'pymysql']);
  });

  it('weighing after a comparison, however worded, is the same comparison', () => {
    for (const q of [
      'which of the two is more production ready?',
      "which would you pick if we can't install anything",
    ]) {
      const a = after('celery vs rq for the permits app?', q);
      expect(a.intent, q).toBe('compare');
      expect(ids(a), q).toEqual(['celery', 'rq']);
    }
  });

  it('asking for a tool after a concept gets the packages the concept names', () => {
    const a = after("what's rag", 'which library do people use for it');
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 2)).toEqual(['llamaindex', 'langchain']);
    const two = ask("what's RAG and which library do people use for it?");
    expect(two.intent).toBe('concept');
    expect(ids(two.also as Answer)[0]).toBe('llamaindex');
    // Asked without a word for a tool: "which one should we use", "what do teams usually run".
    expect(ids(after("what's an orm", 'which one should we use?'))[0]).toBe('sqlalchemy');
    const broker = ask('what is a message broker, and which one do python teams usually run?');
    expect([broker.intent, broker.also?.intent]).toEqual(['concept', 'recommend']);
  });

  it('a pronoun in a follow-up that asks for another thing does not point back', () => {
    expect(ids(after('which orm should we use with fastapi', 'and migrations for it?'))[0]).not.toBe('sqlalchemy');
  });
});

describe('a message whose question is its last sentence', () => {
  it('reads the last sentence as the question though normalising dropped its question mark', () => {
    expect(ids(ask('need global hotkeys on windows. leaning pyautogui, would pynput be a better fit?'))).toEqual([
      'pyautogui',
      'pynput',
    ]);
  });

  it('weighs names the sentences before gave when the question only weighs them', () => {
    const a = ask(
      "I'm a C# developer maintaining some Python scripts that call a REST API. The scripts use requests but a colleague suggested httpx. What's the difference?",
    );
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['httpx', 'requests']);
  });

  it('reads a bare tail ("thoughts?") as part of the question before it, not a second question', () => {
    const a = ask('alembic vs django migrations. thoughts?');
    expect(a.intent).toBe('compare');
    expect(a.also).toBeUndefined();
  });

  it('joins a part that is only a name with the other in one comparison, but keeps two real questions apart', () => {
    expect(ask('throwaway script that hits one endpoint. requests? httpx?').intent).toBe('compare');
    const two = ask('what is hypothesis? and how is it different from faker');
    expect(ids(two)).toEqual(['hypothesis']);
    expect(two.also?.intent).toBe('compare');
  });
});

describe('how something works', () => {
  it('answers "how does X work" with what X is', () => {
    expect(ids(ask('how do webhooks work'))).toEqual(['webhooks']);
    expect(ids(ask('how does celery work'))[0]).toBe('celery');
    const two = ask('what is idempotency and how do webhooks work');
    expect(ids(two.also as Answer)).toEqual(['webhooks']);
  });
});

describe('names in the sentences around a question that weighs them', () => {
  it('compares the names the context gave when the question only weighs', () => {
    const a = ask(
      'design review yesterday: we send ~50k SMS per day and retry the failures. someone brought up dramatiq as an alternative to celery. how do they compare?',
    );
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['celery', 'dramatiq']);
  });

  it('compares what the context runs with what the question would move to, when one can stand in for the other', () => {
    const a = ask(
      'QA lead: our suite is 1200 unittest TestCase classes from 2016. should a small team bother migrating to pytest?',
    );
    expect(ids(a)).toEqual(['unittest', 'pytest']);
    // A driver is no stand-in for a database: the need is answered.
    const need = ask(
      'we have a FastAPI service talking to postgres through psycopg2 and under load it blocks the event loop. is there an async postgres driver we should switch to?',
    );
    expect(need.intent).toBe('recommend');
  });
});

describe('two names of one category weighed in one question', () => {
  it.each([
    ['is celery overkill next to rq for a tiny internal button?', ['celery', 'rq']],
    ['ruff replaced black for u guys?', ['black', 'ruff']],
    ['fastai any good or just use plain pytorch', ['fastai', 'pytorch']],
    ['for quick EDA heatmaps in a notebook is seaborn nicer than plain matplotlib?', ['matplotlib', 'seaborn']],
  ])('%j compares them', (q, want) => {
    const a = ask(q);
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(want);
  });
});

describe('an everyday-word name in a casual question about it', () => {
  it.each([
    ['poetry still a thing in 2024', 'poetry'],
    ['weekend project vibes — anyone tried arcade?', 'arcade'],
    ['whats this hypothesis thing people keep mentioning', 'hypothesis'],
  ])('%j is about the package', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('library');
    expect(ids(a)[0]).toBe(id);
  });
});

describe('courtesies in words of their own', () => {
  it.each([
    'thank you so much, super useful',
    'thanks for the help yesterday',
    'thx, that was exactly it',
    "thanks, that's exactly what I needed 🙌",
  ])('%j gets a one-line reply', (q) => expect(ask(q).intent).toBe('thanks'));

  it('still answers a question that comes with thanks or a greeting', () => {
    expect(ask('thanks! which orm for fastapi').intent).toBe('recommend');
    expect(ask('hi, is celery prod ready').intent).toBe('library');
  });

  it('thanks followed by a follow-up answers the follow-up in its thread', () => {
    const a = engine.answer('thx. and the async one?', { previous: "what's a good http client?" });
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 3)).toContain('httpx');
  });
});

describe('chat spelling', () => {
  it('reads slang and drawn-out words as the words they are, never as unknown names', () => {
    expect(ask('heyyy anyone got a fav lib for excel stuff?').intent).toBe('recommend');
    expect(ask('halp, need to scrape one page real quick').intent).toBe('recommend');
    expect(ask('tfw you need a progress bar 😩').intent).toBe('recommend');
    expect(ask('whats gud for nlp').intent).toBe('recommend');
    expect(ask("what's everyone using to manage deps these days").intent).toBe('recommend');
    expect(ids(ask('sooo which orm for fastapi'))).toContain('sqlalchemy');
  });
});

describe('the angle the words give', () => {
  it('outranks the classifier, for a link too', () => {
    const a = ask("<https://pypi.org/project/networkx/> what's this for");
    expect(a.focus).toBe('uses');
    expect(ids(a)[0]).toBe('networkx');
    const b = ask('<https://github.com/astral-sh/uv|uv> ok for prod?');
    expect(b.intent).toBe('library');
    expect(b.focus).toBe('production');
    expect(ids(b)[0]).toBe('uv');
  });

  it.each(['what is this bot even', 'how does pystack work', 'what r u for', 'what stuff do u know about'])(
    '%j asks what the bot does',
    (q) => expect(ask(q).intent).toBe('help'),
  );
});
