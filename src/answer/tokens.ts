/**
 * Splits normalised text into word and separator tokens, keeping names whole ("scikit-learn",
 * "c++", "node.js") and the separators that join or split items ("," "/" "&" "?" and dashes).
 *
 * @example
 * tokens('django, flask — which?').map((t) => t.text) // ['django', ',', 'flask', '—', 'which', '?']
 */

export interface Token {
  text: string;
  /** A word, or a separator between words. */
  sep: boolean;
}

const TOKEN = /[a-z0-9#+.][a-z0-9+#._'-]*|[,/&?;:!—–]|(?<=\s)-(?=\s)/g;

/**
 * The tokens of a text. One message is tokenised many times while it is answered, so the last few
 * results are kept (bounded); the arrays are shared, and no caller changes them.
 */
export function tokens(text: string): readonly Token[] {
  const known = kept.get(text);
  if (known) return known;
  if (kept.size >= KEPT) kept.clear();
  const out = fresh(text);
  kept.set(text, out);
  return out;
}

const KEPT = 256;
const kept = new Map<string, readonly Token[]>();

function fresh(text: string): readonly Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    if (/^[,/&?;:!—–-]$/.test(t)) {
      out.push({ text: t === '-' || t === '–' ? '—' : t, sep: true });
      continue;
    }
    t = t.replace(/'s$/, '').replace(/[.'_-]+$/, '');
    const dots = t.match(/^(.*?)([?!.]+)$/);
    if (dots) t = dots[1] as string;
    if (t && t !== '.') out.push({ text: t.replace(/^\.(?=[a-z])/, '.'), sep: false });
  }
  return out;
}
