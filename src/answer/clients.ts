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
