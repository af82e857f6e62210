/**
 * A team's standards applied to an answer (after the engine built it from the curated facts):
 * a card leads with the team's status and reason; a comparison gains a "Team" row and never
 * picks a banned item; recommendations put preferred and approved items (team packages count as
 * approved) first, mark discouraged ones and leave banned ones out, saying so. "Team standards"
 * is cited as its own source, apart from the articles.
 *
 * @example
 * withStandards(kb, answer) // the same answer when the knowledge has no team overlay
 */
import type { Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import { standardOf, TEAM_SOURCE, type TeamStatus } from '../knowledge/team.js';
import type { Answer, Section, Subject } from './types.js';

const RANK: Record<TeamStatus | 'none', number> = { preferred: 0, approved: 1, none: 2, discouraged: 3, banned: 4 };

/** The team's status of an entry; a team package without a standard counts as approved. */
export function teamStatus(kb: Knowledge, id: string): TeamStatus | undefined {
  const s = standardOf(kb, id);
  if (s) return s.status;
  return kb.entries.get(id)?.sources.includes(TEAM_SOURCE) ? 'approved' : undefined;
}

/** "Team: discouraged. We standardised on HTTPX. Use HTTPX instead." */
export function teamLine(kb: Knowledge, id: string): string | undefined {
  const s = standardOf(kb, id);
  const e = kb.entries.get(id);
  const owner = e?.type === 'package' && e.owner ? ` Ask ${e.owner}.` : '';
  if (!s) return owner && e ? `Team package: ${entryName(e)} is your team's own.${owner}` : undefined;
  const instead = s.instead ? kb.entries.get(s.instead) : undefined;
  return `Team: ${s.status}. ${s.reason.replace(/\.?$/, '.')}${instead ? ` Use ${entryName(instead)} instead.` : ''}${owner}`;
}

function cite(kb: Knowledge, a: Answer, touched: boolean): Answer {
  if (!touched || a.sources.some((s) => s.id === TEAM_SOURCE)) return a;
  const src = kb.sources.get(TEAM_SOURCE);
  return src ? { ...a, sources: [{ id: src.id, title: src.title }, ...a.sources] } : a;
}

function library(kb: Knowledge, a: Answer): Answer {
  const id = a.subjects[0]?.id;
  const line = id ? teamLine(kb, id) : undefined;
  if (!line) return a;
  return cite(kb, { ...a, sections: [{ type: 'text', text: line }, ...a.sections] }, true);
}

function compare(kb: Knowledge, a: Answer): Answer {
  const statuses = a.subjects.map((s) => teamStatus(kb, s.id));
  if (statuses.every((s) => !s)) return a;
  const banned = a.subjects.filter((_, i) => statuses[i] === 'banned');
  const sections: Section[] = a.sections.map((s) => {
    if (s.type === 'table')
      return {
        ...s,
        rows: [{ label: 'Team', values: a.subjects.map((x, i) => (statuses[i] ? `${statuses[i]}` : '—')) }, ...s.rows],
      };
    if (s.type === 'picks') {
      // The team's order first; a banned item is never a pick.
      const order = a.subjects.map((x, i) => ({ x, i, r: RANK[statuses[i] ?? 'none'] }));
      const picks = order
        .filter((o) => statuses[o.i] !== 'banned')
        .sort((p, q) => p.r - q.r || p.i - q.i)
        .map((o) => s.picks.find((p) => p.name === o.x.name))
        .filter((p): p is { name: string; reason: string } => Boolean(p));
      return { ...s, picks };
    }
    return s;
  });
  const notes = a.subjects.flatMap((x) => {
    const line = teamLine(kb, x.id);
    return line ? [`${x.name}: ${line}`] : [];
  });
  const lead: Section[] = banned.length
    ? [{ type: 'text', text: `Not an option here: ${banned.map((b) => b.name).join(', ')} (banned by your team).` }]
    : [];
  return cite(
    kb,
    { ...a, sections: [...lead, ...sections, { type: 'list', title: 'Team standards', items: notes, ordered: false }] },
    true,
  );
}

function recommend(kb: Knowledge, a: Answer): Answer {
  const statuses = new Map(a.subjects.map((s) => [s.id, teamStatus(kb, s.id)]));
  if ([...statuses.values()].every((s) => !s)) return a;
  const keep = a.subjects
    .map((x, i) => ({ x, i, r: RANK[statuses.get(x.id) ?? 'none'] }))
    .filter((o) => statuses.get(o.x.id) !== 'banned')
    .sort((p, q) => p.r - q.r || p.i - q.i)
    .map((o) => o.x);
  const banned = a.subjects.filter((x) => statuses.get(x.id) === 'banned');
  const mark = (x: Subject, reason: string) => {
    const st = statuses.get(x.id);
    if (st === 'discouraged') return `${reason} (Team: discouraged. ${standardOf(kb, x.id)?.reason ?? ''})`.trim();
    if (st === 'preferred') return `${reason} (Team: preferred.)`.replace('.. ', '. ');
    const e = kb.entries.get(x.id);
    return e?.type === 'package' && e.owner ? `${reason} Ask ${e.owner}.`.replace('.. ', '. ') : reason;
  };
  const sections: Section[] = a.sections.map((s) =>
    s.type === 'picks'
      ? {
          ...s,
          picks: keep.flatMap((x) => {
            const p = s.picks.find((q) => q.name === x.name);
            return p ? [{ name: p.name, reason: mark(x, p.reason) }] : [];
          }),
        }
      : s,
  );
  const left: Section[] = banned.map((b) => ({
    type: 'note',
    text: `Left out: ${b.name}, banned by your team (${standardOf(kb, b.id)?.reason ?? 'team standards'}).`,
  }));
  const hints = (a.hints ?? []).filter((h) => !banned.some((b) => h.command.split(' ').includes(b.id)));
  return cite(kb, { ...a, subjects: keep, sections: [...sections, ...left], hints }, true);
}

/** The answer with the team's standards applied (unchanged without an overlay). */
export function withStandards(kb: Knowledge, a: Answer): Answer {
  if (!kb.team) return a;
  const out =
    a.intent === 'library'
      ? library(kb, a)
      : a.intent === 'compare'
        ? compare(kb, a)
        : a.intent === 'recommend'
          ? recommend(kb, a)
          : a;
  return a.also ? { ...out, also: withStandards(kb, a.also) } : out;
}
