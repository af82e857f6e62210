/**
 * The signature verifier the app relies on (Bolt's, used by its HTTP receiver), checked against
 * Slack's worked example from "Verifying requests from Slack".
 */
import { isValidSlackRequest, verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = 1531420618;
const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
const now = timestamp * 1000 + 30_000;

describe('Slack request signature verification', () => {
  it("accepts Slack's worked example", () => {
    expect(() => verifySlackRequest({ signingSecret: secret, body, headers, nowMilliseconds: now })).not.toThrow();
    expect(isValidSlackRequest({ signingSecret: secret, body, headers, nowMilliseconds: now })).toBe(true);
  });

  it('refuses a changed body, another secret or a changed signature', () => {
    expect(isValidSlackRequest({ signingSecret: secret, body: `${body}x`, headers, nowMilliseconds: now })).toBe(false);
    expect(isValidSlackRequest({ signingSecret: `${secret.slice(0, -1)}6`, body, headers, nowMilliseconds: now })).toBe(
      false,
    );
    const forged = { ...headers, 'x-slack-signature': signature.replace(/.$/, '0') };
    expect(isValidSlackRequest({ signingSecret: secret, body, headers: forged, nowMilliseconds: now })).toBe(false);
  });

  it('refuses the example once it is more than 5 minutes old', () => {
    const later = timestamp * 1000 + 5 * 60 * 1000 + 1000;
    expect(isValidSlackRequest({ signingSecret: secret, body, headers, nowMilliseconds: later })).toBe(false);
  });
});
