import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('redacts tokens, secrets and Authorization headers wherever they appear', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: ['s3cr3tSigningValue'], destination });
    log.info({ token: 'xoxb-abc', headers: { authorization: 'Bearer xoxb-abc' } }, 'call with xoxb-123-456-abcdef');
    log.info({ body: { token: 'legacyVerifyValue' }, req: { headers: { 'X-Slack-Signature': 'v0=abc123def' } } }, 'in');
    log.error({ err: new Error('failed with s3cr3tSigningValue and xapp-1-A-2') }, 'oops');
    const all = lines.join('');
    expect(all).not.toMatch(/xoxb-|xapp-|s3cr3tSigningValue|legacyVerifyValue|v0=abc123def/);
    expect(all).toContain('[redacted]');
  });

  it('leaves harmless fields as they are', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: ['s3cr3tSigningValue'], destination });
    log.info({ door: 'command', intent: 'compare', subjects: ['django', 'fastapi'], tokens: 3 }, 'answered');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      door: 'command',
      intent: 'compare',
      subjects: ['django', 'fastapi'],
      tokens: 3,
      msg: 'answered',
    });
  });

  it('scrub replaces token patterns and given secrets', () => {
    expect(scrub('a xoxb-1-2-z b mysecret c', ['mysecret'])).toBe('a [redacted] b [redacted] c');
  });
});
