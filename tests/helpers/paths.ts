/** Paths shared by the tests: the project root and the compiled CLI. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const KNOWLEDGE_DIR = resolve(ROOT, 'knowledge');
export const CLI = resolve(ROOT, 'dist', 'src', 'cli.js');
export const MAIN = resolve(ROOT, 'dist', 'src', 'main.js');
