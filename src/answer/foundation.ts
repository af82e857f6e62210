/**
 * What a package is built on, as the knowledge says it: the one package whose own text says the
 * named one is built on it ("FastAPI is built on top of it" in Starlette's summary, "pandas is
 * built on top of it" among NumPy's reasons).
 *
 * @example
 * foundationOf(kb, fastapi)?.id // 'starlette'
 */
import type { Knowledge, PackageEntry } from '../knowledge/model.js';
import { escapeRegExp } from './util.js';

export function foundationOf(kb: Knowledge, of: PackageEntry): PackageEntry | undefined {
  const names = [of.name, ...of.aliases].map(escapeRegExp).join('|');
  // "FastAPI is built on top of it", "that requests itself is built on", "that FastAPI builds on".
  const says = new RegExp(`\\b(?:${names})(?:\\s+(?:itself|is|are|was))*\\s+(?:built|builds)\\s+(?:on|upon)\\b`, 'i');
  const found = kb.packages.filter(
    (p) =>
      p.id !== of.id &&
      [p.summary, ...p.why, p.pick_when ?? '', p.attributes?.main_strength ?? ''].some((text) => says.test(text)),
  );
  return found.length === 1 ? found[0] : undefined;
}
