/** One question per kind of slot the parser reads, through the real engine and knowledge. */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { normalize } from '../../src/answer/text.js';
import { createEngine } from '../../src/answer/engine.js';
import { rankWords } from '../../src/answer/ranker.js';
import { Slips } from '../../src/answer/slips.js';
import { realEngine, realKnowledge } from '../helpers/kb.js';

const engine = realEngine();
const ask = (text: string, previous?: string) => engine.answer(text, { tipSeed: 0, previous });
const ids = (a: Answer) => a.subjects.map((s) => s.id);
const allText = (a: Answer) =>
  a.sections.flatMap((s) => (s.type === 'text' || s.type === 'note' ? [s.text] : [])).join(' ');

describe('names and angles', () => {
  it.each([
    ['alternatives to flask', 'alternatives'],
    ['can I run tornado in production?', 'production'],
    ['what is dramatiq for', 'uses'],
    ['is poetry worth adopting', 'worth'],
    ['what even is httpx??', 'overview'],
  ])('%j is the library from the %s angle', (q, focus) => {
    const a = ask(q);
    expect(a.intent).toBe('library');
    expect(a.focus).toBe(focus);
  });

  it.each([
    ["what's scipy good for, compared to just numpy?", 'scipy', 'uses'],
    ['is redis fine as a cache?', 'redis', 'uses'],
    ['worth moving the team to uv?', 'uv', 'worth'],
    ["hey bot, what's uv? everyone keeps going on about it", 'uv', 'overview'],
    ['poetry alternatives?', 'poetry', 'alternatives'],
    ["redis — what's it actually good for besides caching?", 'redis', 'uses'],
    ['what do people use pydantic for besides fastapi request bodies', 'pydantic', 'uses'],
    ['alternatives to redis besides memcached', 'redis', 'alternatives'],
    ['is tornado dead?', 'tornado', 'worth'],
    ['scikit-learn good for beginners or nah', 'scikit-learn', 'worth'],
    ['is redis good for caching?', 'redis', 'uses'],
    ['when would I use starlette directly instead of fastapi?', 'starlette', 'uses'],
    ['is tensorflow still worth learning or has everyone moved to torch?', 'tensorflow', 'worth'],
    ['is django still worth learning in 2025 or is everyone on fastapi now', 'django', 'worth'],
    ['when would i reach for starlette directly instead of fastapi', 'starlette', 'uses'],
    ['replacement for black?', 'black', 'alternatives'],
    ['is celery actually production ready or will it bite us', 'celery', 'production'],
    ['do i need jax at all?', 'jax', 'worth'],
    ['do we even need celery for this', 'celery', 'worth'],
    ['when do you actually need a vector db like chroma', 'chromadb', 'uses'],
    ['alt to black?', 'black', 'alternatives'],
    ['we want off poetry. options??', 'poetry', 'alternatives'],
    ['is sqlalchemy overkill for a 3-table app?', 'sqlalchemy', 'worth'],
    ['django any good for an admin panel?', 'django', 'worth'],
    ['<https://github.com/ultralytics/ultralytics> can we use this on the drone for detection?', 'ultralytics', 'uses'],
  ])('%j asks about %s from the %s angle', (q, id, focus) => {
    const a = ask(q);
    expect(ids(a)[0]).toBe(id);
    expect(a.focus).toBe(focus);
  });

  it('a name weighed as the one to switch from is compared with the one to switch to', () => {
    const a = ask('<https://pypi.org/project/httpx/|httpx> — worth switching from requests for the workers?');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['httpx', 'requests']);
  });

  it('alternatives list the named library first, then its alternatives, each with when to pick it', () => {
    const a = ask('alternatives to flask');
    expect(ids(a)[0]).toBe('flask');
    expect(ids(a).length).toBeGreaterThan(1);
    const picks = a.sections.find((s) => s.type === 'picks');
    expect(picks?.type === 'picks' && picks.picks.every((p) => /Pick it when/.test(p.reason))).toBe(true);
  });

  it('never corrects an English word into a name ("flash" is no slip on "flask")', () => {
    expect(ids(ask('what do people flash onto an esp32 to write python on it'))).not.toContain('flask');
    expect(ids(ask('what is djnago'))).toEqual(['django']);
    // A slip in a later word of a name of several words, on a word that is no word.
    expect(ids(ask('scikit lern or xgboost for a churn model')).sort()).toEqual(['scikit-learn', 'xgboost']);
    // …or in its first word, before words that end a name exactly.
    expect(ids(ask('sqlalchemey or djano orm??')).sort()).toEqual(['django-orm', 'sqlalchemy']);
    // "python http" is no slip on a name: "http" is a word the knowledge uses.
    expect(ask("what's the best python http client").intent).toBe('recommend');
  });

  it('a short or everyday-word name right after "<name> and" is a name ("between venv and uv")', () => {
    expect(ids(ask('difference between venv and uv?')).sort()).toEqual(['uv', 'venv']);
    expect(ids(ask("what's the difference between ruff and black?")).sort()).toEqual(['black', 'ruff']);
    expect(ids(ask("what's the diff between poetry and uv")).sort()).toEqual(['poetry', 'uv']);
  });

  it('a word set against a slip on a name is a slip on a name too ("matplotib or seaborne")', () => {
    expect(ids(ask('matplotib or seaborne for heatmaps')).sort()).toEqual(['matplotlib', 'seaborn']);
  });

  it('a word set against a name is a slip on a name, though it is also a word or a stem', () => {
    expect(ids(ask('pands vs numpy')).sort()).toEqual(['numpy', 'pandas']);
    expect(ids(ask('flaks or fastapi')).sort()).toEqual(['fastapi', 'flask']);
  });

  it("a slip on a word of the knowledge's prose is that word; a name one slip from an English word stays a name", () => {
    const a = ask('**best libary for progres bars**');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('tqdm');
    expect(ask('uvicorn or gunicorn in front of fastapi in prod?').unrecognised).toContain('uvicorn');
  });

  it('reads an everyday word with one slip as that word', () => {
    const a = ask('alternatvies to requests?');
    expect(a.focus).toBe('alternatives');
    expect(ids(a)[0]).toBe('requests');
  });

  it('"workers keep dying" says nothing about whether a tool is worth it', () => {
    expect(ids(ask('*urgent-ish* our celry workers keep dying, wait what even is a message brokr'))).toEqual([
      'message-broker',
    ]);
  });

  it('"what do we use for talking to mongo from python these days" asks for its clients; "these days" weighs nothing', () => {
    expect(ids(ask('what do we use for talking to mongo from python these days'))).toContain('pymongo');
    expect(ask('is mongodb still used these days?').focus).toBe('worth');
  });

  it('"to" before a verb makes the name that verb\'s object, not a setting ("how to call claude from python")', () => {
    expect(ids(ask('how to call claude from python'))[0]).toBe('anthropic');
    expect(ask('a task queue to use with django').intent).toBe('recommend');
  });

  it('an everyday-word name nothing points at is the package when the intent model is all but certain', () => {
    expect(ids(ask("ngl poetry confuses me, what's the deal with it"))).toEqual(['poetry']);
    expect(ids(ask('thinking of rolling uv out to the whole team, good move?'))).toEqual(['uv']);
    // …and not when the words are chatter.
    expect(ask('need a new pillow, my neck is killing me').intent).toBe('unknown');
  });

  it('a slip likelier on a word the knowledge uses than on a name is that word ("pipline", not zipline)', () => {
    expect(ids(ask("what's a data pipline"))).toEqual(['data-pipeline']);
    expect(ids(ask('what is djnago'))).toEqual(['django']);
  });

  it('reads a doubled-letter slip and a dropped letter in a short word as the everyday word', () => {
    const a = ask('reccomend a libary for makng charts from dataframes pls');
    expect(a.intent).toBe('recommend');
    expect(a.unrecognised ?? []).toEqual([]);
    expect(ask('reccomend a schedular for python jobs').intent).toBe('recommend');
  });

  it('reads two swapped letters in a short word, and a dropped letter in a four-letter one, as the everyday word', () => {
    const slips = new Slips(['which', 'would', 'right', 'queue']);
    expect(['whcih', 'wuold', 'rihgt', 'queu'].map((w) => slips.mend(w))).toEqual(['which', 'would', 'right', 'queue']);
    // (Not any other one-edit slip of a short word: a wrong letter, "rught", is too often another word or a name.)
    expect(slips.mend('rught')).toBeUndefined();
    expect(slips.mend('que')).toBeUndefined();
    for (const q of ['is flask the rigth pick for a tiny api', 'which orm wuold you pick for fastapi'])
      expect(ask(q).unrecognised ?? []).toEqual([]);
  });

  it('a link in Slack form answers with the card of its package', () => {
    expect(ids(ask('<https://pypi.org/project/httpx/>'))).toEqual(['httpx']);
    expect(ids(ask('thoughts on <https://github.com/psf/requests|this>?'))).toEqual(['requests']);
    // A short or everyday name from a link is a name; a project's host carries its name; one slip is forgiven.
    expect(ids(ask('saw <https://github.com/astral-sh/uv> getting hyped, is it legit?'))[0]).toBe('uv');
    expect(
      ids(ask('<https://www.djangoproject.com/> vs <https://flask.palletsprojects.com/> for a portal')).sort(),
    ).toEqual(['django', 'flask']);
    expect(ids(ask('<https://docs.celeryq.dev/en/stable/|celery docs> what is this'))[0]).toBe('celery');
    // A host that puts the language before the name ("python-poetry.org") still names it.
    const poetry = ask('thoughts on <https://python-poetry.org/docs/>?');
    expect([ids(poetry)[0], poetry.unrecognised ?? []]).toEqual(['poetry', []]);
  });
});

describe('comparisons', () => {
  it('compares exactly the items named, with a purpose tail', () => {
    const a = ask('pytest vs unittest, which for a big legacy codebase');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['pytest', 'unittest']);
  });

  it('ends with a verdict line per item, the one that fits the purpose first', () => {
    const a = ask('celery or rq for a tiny side project');
    const verdict = a.sections.find((s) => s.type === 'picks');
    expect(verdict?.type === 'picks' && verdict.picks.map((p) => p.name).sort()).toEqual(['Celery', 'RQ']);
    expect(verdict?.type === 'picks' && verdict.picks.every((p) => p.reason.startsWith('when '))).toBe(true);
  });

  it('half known: answers the known one and names the unknown one', () => {
    const a = ask('numpy vs julia');
    expect(ids(a)).toEqual(['numpy']);
    expect(a.unrecognised).toEqual(['julia']);
    expect(allText(a)).toContain('"julia"');
  });

  it('half known in parts: "X + Y, good combo?" names the unknown X beside the card for Y', () => {
    const a = ask('hyperopt + xgboost for tuning the churn model, good combo?');
    expect([a.intent, ids(a)[0], a.unrecognised]).toEqual(['library', 'xgboost', ['hyperopt']]);
    expect(allText(a)).toContain('"hyperopt"');
  });
});

describe('"the difference between A and B" among other names', () => {
  it('weighs what stands in the slot, not every name of the message', () => {
    const a = ask(
      "a user asks what the difference between WSGI and ASGI is, because her Flask app and her colleague's FastAPI app get deployed differently",
    );
    expect([a.intent, ids(a)[0]]).toEqual(['concept', 'wsgi-asgi']);
    const b = ask("what's the difference between celery and rq? our django app already runs redis");
    expect(b.intent).toBe('compare');
    expect(ids(b).sort()).toEqual(['celery', 'rq']);
  });
});

describe('what a package is built on', () => {
  it.each([
    ["what's that thing fastapi is built on top of", undefined, 'starlette'],
    ['what is requests built on', undefined, 'urllib3'],
    ['base lib under it?', "what's pandas", 'numpy'],
  ])('%j (after %j) is the package the knowledge says it is built on: %s', (q, previous, id) => {
    const a = ask(q, previous);
    expect([a.intent, ids(a)[0]]).toEqual(['library', id]);
  });
});

describe('the kind of answer all but certain', () => {
  it.each([
    ['what does a backend python dev use day to day, roughly?', 'stack', 'backend-developer-stack'],
    ['how do i see which lines my tests *never* hit', 'recommend', 'coverage'],
  ])('%j gets %s %s though few of its words are rare', (q, intent, id) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual([intent, id]);
  });

  it.each([
    [
      'our team pushes straight to main on github with no reviews, what should a proper git flow look like?',
      'git-workflow',
    ],
    // Picks for the name's kind (installers) were no answer either.
    ['how can i tell if a package on pypi is legit before pip installing it', 'choosing-a-library'],
  ])('%j names a package only as the setting of a checklist question: %s', (q, id) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual(['checklist', id]);
  });

  it('picks the entry ranker is far surer of lead: "files" read as office files, the ranker knowing fasta', () => {
    const a = ask('library to read gene sequence files in fasta format');
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', 'biopython']);
  });

  it.each([
    ["the carrier sends the same webhook twice, what's the fix called", 'concept', 'idempotency'],
    ['checklist for debugging a flaky bug that only shows up sometimes', 'checklist', 'debugging-habits'],
  ])('%j: the %s the entry ranker is far surer of, %s', (q, intent, id) => {
    const a = ask(q);
    expect([a.intent, ids(a)]).toEqual([intent, [id]]);
  });

  it('picks, not one card, where the classifier is sure picks were asked for ("a library for raspberry pi gpio")', () => {
    const a = ask('a library for raspberry pi gpio');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toEqual(expect.arrayContaining(['gpiozero', 'rpi-gpio']));
  });

  it('each question of two gives way to the entry ranker by itself ("…? and which orm should a new flask service use?")', () => {
    const a = ask("what's alembic for? and which orm should a new flask service use?");
    expect([a.intent, ids(a)[0], a.also?.intent]).toEqual(['library', 'alembic', 'recommend']);
    expect(ids(a.also as Answer)).toContain('sqlalchemy');
    expect(ids(a.also as Answer)).not.toContain('flask');
  });

  it('a name set aside stays aside, however much surer of it the entry ranker is', () => {
    const { knowledge, index, intents } = realKnowledge();
    for (const q of [
      "a code formatter that isn't black",
      'a python formatter, not black',
      'anything but black for formatting',
    ]) {
      // A ranker that has only ever seen these words asked of black.
      const questions = { black: Object.fromEntries(rankWords(q).map((w) => [w, 50])) };
      const biased = createEngine({ knowledge, index, intents, entryModel: { format: 1, questions } });
      expect(ids(biased.answer(q)), q).not.toContain('black');
    }
  });

  it('a question about the package itself keeps its card', () => {
    expect([ask("what's django").intent, ids(ask("what's django"))[0]]).toEqual(['library', 'django']);
    expect(ids(ask('is github actions good for ci'))[0]).toBe('github-actions');
  });
});

describe('units and code are no names', () => {
  it('a unit after a number and a dotted path in code are not reported as unknown names', () => {
    expect(ask('pip install takes 4 min in CI, anything faster?').unrecognised ?? []).not.toContain('min');
    const a = ask('sick of os.environ.get sprinkled everywhere, what do people use for app config');
    expect(a.intent).toBe('recommend');
    expect(a.unrecognised ?? []).toEqual([]);
  });
});

describe('pasted install commands', () => {
  it('a pasted install command is about the package it installs, named as the installer names it', () => {
    expect(ids(ask('```pip install djangorestframework```\nis this the way to add an api to our django app?'))[0]).toBe(
      'django-rest-framework',
    );
    expect(ids(ask('> pip install beautifulsoup4\nok installed it, what is it for'))[0]).toBe('beautifulsoup');
    expect(ids(ask('`pip install pandsa` lol — what is the right lib for dataframes'))[0]).toBe('pandas');
  });

  it('a pasted import statement is about the module it imports', () => {
    const a = ask('```import cv2``` what lib is this lol');
    expect([a.intent, ids(a)[0]]).toEqual(['library', 'opencv']);
    expect(ask('`import loguru` vs `import logging` which 1').intent).toBe('compare');
  });

  it('outside code, "pip install" is about pip', () => {
    expect(ids(ask('how does pip install work'))[0]).toBe('pip');
  });
});

describe('half known', () => {
  it.each([
    ['dagster vs airflow', 'airflow', 'dagster'],
    ['we use huey for background jobs right now, is celery worth switching to?', 'celery', 'huey'],
    ['gunicorn or uvicorn in front of fastapi in prod?', 'fastapi', 'gunicorn'],
    // The known name's card, reached when its own picks lead with it, still says what it did not know.
    ['sqlmodel or plain sqlalchemy?', 'sqlalchemy', 'sqlmodel'],
    // An everyday word set against a name with "vs" stands for a name.
    ['pytest vs nose', 'pytest', 'nose'],
    // A name not known beside a known one that is only the setting ("with pandas").
    ['anyone combined pvlib with pandas for solar yield estimates?', 'pandas', 'pvlib'],
    // A known name among few words of the knowledge, the classifier all but certain it asks about the stack.
    ['pandas or polars for the plate reader exports (~40M rows)?', 'pandas', 'polars'],
    // The unknown one first, set against a non-English name (the classifier learns half-known rows as asked about the stack).
    ['marshmallow or pydantic for the POS payloads', 'pydantic', 'marshmallow'],
    // "Move to X": X is what is moved to, not the setting of a need.
    ['pipenv still ok or should we move to poetry', 'poetry', 'pipenv'],
    // "Compared X with Y" sets the two against each other.
    ['has anyone compared polars with pandas', 'pandas', 'polars'],
  ])('%j answers %s and says it does not know %s', (q, known, unknown) => {
    const a = ask(q);
    expect(ids(a)[0]).toBe(known);
    expect(a.unrecognised).toContain(unknown);
    expect(allText(a)).toContain(`"${unknown}"`);
  });

  it('an everyday-word name set against a name it does not know is the package, not the word', () => {
    const a = ask('celery vs huey for a small job queue');
    expect(a.intent).not.toBe('unknown');
    expect(a.unrecognised).toContain('huey');
  });

  it('two everyday-word names in an off-topic message are the words', () => {
    expect(ask('are red pandas actually related to giant pandas? settling a bet in #random').intent).toBe('unknown');
  });

  it('an everyday-word name set against an everyday word, among words the knowledge does not use, is the word', () => {
    expect(ask('celery or carrot sticks for the workshop snack table? 🥕').intent).toBe('unknown');
  });

  it('chat abbreviations and suffixed words are no unknown names', () => {
    expect(ask('yo what do ppl use for plots these days').intent).toBe('recommend');
    expect(ask('dress code for the gala — is black ok or too funeral-y').intent).toBe('unknown');
  });

  it("a tool it does not know weighed against one it knows gets the known one's plain card, not an angle on it", () => {
    for (const [q, known, unknown] of [
      ['is duckdb better than sqlite for querying the big csvs', 'sqlite', 'duckdb'],
      ['is pyinfra better than ansible for pushing configs', 'ansible', 'pyinfra'],
      // Not picks either, though the classifier is sure picks were asked for.
      ['is dagster better than airflow?', 'airflow', 'dagster'],
    ] as const) {
      const a = ask(q);
      expect([a.intent, a.focus ?? 'overview', ids(a)[0], a.unrecognised], q).toEqual([
        'library',
        'overview',
        known,
        [unknown],
      ]);
    }
  });

  it('the card that says it does not know the tool weighed against it stays a card, however sure picks are wanted', () => {
    const { knowledge, index } = realKnowledge();
    const q = 'is dagster better than airflow?';
    // A classifier sure every message asks for picks, and a ranker that has only seen these words asked of prefect.
    const intents = {
      classes: ['recommend', 'unknown'],
      vocab: new Map([['<bias-free>', 0]]),
      weights: [
        [9, 0],
        [0, 0],
      ],
    };
    const questions = { prefect: Object.fromEntries(rankWords(q).map((w) => [w, 50])) };
    const biased = createEngine({ knowledge, index, intents, entryModel: { format: 1, questions } });
    const a = biased.answer(q);
    expect([a.intent, ids(a)[0], a.unrecognised]).toEqual(['library', 'airflow', ['dagster']]);
  });

  it('an English word across other words from "or" or "than", or after "less", is no name', () => {
    const worth = ask('celery worth learning or overkill for a pi?');
    expect([worth.intent, worth.focus, worth.unrecognised]).toEqual(['library', 'worth', undefined]);
    expect(allText(worth)).not.toContain('overkill');
    expect(ask('should we standardise on black or is that outdated now').unrecognised).toBeUndefined();
    const painful = ask("pls tell me there's something less painful than argparse");
    expect([painful.intent, painful.focus, ids(painful)[0], painful.unrecognised]).toEqual([
      'library',
      'alternatives',
      'argparse',
      undefined,
    ]);
    // Side by side with the name, or past only a comparative or a little word, it is one.
    expect(ask('django or pyramid for the intranet').unrecognised).toEqual(['pyramid']);
    expect(ask('arrow or just pandas for converting timestamps between timezones?').unrecognised).toContain('arrow');
  });

  it('a code identifier is no unknown name', () => {
    expect(ask('our settings class sets env_file, is pydantic-settings reading it?').unrecognised ?? []).not.toContain(
      'env_file',
    );
  });
});

describe('a checklist or stack with a name as its setting', () => {
  it.each([
    ['which python fundamentals should I nail down before I touch the django codebase?', 'python-fundamentals'],
    ['our fastapi service is slow, is there a performance checklist', 'performance-concepts'],
  ])('%j is the %s checklist', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('checklist');
    expect(ids(a)).toEqual([id]);
  });
});

describe('exclusions', () => {
  it.each([
    ['http client, anything except requests', 'requests'],
    ['cli lib, no click', 'click'],
    ['plotting library besides matplotlib?', 'matplotlib'],
  ])('%j leaves out %s', (q, left) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain(left);
  });

  it.each([
    ['code formatter other than black', 'ruff'],
    ["something for scheduled data workflows that isn't airflow", 'prefect'],
  ])('%j picks from the kind of what it leaves out: %s', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 3)).toContain(id);
  });

  it('a name ruled out under one of its names is out under its others, which then describe the need', () => {
    const a = ask("raspberry pi gpio library that isn't RPi.GPIO");
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('rpi-gpio');
    expect(ids(a)[0]).toBe('gpiozero');
  });

  it('leaving out a framework leaves out what is made for it', () => {
    const a = ask('web framework for an api, anything except django');
    expect(ids(a)).not.toContain('django');
    expect(ids(a)).not.toContain('django-rest-framework');
    expect(ids(ask("orm recommendations, but not django's"))).not.toContain('django-orm');
  });

  it('"what else is there besides X" asks for X\'s alternatives', () => {
    const a = ask('what else is there besides selenium for driving a browser');
    expect(a.focus).toBe('alternatives');
    expect(ids(a)[0]).toBe('selenium');
  });
});

describe("a service's Python clients", () => {
  it.each([
    ['what can i use to talk to postgres from python', 'psycopg'],
    ['mongodb from python — which library', 'pymongo'],
    ['how do i talk to redis from our python worker', 'redis-py'],
  ])('%j picks the clients of the service, %s first', (q, first) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe(first);
  });

  it('the purpose orders the clients ("async" puts the async driver first)', () => {
    expect(ids(ask('async postgres driver'))[0]).toBe('asyncpg');
  });
});

describe('out of scope', () => {
  it.each([
    ['java vs kotlin', ['java', 'kotlin']],
    ['how many gunicorn workers do i need', ['gunicorn']],
  ])('%j is one honest line naming what it does not know', (q, names) => {
    const a = ask(q);
    expect(a.intent).toBe('unknown');
    expect(a.unrecognised).toEqual(names);
    expect(a.subjects).toEqual([]);
  });

  it("another stack's people ('java dev', 'php guy') in a Python question are the asker's background", () => {
    const a = ask("java dev moving to python backend, what's the usual stack?");
    expect(a.intent).toBe('stack');
    expect(a.unrecognised ?? []).toEqual([]);
    expect(ids(ask("lol our php guy asks if there's a python thing for making powerpoints"))).toContain('python-pptx');
    // Without Python or a name it knows, the question is that stack's.
    expect(ask('java devs: which build tool do you use?').intent).toBe('unknown');
  });

  it('another language as the setting is out of scope, but weighed against a Python name it is half known', () => {
    expect(ask('our php monolith needs a task queue, what do php people use').intent).toBe('unknown');
    expect(ask('calling a java service from python, which http client').intent).toBe('recommend');
    // Where the asker comes from is their setting, not the question.
    expect(ask('type checker recommendations for a big codebase? most of us come from java').intent).toBe('recommend');
    expect(ask('test framework recs for a team moving off junit?').intent).toBe('recommend');
    expect(ask('playwright or selenium for a portal that is very javascripty').intent).toBe('compare');
    // A stack describing the site a Python tool works on is no other stack's question; asked about, it still is.
    expect(ask('the site is all javascript tho', 'what should i use for scraping').intent).toBe('recommend');
    expect(ask('playwright or selenium for scraping a supplier portal that is all javascript').intent).toBe('compare');
    expect(ask('how do i write a javascript promise').intent).toBe('unknown');
    // A stack said not to be there is no setting.
    expect(ask("need to scrape a council site, it's a plain html table, no javascript").intent).toBe('recommend');
    expect(ask('detectron2 vs ultralytics for player detection').unrecognised).toContain('detectron2');
    // A closing "in python" counts though normalising drops it.
    expect(ask('matlab refugee here 👋 what do people use for plotting in python').intent).toBe('recommend');
    expect(ids(ask('numpy vs julia'))).toEqual(['numpy']);
  });

  it('an outside name used as the English word is the word ("react when…", "prettier tracebacks")', () => {
    expect(ask('something to watch a folder and react when new files land').intent).toBe('recommend');
    expect(ask('want coloured tables and prettier tracebacks in our cli').intent).toBe('recommend');
    expect(ask('react or vue for the frontend').intent).toBe('unknown');
  });

  it('a question with no Python-stack words gets no guess', () => {
    expect(ask('how tall is mount everest').intent).toBe('unknown');
  });

  it('"to sign" is no ask for signs: another stack\'s tool in the message keeps it out of scope', () => {
    const a = ask('xcode keeps failing to sign the build, provisioning profile error');
    expect([a.intent, a.unrecognised]).toEqual(['unknown', ['xcode']]);
  });

  it('"tips?" about another stack\'s tool is no tip of ours, by cue words alone too', () => {
    // Without the classifier (as when its model is missing) only the cue words decide.
    const { knowledge, index } = realKnowledge();
    const cues = createEngine({ knowledge, index });
    expect(cues.answer('cargo build takes ages on the CI runners, tips?', { tipSeed: 0 }).intent).toBe('unknown');
    expect(cues.answer('any tips for writing jest tests for our chrome extension', { tipSeed: 0 }).intent).toBe(
      'unknown',
    );
    expect(cues.answer('got a quick testing tip i can share?', { tipSeed: 0 }).intent).toBe('tip');
  });

  it('a message in a thread that says it is unrelated is read on its own', () => {
    expect(
      ask(
        'thanks! unrelated but does anyone know the wifi password for the guest network',
        "what's a good python task queue?",
      ).intent,
    ).toBe('unknown');
    expect(ask('ty! off topic but is the coffee machine on 3 fixed yet', 'which orm for a flask app?').intent).toBe(
      'unknown',
    );
    // Read on its own, a question of the stack is still answered.
    expect(ids(ask('unrelated, but whats a good orm for flask', "what's a good python task queue?"))[0]).toBe(
      'sqlalchemy',
    );
  });

  it('a short follow-up that names nothing, in a thread the classifier reads as out of scope, gets no guess', () => {
    // The thread's words once made a match ("paper": paper trading; "catered" one letter from "cache").
    expect(ask('is it the paper or the toner', 'the copier in the lobby keeps jamming, anyone know why?').intent).toBe(
      'unknown',
    );
    expect(ask('should i bring a jacket or is it indoors', "who's going to the offsite next week?").intent).toBe(
      'unknown',
    );
    // A thread about the stack keeps its follow-ups.
    expect(ids(ask('is it the second one any good', 'openai or anthropic python client?'))[0]).toBe('anthropic');
  });
});

describe('needs, categories and negation', () => {
  it('a category picks from that category', () => {
    const a = ask('which type checker');
    expect(a.intent).toBe('recommend');
    expect(ids(a).sort()).toEqual(['mypy', 'pyright']);
  });

  it('picks asked for are picks, though a stack is named after the same topic', () => {
    for (const q of [
      'computer vision',
      'what should I use to build a command line tool',
      'embedded / iot libs for python, what exists?',
    ]) {
      const a = ask(q);
      expect(a.intent, q).toBe('recommend');
    }
  });

  it('a name that is also its category, asked for picks, is the category', () => {
    for (const q of ['what do u use for logging', 'logging library recommendations?']) {
      const a = ask(q);
      expect(a.intent, q).toBe('recommend');
      expect(ids(a), q).toEqual(expect.arrayContaining(['logging', 'loguru']));
    }
    expect(ask('what is logging').intent).not.toBe('recommend');
  });

  it('a concept naming a kind of package is the need when picks are asked for ("which orm do fastapi people use")', () => {
    const a = ask('which orm do fastapi people use');
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe('sqlalchemy');
    // The setting is named once in the heading.
    expect(a.title).toBe('For orm with FastAPI');
    expect(ask('what is fastapi').intent).toBe('library');
  });

  it('"w/o", "skip" and "not with" exclude a name', () => {
    for (const q of ['browser automation w/o selenium', 'generate pdfs but not with reportlab']) {
      const a = ask(q);
      expect(a.intent, q).toBe('recommend');
      expect(
        ids(a).some((id) => id === 'selenium' || id === 'reportlab'),
        q,
      ).toBe(false);
    }
  });

  it('"which framework" asks for frameworks only', () => {
    const a = ask('what framework should i build a json api in');
    expect(a.intent).toBe('recommend');
    expect(a.subjects.every((s) => s.kind === 'framework')).toBe(true);
  });

  it('a short question after sentences of setting is ranked by that setting', () => {
    const a = ask('we need logins and an admin panel for the ops folks. which framework?');
    expect(ids(a)[0]).toBe('django');
  });

  it('a concept that weighs two things answers a question naming both sides', () => {
    for (const q of [
      "what's the difference between a python developer and a data engineer? writing two job descriptions",
      'python dev vs data engineer',
    ])
      expect(ids(ask(q)), q).toEqual(['python-dev-vs-data-engineer']);
    // One side alone is its own concept; a word that starts both sides ("auth") names neither.
    expect(ids(ask('what does a python developer do'))).not.toContain('python-dev-vs-data-engineer');
    expect(ids(ask('need logins and auth, which framework?'))).not.toContain('authn-vs-authz');
  });

  it("a concept whose title weighs the same names in the message's words answers it", () => {
    for (const q of [
      'should i learn django, flask or fastapi first?',
      'which framework should a new grad learn first, django flask or fastapi?',
    ])
      expect(ids(ask(q)), q).toEqual(['which-framework-first']);
    // The names may come from the sentences around the question.
    expect(
      ids(
        ask(
          'one person says learn django, another says flask, my cousin says fastapi. which one should i learn first?',
        ),
      ),
    ).toEqual(['which-framework-first']);
    // The same names without the title's own words are a comparison.
    expect(ask('django, flask or fastapi for a tiny admin tool?').intent).toBe('compare');
  });

  it("another form of a concept's one-word name names it ('vectorized' for vectorization)", () => {
    expect(ids(ask("what does 'vectorized' mean when people talk about pandas"))).toEqual(['vectorized-operations']);
    // A shorter shared stem is another word ("vector database" is no vectorization).
    expect(ids(ask('which vector database for embeddings'))).not.toContain('vectorized-operations');
  });

  it('a concept asked about outranks a name that is only its setting', () => {
    expect(ids(ask("what does 'batteries included' mean for django"))).toEqual(['batteries-included']);
  });

  it("a need worded in a name's own words gets picks led by that name, not its card", () => {
    for (const [q, id] of [
      ['warehouse scale on usb. how does python read from the serial port', 'pyserial'],
      ['which package do i install to call claude from a python script', 'anthropic'],
    ]) {
      const a = ask(q as string);
      expect(a.intent, q).toBe('recommend');
      expect(ids(a)[0], q).toBe(id);
    }
  });

  it('"what\'s this called" gets the concept the message (or its thread) describes', () => {
    const a = ask(
      'our endpoint loads 200 lessons, then runs a separate query per lesson for its attachments. what is this called and how do i avoid it?',
    );
    expect(a.intent).toBe('concept');
    expect(ids(a)).toEqual(['n-plus-one-queries']);
    expect(a.also).toBeUndefined();
    const b = ask("what's that called again", 'one page fires 300 queries, one per row basically');
    expect(ids(b)).toEqual(['n-plus-one-queries']);
  });

  it('picks asked for instead of a name the message gives leave it out, and say so', () => {
    const a = ask('<https://docs.celeryq.dev/en/stable/|celery docs> are a maze. is there a simpler job queue?');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('celery');
    expect(ids(a).length).toBeGreaterThan(0);
    expect(allText(a)).toContain('Leaving out Celery');
    // Without a word asking for another one, the named one stays among the picks.
    expect(ids(ask('we use celery. what is a good job queue?'))).toContain('celery');
  });

  it('an excluded name is left out and said so', () => {
    const a = ask('anything but selenium');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('selenium');
    expect(ids(a).length).toBeGreaterThan(0);
  });

  it('a name set aside stays out of picks the ranker finds in its place, in a thread or alone', () => {
    const orm = ask('not sqlalchemy, something smaller', "what's a good orm?");
    expect(orm.intent).toBe('recommend');
    expect(ids(orm)).not.toContain('sqlalchemy');
    expect(ids(orm).length).toBeGreaterThan(0);
    const queue = ask('anything except celery, it burned us before', 'we need a queue for the confirmation emails');
    expect(ids(queue)).not.toContain('celery');
    expect(ids(queue).length).toBeGreaterThan(0);
    const scraping = ask("scraping js pages without selenium pls, it's so slow");
    expect(ids(scraping)).not.toContain('selenium');
    expect(ids(scraping).length).toBeGreaterThan(0);
    // A concept "avoided" is what is asked about.
    expect(ids(ask('how do i avoid sql injection'))).toEqual(['sql-injection']);
  });

  it('asked what a thing the context named means, the answer is that concept, not a package beside it', () => {
    const q = "A colleague said 'just vectorize it'. What does that actually mean in pandas terms?";
    expect(ids(ask(q))).toEqual(['vectorized-operations']);
    const two =
      "our django monolith has 9 teams committing to it. leadership floated 'microservices'. what does that actually mean and what will it cost us?";
    expect(ids(ask(two))[0]).toBe('microservices');
    // Nothing of the kind named: the package the context gave.
    expect(ids(ask('we use pandas. what is that'))).toEqual(['pandas']);
  });

  it('"instead of" or "faster than" set against no thing asks for no alternative', () => {
    expect(ids(ask('why is everyone telling me to vectorize instead of looping in pandas'))).toEqual([
      'vectorized-operations',
    ]);
    expect(ids(ask('why is vectorized pandas faster than a for loop, basically?'))).toEqual(['vectorized-operations']);
    expect(ask('something lighter than celery').focus).toBe('alternatives');
    expect(ask("logging lib that's less boilerplate than the stdlib one").intent).not.toBe('unknown');
  });

  it("a checklist asked for in its title's own words beats a name beside them", () => {
    expect(ids(ask("what's the usual git flow from branch to deploy for a small team"))).toEqual(['git-workflow']);
    // Words many titles share ("stack", "python", "developer") tell none apart.
    expect(ids(ask("what's the usual stack for a data-focused python dev?"))).not.toContain(
      'full-stack-developer-stack',
    );
  });

  it('"stdlib only" / "no pip installs" gets what ships with Python, "pip install" there only a verb', () => {
    expect(ids(ask("stdlib-only testing, we can't pip install anything on the prod box"))).toEqual(['unittest']);
    expect(ids(ask('copy a folder tree to the archive drive, stdlib only, no pip installs on that box'))[0]).toBe(
      'shutil',
    );
  });

  it('secrets and credentials name secrets management, whatever tool they leak into', () => {
    expect(ids(ask('how do we stop secrets leaking into git'))).toEqual(['secrets-management']);
    expect(ids(ask('how do you handle secrets'))).toEqual(['secrets-management']);
    const q =
      "analysts paste the prod db password into notebooks and one got pushed to github. what's the right way to handle credentials for notebooks and scripts?";
    expect(ids(ask(q))).toEqual(['secrets-management']);
  });

  it("another stack's framework as the setting, with no Python name, is out of scope though a concept is named", () => {
    const q = 'is spring boot a sane choice for the claims microservice or should we just stay with the jvm stuff';
    expect(ask(q).intent).toBe('unknown');
    // With Python names, the framework is only where they run.
    expect(ask('torn between playwright and selenium for scraping a react SPA').intent).toBe('compare');
  });

  it.each([
    ['is polars any good?', 'polars'],
    ['how do i hook up sentry for error tracking', 'sentry'],
    ["ok what's the deal with polars", 'polars'],
    ['what even is polars?', 'polars'],
  ])('%j names %s, the word where the question puts a name, as not known', (q, name) => {
    const a = ask(q);
    expect(a.intent).toBe('unknown');
    expect(a.unrecognised).toEqual([name]);
  });

  it('"what\'s the deal with X", "whats up with X" ask what X is: its card', () => {
    expect(ids(ask('whats up with litestar'))).toEqual(['litestar']);
    const ruff = ask("what's the deal with ruff, everyone in #tooling keeps going on about it");
    expect([ruff.intent, ids(ruff)[0]]).toEqual(['library', 'ruff']);
  });

  it("a word like a tool's name ahead of the one it knows takes the angle: the known one's card is plain", () => {
    const dask = ask('is dask worth it for our 200GB of glider data or do we just chunk it with pandas');
    expect([dask.intent, dask.focus ?? 'overview', ids(dask), dask.unrecognised]).toEqual([
      'library',
      'overview',
      ['pandas'],
      ['dask'],
    ]);
    // Slang ahead of the name is no tool: the angle stays the name's.
    const uv = ask('lowkey want to try uv, worth it?');
    expect([uv.focus, ids(uv)]).toEqual(['worth', ['uv']]);
  });

  it('an everyday word in no name slot is not reported as an unknown name', () => {
    expect(ask('need a recipe for banana bread pls').unrecognised ?? []).toEqual([]);
    expect(ask('best way to cook rice in a pressure cooker').unrecognised ?? []).toEqual([]);
    // (Opening the message in a tool's place, before "for", it is what is not known: "recipe for banana bread pls".)
    expect(ask('recipe for banana bread pls').intent).toBe('unknown');
  });

  it("another stack's everyday-word name before a word of a codebase is that stack", () => {
    expect(ask('express middleware for rate limiting?').unrecognised).toEqual(['express']);
    expect(ask('the go service needs a task queue, asynq or machinery?').intent).toBe('unknown');
    // …or before a word for its people or libraries, or as the last word after "for" or "in".
    for (const q of ['a requests-like http client for node', 'celery but for node?', 'how do i parse json in go'])
      expect(ask(q).intent, q).toBe('unknown');
    // As a word, it stays one.
    expect(ask('celery or rq? which way should we go').intent).toBe('compare');
    expect(ask('is celery good to go for prod').subjects[0]?.id).toBe('celery');
  });

  it('a part that only rules names out qualifies the other part of the message', () => {
    const a = ask("orm suggestions? anything except django's");
    expect(a.intent).toBe('recommend');
    expect(a.also).toBeUndefined();
    expect(ids(a)).not.toContain('django-orm');
    expect(ids(ask('api framework, anything but django'))[0]).toMatch(/fastapi|flask|litestar/);
  });

  it('a name that is an English word after a count is the word ("~2M requests/day")', () => {
    const q =
      'the team wants FastAPI for the tracking API (~2M requests/day). leadership is nervous. is it mature enough for that?';
    expect(ids(ask(q))[0]).toBe('fastapi');
    expect(ids(ask('requests or httpx for 500 calls?')).sort()).toEqual(['httpx', 'requests']);
  });

  it("another stack's tool that is an English word, used as the word, makes nothing out of scope", () => {
    expect(ask('a deep learning framework for a parcel damage classifier').intent).toBe('recommend');
    expect(ask('how do i set up a cargo workspace').intent).toBe('unknown');
    expect(ask('how do i write a helm chart').intent).toBe('unknown');
  });

  it('a name ruled out in the sentence before the question is left out of its picks', () => {
    const a = ask("we don't want airflow. what else orchestrates pipelines?");
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('airflow');
    expect(allText(a)).toMatch(/Leaving out Apache Airflow/);
    expect(ids(ask("i need a job queue, we don't want celery")).includes('celery')).toBe(false);
  });
});

describe('words that are also JavaScript object keys', () => {
  it.each(['what is constructor', 'toString vs __proto__', 'hasOwnProperty for valueOf'])(
    '%j is answered, not thrown',
    (q) => {
      expect(() => ask(q)).not.toThrow();
    },
  );
});

describe('messages, threads and small talk', () => {
  it('a closing ", what\'s X" is the question, the clause before it its context', () => {
    expect(ids(ask("the fastapi docs keep saying it's built on starlette, what's starlette"))).toEqual(['starlette']);
    expect(ids(ask('never heard of dramatiq, what is it'))).toEqual(['dramatiq']);
  });

  it('a name alone led in after a question from an angle is asked the same ("what is opencv used for? and pillow?")', () => {
    const a = ask('what is opencv used for? and pillow?');
    expect(ids(a)).toEqual(['opencv']);
    expect(a.focus).toBe('uses');
    expect(a.also && ids(a.also)).toEqual(['pillow']);
    expect(a.also?.focus).toBe('uses');
    // Two names alone still weigh each other.
    expect(ask('requests? httpx?').intent).toBe('compare');
  });

  it('an everyday-word name after "compare to" or "against" is the name ("how does it compare to click")', () => {
    const a = ask('how does it compare to click', 'hey, is typer any good for internal cli tools?');
    expect([a.intent, ids(a)]).toEqual(['compare', ['typer', 'click']]);
    const two = ask("what does typer do + how's it stack up against click");
    expect([two.also?.intent, ids(two.also as Answer)]).toEqual(['compare', ['typer', 'click']]);
  });

  it('a short name after "between … and" is a name, and "diff" across a split weighs the names', () => {
    expect(ids(ask('wats the diffrence betwen celary and rq'))).toEqual(['celery', 'rq']);
    const split = ask(':wave: whats the diff btwn poetry & pip-tools');
    expect([split.intent, ids(split)]).toEqual(['compare', ['poetry', 'pip-tools']]);
  });

  it('one tool asked for in place of several named is the one that is an alternative to the most of them', () => {
    const q =
      'team runs flake8, black and isort separately and the pre-commit hook takes 40 sec. heard there is one tool that replaces all three, which one?';
    expect([ask(q).intent, ids(ask(q))]).toEqual(['recommend', ['ruff']]);
    // Without asking for one in their place, the names are weighed.
    expect(ask('black or flake8?').intent).toBe('compare');
  });

  it('"what is starlette? and litestar?": what the first is, asked of the second too, as two cards', () => {
    const a = ask('what is starlette? and litestar?');
    expect([a.intent, ids(a), a.also?.intent, ids(a.also as Answer)]).toEqual([
      'library',
      ['starlette'],
      'library',
      ['litestar'],
    ]);
    // Asked which is better, they are weighed.
    expect(ask("what's better, requests? httpx?").intent).toBe('compare');
  });

  it('"two things:" before one sentence holding both questions leads it in and joins nothing', () => {
    const a = ask('two things: what is alembic, and celery vs rq?');
    expect(ids(a)).toEqual(['alembic']);
    expect(a.also && ids(a.also).sort()).toEqual(['celery', 'rq']);
    expect(ask('next.js app router vs pages router').intent).toBe('unknown');
  });

  it('answers both questions of a two-question message', () => {
    const a = ask('what is ruff? and which type checker should I use with it?');
    expect(ids(a)).toEqual(['ruff']);
    expect(a.also?.intent).toBe('recommend');
    expect(a.also && ids(a.also)).toContain('mypy');
  });

  it('numbered questions are each answered, the first though it has no question word', () => {
    const a = ask("two things: 1) async http client recs 2) what's the difference between wsgi and asgi");
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('httpx');
    expect(a.also && ids(a.also)).toEqual(['wsgi-asgi']);
  });

  it("reads a follow-up with the thread's previous question, and says what it read", () => {
    const a = ask('and for async?', 'what http client should I use');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('httpx');
    expect(a.asked).toBe('what http client should I use for async');
  });

  it('one name asked from two angles in one message gets both answers', () => {
    const a = ask('is fastapi production ready, and what are its alternatives');
    expect([a.focus, a.also?.focus]).toEqual(['production', 'alternatives']);
    expect(a.also && ids(a.also)[0]).toBe('fastapi');
    // …but the plain card beside an angle of it is one answer, from that angle.
    expect(ask('is django too heavy for a team of two? who actually picks it').also).toBeUndefined();
  });

  it.each([
    ['playwright better?', 'what is selenium', ['playwright', 'selenium']],
    ['would you pick it over sqlalchemy for a tiny internal tool', 'what is peewee', ['peewee', 'sqlalchemy']],
  ])('%j after %j weighs the two', (q, previous, both) => {
    const a = ask(q, previous);
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(both);
  });

  it("a remark in a thread that asks nothing is read as context for the thread's question", () => {
    const a = ask('the files are old .xls from the 2003-era instrument PC', "what's a good library for excel files");
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 3)).toContain('xlrd');
    expect(a.asked).toContain('excel');
    // An aside marked as unrelated stays its own message.
    expect(ask("unrelated but is anyone else's badge not working on the 2nd floor", 'celery or rq?').intent).toBe(
      'unknown',
    );
  });

  it('a thread remembers what "it" was across angled follow-ups', () => {
    const first = ask('is it prod ready?', "what's httpx");
    expect([first.intent, first.focus, ids(first)[0]]).toEqual(['library', 'production', 'httpx']);
    const a = ask('what do people use it for', first.asked ?? 'is it prod ready?');
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'uses', 'httpx']);
    expect(ask('what would we use it for on the rover', 'whats pyserial').focus).toBe('uses');
  });

  it('"what\'s A and B" with nothing that weighs them is two look-ups', () => {
    const a = ask("what's the kubernetes python client and the docker sdk");
    expect([a.intent, ids(a)[0], a.also?.intent, a.also && ids(a.also)[0]]).toEqual([
      'library',
      'kubernetes',
      'library',
      'docker-sdk',
    ]);
    // Each from the angle the question asks.
    const b = ask('what are faker and factory_boy used for');
    expect([b.focus, b.also?.focus]).toEqual(['uses', 'uses']);
    // Weighed, even typed fast, they are compared.
    expect(ask('whats the diffrence between flask and fastapi').intent).toBe('compare');
    expect(ask('django and flask, which is better for an admin tool').intent).toBe('compare');
  });

  it("a remark answered on its own still adds to the thread's question", () => {
    const remark = ask('we already run redis fwiw', 'what should we use for a task queue?');
    expect(remark.asked).toContain('task queue');
    expect(remark.asked).toContain('redis');
    const a = ask('so which one is the lightest?', remark.asked);
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 3)).toContain('rq');
  });

  it('"…, and when would I use it over Y" is a second question', () => {
    const a = ask("what's jax and when would i use it over numpy");
    expect([a.intent, ids(a)[0]]).toEqual(['library', 'jax']);
    expect(a.also?.intent).toBe('compare');
  });

  it('after a card, a follow-up met by one pick gets its card; one that asks for a kind gets picks', () => {
    const a = ask('and for gcp?', "what's boto3");
    expect([a.intent, ids(a)[0]]).toEqual(['library', 'google-cloud']);
    const b = ask('is celery prod ready? and what broker should it sit on');
    expect(b.also?.intent).toBe('recommend');
  });

  it('"the two" after sentences naming three are the two of one kind', () => {
    const a = ask(
      "our search box does LIKE queries on postgres and it's dying. one person said elasticsearch, another said opensearch. what's the difference between the two?",
    );
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['elasticsearch', 'opensearch']);
  });

  it('a name of another kind after a comparison is the setting, and the comparison stands', () => {
    const a = ask("which one if we're all on vs code", 'mypy vs pyright?');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['mypy', 'pyright']);
    const b = ask("we're all on vs code fwiw", 'mypy or pyright?');
    expect(ids(b).sort()).toEqual(['mypy', 'pyright']);
    // "vs" inside a name ("vs code") sets nothing against anything: "all" is no unknown name.
    expect(b.unrecognised ?? []).toEqual([]);
    expect(ask("we're all on vs code").unrecognised ?? []).toEqual([]);
  });

  it('"does it work with X" in a thread is about what the thread led with, X only its setting', () => {
    expect(ids(ask('does it work with pytest?', 'what is hypothesis?'))[0]).toBe('hypothesis');
    expect(ids(ask('does it work inside jupyter too', 'best lib for progress bars?'))[0]).toBe('tqdm');
    const p = ask('can it run in production at real scale?', "what's fastapi?");
    expect(ids(p)[0]).toBe('fastapi');
    expect(p.focus).toBe('production');
  });

  it('"plain", "stdlib", "builtin" before a name point at it and are no need of their own', () => {
    expect(ids(ask('loguru worth it or just stay with stdlib logging?')).sort()).toEqual(['logging', 'loguru']);
    expect(ids(ask("what's wrong with plain logging"))).toEqual(['logging']);
  });

  it('"is X even needed anymore if we have Y" weighs the two', () => {
    expect(ids(ask('is `black` even needed anymore if we have ruff')).sort()).toEqual(['black', 'ruff']);
  });

  it('"stack up against" and "fare against" weigh the names they join', () => {
    expect(ids(ask('how does airflow stack up against prefect')).sort()).toEqual(['airflow', 'prefect']);
    expect(ask('how does seaborn fare against plotly').intent).toBe('compare');
  });

  it('"is it production ready?" after picks is about the pick the thread led with, from that angle', () => {
    const a = ask('and is it production ready?', 'what should we use for MQTT from python?');
    expect(ids(a)[0]).toBe('paho-mqtt');
    expect(a.focus).toBe('production');
  });

  it('"can it replace X" in a thread weighs the thread\'s name against X', () => {
    expect(ids(ask('can it replace black entirely?', "what's ruff"))).toEqual(['ruff', 'black']);
    expect(ask('does it replace black?', "what's ruff").intent).toBe('compare');
  });

  it('a follow-up about names the knowledge does not have is about them, not the thread again', () => {
    const a = ask('and on the ios side, alamofire or urlsession?', 'fastapi vs flask for the lessons api?');
    expect(a.intent).toBe('unknown');
    expect(a.unrecognised).toContain('alamofire');
    expect(ask('ok how do i write a helm chart for it', "what's docker?").intent).toBe('unknown');
    // A short acronym may be a word of the question: the thread still answers.
    expect(ask('and the api keys for the sms gateway?', 'how do i store user passwords properly').intent).not.toBe(
      'unknown',
    );
  });

  it('"compared to X?", "is it better?" and "same question" in a thread lean on its name and angle', () => {
    expect(ids(ask('compared to pytorch?', 'what is tensorflow'))).toEqual(['tensorflow', 'pytorch']);
    expect(ids(ask('what about uv, is it better?', 'tell me about poetry'))).toEqual(['poetry', 'uv']);
    const a = ask('ok and rq? same question', 'is celery prod ready?');
    expect(ids(a)).toEqual(['rq']);
    expect(a.focus).toBe('production');
  });

  it("adds a name to the thread's comparison", () => {
    expect(ids(ask('what about litestar?', 'django vs fastapi')).sort()).toEqual(['django', 'fastapi', 'litestar']);
  });

  it('a follow-up with no thread says what it needs', () => {
    const a = ask('and for async?');
    expect(a.intent).toBe('unknown');
    expect(allText(a)).toMatch(/follow-up/);
  });

  it('a tip asked about a named thing is a tip about it, not its card', () => {
    for (const q of ['got a celery tip?', 'pandas tip anyone? 🐼', 'share a docker tip'])
      expect(ask(q).intent, q).toBe('tip');
    // …one whose text or related entries name it.
    expect(JSON.stringify(ask('got a celery tip?').sections)).toMatch(/Celery/);
  });

  it('a tip about a tool outside the stack is out of scope, though "tips" opens it as the tip command would', () => {
    const a = ask('tips for mlflow experiment tracking?');
    expect([a.intent, a.unrecognised]).toEqual(['unknown', ['mlflow']]);
    // The command with a topic of the stack, or with none, is still a tip.
    for (const q of ['tips for django security', 'tip', 'tips']) expect(ask(q).intent, q).toBe('tip');
  });

  it('a use the knowledge lists word for word is a need, whatever the classifier makes of "good job"', () => {
    expect(ask('what is a good job queue?').intent).toBe('recommend');
    const go =
      "our Go service needs a background job queue — `asynq` or `machinery`? it's pure go, no python anywhere near it";
    expect(ask(go).intent).toBe('unknown');
  });

  it('thanks gets a one-line reply; "what can you do" gets help', () => {
    expect(ask('thanks!').intent).toBe('thanks');
    // British "ta" alone or before a comma is thanks; asked, or before other words, it may be the package.
    for (const q of ['ta 👍', 'ta, legend', "ta, that's exactly what i needed"])
      expect(ask(q).intent, q).toBe('thanks');
    expect(ask('ta?').intent).toBe('library');
    expect(ask('yo what can you do').intent).toBe('help');
    expect(ask('what should I ask?').intent).toBe('help');
    // "What should I …" about the asker's own life or work is no question about the bot.
    expect(ask('what should I ask for in my salary review').intent).toBe('unknown');
    expect(ask('what should I know about databases as a python dev').intent).toBe('checklist');
  });

  it("in a thread, a name asked about with other words may be set against the thread's, not looked up alone", () => {
    // Read alone, "is rq any simpler" would be rq's card; the thread makes it one side of a comparison.
    const a = ask('is rq any simpler? how do they compare', 'celery feels heavy for our three little jobs');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['celery', 'rq']);
  });

  it('a question about what one name is or does gets its card, not picks for its other words', () => {
    // "just a cache", "actually does": words about the name, not a need to pick for.
    for (const [q, id] of [
      ['is redis basically just a cache?', 'redis'],
      ['honestly no clue what docker actually does', 'docker'],
      ['pydantic = magic? what does it really do', 'pydantic'],
    ] as const) {
      const a = ask(q);
      expect(a.intent, q).toBe('library');
      expect(ids(a)[0], q).toBe(id);
    }
  });

  it('a name ruled out behind words that point at it ("isn\'t the stdlib logging module") is left out', () => {
    const a = ask("a logging library that isn't the stdlib logging module");
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('logging');
    expect(ids(a)[0]).toBe('loguru');
    const b = ask('an arg parser other than the built-in argparse');
    expect(b.intent).toBe('recommend');
    expect(ids(b)).not.toContain('argparse');
  });

  it('a long message that names several, then asks what one of them is, gets that one', () => {
    const a = ask(
      "our backend folks keep mentioning celery, rq and dramatiq in standup. i'm the designer. in plain words, what is celery?",
    );
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual(['celery']);
  });

  it('names spread over a long message are weighed only when the question weighs them', () => {
    const a = ask(
      'we looked at mysql for the bookings db since the host only offers mysql. the app uses sqlalchemy with plain blocking code. which python driver for mysql?',
    );
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe('pymysql');
    const b = ask('we need global hotkeys on the kiosk. leaning pyautogui. would pynput be a better fit?');
    expect(b.intent).toBe('compare');
  });

  it('a pronoun in a request for a checklist or stack points at the situation, not at a name the context gave', () => {
    const a = ask(
      'a new intern joins the ops team on monday. she knows some python but has never shipped a service that runs in prod with real users, tests, logging and all. is there a checklist for that?',
    );
    expect(a.subjects[0]?.id).toBe('production-readiness');
    const b = ask(
      "we're wiring claude into the help desk: chunk the manuals, embed them, keep them in a vector store and fetch the best ones per question. what does the python stack for that look like?",
    );
    expect(b.subjects[0]?.id).toBe('llm-app-stack');
    // "a library for that": picks for what the message describes.
    const c = ask(
      'we log the runs with loguru and print summaries with rich. now ops wants a full-screen terminal app with panes and keyboard navigation to browse them. is there a library for that?',
    );
    expect(c.intent).toBe('recommend');
    expect(ids(c)[0]).toBe('textual');
  });

  it("a tool's Python API is its client package", () => {
    const a = ask('is there a decent python api for docker');
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe('docker-sdk');
  });

  it('a short first sentence that states something is context, not a question, before "also …"', () => {
    const a = ask("the lab is building a weather station. what's the iot stack? also micropython vs circuitpython");
    expect(a.subjects[0]?.id).toBe('embedded-iot-stack');
    expect(a.also?.intent).toBe('compare');
  });

  it('angles asked in everyday wording', () => {
    const angle = (q: string) => {
      const a = ask(q);
      return `${a.intent}/${a.intent === 'library' ? a.focus : '-'} ${ids(a)[0]}`;
    };
    expect(angle('httpx or nah')).toBe('library/worth httpx');
    expect(angle('is ruff nice')).toBe('library/worth ruff');
    expect(angle('in what situations is fabric the right tool')).toBe('library/uses fabric');
    expect(angle('when is pyglet the right pick?')).toBe('library/uses pyglet');
    expect(angle('where does starlette fit in')).toBe('library/uses starlette');
    expect(angle("what's flask for these days")).toBe('library/uses flask');
    expect(angle('loguru is great. anything else like it?')).toBe('library/alternatives loguru');
    expect(angle('can django take election night traffic or will it fall over')).toBe('library/production django');
    expect(angle('what competes with celery')).toBe('library/alternatives celery');
    expect(angle('is there anything competing with fastapi')).toBe('library/alternatives fastapi');
    expect(angle('wanna get off airflow, too heavy')).toBe('library/alternatives airflow');
    // "nah" is no name it does not know.
    expect(ask('httpx or nah').unrecognised ?? []).toEqual([]);
  });

  it("how to deal with the thread's concept is the concept again", () => {
    const a = ask('how do we avoid them in our flask app', "what's sql injection");
    expect(a.intent).toBe('concept');
    expect(ids(a)).toEqual(['sql-injection']);
    expect(ask('do we even need one for a 3 person team', "what's a message broker").subjects[0]?.id).toBe(
      'message-broker',
    );
  });

  it("whether the thread's pick can do something is answered by the pick that does", () => {
    const a = ask('does it also sort imports?', 'which linter do people use');
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual(['ruff']);
  });

  it('a definition asked for sideways gets the concept or the card', () => {
    expect(ask('vectorization in plain terms?').subjects[0]?.id).toBe('vectorized-operations');
    expect(ask('caching explained').subjects[0]?.id).toBe('caching');
    expect(ask('rate limiting in simple terms?').subjects[0]?.id).toBe('rate-limiting');
    expect(ask('honestly idk what wsgi is').subjects[0]?.id).toBe('wsgi-asgi');
    const a = ask('no idea what poetry is');
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual(['poetry']);
  });

  it('a greater-than between two names weighs them; a dotted module path is its package', () => {
    const a = ask('flask > django for tiny apps, agree?');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['django', 'flask']);
    const b = ask('is `numpy.linalg` enough or do i need scipy');
    expect(b.intent).toBe('compare');
    expect(ids(b).sort()).toEqual(['numpy', 'scipy']);
  });

  it('"how do they compare?" after a long message weighs the two its nearest sentence names', () => {
    const a = ask(
      'we use requests everywhere today. the new poller makes thousands of calls at once and the team is split between httpx and aiohttp. how do they compare?',
    );
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['aiohttp', 'httpx']);
  });

  it('"the built-in one" in a thread about a package is what ships with Python for the same job', () => {
    const a = ask('vs the stdlib module?', "what's typer");
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['argparse', 'typer']);
    const b = ask('why not just use the built-in one tho', 'what is loguru?');
    expect(ids(b).sort()).toEqual(['logging', 'loguru']);
    // Written as two words too.
    const c = ask('vs the built in one?', "what's loguru");
    expect([c.intent, ids(c).sort()]).toEqual(['compare', ['logging', 'loguru']]);
  });

  it('"X for doing Y, anyone tried it?" names X when the knowledge does not have it', () => {
    for (const [q, name] of [
      ['locust for load testing the checkout api, anyone tried it?', 'locust'],
      ['shapely for clipping the delivery polygons, thoughts?', 'shapely'],
    ] as const) {
      const a = ask(q);
      expect(a.intent, q).toBe('unknown');
      expect(a.unrecognised, q).toEqual([name]);
    }
  });

  it('a slip that is the stem of the name it slips on is that name ("sqlalchemi"), a plural is not ("venvs")', () => {
    const a = ask('sqlalchemi alternatives?');
    expect(a.intent).toBe('library');
    expect(a.focus).toBe('alternatives');
    expect(ids(a)[0]).toBe('sqlalchemy');
    expect(ids(ask('what can the kubernets python client do'))[0]).toBe('kubernetes');
    expect(ask('why bother with venvs').subjects[0]?.id).toBe('virtual-environments');
  });

  it('a question that asks outright for an idea gets a concept', () => {
    const a = ask('what should i read up on before splitting our monolith into services?');
    expect(a.intent).toBe('concept');
    expect(ids(a)).toEqual(['microservices']);
  });

  it("a long message's setting does not outweigh its question", () => {
    const a = ask(
      "we build the nightly sales report as an excel file with openpyxl and email it by hand. what's the simplest way to run that every morning?",
    );
    expect(a.intent).toBe('recommend');
    expect(['apscheduler', 'schedule']).toContain(ids(a)[0]);
  });

  it('another form of a concept\'s one-word name is the concept ("profile" for profiling)', () => {
    expect(ask('how do i profile a slow endpoint').subjects[0]?.id).toBe('profiling');
    const a = ask('is python fast enough for our pricing api? and how do i profile it');
    expect(a.also?.subjects[0]?.id).toBe('profiling');
  });

  it('"whats the python client for it" after a question about a service gets its clients', () => {
    const a = ask('whats the python client for it', 'is mongodb good for event logs?');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('pymongo');
  });

  it('two stacks, checklists or concepts asked for together are both shown', () => {
    const a = ask('can you show the devops stack and the iot stack too');
    expect(a.subjects[0]?.id).toBe('devops-stack');
    expect(a.also?.subjects[0]?.id).toBe('embedded-iot-stack');
    const b = ask("what's soap, and graphql?");
    expect([b.subjects[0]?.id, b.also?.subjects[0]?.id]).toEqual(['soap', 'graphql']);
    // Weighed against each other, they are no two look-ups.
    expect(ask('graphql or rest for a public api').also).toBeUndefined();
  });

  it('a question typed in chat spelling is asked all the same', () => {
    expect(ask('wut is a feature stor').subjects[0]?.id).toBe('feature-store');
    const a = ask('whts the diffrence btwn black and ruff');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['black', 'ruff']);
    // "any1 kno a gud…", "teh", "reccomend", "schedular": chat spellings, never names it does not know.
    const b = ask('any1 kno a gud asyncio postgres driver');
    expect(b.unrecognised ?? []).toEqual([]);
    expect(normalize('reccomend teh best schedular b4 friday')).toBe('recommend the best scheduler before friday');
    // Contractions without their apostrophe and chat words ("viz", "libz", "smol") are no names either.
    expect(ids(ask('any good viz libraries for the ops dashboard?'))).toContain('matplotlib');
    const admin = ask(
      'what if it doesnt need the admin',
      'django or flask for the staff portal? needs logins + an admin',
    );
    expect([admin.intent, ids(admin)]).toEqual(['compare', ['django', 'flask']]);
    expect(normalize('im sure i dont need smol libz')).toBe("i'm sure i don't need small libs");
  });

  it('a thread of remarks, then a short question, is read as one long message', () => {
    // The remarks hold a name it does not know ("Kofax"): the situation, not the question.
    let previous: string | undefined;
    for (const t of ['the claims scans arrive from the Kofax box as one pdf per page', 'ops wants one file per claim'])
      previous = engine.answer(t, { tipSeed: 0, previous }).asked ?? t;
    const a = ask('which library stitches them', previous);
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe('pypdf');
  });

  it('"what is it" after a sentence naming one package is about that package', () => {
    for (const [q, id] of [
      ["our vendor's sdk pulls in pydantic. what is it", 'pydantic'],
      ['flagged loguru in the dependency review. what does it do', 'loguru'],
    ] as const) {
      const a = ask(q);
      expect(a.intent, q).toBe('library');
      expect(ids(a)[0], q).toBe(id);
    }
    // "it" in another question is as often the situation the sentence tells: not rewritten.
    expect(ask('we still run flask on one laptop. is it safe to put online').subjects[0]?.id).not.toBe('flask');
  });

  it('a second question after ", and separately," or ", and also" is answered too, whatever word starts it', () => {
    const a = ask('how do i read old .xls files, and separately, merge a bunch of pdfs?');
    expect(ids(a)[0]).toBe('xlrd');
    expect(a.also?.subjects[0]?.id).toBe('pypdf');
    const b = ask('tell me about pytest, and also hypothesis');
    expect([ids(b)[0], b.also?.subjects[0]?.id]).toEqual(['pytest', 'hypothesis']);
  });

  it('"and an async one?" (or a sync one) asks for that kind of the thread\'s package: same service, else same category', () => {
    const cases: [string, string, string[]][] = [
      ['and an async one?', 'mysql driver for python?', ['aiomysql']],
      [
        'ok and if the caller is *async* code?',
        'which http client do you all use for calling vendor APIs?',
        ['httpx', 'aiohttp'],
      ],
      ['what about a plain sync one for a quick script', "what's a good async http client?", ['requests']],
      ["what's the non-async postgres driver called again", 'asyncpg it is for the mapping service', ['psycopg']],
    ];
    for (const [q, previous, want] of cases) {
      const a = ask(q, previous);
      expect(a.intent, q).toBe('recommend');
      expect(ids(a).slice(0, want.length).sort(), q).toEqual([...want].sort());
    }
    // Titled by what was asked, never an empty "For".
    expect(ask('ok and if the caller is async code?', 'which http client do you all use?').title).toBe(
      'For async HTTP clients',
    );
    expect(ask('and for mongo?', 'whats the async postgres driver').title).toBe('For MongoDB clients');
    expect(ask('which library do people use for it?', "what's RAG").title).toBe(
      'For RAG (retrieval-augmented generation)',
    );
    // After one package's card, the one asked for gets its card.
    const card = ask('async one?', "what's pymongo");
    expect([card.intent, ids(card)[0]]).toEqual(['library', 'motor']);
  });

  it('"and for the embeddings part?" after a vector store opens a need of its own, which the thread\'s words do not overrule', () => {
    const a = ask('and for the embeddings part?', 'we want a local vector store for our docs search');
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', 'sentence-transformers']);
  });

  it('"which one should i use with django" after a concept: its packages, those made for the setting first', () => {
    const django = ask('which one should i use with django', "what's an orm");
    expect([django.intent, ids(django)[0]]).toEqual(['recommend', 'django-orm']);
    const flask = ask('which one should we pick for our flask app?', 'what is an ORM?');
    expect([flask.intent, ids(flask)[0]]).toEqual(['recommend', 'sqlalchemy']);
    expect(ids(flask)).not.toContain('flask');
    const ci = ask('what is CI/CD? and which one should we use with github?');
    expect([ci.intent, ci.also?.intent, ids(ci.also as Answer)[0]]).toEqual(['concept', 'recommend', 'github-actions']);
    // ("which one works with", "goes with", "fits": a tool of the concept asked for too.)
    const queue = ask("what's a task queue and which one works with django");
    expect([queue.also?.intent, ids(queue.also as Answer)[0]]).toEqual(['recommend', 'celery']);
  });

  it('"it" before the names a follow-up gives is the thread\'s package: the names its setting, or its rivals', () => {
    const setting = ask('can it run ruff and mypy for us', "what's pre-commit");
    expect([setting.intent, ids(setting)]).toEqual(['library', ['pre-commit']]);
    const worth = ask('is it worth it if we already use fastapi elsewhere?', 'what is django rest framework');
    expect([worth.intent, worth.focus, ids(worth)[0]]).toEqual(['library', 'worth', 'django-rest-framework']);
    const rivals = ask('how does it compare to lightgbm and xgboost', 'catboost baseline is decent');
    expect([rivals.intent, ids(rivals)]).toEqual(['compare', ['catboost', 'lightgbm', 'xgboost']]);
    // Only its own kind is set against it: the database is the setting.
    const own = ask('would you use it over sqlalchemy for our sqlite catalogue', "what's peewee?");
    expect([own.intent, ids(own)]).toEqual(['compare', ['peewee', 'sqlalchemy']]);
    // One that asks for a kind of thing ("what broker…") asks for that thing, not about it.
    const asks = ask('what broker would you pair it with? we have redis already', 'tell me about celery');
    expect(ids(asks)).not.toEqual(['celery']);
  });

  it('"does it also format?" after linter picks is the one of them that does; "one that also formats" its picks, those first', () => {
    const card = ask('does it also format?', 'good linter for python?');
    expect([card.intent, ids(card)]).toEqual(['library', ['ruff']]);
    const picks = ask('one that also formats?', 'recommend a linter for the lab machines');
    expect([picks.intent, ids(picks)[0]]).toEqual(['recommend', 'ruff']);
    expect(ids(picks)).toContain('flake8');
    // "one that isn't celery" sets a name aside: no pick is chosen for doing what follows.
    const not = ask("one that isn't celery pls", 'which task queue for sending the bonus emails?');
    expect(not.intent).toBe('recommend');
    expect(ids(not)).not.toContain('celery');
  });

  it('"and powerpoint?" after picks opens a need of its own: the picks its own words find, not the thread\'s', () => {
    const slides = ask('and powerpoint?', "what's a good lib for excel reports?");
    expect([slides.intent, ids(slides)[0]]).toEqual(['recommend', 'python-pptx']);
    const formatter = ask('and a formatter?', "what's the best linter?");
    expect(['black', 'ruff']).toContain(ids(formatter)[0]);
    // After a stack, "and for ML?" is another stack, not picks.
    expect(ids(ask('and for ML?', "what's the typical python data science stack"))).toEqual(['machine-learning-stack']);
  });

  it('"the X equivalent" is the package doing for X what the thread\'s package does', () => {
    // The thing named is of the same kind: its card.
    expect(ids(ask("what's the gcp equivalent", 'boto3 for s3 uploads of lecture videos right?'))).toEqual([
      'google-cloud',
    ]);
    // A service: its client that is async where the thread's is.
    const mysql = ask(
      'ok and the mysql equivalent?',
      'we need an async postgres driver for the gate-transaction service',
    );
    expect([mysql.intent, ids(mysql)]).toEqual(['recommend', ['aiomysql']]);
    // A framework: the one of the package's alternatives or kind made for it.
    expect(ids(ask('and the django equivalent?', "what's alembic?"))).toEqual(['django-orm']);
    // The second part of a message, after the first part's package.
    const two = ask("what's boto3 and what's the google cloud equivalent");
    expect([ids(two), ids(two.also as Answer), two.also?.focus]).toEqual([['boto3'], ['google-cloud'], 'overview']);
  });

  it("a follow-up giving only a new setting gets the thread's picks again, those made for the setting first", () => {
    const orm = ask('what about for django though', 'whats a good orm for flask');
    expect([orm.intent, ids(orm)[0]]).toEqual(['recommend', 'django-orm']);
    // A service's clients stay its clients.
    const mongo = ask('for fastapi tho?', 'mongodb client for python');
    expect([mongo.intent, ids(mongo)]).toEqual(['recommend', ['motor', 'pymongo']]);
    expect(ids(ask("we're on django though", 'recommend an orm for the lims'))[0]).toBe('django-orm');
  });

  it('"it" after with/for is the thread\'s subject, the question read with its name there', () => {
    const orm = ask("Is Flask production ready? And what's a good ORM to pair with it?");
    expect([orm.intent, orm.also?.intent, ids(orm.also as Answer)[0]]).toEqual(['library', 'recommend', 'sqlalchemy']);
    const rag = ask('what vector db would you use for it?', "what's RAG");
    expect([rag.intent, ids(rag)[0]]).toEqual(['recommend', 'chromadb']);
  });

  it('"the ML one" after a stack, "the security one" after a checklist: another of that kind, found by its own words', () => {
    const ml = ask("what's the ML one then", "what's the python data science stack?");
    expect([ml.intent, ids(ml)[0]]).toEqual(['stack', 'machine-learning-stack']);
    const security = ask('and the security one?', "what's the production readiness checklist?");
    expect(security.intent).toBe('checklist');
    expect(ids(security)[0]).toMatch(/^security-/);
  });

  it('"anthropic equivalent?" after a package: the equivalent named gets its card, not the thread\'s alternatives', () => {
    const a = ask('anthropic equivalent?', "what's the openai python lib");
    expect([a.intent, a.focus ?? 'overview', ids(a)[0]]).toEqual(['library', 'overview', 'anthropic']);
    // Typed fast, it is still the word.
    expect(ask('the gcp equivilent?', "what's boto3").unrecognised ?? []).not.toContain('equivilent');
  });

  it('"the second one" or "the first one" after a comparison is that one of it', () => {
    const second = ask('is the second one any good', 'openai or anthropic python client for the product categoriser?');
    expect([second.intent, ids(second)[0]]).toEqual(['library', 'anthropic']);
    const first = ask('is the first one production ready tho', 'airflow vs prefect for a 3 person team');
    expect([first.intent, first.focus, ids(first)[0]]).toEqual(['library', 'production', 'airflow']);
  });

  it('a second question about one package the first did not name gets its card', () => {
    const a = ask('asgi vs wsgi? and is litestar asgi');
    expect([a.intent, ids(a)[0], a.also?.intent, ids(a.also as Answer)[0]]).toEqual([
      'concept',
      'wsgi-asgi',
      'library',
      'litestar',
    ]);
  });

  it('a follow-up setting a package against the one package the thread named compares the two', () => {
    const a = ask('vs plain argparse?', 'using click for the deploy cli');
    expect([a.intent, ids(a)]).toEqual(['compare', ['click', 'argparse']]);
    const b = ask('or rq?', 'thinking celery for the invoice emails');
    expect([b.intent, ids(b)]).toEqual(['compare', ['celery', 'rq']]);
    // After picks, no one package was named: the name asked about is looked up.
    expect(ask('or dramatiq?', "what's a good task queue").intent).toBe('library');
  });

  it('a condition after a comparison weighs it again, or names the one of their kind that meets it', () => {
    const small = ask('what if the team is only two people?', 'airflow or prefect for the nightly loads?');
    expect([small.intent, ids(small)]).toEqual(['compare', ['airflow', 'prefect']]);
    const phone = ask('does that change if it has to run on a phone', 'pytorch or tensorflow for the defect model?');
    expect([phone.intent, ids(phone)]).toEqual(['compare', ['pytorch', 'tensorflow']]);
    const tiny = ask('and for a tiny internal tool?', 'django vs fastapi for the parts catalogue');
    expect([tiny.intent, ids(tiny)]).toEqual(['compare', ['django', 'fastapi']]);
    // A thread that listed a setting's tools ("fastapi or django, postgres, redis, …") weighed nothing: no comparison again.
    let listed: string | undefined;
    for (const t of [
      'what does a backend python stack look like?',
      'fastapi or django, postgres, redis, pytest, docker',
    ])
      listed = engine.answer(t, { tipSeed: 0, previous: listed }).asked ?? t;
    expect(ask('what about for a data engineer?', listed).intent).not.toBe('compare');
    // "3d" is what neither 2D library does: the 3D engine of their kind ("3d", two characters, still counts).
    const later = ask('and if we want 3d levels later?', 'pygame or arcade for a school club?');
    expect([later.intent, ids(later)[0]]).toEqual(['recommend', 'panda3d']);
  });

  it('one more package of the compared kind joins the comparison, or takes the place of the one it replaces', () => {
    const added = ask('throw dramatiq into the comparison', 'celery vs rq for the mailers?');
    expect([added.intent, ids(added)]).toEqual(['compare', ['celery', 'rq', 'dramatiq']]);
    const replaced = ask('how about litestar instead of flask', 'django vs flask for the ticket desk');
    expect([replaced.intent, ids(replaced)]).toEqual(['compare', ['django', 'litestar']]);
    // A question about one already compared is no new rival ("does ruff also lint like flake8?").
    expect(ids(ask('can ruff also stand in for flake8?', 'ruff or black for formatting?'))).not.toEqual([
      'ruff',
      'black',
      'flake8',
    ]);
  });

  it('"what about X instead" after one package of its kind compares the two', () => {
    const a = ask('what about plotly instead, people want to zoom in', 'matplotlib for the sales dashboards');
    expect([a.intent, ids(a)]).toEqual(['compare', ['matplotlib', 'plotly']]);
  });

  it('two questions where the second says nothing new beside the first: both answered, the second in its setting', () => {
    const a = ask("what's a webhook, and how do we not process the same one twice");
    expect([a.intent, ids(a)[0], a.also?.intent, a.also && ids(a.also)[0]]).toEqual([
      'concept',
      'webhooks',
      'concept',
      'idempotency',
    ]);
  });

  it('"if not, …" after a question opens a second question', () => {
    const a = ask('is sqlite fine for production? if not, which postgres driver should we use');
    expect([a.intent, ids(a)[0], a.also?.intent]).toEqual(['library', 'sqlite', 'recommend']);
    expect(['psycopg', 'asyncpg']).toContain(a.also && ids(a.also)[0]);
  });

  it('the thing being built ("app", "service") is no part of a need beside other words', () => {
    for (const q of ['which orm for our fastapi app', 'orm for the fastapi app pls'])
      expect(ids(ask(q))[0], q).toBe('sqlalchemy');
  });

  it('"pytest or the built-in one": one package against what ships with Python for its job', () => {
    const a = ask('loguru or the built-in one for logging?');
    expect([a.intent, ids(a)]).toEqual(['compare', ['loguru', 'logging']]);
  });

  it('a question for a tool ending in a guess ("…, psycopg right?") gets its picks with the guess first, or its card', () => {
    const picks = ask('which library talks to postgres, asyncpg right?');
    expect([picks.intent, ids(picks)]).toEqual(['recommend', ['asyncpg', 'psycopg']]);
    const checkers = ask('what checks types in python, pyright?');
    expect([checkers.intent, ids(checkers)]).toEqual(['recommend', ['pyright', 'mypy']]);
    // A list of names of one kind guesses nothing ("compare django and flask, fastapi" compares the three).
    expect(ids(ask('compare django and flask, fastapi'))).toEqual(['django', 'flask', 'fastapi']);
    // A few words that are no name add to the question and guess nothing.
    expect(ids(ask('rq vs celery for the pdf jobs, small team'))).toEqual(['rq', 'celery']);
  });

  it('after sentences of context, a second question that names nothing and says little asks the first again: one answer', () => {
    const a = ask(
      "every partner retries their webhook call when we are slow, so we book things twice. tickets are piling up. what's the idea we're missing, and what's the catch?",
    );
    expect([a.intent, ids(a)[0], a.also]).toEqual(['concept', 'idempotency', undefined]);
    // A second question that asks for a tool still asks by itself.
    const b = ask(
      'we automate the board pack every quarter. which lib writes word docs? and which one for powerpoint?',
    );
    expect(b.also).toBeDefined();
  });

  it('"is it worth switching from X" after a package asks whether the thread\'s package is worth the change', () => {
    const a = ask('is it worth moving from plain unittest', 'tell me about pytest');
    expect([a.intent, ids(a)[0], a.focus]).toEqual(['library', 'pytest', 'worth']);
  });

  it('headings keep acronyms, say each setting name once and leave chat words out', () => {
    expect(ask('need a proper orm for our flask api on postgres').title).toBe('For ORMs and SQL toolkits');
    expect(ask('we need the same packages and config files on 40 VMs. python-based tooling for this?').title).toBe(
      'For DevOps and infrastructure',
    );
    expect(ask('gimme a code formatter').title).not.toMatch(/gimme/);
    expect(ask('what broker would celery want then?', 'celery or rq for the invoice queue?').title).not.toMatch(
      /Celery, Celery/,
    );
  });

  it('a word in the asked-about slot ahead of every known name ("is marshmallow still a thing … pydantic") is a tool not known', () => {
    const a = ask('is pyramid any good or should we stay on flask');
    expect([a.intent, ids(a)[0], a.focus, a.unrecognised]).toEqual(['library', 'flask', 'overview', ['pyramid']]);
    // The known one in that slot keeps its angle.
    expect(ask('is celery still worth it').focus).toBe('worth');
  });

  it('a message opening on a tool it does not know, before one it knows, says which one it does not know', () => {
    const a = ask('lantern on top of django for the blog pages?');
    expect([a.intent, ids(a)[0], a.unrecognised]).toEqual(['library', 'django', ['lantern']]);
    expect(ask('kettle for retrying the flaky calls we make with httpx, good idea?').unrecognised).toEqual(['kettle']);
    // Right against the known name by "or", a word the knowledge uses is a name too; a name may have two words.
    expect(ask('sheets or openpyxl for the monthly report?').unrecognised).toEqual(['sheets']);
    expect(ask('walnut cache vs redis for sessions').unrecognised).toEqual(['walnut cache']);
    // With nothing known named, the opening word is what it does not know.
    expect(ask('kettle for forecasting visitor numbers over the holidays?').unrecognised).toEqual(['kettle']);
    // A label before a colon is no tool.
    expect(
      ask('context for the ops channel: we run flask behind nginx, how to scale it?').unrecognised ?? [],
    ).not.toContain('context');
  });

  it('"which fits?" after sentences choosing between two packages compares those two, not every name around them', () => {
    const a = ask(
      'we are choosing between rq and celery for the nightly exports. postgres is already there and redis too. which fits?',
    );
    expect([a.intent, ids(a)]).toEqual(['compare', ['rq', 'celery']]);
    const b = ask('torn between pyright and mypy for the monorepo. we also lint with ruff. which suits us?');
    expect([b.intent, ids(b)]).toEqual(['compare', ['pyright', 'mypy']]);
  });

  it('"what is X, <a clause naming Y>" and "X, the Y thing" ask what X is: its card, not a comparison with Y', () => {
    const a = ask("yo what even is httpx, it's all over the fastapi docs");
    expect([a.intent, ids(a)]).toEqual(['library', ['httpx']]);
    // So is "tell me about X, the Y thing": a name joined to another only by a comma.
    const b = ask('tell me about asyncpg, the postgres thing');
    expect([b.intent, ids(b)]).toEqual(['library', ['asyncpg']]);
    // A comparison asked in so many words stays one, and so does a bare list of names.
    expect(ask('httpx, requests — which for async').intent).toBe('compare');
    expect(ask('flask, django, fastapi?').intent).toBe('compare');
  });

  it('a condition on a comparison that neither compared package meets gets the package that meets it', () => {
    // Of the compared kind…
    const a = ask(
      'and what if the stakeholders want to hover over points?',
      'matplotlib or seaborn for the quarterly charts?',
    );
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', 'plotly']);
    // …or, far surer, of another.
    const b = ask(
      'and if the site only renders with javascript?',
      'beautifulsoup or scrapy for the supplier catalogue',
    );
    expect([b.intent, ids(b)[0]]).toEqual(['recommend', 'playwright']);
    // "What about for …" sets such a condition too.
    const c = ask('what about for 3d?', 'arcade or pygame for the coding club');
    expect([c.intent, ids(c)[0]]).toEqual(['recommend', 'panda3d']);
  });

  it('a follow-up whose own words point sharply at another package asks for that package', () => {
    const a = ask('can it also listen for mouse clicks and key presses?', 'what is pyautogui');
    expect([a.intent, ids(a)]).toEqual(['recommend', ['pynput']]);
    const b = ask('does it open the ancient .xls files too?', "what's openpyxl");
    expect([b.intent, ids(b)]).toEqual(['recommend', ['xlrd']]);
    // An angle asked of the thread's package stays with it.
    expect(ids(ask('do people still pick it for new projects?', 'what is pandas'))[0]).toBe('pandas');
  });

  it('a message that links one package and asks about it gets its card, not picks', () => {
    const a = ask("what's this? <https://www.djangoproject.com|djangoproject.com>");
    expect([a.intent, ids(a)]).toEqual(['library', ['django']]);
    // A label that only repeats the link's host is no name it does not know.
    expect(a.unrecognised ?? []).toEqual([]);
  });

  it('another stack only where the answer goes, or an everyday word, leaves a Python question a Python question', () => {
    // Two Python names weighed against each other, the other language on the far side of the wire.
    const a = ask('requests or httpx for calling a ruby service?');
    expect([a.intent, ids(a)]).toEqual(['compare', ['requests', 'httpx']]);
    // "Python" misspelt still says Python.
    const b = ask('pyhton http client for a php backend?');
    expect([b.intent, ids(b)[0]]).toEqual(['recommend', 'requests']);
    // "go" as the everyday word ("…, go", "in one go") and a stack describing the page a Python tool reads.
    expect(ask('charting libs, go').intent).toBe('recommend');
    expect(ask('restart the services on all 12 boxes in one go — which lib?').intent).toBe('recommend');
    expect(ids(ask('the store page is all javascript, need to grab the prices'))[0]).toBe('playwright');
    // Languages listed or weighed are still another stack's question.
    for (const q of ['java or kotlin for the service?', 'go or rust for the cli?', 'python, go or rust for a cli?'])
      expect(ask(q).intent, q).toBe('unknown');
  });

  it("a thread message it cannot answer keeps the thread's subject for the next follow-up", () => {
    let previous: string | undefined;
    for (const t of ['what is typer', 'looks nice for the ticket export scripts']) {
      const a = engine.answer(t, { tipSeed: 0, previous });
      previous = a.asked ?? t;
    }
    const a = ask('vs click?', previous);
    expect([a.intent, ids(a)]).toEqual(['compare', ['typer', 'click']]);
  });

  it('a question after sentences of context weighs what it names, not names the context only mentions', () => {
    const a = ask(
      "the report page runs a slow postgres query and we'd cache the result in redis. what are the trade-offs with caching?",
    );
    expect([a.intent, ids(a)]).toEqual(['concept', ['caching']]);
    const b = ask(
      "our intranet runs on flask and the new api on fastapi. what's the difference between wsgi and asgi?",
    );
    expect([b.intent, ids(b)]).toEqual(['concept', ['wsgi-asgi']]);
    // Names the context sets against each other are still weighed.
    const c = ask('the team is split between httpx and aiohttp. how do they compare?');
    expect([c.intent, ids(c)]).toEqual(['compare', ['httpx', 'aiohttp']]);
  });

  it('"and for the data folks?" after a stack asks for another stack, the one for them', () => {
    const a = ask('and for the data folks?', "what's in a typical backend python stack");
    expect([a.intent, ids(a)]).toEqual(['stack', ['data-developer-stack']]);
  });

  it('a name typed as two words with a slip is still that name', () => {
    // A one-word name split in two, the slip in its first part.
    const a = ask('circut python or micro python for the pico boards?');
    expect([a.intent, ids(a)]).toEqual(['compare', ['circuitpython', 'micropython']]);
    // After a first word that is no English word, a slip that is one ("lean" for "learn").
    const b = ask('scikit lean vs xgboost for the churn model?');
    expect([b.intent, ids(b)]).toEqual(['compare', ['scikit-learn', 'xgboost']]);
  });

  it('"what\'s <a concept> anyway" asks what it is, second question or not', () => {
    const a = ask("what's gradient boosting anyway");
    expect([a.intent, ids(a)]).toEqual(['concept', ['gradient-boosting']]);
    const b = ask("catboost or lightgbm for the fraud model, and what's gradient boosting anyway?");
    expect([b.also?.intent, b.also && ids(b.also)]).toEqual(['concept', ['gradient-boosting']]);
  });

  it('"silly question but what\'s X" asks what X is: the excuse is no need', () => {
    const a = ask("silly question but what's a venv");
    expect([a.intent, ids(a)]).toEqual(['library', ['venv']]);
  });

  it('a Python package it does not cover is a name it does not know, never a slip on one it knows', () => {
    // Beside a package it knows: that one, saying which it does not know (an everyday word, "bottle", too).
    const a = ask('bottle or flask for a small internal api?');
    expect([a.intent, ids(a), a.unrecognised]).toEqual(['library', ['flask'], ['bottle']]);
    const b = ask('huey vs rq for the nightly jobs');
    expect([b.intent, ids(b), b.unrecognised]).toEqual(['library', ['rq'], ['huey']]);
    // Alone: not read as the package one letter away (scrapy), and said to be a Python package not covered.
    const c = ask('is scapy good for sniffing packets on the lab network?');
    expect([c.intent, c.unrecognised]).toEqual(['unknown', ['scapy']]);
    expect(JSON.stringify(c.sections)).toMatch(/scapy\\" is a Python package my curated knowledge does not cover/);
    expect(JSON.stringify(c.sections)).not.toMatch(/Scrapy/);
    // Named as what a known one is used with ("with waitress"), it is still named.
    const d = ask('thinking of serving the flask app with waitress on the windows box, sound ok?');
    expect([ids(d)[0], d.unrecognised]).toEqual(['flask', ['waitress']]);
    // In a thread too: asked about, it is not swapped for a package the words point at ("is scapy any good?").
    const e = ask('is polars any good?', 'compare django fastapi');
    expect([e.intent, e.unrecognised]).toEqual(['unknown', ['polars']]);
    // Several at once are said to be packages it does not cover, together.
    expect(JSON.stringify(ask('is huey or great expectations any good').sections)).toMatch(
      /huey\\" and \\"great expectations\\" are Python packages my curated knowledge does not cover/,
    );
    // Another stack's names are still another stack's.
    expect(JSON.stringify(ask('java vs kotlin').sections)).toMatch(/outside the Python stack/);
  });

  it('picks for a message that asks for async put the async ones first, unless async is said not to be wanted', () => {
    const a = ask('need a mysql driver that gets along with asyncio');
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', 'aiomysql']);
    expect(ids(ask('an http client for a cron script, nothing async needed'))[0]).toBe('requests');
  });

  it('one tool asked for where several are named is the one that stands in for them all', () => {
    const a = ask('some of us run flake8, others use black. we want a single tool for lint and format');
    expect([a.intent, ids(a)]).toEqual(['recommend', ['ruff']]);
  });

  it('an English verb before its particle after "or" ("or spin up a service") is no name it does not know', () => {
    const a = ask('for the mobile api do we extend django or spin up a separate fastapi service?');
    expect(a.unrecognised ?? []).toEqual([]);
  });

  it("a follow-up pointing at a package related to the thread's asks for that one, sharp or not", () => {
    const a = ask('can it read our env and settings config as well?', "what's pydantic");
    expect([a.intent, ids(a)]).toEqual(['recommend', ['pydantic-settings']]);
  });

  it('a second question asking for "the python client" after a service asks for that service\'s client', () => {
    const a = ask("what's mongodb good for, and what's the python client everyone uses?");
    expect([a.also?.intent, a.also && ids(a.also)[0]]).toEqual(['recommend', 'pymongo']);
  });

  it('a kind of answer the classifier leans to yields to an entry of another kind the ranker is far surer of', () => {
    // The classifier reads "what stack would…" about a role as the developer-versus-engineer concept.
    const a = ask('what stack would the data engineer use?');
    expect(a.intent).toBe('stack');
    expect(ids(a)).toEqual(['data-developer-stack']);
  });

  it.each([
    ['is pillow fine for thumbnails or do we need opencv', ['pillow', 'opencv']],
    ['is flask ok for this or should we go with django', ['flask', 'django']],
  ])('%j weighs the name after an "or" that opens a question against the first', (q, items) => {
    const a = ask(q);
    expect(a.intent).toBe('compare');
    expect(ids(a)).toEqual(items);
  });

  it.each([
    'tips for negotiating rent with the landlord',
    'any tips for ironing linen shirts',
    'tip for removing wine stains from a carpet',
    'any tips for photographing fireworks from the roof',
  ])('%j asks for tips about something else than the stack: not known, no tip', (q) => {
    expect(ask(q).intent).toBe('unknown');
  });

  it.each([
    ['tips for teaching git workflow to teenagers', 'tip'],
    ['any tips for faster pandas joins', 'tip'],
    ['share a tip i can put in the club newsletter', 'tip'],
    // A tip for an occasion or an audience, not about doing something else.
    ['tip for the monday standup', 'tip'],
    ['tip of the week for the engineering newsletter', 'tip'],
    ['share a tip for our slack channel', 'tip'],
    ['got a tip for the friday lunch and learn', 'tip'],
  ])('%j still gets a tip', (q, intent) => {
    expect(ask(q).intent).toBe(intent);
  });

  it.each([
    "what's a fair salary for a senior python developer in berlin",
    'is 90k a good offer for a backend python role',
    'what should we pay a junior django dev',
    'how much does a python developer make in toronto',
  ])('%j asks what a role is paid: outside the stack', (q) => {
    expect(ask(q).intent).toBe('unknown');
  });

  it('what a developer makes of a package is still about the package', () => {
    expect(ids(ask("what does the developer make of fastapi's docs"))).toEqual(['fastapi']);
  });

  it.each([
    [
      'we have to choose between mypy and pyright for the api repo. the whole team is on vs code. which one fits?',
      'compare',
    ],
    ['the team writes everything in vs code. what should we use for type checking?', 'recommend'],
  ])('%j: "vs code" is the editor, no second question weighing things', (q, intent) => {
    const a = ask(q);
    expect(a.intent).toBe(intent);
    expect(a.also).toBeUndefined();
  });

  it.each([
    ['can rich do colours too', 'rich'],
    ['does black enforce a line length', 'black'],
    ['does schedule run jobs in threads', 'schedule'],
  ])('%j asks what the everyday-word name after its opening verb does', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual([id]);
  });

  it.each([
    ['how do webhooks tie in here', 'webhooks'],
    ['how does pagination relate to this', 'pagination'],
    ['how does caching fit together', 'caching'],
  ])('%j asks how the one thing it names fits in: that entry', (q, id) => {
    expect(ids(ask(q))).toEqual([id]);
  });

  it('a slip that is also a word, after "between <name> and", is the name it slips on', () => {
    const a = ask("what's the difference between django and flaks");
    expect(a.intent).toBe('compare');
    expect(ids(a)).toEqual(['django', 'flask']);
  });

  it('a sentence opening with "when" and a clause of its own is context, not a second question', () => {
    const a = ask(
      'our nightly export script just prints to stdout. when it breaks nobody notices until monday. what should we use for proper logging?',
    );
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('loguru');
    expect(a.also).toBeUndefined();
    expect(ask('when should we pick celery over rq').intent).toBe('compare');
  });

  it.each([
    ['first data job, week 2. my team uses poetry and i only know pip. what is poetry for?', 'library', 'poetry'],
    ['sprint 2. our api is flask and the new guy likes fastapi. which one for a small service?', 'compare', 'flask'],
    [
      "we track weekly revenue vs forecast per store in a spreadsheet. i'd like to do it in python instead. what's a good plotting library?",
      'recommend',
      'seaborn',
    ],
  ])(
    '%j: a number ending a sentence, or "vs" between things it does not name, makes no second question',
    (q, intent, id) => {
      const a = ask(q);
      expect(a.intent).toBe(intent);
      expect(ids(a)).toContain(id);
      expect(a.also).toBeUndefined();
    },
  );

  it.each([
    [
      "i moved from matlab to python this year. got through the tutorials already. what's the standard data science stack?",
      'data-science-stack',
    ],
    [
      'we get supplier price lists as old excel 97 files. need to load them into pandas every monday. what reads that format?',
      'xlrd',
    ],
  ])('%j: a sentence of context opening like a question but ending in a full stop asks nothing', (q, id) => {
    const a = ask(q);
    expect(ids(a)[0]).toBe(id);
    expect(a.also).toBeUndefined();
  });

  it.each([
    ['and an orm?', 'which web framework for a small api', ['sqlalchemy', 'peewee', 'django-orm'], 'fastapi'],
    ['and a scheduler?', 'best task queue for django', ['apscheduler', 'schedule'], 'celery'],
  ])('%j after %j asks for its own kind of package, whatever the thread adds', (q, previous, some, not) => {
    const a = ask(q, previous);
    expect(a.intent).toBe('recommend');
    expect(some).toContain(ids(a)[0]);
    expect(ids(a)).not.toContain(not);
  });

  it.each([
    ['tell me more about the 2nd one', 'pytest vs unittest for the lab results parser?', 'unittest', 'overview'],
    ['the last one, what is it', 'options for background jobs: celery, rq, dramatiq?', 'dramatiq', 'overview'],
    [
      'ok tell me more about the middle one',
      'django, flask, fastapi — which for the partner dashboard?',
      'flask',
      'overview',
    ],
    ['first one — still worth learning?', 'nltk vs spacy for the comments moderation', 'nltk', 'worth'],
  ])('%j after %j is about the one of the comparison it counts to', (q, previous, id, focus) => {
    const a = ask(q, previous);
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual([id]);
    expect(a.focus ?? 'overview').toBe(focus);
  });

  it.each([
    ['how hard is django to learn', 'django'],
    ['how long does it take to learn django', 'django'],
    ['learning curve for celery?', 'celery'],
    ['is the learning curve on fastapi bad', 'fastapi'],
    ['how steep is the learning curve for django', 'django'],
  ])('%j asks about the thing it names, not for a package matching "curve" or "hard"', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('library');
    expect(ids(a)).toEqual([id]);
  });

  it('a newbie named in a request for a pick is no question about learning', () => {
    expect(ids(ask('ok which one would a django newbie use', "what's an ORM"))).toContain('django-orm');
  });

  it.each([
    'need to scrape a site that uses javascript',
    'javascript heavy site, requests gets an empty page',
    'the page is built with javascript, how do i scrape it',
  ])('%j: a language a page is made with is what the Python tool works on', (q) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(['playwright', 'selenium']).toContain(ids(a)[0]);
  });

  it.each(['our javascript frontend needs a task queue', 'javascript or python for scraping'])(
    '%j is still a question about another stack',
    (q) => expect(ask(q).intent).toBe('unknown'),
  );

  it("another form of a concept's name keeps a message in the stack, whatever the classifier makes of the rest", () => {
    const a = ask('how do i rate limit my api');
    expect(a.intent).toBe('concept');
    expect(ids(a)).toEqual(['rate-limiting']);
  });

  it.each(['what do SREs here usually install', 'tools the sres use daily'])(
    '%j: the plural of an everyday word is no name of a tool it does not know',
    (q) => {
      const a = ask(q);
      expect(a.intent).not.toBe('unknown');
      expect(a.unrecognised ?? []).not.toContain('sres');
    },
  );

  it.each([
    ["brain's fried, what's pep8 again", 'pep8'],
    ["coffee hasn't kicked in, what's asgi again", 'wsgi-asgi'],
    ["sorry for the noob question, what's idempotency anyway", 'idempotency'],
  ])('%j: a clause of chatter before "what\'s X again" is not part of the question', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('concept');
    expect(ids(a)).toEqual([id]);
  });

  it.each([
    ["a cli lib that's not click or typer", ['click', 'typer']],
    ['task queue without celery or rq', ['celery', 'rq']],
  ])('%j leaves out every name of the list it rules out', (q, out) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a).length).toBeGreaterThan(0);
    for (const id of out) expect(ids(a)).not.toContain(id);
  });

  it.each(["which database isn't a pain to run", 'which database is the least hassle'])(
    '%j: a kind of package asked for by name keeps the ranker to that kind',
    (q) => {
      const a = ask(q);
      expect(a.intent).toBe('recommend');
      expect(ids(a)).toContain('sqlite');
      for (const id of ids(a))
        expect([
          'postgresql',
          'mysql',
          'sqlite',
          'mongodb',
          'redis',
          'elasticsearch',
          'opensearch',
          'snowflake',
          'chromadb',
          'rabbitmq',
        ]).toContain(id);
    },
  );

  it('"the db layer" asks for what goes between the code and the database, not for a database', () => {
    const a = ask('is fastapi good for production? and what should I use for the db layer with it');
    expect(ids(a.also as Answer)[0]).toBe('sqlalchemy');
  });

  it.each([
    'task queue without redis',
    "a job queue that doesn't need redis",
    "background jobs but we can't run redis",
  ])('%j leaves out what runs on Redis alone, and keeps what runs on other brokers too', (q) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('rq');
    expect(ids(a)).toContain('dramatiq');
  });

  it.each([
    ['what are the downsides of django', 'django'],
    ['any drawbacks to celery?', 'celery'],
    ["what's wrong with flask", 'flask'],
  ])('%j asks whether the thing is worth it', (q, id) => {
    const a = ask(q);
    expect([a.intent, a.focus, ids(a)]).toEqual(['library', 'worth', [id]]);
  });

  it.each([
    ['quick primer on docker please', 'docker'],
    ['beginner guide to django', 'django'],
  ])('%j asks for an introduction to the thing it names: its card', (q, id) => {
    const a = ask(q);
    expect([a.intent, ids(a)]).toEqual(['library', [id]]);
  });

  it("an angle on the thread's package holds, whatever words of the setting it does not know", () => {
    const a = ask('would it survive our blackfriday spike', "what's celery");
    expect([a.intent, a.focus, ids(a)]).toEqual(['library', 'production', ['celery']]);
    const b = ask('worth adding to a 5 year old untyped codebase?', "what's mypy");
    expect([b.intent, b.focus, ids(b)]).toEqual(['library', 'worth', ['mypy']]);
  });

  it('"its downsides" after a card asks whether the thread\'s thing is worth it', () => {
    const a = ask('what about its downsides', "what's mongodb");
    expect([a.intent, a.focus, ids(a)]).toEqual(['library', 'worth', ['mongodb']]);
  });

  it.each([
    ['requests is blocking my event loop', 'requests', 'httpx'],
    ['psycopg2 is blocking our async code, what now', 'psycopg', 'asyncpg'],
  ])('%j asks for what does not block, among its kind', (q, id, other) => {
    const a = ask(q);
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'alternatives', id]);
    expect(ids(a)).toContain(other);
  });

  it('a driver that will not block the event loop is a kind asked for, not an alternative', () => {
    const a = ask("postgres driver that won't block the event loop");
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe('asyncpg');
  });

  it.each([
    ["what's the non-async postgres driver called", 'psycopg'],
    ['plain old mysql from a flask app, nothing async anywhere. which python driver should i install', 'pymysql'],
    ['async postgres driver', 'asyncpg'],
  ])('%j: the drivers asked for, sync or async, first', (q, id) => {
    const a = ask(q);
    expect(a.intent).toBe('recommend');
    expect(ids(a)[0]).toBe(id);
  });

  it('what is made for a name set aside is set aside with it, whatever the ranker thinks', () => {
    const a = ask("an orm that's not the django one, for a standalone reporting script");
    expect(a.intent).toBe('recommend');
    expect(ids(a)).not.toContain('django-orm');
    expect(ids(a)).toContain('sqlalchemy');
  });

  it.each([
    ['which broker does dramatiq want', undefined, 'What Dramatiq runs on'],
    ['what does dramatiq run on', undefined, 'What Dramatiq runs on'],
    ['what broker should i use with it', 'thinking about celery for the emails', 'What Celery runs on'],
    ['and what broker do we need?', 'celery vs rq?', 'What Celery and RQ run on'],
  ])('%j (after %j) is the services the knowledge relates the package to', (q, previous, title) => {
    const a = ask(q, previous);
    expect([a.intent, a.title]).toEqual(['recommend', title]);
    expect(ids(a)).toEqual(['redis', 'rabbitmq']);
  });

  it('a service asked for a package is only of the kind named: a database, not a broker', () => {
    const a = ask('which database does airflow sit on');
    expect(ids(a)[0]).toBe('postgresql');
    expect(ids(a)).not.toContain('redis');
    expect(ask('which database for django').title).not.toMatch(/runs on/);
  });

  it.each([
    ["a test runner that's nicer than unittest", 'unittest', 'pytest'],
    ['package manager faster than pip', 'pip', 'uv'],
    ['a cli library simpler than argparse', 'argparse', 'click'],
  ])('%j: a kind that must beat the name is picks among its alternatives, not its card', (q, rival, first) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', first]);
    expect(ids(a)).not.toContain(rival);
  });

  it('a comparison without a kind named is still the alternatives card ("something lighter than django")', () => {
    const a = ask('something lighter than django');
    expect([a.intent, a.focus]).toEqual(['library', 'alternatives']);
  });

  it.each([
    ['what do you use to test your code', 'pytest'],
    ['what do you recommend for testing our python code', 'pytest'],
    ['how do i type check my code', 'mypy'],
  ])('%j: "your code" names no need, the verb does', (q, first) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', first]);
  });

  it.each([
    ['any others?', "what's pytest", 'pytest'],
    ['are there others?', 'tell me about black', 'black'],
    ['what are the alternatives', 'we use poetry for the billing repo', 'poetry'],
    ['what are the alternatives', 'our scraper is built on scrapy', 'scrapy'],
    ['what are the alternatives though', 'we use poetry for the billing repo', 'poetry'],
    ['what are the alternatives anyway', 'our scraper is built on scrapy', 'scrapy'],
  ])("%j after %j asks for the alternatives of the thread's package", (q, previous, id) => {
    const a = ask(q, previous);
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'alternatives', id]);
  });

  it.each([
    ['and if we already run redis?', "what's a good task queue for python?", 'rq'],
    [
      'needs to be async, the rest of the service is fastapi',
      "what's a good http client for calling a partner api?",
      'httpx',
    ],
    ['our infra is actually on azure, my bad', 'boto3 for pushing files to s3?', 'azure-sdk'],
  ])("%j after %j: the thread's picks, those that fit the setting said first", (q, previous, first) => {
    const a = ask(q, previous);
    expect(a.intent).toBe('recommend');
    expect(ids(a).slice(0, 2)).toContain(first);
  });

  it.each([
    [
      "something lighter than airflow, it's literally one script",
      'how do we run the nightly job on a schedule?',
      'airflow',
    ],
    ['something lighter than sqlalchemy', 'which orm for a flask service', 'sqlalchemy'],
  ])("%j after %j: the thread's picks and its alternatives that beat it, itself left out", (q, previous, rival) => {
    const a = ask(q, previous);
    expect([a.intent, a.title]).toEqual(['recommend', expect.stringContaining('Instead of')]);
    expect(ids(a)).not.toContain(rival);
  });

  it('"is it faster than psycopg" weighs the thread\'s pick against the name, no picks instead of it', () => {
    expect(ask('is it faster than psycopg', "what's asyncpg").title).not.toMatch(/^Instead of/);
  });

  it.each([
    ['can it rotate the log files or do i need something else', 'is loguru good', 'loguru'],
    ['does it handle retries?', 'tell me about celery', 'celery'],
  ])('%j after %j: the card the thread showed, which does what is asked', (q, previous, id) => {
    const a = ask(q, previous);
    expect([a.intent, ids(a)]).toEqual(['library', [id]]);
  });

  it.each([
    ["the consultants keep saying 'microservices'. can someone explain what it is?", 'microservices'],
    ['our architect keeps saying connection pooling. what actually is it?', 'connection-pooling'],
  ])('%j: what the context named is what is asked about', (q, id) => {
    const a = ask(q);
    expect([a.intent, ids(a)]).toEqual(['concept', [id]]);
  });

  it.each([
    ["we've used unittest for years and the tests are verbose. what should we move to?", 'unittest', 'pytest'],
    ['our flask app keeps growing and we want async. where should we go from here?', 'flask', 'fastapi'],
  ])('%j: the one they have is left out of where to go', (q, had, first) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', first]);
    expect(ids(a)).not.toContain(had);
  });

  it('"could you help me choose a database" asks for a database, not for help', () => {
    const a = ask('could you help me choose a database');
    expect(a.intent).toBe('recommend');
    expect(ids(a)).toContain('postgresql');
    expect(ask('what can you help me with?').intent).toBe('help');
  });

  it('a starter kit or a toolbox for a team is a stack', () => {
    expect(ask('starter kit for a new ml team?').intent).toBe('stack');
    expect(ids(ask("what's in a data engineer's toolbox"))).toEqual(['data-developer-stack']);
  });

  it('the articles\' widely used ORM leads a plain "which orm", the framework-made one only where its framework is named', () => {
    expect(ids(ask('which orm should i use'))[0]).toBe('sqlalchemy');
    expect(ids(ask('which orm for our django app'))[0]).toBe('django-orm');
  });

  it('choosing a library is the library checklist, choosing a framework the framework one', () => {
    expect(ids(ask('how should i choose a python library'))).toEqual(['choosing-a-library']);
    expect(ids(ask('how should i choose a python framework'))).toEqual(['framework-choice-factors']);
  });

  it('a first part that ends asking nicely is a question of its own', () => {
    const a = ask("fastapi overview pls, and what's asgi");
    expect([a.intent, ids(a)]).toEqual(['library', ['fastapi']]);
    expect(a.also && [a.also.intent, ids(a.also)]).toEqual(['concept', ['wsgi-asgi']]);
  });

  it('finding where code is slow is profiling', () => {
    expect(ids(ask('why is my code so slow'))).toEqual(['profiling']);
  });

  it('a package made for another framework is no pick in a question set in one (no Django ORM for a flask app)', () => {
    expect(ids(ask('what orm goes with flask'))).not.toContain('django-orm');
    expect(ids(ask('what orm goes with flask'))[0]).toBe('sqlalchemy');
    expect(ids(ask('orm for a django project'))).toContain('django-orm');
  });

  it.each([
    ['celery is overkill for us, what should we use for background jobs', 'celery', 'rq'],
    ['airflow is overkill for two cron scripts. what should we run them with', 'airflow', 'prefect'],
  ])('%j: the name said to be too much is left out of the picks', (q, heavy, first) => {
    const a = ask(q);
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', first]);
    expect(ids(a)).not.toContain(heavy);
  });

  it('a name asked whether it is too much, or said to be before asking about it, is still the subject', () => {
    expect([ask('is celery overkill for us?').intent, ids(ask('is celery overkill for us?'))]).toEqual([
      'library',
      ['celery'],
    ]);
    expect(ids(ask('django looks huge tbh, is it worth learning'))).toEqual(['django']);
  });

  it.each([
    ["i don't love black, is there something else?", 'black'],
    ['requests is fine but is there something better', 'requests'],
  ])('%j asks for the alternatives', (q, id) => {
    const a = ask(q);
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'alternatives', id]);
  });

  it('"which one is the most popular" after a concept asks for its tools', () => {
    const a = ask("what's an orm, and which one is the most popular?");
    expect([a.intent, ids(a)]).toEqual(['concept', ['orm']]);
    expect(a.also && [a.also.intent, ids(a.also)[0]]).toEqual(['recommend', 'sqlalchemy']);
  });

  it('a need word naming a kind of package outweighs words that only describe it', () => {
    const a = ask('visualization library for beginners');
    expect(a.intent).toBe('recommend');
    expect(['seaborn', 'matplotlib', 'plotly']).toContain(ids(a)[0]);
  });

  it.each([
    ['would rabbitmq beat redis as the broker for our celery workers?', ['rabbitmq', 'redis']],
    ['is apscheduler better than celery for a nightly job?', ['apscheduler', 'celery']],
  ])('%j weighs two of different kinds that stand in for each other', (q, both) => {
    const a = ask(q);
    expect([a.intent, ids(a)]).toEqual(['compare', both]);
  });

  it("a driver for a service with another name as its setting is the service's clients, fitted to the setting", () => {
    const a = ask('good postgres driver for our asyncio service?');
    expect([a.intent, ids(a)]).toEqual(['recommend', ['asyncpg', 'psycopg']]);
    const next = ask('and mongo?', 'good postgres driver for our asyncio service?');
    expect([next.intent, ids(next)[0]]).toEqual(['recommend', 'motor']);
  });

  it('thanks with a final question mark is read as without it, so a button that re-asks it answers the same', () => {
    const asked = ask('thanks async await ?!');
    expect(asked.intent).toBe(ask(normalize('thanks async await ?!')).intent);
    expect(asked.intent).toBe('thanks');
  });

  /** Each answer's intent and first subject: the first, then the second question's. */
  const twoLeads = (a: Answer) => [a, a.also].map((x) => x && `${x.intent} ${ids(x)[0]}`);

  it('words and a colon before two joined questions are their setting, and both questions are answered', () => {
    const a = ask('notes for the onboarding doc: what is a message broker, and what does rate limiting mean?');
    expect(twoLeads(a)).toEqual(['concept message-broker', 'concept rate-limiting']);
    // Words that only mark the questions lead nothing in.
    const b = ask('two things: what is alembic, and celery vs rq?');
    expect([ids(b)[0], ids(b.also as Answer)]).toEqual(['alembic', ['celery', 'rq']]);
  });

  it('a tool asked for, then "and another / + something" for a second job, is two requests with their own picks', () => {
    const a = ask('a lib to fill in word templates, and another to turn html into pdf');
    expect(twoLeads(a)).toEqual(['recommend python-docx', 'recommend weasyprint']);
    const b = ask('need a library for charts + something to read the parquet files');
    expect([ids(b)[0], ids(b.also as Answer)[0]]).toEqual(['plotly', 'pandas']);
  });

  it('what a name that is also a word is, asked without an article, asks about the package', () => {
    expect(ids(ask('whats arcade, my cousin mentioned it at dinner'))).toEqual(['arcade']);
    expect(ask('what is a panda, my kid keeps asking every day at the zoo').intent).toBe('unknown');
  });

  it('a struck-out name is weighed, left out or kept as what the rest of the message says of it', () => {
    expect(ids(ask('~mypy~ pyright? which one for vs code'))).toEqual(['mypy', 'pyright']);
    expect(ids(ask('~celery~ what is a lighter job queue'))).not.toContain('celery');
    expect(ids(ask('browser automation lib? not a fan of ~selenium~'))).not.toContain('selenium');
  });

  it('a question weighing two things, then two names weighed "for it", answers both', () => {
    const a = ask("what's the difference between wsgi and asgi, and flask vs fastapi for it?");
    expect([ids(a)[0], ids(a.also as Answer)]).toEqual(['wsgi-asgi', ['flask', 'fastapi']]);
    // Words and a colon before the first half lead it in.
    const b = ask("team quiz: what's a message broker, and rabbitmq vs redis for one?");
    expect([ids(b)[0], ids(b.also as Answer)]).toEqual(['message-broker', ['rabbitmq', 'redis']]);
  });

  it('what a package is, then another angle of "it", is two answers: the card and the angle', () => {
    const a = ask("what's dramatiq? and is it ready for production");
    expect([a.intent, a.focus ?? 'overview', ids(a)[0]]).toEqual(['library', 'overview', 'dramatiq']);
    expect([a.also?.intent, a.also?.focus, ids(a.also as Answer)[0]]).toEqual(['library', 'production', 'dramatiq']);
  });

  it('"and what\'s the alternative" after a question about one package asks for its alternatives', () => {
    const a = ask("is celery worth it for a handful of jobs? and what's the alternative");
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'worth', 'celery']);
    expect([a.also?.intent, a.also?.focus, ids(a.also as Answer)[0]]).toEqual(['library', 'alternatives', 'celery']);
  });

  it('two questions of their own in a thread are both answered, as they would be alone', () => {
    const a = ask('what is alembic, and celery vs rq?', 'compare django fastapi');
    expect(twoLeads(a)).toEqual(['library alembic', 'compare celery']);
    // A follow-up that points back is still read with the thread.
    expect(ids(ask('is that still a thing? would you pick it today', 'tell me about tornado'))).toEqual(['tornado']);
  });

  it('names of one kind side by side, then joined by "or" or "and", are all weighed', () => {
    expect(ids(ask('rq dramatiq or celery for the nightly exports?'))).toEqual(['rq', 'dramatiq', 'celery']);
    expect(ids(ask('how do i choose between pytest unittest and hypothesis'))).toEqual([
      'pytest',
      'unittest',
      'hypothesis',
    ]);
    // Two names side by side with nothing joining them are no list to weigh.
    expect(ask('pandas numpy cheat sheet').intent).not.toBe('compare');
  });

  it('a name that is also a word, weighed against a package of its kind, is that package', () => {
    expect(ids(ask('do we still need black now that we have ruff?'))).toEqual(['black', 'ruff']);
    expect(ids(ask('is rich nicer than textual for a dashboard in the terminal'))).toEqual(['rich', 'textual']);
    // …and one tool asked for instead of two of them is the one that stands in for both.
    expect(ids(ask('one tool that lints and formats, instead of flake8 + black?'))).toEqual(['ruff']);
    // A word that names a package of another kind is still the word.
    expect(ids(ask('is it better to click through the ui by hand or use playwright'))).toEqual(['playwright']);
  });

  it("a link's label that is the link's own name is said once", () => {
    expect(ask('<https://github.com/coleifer/huey|huey>?').unrecognised).toEqual(['huey']);
    expect(ask('<https://github.com/coleifer/huey|huey> vs dramatiq').unrecognised).toEqual(['huey']);
  });

  it("another stack's tool named by an English word, used as the word inside a question, leaves the question in scope", () => {
    expect(ask("what's the standard toolkit to forecast daily cargo volumes per port?").intent).toBe('recommend');
    expect(ask('students loop over dataframes of karma points and it hangs, what concept should i teach?').intent).toBe(
      'concept',
    );
    // The tool, where the message opens on it or a word of its trade follows.
    expect(ask('cargo build is slow on ci, any tips').unrecognised).toEqual(['cargo']);
  });

  it('names weighed "for" a setting they name leave the setting out, and a word for the standard library is no name', () => {
    // One it does not know against one it knows: the one it knows, and what it did not know.
    const a = ask('piccolo vs sqlalchemy for our new litestar service?');
    expect([a.intent, ids(a), a.unrecognised]).toEqual(['library', ['sqlalchemy'], ['piccolo']]);
    expect(ids(ask('how is pytest different from the std unittest module for a small flask app'))).toEqual([
      'pytest',
      'unittest',
    ]);
    expect(ask('loguru or the stdlib logging?').unrecognised ?? []).toEqual([]);
  });

  it('a kind asked for that must beat a name right after "than" leaves the name out, whatever the commas', () => {
    const a = ask('need a test runner, something way nicer than unittest');
    expect([a.intent, ids(a).includes('unittest'), ids(a)[0]]).toEqual(['recommend', false, 'pytest']);
    expect(ids(ask('an http client that is a lot more modern than requests, async too'))).not.toContain('requests');
  });

  it('"it" points at the name before it, though the question names another as its setting', () => {
    const a = ask('mypy... is it worth it for a small flask app?');
    expect([a.intent, a.focus, ids(a)[0]]).toEqual(['library', 'worth', 'mypy']);
  });

  it('asked whether two packages are the same thing, weighs them', () => {
    expect(ids(ask('is pytest the same thing as unittest?'))).toEqual(['pytest', 'unittest']);
    expect(ids(ask('is rq the same library as celery or something else'))).toEqual(['rq', 'celery']);
  });

  it("out of scope where a known name stands beside another stack's, says the other stack's name", () => {
    const a = ask('django or rails for the new booking site');
    expect([a.intent, a.unrecognised]).toEqual(['unknown', ['rails']]);
  });

  it('read as everyday words, a message still says the name it did not know', () => {
    expect(ask('celery vs sidekiq for the payout jobs?').unrecognised).toContain('sidekiq');
  });

  it("another stack's tool whose Python counterpart is asked for gets the picks of the category that does its job", () => {
    const lint = ask("what's the python equivalent of rubocop?");
    expect([lint.intent, ids(lint)[0], lint.title]).toEqual(['recommend', 'ruff', 'For linting and formatting']);
    expect(ids(ask('is there a mocha for python')).slice(0, 1)).toEqual(['pytest']);
    expect(ids(ask('axios but in python?'))).toContain('httpx');
    expect(ids(ask('we run laravel today; what should the python rewrite use instead of laravel?'))).toContain(
      'django',
    );
    // Where the asker comes from, or "the python equivalent" of the one tool the message names.
    expect(ids(ask('coming from spring boot, what should i use in python?'))).toContain('django');
    expect(ids(ask("our node service uses sequelize; what's the python equivalent?"))[0]).toBe('sqlalchemy');
    expect(ids(ask('python alternative to maven'))).toContain('poetry');
    // A tip asked for is a tip.
    expect(ask("any tip for python tests? we're coming from jest").intent).toBe('tip');
    // Not another stack's tool weighed or moved to, nor its own version of something else.
    expect(ask("we're moving from python to laravel").intent).toBe('unknown');
    expect(ask('flask or express for the api, we write python').intent).not.toBe('recommend');
    expect(ask("what's the ggplot2 equivalent of a facet grid in R").intent).toBe('unknown');
  });

  it('a service named before a word for its clients asks for one of them, the other names its setting', () => {
    const a = ask("mysql driver that works with asyncio, it's for a starlette app");
    expect([a.intent, ids(a)[0]]).toEqual(['recommend', 'aiomysql']);
    const b = ask('our billing worker is asyncio all the way down and it needs a mysql driver. which one?');
    expect([b.intent, ids(b)[0]]).toEqual(['recommend', 'aiomysql']);
    // Weighed outright, or beside one of its clients, it is still a comparison.
    expect(ids(ask('asyncpg or psycopg as the postgres driver?'))).toEqual(['asyncpg', 'psycopg']);
  });

  it("a name set as the role's setting, or said on every side of a choice, is weighed by nothing", () => {
    expect(ids(ask('postgres as the django database, or mysql?'))).toEqual(['postgresql', 'mysql']);
    expect(ids(ask('fastapi + httpx vs fastapi + aiohttp for the gateway'))).toEqual(['httpx', 'aiohttp']);
    // A tool weighed against two together is one comparison, not two questions.
    expect(ids(ask('poetry vs pip-tools + venv for the new repo?'))).toEqual(['poetry', 'pip-tools', 'venv']);
  });

  it('a python library that talks to a service is one of its clients', () => {
    expect(ids(ask('which python lib talks to mongodb?'))[0]).toBe('pymongo');
    expect(ids(ask('what python library connects to postgres'))[0]).toBe('psycopg');
  });

  it('a message opening on a name, then "but" and what it must have, asks for the alternatives that have it', () => {
    const a = ask('matplotlib but interactive?');
    expect([a.intent, ids(a)[0], ids(a).includes('matplotlib')]).toEqual(['recommend', 'plotly', false]);
    // "but" opening a clause of its own is about the name.
    expect(ids(ask('celery but it keeps crashing on startup'))[0]).toBe('celery');
  });

  it('a module path inside a package is that package', () => {
    expect(ids(ask('matplotlib.pyplot or seaborn for the heatmaps?'))).toEqual(['matplotlib', 'seaborn']);
    const a = ask('is sklearn.metrics enough for the f1 scores');
    expect([ids(a)[0], a.unrecognised ?? []]).toEqual(['scikit-learn', []]);
    // A name with a dot of its own stays that name.
    expect(ids(ask('rpi.gpio or gpiozero for the doorbell?'))).toEqual(['rpi-gpio', 'gpiozero']);
  });

  it('ideas named only by everyday words, in a message surely about something else, are those words', () => {
    expect(ask("are we short on dockers for tomorrow's vessel?").intent).toBe('unknown');
    expect(ids(ask('what are containers'))).toEqual(['containers']);
  });

  it('hints are door-neutral commands, never "/pystack"', () => {
    for (const q of ['lib httpx', 'alternatives to flask', 'which type checker', 'help', 'java vs kotlin']) {
      const a = ask(q);
      expect(a.hints?.length, q).toBeGreaterThan(0);
      for (const h of a.hints ?? []) expect(h.command, q).not.toMatch(/pystack/);
      expect(JSON.stringify(a.sections), q).not.toMatch(/\/pystack/);
    }
  });
});
