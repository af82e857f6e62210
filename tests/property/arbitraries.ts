/**
 * fast-check arbitraries for what people (and Slack) send pystack: any Unicode, Slack markup,
 * control and invisible characters, very long text, and realistic commands built from the names
 * in the real knowledge plus noise.
 *
 * @example
 * const inputs = anyInput(vocabulary(realKnowledge().knowledge));
 * fc.assert(fc.property(inputs, (text) => void engine.answer(text)), { numRuns: 2500 });
 */
import fc from 'fast-check';
import { type Answer, INTENTS, type Section } from '../../src/answer/types.js';
import type { Knowledge } from '../../src/knowledge/model.js';
import { entryKeys } from '../../src/knowledge/model.js';

/** Slack markup as Slack sends it, typed characters as Slack encodes them, and mrkdwn formatting. */
export const MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<!channel|@channel>',
  '<!CHANNEL>',
  '<@U123>',
  '<@U0BOT>',
  '<@W123|name>',
  '<#C123|general>',
  '<#C123>',
  '<!subteam^S123>',
  '<!subteam^S123|@devs>',
  '<!date^1392734382^{date}|Feb 18>',
  '<https://x.y|label>',
  '<https://x.y>',
  '<mailto:a@b.c|mail>',
  '&lt;',
  '&gt;',
  '&amp;',
  '&lt;!channel&gt;',
  '&lt;@U123&gt;',
  '&amp;lt;!here&amp;gt;',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```',
  '```block```',
  '<',
  '>',
  '|',
  '<!',
  '<@',
  '<#',
  '@channel',
  ':snake:',
  '\n> quote',
  // look-alikes that Unicode normalisation (NFKC) folds into < > @ !
  '＜！ｃｈａｎｎｅｌ＞',
  '＜＠Ｕ１２３＞',
  '﹤!here﹥',
  '＆ｌｔ；!everyone＆ｇｔ；',
] as const;

/** Control, separator, direction and zero-width characters, lone surrogates and combining marks. */
export const CONTROL = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2060',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\u0301',
  '\u001b[31m',
  '🐍',
  '👩‍💻',
  'ما هو',
] as const;

/** Names, use cases, checklist and stack names from the knowledge, to build realistic commands. */
export interface Vocabulary {
  names: string[];
  useCases: string[];
  topics: string[];
}

export function vocabulary(kb: Knowledge): Vocabulary {
  const named = [...kb.packages, ...kb.concepts, ...kb.checklists, ...kb.stacks];
  return {
    names: [...new Set(named.flatMap(entryKeys))],
    useCases: [...new Set(kb.packages.flatMap((p) => p.use_cases))],
    topics: [...new Set([...kb.checklists, ...kb.stacks].flatMap(entryKeys))],
  };
}

const markup = fc.constantFrom(...MARKUP);
const control = fc.constantFrom(...CONTROL);
const word = fc.stringMatching(/^[a-z]{1,10}$/);

/** A Slack user id, as in a click or a share (never user text). */
export const userId = fc.stringMatching(/^[UW][A-Z0-9]{2,12}$/);

/** Any UTF-16 code unit, lone surrogates included (what a JSON "\ud800" escape can carry). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any Unicode text: code points, graphemes, raw code units, with control characters mixed in. */
export function unicodeText(maxLength = 700): fc.Arbitrary<string> {
  // fast-check keeps strings short unless told otherwise; 'large' reaches several hundred characters.
  return fc.oneof(
    ...(['small', 'large'] as const).flatMap((size) => [
      fc.string({ unit: 'binary', maxLength, size }),
      fc.string({ unit: 'grapheme', maxLength, size }),
      fc.string({ unit: codeUnit, maxLength, size }),
    ]),
    fc.string({ unit: fc.oneof(control, fc.string({ unit: 'binary', maxLength: 3 })), maxLength: 60 }),
  );
}

/** Pieces of markup, words, names and odd characters glued with or without spaces. */
export function markupSoup(v: Vocabulary, maxPieces = 30): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: markup },
    { weight: 2, arbitrary: fc.constantFrom(...v.names) },
    { weight: 2, arbitrary: word },
    { weight: 1, arbitrary: control },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  );
  const glue = fc.constantFrom('', ' ', ' ', '\n', ', ', ' vs ', ' or ');
  return fc
    .oneof(
      fc.array(fc.tuple(piece, glue), { maxLength: maxPieces }),
      fc.array(fc.tuple(piece, glue), { maxLength: maxPieces, size: 'medium' }),
    )
    .map((parts) => parts.map(([p, g]) => p + g).join(''));
}

/** The command forms pystack answers, filled with real names, use cases and topics. */
export function command(v: Vocabulary): fc.Arbitrary<string> {
  const name = fc.constantFrom(...v.names);
  const use = fc.constantFrom(...v.useCases);
  const topic = fc.constantFrom(...v.topics);
  const names = fc.array(name, { minLength: 1, maxLength: 6 });
  const sep = fc.constantFrom(' ', ', ', ' vs ', ' or ', ' and ', ' / ', ' versus ');
  return fc.oneof(
    fc.tuple(names, sep).map(([ns, s]) => `compare ${ns.join(s)}`),
    fc.tuple(names, sep).map(([ns, s]) => `${ns.join(s)}?`),
    name.map((n) => `lib ${n}`),
    name.map((n) => `what is ${n}`),
    name.map((n) => n),
    use.map((u) => `what should I use for ${u}`),
    use.map((u) => `find ${u}`),
    use.map((u) => u),
    topic.map((t) => `checklist ${t}`),
    topic.map((t) => `stack ${t}`),
    topic.map((t) => `what's the stack for a ${t}`),
    fc.constantFrom('tip', 'tips', 'tip about', 'help', '?', 'checklist', 'stack', 'compare', 'lib', ''),
    name.map((n) => `tip about ${n}`),
  );
}

/** A command with noise: case, typos, courtesies, mentions and markup around it. */
export function noisyCommand(v: Vocabulary): fc.Arbitrary<string> {
  const around = fc.oneof(fc.constant(''), markup, control, word, fc.constantFrom('hey', 'please', 'thanks', '?!'));
  return fc
    .tuple(around, command(v), around, fc.constantFrom('keep', 'upper', 'typo', 'bold'), fc.nat())
    .map(([before, cmd, after, how, at]) => {
      let c = cmd;
      if (how === 'upper') c = c.toUpperCase();
      if (how === 'typo' && c.length > 1) c = c.slice(0, at % c.length) + c.slice((at % c.length) + 1);
      if (how === 'bold') c = `*${c}*`;
      return `${before} ${c} ${after}`;
    });
}

/** Very long text: a chunk repeated up to about 10 KB, and now and then up to 40 KB (Slack's maximum). */
export function longText(v: Vocabulary): fc.Arbitrary<string> {
  const chunk = fc.oneof(markupSoup(v, 6), unicodeText(40), command(v), markup, control);
  const size = fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 500, max: 10_240 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10_240, max: 40_000 }) },
  );
  return fc
    .tuple(chunk, size, fc.constantFrom('', ' ', '\n'))
    .map(([c, n, g]) => (c ? `${c}${g}`.repeat(Math.ceil(n / (c.length + g.length || 1))).slice(0, n) : ''));
}

/** Everything above, mixed. */
export function anyInput(v: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof(unicodeText(), markupSoup(v), noisyCommand(v), longText(v));
}

/** Well-formed text of any kind (no lone surrogates): what knowledge and normalised questions can hold. */
export function wellFormedText(maxLength = 200): fc.Arbitrary<string> {
  const odd = fc.constantFrom(...[...MARKUP, ...CONTROL].filter((s) => !/^[\ud800-\udfff]$/.test(s)));
  const short = fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.oneof(odd, word, fc.string({ unit: 'binary', maxLength: 3 })), maxLength: maxLength / 5 }),
  );
  const long = fc
    .tuple(short, fc.integer({ min: 1000, max: 8000 }))
    .map(([s, n]) => (s ? s.repeat(n / s.length + 1) : ''));
  return fc.oneof({ weight: 29, arbitrary: short }, { weight: 1, arbitrary: long });
}

/** Any Answer the renderers could be handed: every section type, oversized, with hostile text. */
export function answers(): fc.Arbitrary<Answer> {
  const text = wellFormedText();
  const few = <T>(arb: fc.Arbitrary<T>, maxLength: number) => fc.array(arb, { maxLength });
  const many = <T>(arb: fc.Arbitrary<T>, maxLength: number) => fc.array(arb, { maxLength, size: 'medium' });
  const section: fc.Arbitrary<Section> = fc.oneof(
    fc.record({ type: fc.constant('text' as const), text }),
    fc.record({ type: fc.constant('facts' as const), facts: few(fc.record({ label: text, value: text }), 25) }),
    fc.record({
      type: fc.constant('list' as const),
      title: fc.option(text, { nil: undefined }),
      items: few(text, 30),
      ordered: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('table' as const),
      columns: few(text, 6),
      rows: few(fc.record({ label: text, values: few(text, 12) }), 8),
    }),
    fc.record({
      type: fc.constant('picks' as const),
      title: fc.option(text, { nil: undefined }),
      picks: few(fc.record({ name: text, reason: text }), 12),
    }),
    fc.record({ type: fc.constant('note' as const), text }),
  );
  const sourceTitle = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 75, size: 'max' }),
    fc.string({ unit: markup, maxLength: 10 }).map((t) => t.slice(0, 150)),
  );
  const url = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'https://x.y|<!channel>', 'https://a b'));
  return fc.record({
    intent: fc.constantFrom(...INTENTS),
    // Titles come from knowledge or a normalised question, neither holds "<"; the header is plain_text.
    title: fc.tuple(word, text).map(([w, t]) => `${w}${t}`.replace(/[<>]/g, '')),
    subjects: few(fc.record({ id: word, name: text, kind: word }), 6),
    sections: many(section, 60),
    // Source titles are at most 150 characters (knowledge/schema.ts); there can be many sources.
    sources: many(fc.record({ id: word, title: sourceTitle, url: fc.option(url, { nil: undefined }) }), 40),
    tipSeed: fc.option(fc.integer(), { nil: undefined }),
  });
}

/**
 * fc.assert parameters: a budget of runs, never of wall time (a loaded 2-core machine must not
 * fail a property that holds), and a fixed seed so every run of `npm test` checks the same cases.
 * `FC_SEED=<n> npx vitest run tests/property` explores other cases; a failure prints its seed and
 * path for replay.
 */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 20_261_201);
export const runs = (numRuns: number) => ({ numRuns, seed: PROPERTY_SEED });

/** Property files get this long per test: the budget is the run count, this only catches a hang. */
export const PROPERTY_TIMEOUT_MS = 120_000;
