/**
 * Which package of the knowledge a PyPI link names: `https://pypi.org/project/<name>/…`, with
 * names compared as PyPI compares them (PEP 503: case-insensitive, runs of `-`, `_`, `.` alike),
 * against each package's id, name, aliases and `pip install` name. Other links name nothing.
 *
 * @example
 * packageOfLink(kb, 'https://pypi.org/project/HTTPX/0.28.1/')?.id // 'httpx'
 */
import type { Knowledge, PackageEntry } from './model.js';

const PYPI_HOSTS = new Set(['pypi.org', 'www.pypi.org']);

/** PEP 503 name normalisation. */
export const pypiName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function namesOf(p: PackageEntry): string[] {
  const install = /^pip install\s+([A-Za-z0-9._-]+)/.exec(p.install ?? '')?.[1];
  return [p.id, p.name, ...p.aliases, ...(install ? [install] : [])].map(pypiName);
}

export function packageOfLink(kb: Knowledge, link: string): PackageEntry | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (!PYPI_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const [first, name] = url.pathname.split('/').filter(Boolean);
  if (first !== 'project' || !name) return undefined;
  const wanted = pypiName(decodeURIComponent(name));
  return kb.packages.find((p) => namesOf(p).includes(wanted));
}
