/**
 * The maintainers' report: questions the bot could not answer (the gaps log), votes by entry and
 * intent, and corrections, over the last N days, read from the same stores the bot writes. Used
 * by `pystack report` (a terminal table, or JSON) and by App Home's admin section.
 *
 * @example
 * const report = await buildReport(stores, kb, { days: 30 });
 * process.stdout.write(reportText(report));
 */
import { entryPath, type Knowledge } from './knowledge/model.js';
import type { Correction, CorrectionStore } from './state/corrections.js';
import type { FeedbackStore } from './state/feedback.js';
import type { GapCount, GapStore } from './state/gaps.js';

export interface VoteTally {
  intent: string;
  subjects: string[];
  /** `file › entry` for each subject. */
  paths: string[];
  up: number;
  down: number;
}

export interface Report {
  days: number;
  /** The report covers from this time (ms since epoch). */
  since: number;
  gaps: GapCount[];
  votes: VoteTally[];
  corrections: (Correction & { paths: string[] })[];
}

/** How many distinct gaps the report lists at most. */
const TOP_GAPS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function buildReport(
  stores: { gaps: GapStore; feedback: FeedbackStore; corrections: CorrectionStore },
  kb: Knowledge,
  { days = 30, now = Date.now() }: { days?: number; now?: number } = {},
): Promise<Report> {
  const since = now - days * DAY_MS;
  const paths = (ids: string[]) => ids.map((id) => entryPath(kb, id));
  const [gaps, votes, corrections] = await Promise.all([
    stores.gaps.top(since, TOP_GAPS),
    stores.feedback.since(since),
    stores.corrections.since(since),
  ]);
  const tallies = new Map<string, VoteTally>();
  for (const v of votes) {
    const key = `${v.intent}\n${v.subjects.join(',')}`;
    const t = tallies.get(key) ?? { intent: v.intent, subjects: v.subjects, paths: paths(v.subjects), up: 0, down: 0 };
    t[v.vote]++;
    tallies.set(key, t);
  }
  return {
    days,
    since,
    gaps,
    votes: [...tallies.values()].sort((a, b) => b.down - a.down || b.up - a.up || a.intent.localeCompare(b.intent)),
    corrections: corrections.map((c) => ({ ...c, paths: paths(c.subjects) })),
  };
}

/** A plain table: a header, a rule and padded columns. */
function table(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(width[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const one = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function reportText(r: Report): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const parts = [`pystack report: the last ${r.days} days (since ${day(r.since)})`, ''];
  parts.push(`Unanswered questions (${r.gaps.length})`);
  parts.push(
    r.gaps.length
      ? table(
          ['asked', 'intent', 'last', 'question'],
          r.gaps.map((g) => [String(g.count), g.intent, day(g.last), one(g.question, 80)]),
        )
      : '  none recorded',
  );
  parts.push('', `Votes by answer (${r.votes.length})`);
  parts.push(
    r.votes.length
      ? table(
          ['down', 'up', 'intent', 'entries'],
          r.votes.map((v) => [String(v.down), String(v.up), v.intent, v.paths.join(', ') || '-']),
        )
      : '  none recorded',
  );
  parts.push('', `Corrections (${r.corrections.length})`);
  parts.push(
    r.corrections.length
      ? table(
          ['date', 'intent', 'entries', 'what is wrong'],
          r.corrections.map((c) => [day(c.at), c.intent, c.paths.join(', ') || '-', one(c.text, 80)]),
        )
      : '  none recorded',
  );
  parts.push('', 'Next: fix the entries in knowledge/, then run `pystack check`.');
  return `${parts.join('\n')}\n`;
}
