/**
 * Escaping for Slack mrkdwn. Any text that came from a person or from knowledge goes through
 * `escapeMrkdwn` before it is placed in a message, so it can never form `<!channel>`, `<!here>`,
 * `<!everyone>`, a user ping or a link.
 *
 * @example
 * escapeMrkdwn('<!channel> & <@U123>') // '&lt;!channel&gt; &amp; &lt;@U123&gt;'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '');
  // never leave half an escape sequence such as "&am"
  return `${cut.replace(/&[a-z]{0,4}$/, '')}…`;
}

/** Bold in mrkdwn, for labels we write ourselves. */
export function bold(text: string): string {
  return `*${text.replace(/\*/g, '')}*`;
}

/** A link to a URL we trust (from knowledge), with an escaped label. */
export function link(url: string, label: string): string {
  return /^https?:\/\/[^\s<>|]+$/.test(url)
    ? `<${url}|${escapeMrkdwn(label).replace(/\|/g, '/')}>`
    : escapeMrkdwn(label);
}
