/**
 * zod, loaded on first use. Loading it takes about 50 ms (close to a hundred modules), and a process
 * that answers from the build's already-validated knowledge (`pystack ask` on a cache hit) never
 * validates anything, so it never pays that. Every schema in the app is built through this one
 * instance, so no schema of one copy of zod is ever nested in another's.
 *
 * @example
 * const Name = zod().string().min(1);
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

const requireHere = createRequire(import.meta.url);
let loaded: typeof Zod | undefined;

export function zod(): typeof Zod.z {
  return (loaded ??= requireHere('zod') as typeof Zod).z;
}

/** A value built on first use and kept: schemas are made once, when first needed. */
export function lazily<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
