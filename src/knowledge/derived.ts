/**
 * A value worked out from the knowledge once and kept as long as that knowledge is (names by
 * prefix, categories by their words, install names…): made on first use, per knowledge object, so a
 * team overlay's merged knowledge gets its own.
 *
 * @example
 * const installNames = derived((kb) => new Map(kb.packages.map((p) => [p.install ?? p.id, p.id])));
 * installNames(kb).get('djangorestframework') // 'django-rest-framework'
 */
import type { Knowledge } from './model.js';

export function derived<T>(make: (kb: Knowledge) => T): (kb: Knowledge) => T {
  const made = new WeakMap<Knowledge, T>();
  return (kb) => {
    if (!made.has(kb)) made.set(kb, make(kb));
    return made.get(kb) as T;
  };
}
