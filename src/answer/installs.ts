/**
 * A pasted install command ("`pip install djangorestframework`", "$ uv add httpx"): the package it
 * installs is what the message is about, named as the installer names it (an entry's install name,
 * or one of its names), and the installer is only the verb. Read only inside code or a command line,
 * where a paste is; "how does pip install work" stays about pip.
 *
 * @example
 * installsNamed('`pip install djangorestframework` is this how we add an api?', kb)
 * // ' django-rest-framework  is this how we add an api?'
 */
import { derived } from '../knowledge/derived.js';
import { normKey } from '../knowledge/load.js';
import type { Knowledge } from '../knowledge/model.js';

/** An installer, its verb, any options, then the package (extras and version pins dropped). */
const INSTALL =
  /\b(?:python3? -m pip|pip3?|uv pip|uv|poetry|pipx|conda|pdm) +(?:install|add)((?: +-{1,2}[\w-]+(?:=\S+)?)*) +([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?(?:[<>=!~]=?[\w.*]+)?/g;
/** Code spans and blocks, and lines pasted from a terminal ("$ …", "> …"). */
const PASTED = /```[\s\S]*?```|`[^`\n]*`|^[ \t]*[$>][^\n]*/gm;

/** Entry ids by install name (`djangorestframework` → django-rest-framework). */
const installNames = derived(
  (kb) => new Map(kb.packages.flatMap((p) => (p.install ? [[normKey(p.install), p.id] as const] : []))),
);

export function installsNamed(raw: string, kb: Knowledge): string {
  if (!/\b(?:install|add)\b/.test(raw)) return raw;
  return raw.replace(PASTED, (pasted) =>
    pasted.replace(INSTALL, (_all, _options: string, pkg: string) => {
      const key = normKey(pkg);
      return ` ${installNames(kb).get(key) ?? kb.names.get(key) ?? pkg} `;
    }),
  );
}
