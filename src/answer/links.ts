/**
 * Links in a message name packages: `<https://pypi.org/project/httpx/>`, a GitHub repository or
 * a documentation site. Read from the raw Slack text, before markup is stripped.
 *
 * @example
 * linkNames('see <https://pypi.org/project/httpx/|httpx>') // ['httpx', 'pypi', ...]
 */

const SLACK_LINK = /<((?:https?):\/\/[^|<>\s]+)(?:\|[^<>]*)?>/g;
const BARE_LINK = /(?<![<|])\bhttps?:\/\/[^\s<>|]+/g;
/** Host and path words that never name a package. */
const NOT_NAMES = new Set(
  'www docs doc documentation readthedocs io org com net dev en latest stable project projects pypi github gitlab blob tree main master src html index readme md api reference guide tutorial user userguide stable py python pkg'.split(
    ' ',
  ),
);

/** Suffixes a project's host name adds to its name. */
const HOST_SUFFIX = /(?:projects?|docs|lang|hq|js)$/;

/** Candidate package names from every link, most telling first (a PyPI project, a repository, then host words). */
export function linkNames(raw: string): string[] {
  const urls = [...raw.matchAll(SLACK_LINK)].map((m) => m[1] as string);
  for (const m of raw.matchAll(BARE_LINK)) urls.push(m[0]);
  const out: string[] = [];
  for (const u of urls) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponentSafe);
    if (/(^|\.)pypi\.org$/.test(host) && path[0] === 'project' && path[1]) out.push(path[1]);
    else if (/(^|\.)(github|gitlab)\.com$/.test(host) && path[1]) out.push(path[1], path[0] as string);
    // A documentation page names what it documents more closely than its host ("docs.pydantic.dev/…/pydantic_settings").
    out.push(
      ...path
        .map((w) => w.replace(/\.html?$/, ''))
        .filter((w) => !NOT_NAMES.has(w.toLowerCase()))
        .slice(0, 3),
    );
    const hostWords = host.split('.').filter((w) => !NOT_NAMES.has(w));
    out.push(...hostWords);
    // "djangoproject.com", "palletsprojects.com": a host word is often the name with a suffix;
    // "python-poetry.org": or the name with the language before or after it.
    out.push(
      ...hostWords
        .flatMap((w) => [w.replace(HOST_SUFFIX, ''), w.replace(/^(?:python|py)-|-(?:python|py)$/, '')])
        .filter((w) => w.length > 2),
    );
  }
  return [...new Set(out.map((w) => w.toLowerCase().replace(/\.git$/, '')).filter((w) => w.length > 1))];
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
