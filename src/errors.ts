/**
 * Every error pystack raises on purpose carries a stable code, one class per kind of failure,
 * so doors can print one clear line instead of a stack trace.
 *
 * @example
 * throw new KnowledgeError([{ file: 'libraries.yml', entry: 'django', field: 'sources', message: 'cite a source' }]);
 */
export type ErrorCode = 'E_KNOWLEDGE' | 'E_INDEX' | 'E_CONFIG';

export class PystackError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One thing wrong with the knowledge: where it is and what is wrong. */
export interface Problem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

/** Prints a problem as `file › entry › field: what is wrong`. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.entry, p.field].filter(Boolean).join(' › ');
  return `${where}: ${p.message}`;
}

export class KnowledgeError extends PystackError {
  constructor(readonly problems: Problem[]) {
    super(
      'E_KNOWLEDGE',
      `knowledge is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
}

export class IndexError extends PystackError {
  constructor(message: string) {
    super('E_INDEX', message);
  }
}

export class ConfigError extends PystackError {
  constructor(message: string) {
    super('E_CONFIG', message);
  }
}
