/** Paths shared by the tests: the project root and the built CLI and bot (the bundles npm start and the bin run). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const KNOWLEDGE_DIR = resolve(ROOT, 'knowledge');
export const CLI = resolve(ROOT, 'dist', 'app', 'cli.js');
export const MAIN = resolve(ROOT, 'dist', 'app', 'main.js');
