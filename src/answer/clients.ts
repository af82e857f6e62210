/**
 * The Python clients of a service the knowledge holds (a database, a store): the packages that
 * relate to it and whose use cases say they reach it ("connect to postgresql", "redis client").
 * Read from the knowledge, so a new driver entry is found without code.
 *
 * @example
 * clientsOf(kb, kb.entries.get('mongodb')).map((p) => p.id) // ['pymongo', 'motor']
 */
import { derived } from '../knowledge/derived.js';
import type { Entry, Knowledge, PackageEntry } from '../knowledge/model.js';
import type { Query } from './query.js';
import { escapeRegExp } from './util.js';

/** Words in a use case that say the package reaches the service. */
const REACHES = /\b(?:connect(?:s|ing)? to|from python|in python|client|driver)\b/;

const made = new WeakMap<Knowledge, Map<string, PackageEntry[]>>();

/** The packages that are Python clients of a service entry (none for anything else). */
export function clientsOf(kb: Knowledge, service: Entry): PackageEntry[] {
  if (service.type !== 'package' || (service.kind !== 'database' && service.kind !== 'tool')) return [];
  let by = made.get(kb);
  if (!by) made.set(kb, (by = new Map()));
  const known = by.get(service.id);
  if (known) return known;
  const names = [service.id, service.name, ...(service.aliases ?? [])].map(
    (n) => new RegExp(`\\b${escapeRegExp(n.toLowerCase())}\\b`),
  );
  const clients = kb.packages.filter(
    (p) =>
      p.kind !== 'database' &&
      p.related.includes(service.id) &&
      p.use_cases.some((u) => REACHES.test(u.toLowerCase()) && names.some((n) => n.test(u.toLowerCase()))),
  );
  by.set(service.id, clients);
  return clients;
}

/** The ids of every package that is some service's Python client. */
const served = derived((kb) => new Set(kb.packages.flatMap((s) => clientsOf(kb, s).map((c) => c.id))));

/** Whether a package is the Python client of some service the knowledge holds. */
export function isClient(kb: Knowledge, p: Entry): boolean {
  return served(kb).has(p.id);
}

/** The services each package is a Python client of, by package id. */
const servicesBy = derived((kb) => {
  const by = new Map<string, PackageEntry[]>();
  for (const s of kb.packages) for (const c of clientsOf(kb, s)) by.set(c.id, [...(by.get(c.id) ?? []), s]);
  return by;
});

/** The services a package is a Python client of (none for a package that is no client). */
export function servicesOf(kb: Knowledge, p: Entry): PackageEntry[] {
  return servicesBy(kb).get(p.id) ?? [];
}

/**
 * The services a package runs on: the stores and brokers the knowledge relates it to (Celery: Redis and
 * RabbitMQ), those whose words hold the kind asked for when one is ("broker": not a cache-only store).
 */
export function servicesUnder(kb: Knowledge, p: Entry, kind?: string): PackageEntry[] {
  if (p.type !== 'package' || p.kind === 'database') return [];
  const services = p.related
    .map((id) => kb.entries.get(id))
    .filter((r): r is PackageEntry => r?.type === 'package' && r.kind === 'database');
  if (!kind) return services;
  const said = new RegExp(`\\b${escapeRegExp(kind)}`);
  return services.filter((s) => [s.category, ...s.use_cases].some((w) => said.test(w.toLowerCase())));
}

/** A kind of service a package may run on, as a message names it ("message broker", "db"). */
const SERVICE = '(?:message )?(broker|backend|datastore|data store|database|db|message queue)s?';
/** The kinds of service only a package rests on: "a database for django" asks for picks, "a broker for celery" what it needs. */
const SERVICE_OF = '(?:message )?(broker|backend|message queue)s?';
/** The stem a service's category or use cases hold for each kind word (a "db" is some data store). */
const SERVICE_STEM: Record<string, string> = { broker: 'broker', database: 'data', db: 'data', datastore: 'data' };
/** Words without which no message asks what a package runs on: a kind of service, or "what does". */
const MAY_REST = new RegExp(`\\b${SERVICE}\\b|\\bwhat does\\b`);
/** Verbs of a package resting on a service ("needs", "runs on", "talks to"). */
const RESTS_ON =
  '(?:need|needs|require|requires|run on|runs on|sit on|sits on|depend on|depends on|use|uses|using|talk to|talks to|want|wants|expect|expects)';

/**
 * What service a message asks a named package to run on ("what broker does celery need", "which db should airflow
 * use", "what does dramatiq run on", "the broker for celery"): the kind's stem to filter by, '' for any service,
 * undefined when it asks nothing of the kind ("which database for django" names no verb of resting, and asks picks).
 * Without a name, the same asked of a pronoun.
 */
export function runsOnAsked(text: string, name?: string): string | undefined {
  // (Most messages say neither a kind of service nor "what does": the patterns with the name in are not built for them.)
  if (!MAY_REST.test(text)) return undefined;
  // (No name: a pronoun stands for the thread's package, "what does it need as a broker", "what broker do we need".)
  const n = name ? `(?:the )?${escapeRegExp(name)}(?:'s)?` : '(?:it|they|we|i|you|this|that|this one|that one)';
  const asked = [
    new RegExp(
      `\\b(?:what|which)(?: kind of| sort of| type of)? ${SERVICE} (?:does|do|did|will|would|should|can|could|is|are) ${n} ${RESTS_ON}\\b`,
    ),
    new RegExp(
      `\\bwhat does ${n} ${RESTS_ON}(?: as (?:a|an|the|its) ${SERVICE}| to run| underneath| under the hood| behind it)?(?: then| though| tho| anyway| exactly)?$`,
    ),
    new RegExp(
      `\\b(?:what|which)\\b.* ${SERVICE_OF} (?:for|behind|under) ${n}(?: to use| to run| to pick)?$|^${SERVICE_OF} (?:for|behind|under) ${n}\\b`,
    ),
    new RegExp(`\\b(?:what|which)\\b(?: \\S+){0,3} ${n} ${SERVICE_OF}\\b`),
  ];
  for (const re of asked) {
    const m = re.exec(text);
    if (m) return SERVICE_STEM[m[1] ?? ''] ?? '';
  }
  return undefined;
}

/** The picks of what packages run on, titled so ("What Celery runs on"), and nothing ruled out among them. */
export function runsOn(on: PackageEntry[], services: PackageEntry[], exclude: Entry[] = []): Query {
  const names = on.map((p) => p.name);
  const title = `What ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names.at(-1)} ${names.length > 1 ? 'run' : 'runs'} on`;
  return { kind: 'recommend', need: [], title, context: [], exclude, purpose: [], picks: [...new Set(services)] };
}
