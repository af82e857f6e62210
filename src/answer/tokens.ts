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

export function tokens(text: string): Token[] {
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
