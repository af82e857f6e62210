import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, KnowledgeError } from '../../src/errors.js';
import { checkKnowledge, loadKnowledge } from '../../src/knowledge/load.js';
import { runCli } from '../helpers/cli.js';
import { realEngine } from '../helpers/kb.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';

/**
 * Every package the articles' ecosystem map names, from the packages sections of the id registry
 * (notes/ids.md: frameworks.yml and packages-*.yml), copied here so the suite stands alone.
 */
const ECOSYSTEM_PACKAGES = `
django flask fastapi starlette litestar tornado django-rest-framework
requests httpx aiohttp urllib3 beautifulsoup scrapy playwright selenium mechanize
sqlalchemy sqlite3 psycopg pymysql motor redis-py pymongo django-orm peewee alembic asyncpg aiomysql
pydantic pydantic-settings postgresql mysql sqlite mongodb redis rabbitmq elasticsearch opensearch snowflake
numpy pandas matplotlib seaborn plotly scipy jupyter scikit-learn xgboost lightgbm catboost statsmodels
pytorch tensorflow jax transformers fastai openai anthropic langchain llamaindex sentence-transformers chromadb
opencv pillow scikit-image torchvision ultralytics
pathlib shutil schedule apscheduler watchdog pyautogui pynput openpyxl xlrd python-docx python-pptx pypdf
reportlab weasyprint argparse click typer rich textual tqdm
pytest unittest hypothesis factory-boy faker ruff black flake8 mypy pyright coverage pre-commit
ansible fabric boto3 google-cloud azure-sdk docker-sdk kubernetes paramiko
docker git github github-actions vscode pip venv poetry pip-tools uv
yfinance pandas-datareader ta backtrader zipline pyfolio quantlib pygame arcade panda3d pyglet pygame-ce
micropython circuitpython rpi-gpio gpiozero pyserial paho-mqtt sympy astropy biopython networkx nltk spacy
asyncio aiofiles celery rq dramatiq airflow prefect loguru logging python-dotenv
`
  .split(/\s+/)
  .filter(Boolean);

describe('the real knowledge', () => {
  const { knowledge, problems } = checkKnowledge(KNOWLEDGE_DIR);

  it('loads with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(knowledge).toBeDefined();
    expect(() => loadKnowledge(KNOWLEDGE_DIR)).not.toThrow();
  });

  it('has enough packages and tips', () => {
    expect(knowledge?.packages.length).toBeGreaterThanOrEqual(140);
    expect(knowledge?.tips.length).toBeGreaterThanOrEqual(60);
  });

  it('gives every entry at least one source, and every source exists', () => {
    const kb = knowledge as NonNullable<typeof knowledge>;
    const uncited = [...kb.entries.values()].filter((e) => e.sources.length === 0).map((e) => e.id);
    const dangling = [...kb.entries.values()].flatMap((e) =>
      e.sources.filter((s) => !kb.sources.has(s)).map((s) => `${e.id} -> ${s}`),
    );
    expect(uncited).toEqual([]);
    expect(dangling).toEqual([]);
  });

  it('gives every package a pick_when, and standing only to the few the articles rank', () => {
    const kb = knowledge as NonNullable<typeof knowledge>;
    expect(kb.packages.filter((p) => !p.pick_when).map((p) => p.id)).toEqual([]);
    const ranked = kb.packages.filter((p) => p.standing);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.length).toBeLessThan(kb.packages.length / 5);
  });

  it('holds every package the ecosystem map names', () => {
    const kb = knowledge as NonNullable<typeof knowledge>;
    expect(ECOSYSTEM_PACKAGES.length).toBe(151);
    const missing = ECOSYSTEM_PACKAGES.filter((id) => kb.entries.get(id)?.type !== 'package');
    expect(missing).toEqual([]);
  });

  it('answers "what is <name>" with the library card of that package, for every package', () => {
    const engine = realEngine();
    const wrong = engine.knowledge.packages.flatMap((pkg) => {
      const a = engine.answer(`what is ${pkg.name}`);
      return a.intent === 'library' && a.subjects[0]?.id === pkg.id
        ? []
        : [`${pkg.name}: ${a.intent} ${a.subjects.map((s) => s.id).join(',')}`];
    });
    expect(engine.knowledge.packages.length).toBeGreaterThanOrEqual(140);
    expect(wrong).toEqual([]);
  });
});

describe('broken knowledge', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the real knowledge with the first `from` in `file` replaced by `to`. */
  function corrupt(file: string, from: string, to: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'pystack-kb-'));
    dirs.push(dir);
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    // fail loudly if the knowledge changed under the test rather than testing nothing
    expect(text.includes(from), `${file} should contain ${JSON.stringify(from)}`).toBe(true);
    writeFileSync(path, text.replace(from, to));
    return dir;
  }

  const cases: {
    name: string;
    file: string;
    from: string;
    to: string;
    expected: { file: string; entry: string; field: string; message: RegExp };
  }[] = [
    {
      name: 'an out-of-scope name that names a knowledge entry',
      file: 'outside.yml',
      from: 'java, kotlin,',
      to: 'java, flask,',
      expected: { file: 'outside.yml', entry: 'languages', field: 'flask', message: /names the knowledge entry "flask"/ },
    },
    {
      name: "a counterpart for a category no package has",
      file: 'outside.yml',
      from: '  Background jobs: [sidekiq,',
      to: '  Job runners: [sidekiq,',
      expected: {
        file: 'outside.yml',
        entry: 'counterparts',
        field: 'sidekiq',
        message: /"Job runners" is no package's category/,
      },
    },
    {
      name: 'a counterpart not listed as another stack\'s name',
      file: 'outside.yml',
      from: '  HTTP clients: [axios,',
      to: '  HTTP clients: [superagent,',
      expected: { file: 'outside.yml', entry: 'counterparts', field: 'superagent', message: /not listed as another stack/ },
    },
    {
      name: 'a missing required field',
      file: 'frameworks.yml',
      from: '    category: Web frameworks\n',
      to: '',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'category', message: /./ },
    },
    {
      name: 'a bad id slug',
      file: 'frameworks.yml',
      from: '- id: tornado\n',
      to: '- id: Tornado_Web\n',
      expected: { file: 'frameworks.yml', entry: 'Tornado_Web', field: 'id', message: /slug/ },
    },
    {
      name: 'a duplicate id',
      file: 'frameworks.yml',
      from: '- id: flask\n',
      to: '- id: django\n',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'id', message: /duplicate id/ },
    },
    {
      name: 'an unknown related id',
      file: 'frameworks.yml',
      from: 'related: [click, sqlalchemy, wsgi-asgi, microservices]',
      to: 'related: [click, no-such-entry, wsgi-asgi, microservices]',
      expected: { file: 'frameworks.yml', entry: 'flask', field: 'related', message: /no-such-entry/ },
    },
    {
      name: 'an unknown source id',
      file: 'frameworks.yml',
      from: 'sources: [daily-packages,',
      to: 'sources: [no-such-source, daily-packages,',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'sources', message: /no-such-source/ },
    },
    {
      name: 'a pick_when that repeats "Pick it when"',
      file: 'frameworks.yml',
      from: '    pick_when: you want batteries included',
      to: '    pick_when: Pick it when you want batteries included',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'pick_when', message: /Pick it when/ },
    },
    {
      name: 'a pick_when ending in a full stop',
      file: 'frameworks.yml',
      from: 'ready on day one\n',
      to: 'ready on day one.\n',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'pick_when', message: /full stop/ },
    },
    {
      name: 'an unknown standing',
      file: 'frameworks.yml',
      from: '    standing: popular\n',
      to: '    standing: best\n',
      expected: { file: 'frameworks.yml', entry: 'django', field: 'standing', message: /standard/ },
    },
    {
      name: 'an ambiguous alias',
      file: 'frameworks.yml',
      from: 'aliases: [starlite]',
      to: 'aliases: [starlite, Fast-API]',
      expected: { file: 'frameworks.yml', entry: 'litestar', field: 'aliases', message: /fastapi/ },
    },
  ];

  it('lets a knowledge entry cover a Python package listed as uncovered: no problem, and the name stops counting', () => {
    const dir = corrupt('uncovered.yml', 'bottle, ', 'bottle, flask, ');
    const { knowledge, problems } = checkKnowledge(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(knowledge?.outside.has('flask')).toBe(false);
    expect(knowledge?.outside.get('bottle')).toBe('python');
  });

  for (const c of cases) {
    it(`reports ${c.name} with file, entry and field`, () => {
      const dir = corrupt(c.file, c.from, c.to);
      const { knowledge, problems } = checkKnowledge(dir);
      expect(knowledge).toBeUndefined();
      const { message, ...where } = c.expected;
      const match = problems.find(
        (p) => p.file === where.file && p.entry === where.entry && p.field === where.field,
      );
      expect(match, problems.map(formatProblem).join('\n')).toBeDefined();
      expect(match?.message).toMatch(message);
      expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    });
  }

  it('refuses an empty tips.yml, which would leave /pystack tip and the scheduler with nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pystack-kb-'));
    dirs.push(dir);
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'tips.yml'), '');
    const { problems } = checkKnowledge(dir);
    expect(problems.map(formatProblem)).toEqual([
      'tips.yml: no tips defined: /pystack tip and the tip scheduler need at least one',
    ]);
    const r = await runCli(['check', '--dir', dir]);
    expect(r.code).toBe(1);
  });

  it('reports bad YAML with the file and the line', () => {
    const dir = corrupt('frameworks.yml', 'alternatives: [flask, fastapi]', 'alternatives: [flask, fastapi');
    const { knowledge, problems } = checkKnowledge(dir);
    expect(knowledge).toBeUndefined();
    const yaml = problems.find((p) => p.file === 'frameworks.yml' && p.message.startsWith('YAML:'));
    expect(yaml, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(yaml?.message).toMatch(/line \d+/);
  });

  it('reports a missing folder as a problem instead of throwing', () => {
    const { knowledge, problems } = checkKnowledge(join(tmpdir(), 'pystack-no-such-folder'));
    expect(knowledge).toBeUndefined();
    expect(problems).toHaveLength(1);
  });

  it('`check --dir` exits 1 and prints one `file › entry › field: message` line per problem', async () => {
    const dirs = [
      ...cases.map((c) => ({ dir: corrupt(c.file, c.from, c.to), c })),
      {
        dir: corrupt('frameworks.yml', 'alternatives: [flask, fastapi]', 'alternatives: [flask, fastapi'),
        c: undefined,
      },
    ];
    const runs = await Promise.all(dirs.map(({ dir }) => runCli(['check', '--dir', dir])));
    runs.forEach((run, i) => {
      const c = dirs[i]?.c;
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toContain('    at ');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^pystack check: \d+ problems? in /);
      for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[\w.-]+\.ya?ml( › [^›:]+)*: \S/);
      if (c) {
        const { file, entry, field } = c.expected;
        expect(run.stderr).toContain(`${file} › ${entry} › ${field}: `);
      } else expect(run.stderr).toMatch(/^frameworks\.yml: YAML: .*line \d+/m);
    });
  });

  it('`check` on the real knowledge exits 0', async () => {
    const run = await runCli(['check', '--dir', KNOWLEDGE_DIR]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/knowledge OK: \d+ packages/);
  });
});
