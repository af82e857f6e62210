/** The real knowledge, its index and an engine over them, opened once per test file. */
import { createEngine, type Engine } from '../../src/answer/engine.js';
import { type OpenedKnowledge, openKnowledge } from '../../src/knowledge/open.js';

let opened: OpenedKnowledge | undefined;
let engine: Engine | undefined;

export function realKnowledge(): OpenedKnowledge {
  opened ??= openKnowledge();
  return opened;
}

export function realEngine(): Engine {
  engine ??= createEngine(realKnowledge());
  return engine;
}
