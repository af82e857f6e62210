/**
 * Display labels shared by the library card and the comparison table.
 *
 * @example
 * ATTRIBUTE_LABELS.performance // 'Performance'
 */
import type { PackageEntry } from '../knowledge/model.js';
import type { Attributes } from '../knowledge/schema.js';

export const ATTRIBUTE_LABELS: Record<keyof Attributes, string> = {
  primary_use: 'Primary use case',
  performance: 'Performance',
  development_speed: 'Development speed',
  flexibility: 'Flexibility',
  talent_pool: 'Talent pool',
  best_for: 'Best for',
  main_strength: 'Main strength',
  async: 'Async',
  built_ins: 'Built in',
};

export const KIND_LABEL: Record<string, string> = {
  framework: 'Framework',
  library: 'Library',
  stdlib: 'Standard library',
  database: 'Database',
  tool: 'Tool',
};

/** How to get a package: a pip line, or a note for the standard library and non-pip tools. */
export function installLine(p: PackageEntry): string {
  if (p.kind === 'stdlib') return 'Ships with Python (nothing to install)';
  if (p.install) return `pip install ${p.install}`;
  if (p.kind === 'database' || p.kind === 'tool') return 'Installed outside pip (see its docs)';
  return `pip install ${p.id}`;
}

/** "Pick X when …", from the entry's own pick_when, else its first reason. */
export function pickLine(p: PackageEntry): string {
  return p.pick_when ?? (p.why[0] ?? p.use_cases[0] ?? '').replace(/^./, (c) => c.toLowerCase());
}
