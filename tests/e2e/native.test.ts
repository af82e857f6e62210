/**
 * End-to-end, the Slack-native surfaces against the fake Slack: native feedback buttons (stored
 * once per user, shown to the voter only), the correction modal (stored, posted to
 * FEEDBACK_CHANNEL with `file › entry` paths), the "Ask pystack" message shortcut, PyPI unfurls,
 * App Home's compare picker with typeahead, the gaps log and the admin section, the Messages-tab
 * welcome, and `pystack report` over the same state.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { blockKitProblems } from '../helpers/blockkit.js';
import { callList, type RunningApp, sleep, startApp, waitUntil } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let fake: FakeSlack;
let app: RunningApp;
let stateDir: string;
let n = 0;
const nextId = () => `EvNAT${++n}`;
const team = { id: 'T0TEST', domain: 'test' };

const since = (method: string, from: number) =>
  fake.calls.slice(from).filter((c) => c.method === method && c.status === 200);
const form = (payload: Record<string, unknown>) =>
  app.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
    contentType: 'application/x-www-form-urlencoded',
  });
const json = (file: string) => JSON.parse(readFileSync(join(stateDir, file), 'utf8'));

beforeAll(async () => {
  fake = await startFakeSlack();
  stateDir = mkdtempSync(join(tmpdir(), 'pystack-native-'));
  app = await startApp(fake, { STATE_DIR: stateDir, FEEDBACK_CHANNEL: 'C0MAINT', ADMIN_USERS: 'U0ADMIN' });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

/** A click on the native feedback buttons under a message in the channel. */
function nativeClick(value: string, user = 'U0VOTER', ts = '1740000000.000200') {
  return {
    type: 'block_actions',
    team,
    user: { id: user, username: 'voter', team_id: 'T0TEST' },
    api_app_id: 'A0PYSTACK',
    token: 'legacy',
    container: { type: 'message', message_ts: ts, channel_id: 'C0GENERAL', is_ephemeral: false },
    trigger_id: `1.${++n}`,
    channel: { id: 'C0GENERAL', name: 'general' },
    message: { type: 'message', ts, thread_ts: '1740000000.000100', text: 'x', blocks: [] },
    response_url: `${fake.url}/response/native`,
    actions: [
      {
        type: 'feedback_buttons',
        action_id: 'pystack_feedback',
        block_id: 'pystack_feedback_native',
        value,
        action_ts: `1740000001.${String(++n).padStart(6, '0')}`,
      },
    ],
  };
}

describe('native feedback', () => {
  it('stores one vote per user per answer, shows it to the voter only, and lets the voter change it', async () => {
    const from = fake.calls.length;
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> what is httpx',
        ts: '1740000000.000100',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    const answer = since('chat.postMessage', from)[0]?.body;
    expect(blockKitProblems(answer ?? {})).toEqual([]);
    const fb = answer?.blocks.find((b: { type: string }) => b.type === 'context_actions').elements[0];
    expect(fb.type).toBe('feedback_buttons');
    await form(nativeClick(fb.negative_button.value));
    await waitUntil(
      () => since('chat.postEphemeral', from).length === 1,
      5000,
      () => callList(fake),
    );
    await form(nativeClick(fb.positive_button.value));
    await waitUntil(() => since('chat.postEphemeral', from).length === 2);
    const notes = since('chat.postEphemeral', from).map((c) => c.body);
    expect(notes.every((b) => b.user === 'U0VOTER' && b.channel === 'C0GENERAL')).toBe(true);
    expect(notes[0]?.text).toMatch(/vote was recorded/);
    expect(notes[1]?.text).toMatch(/Vote changed/);
    expect(since('chat.update', from)).toHaveLength(0);
    const votes = json('feedback.json').votes.filter((v: { user: string }) => v.user === 'U0VOTER');
    expect(votes).toEqual([expect.objectContaining({ vote: 'up', intent: 'library', subjects: ['httpx'] })]);
  });
});

describe('Wrong or outdated?', () => {
  it('opens the modal, stores the submission as a correction and posts it to FEEDBACK_CHANNEL with entry paths', async () => {
    const from = fake.calls.length;
    await form({
      ...nativeClick(JSON.stringify({ q: 'lib httpx' })),
      actions: [
        {
          type: 'button',
          action_id: 'pystack_correct',
          block_id: 'pystack_feedback',
          value: JSON.stringify({ q: 'lib httpx' }),
          action_ts: '1740000002.000001',
        },
      ],
    });
    await waitUntil(() => since('views.open', from).length === 1);
    const view = since('views.open', from)[0]?.body.view;
    expect(view.callback_id).toBe('pystack_correction');
    const submit = (text: string) =>
      form({
        type: 'view_submission',
        team,
        user: { id: 'U0FIXER', team_id: 'T0TEST' },
        api_app_id: 'A0PYSTACK',
        token: 'legacy',
        trigger_id: '9.9.9',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'pystack_correction',
          private_metadata: view.private_metadata,
          state: { values: { what_is_wrong: { text: { type: 'plain_text_input', value: text } } } },
        },
      });
    const refused = await submit('  ');
    expect(await refused.json()).toMatchObject({ response_action: 'errors' });
    expect((await submit('The card misses <!channel> HTTP/2 support')).status).toBe(200);
    await waitUntil(() => since('chat.postMessage', from).some((c) => c.body.channel === 'C0MAINT'));
    const posted = since('chat.postMessage', from).find((c) => c.body.channel === 'C0MAINT')?.body;
    const text = JSON.stringify(posted?.blocks);
    expect(text).toMatch(/packages-[a-z-]+\.yml › httpx/);
    expect(text).not.toContain('<!channel>');
    expect(json('corrections.json').corrections).toEqual([
      expect.objectContaining({ intent: 'library', subjects: ['httpx'], user: 'U0FIXER' }),
    ]);
  });
});

describe('message shortcut', () => {
  it('answers the message in its thread, visible to the person who clicked, with Share', async () => {
    const from = fake.calls.length;
    const res = await form({
      type: 'message_action',
      callback_id: 'ask_pystack',
      trigger_id: '3.3.3',
      team,
      user: { id: 'U0CLICKER', name: 'clicker', team_id: 'T0TEST' },
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { type: 'message', user: 'U0OTHER', text: 'which http client should we use?', ts: '1740000300.000100' },
      message_ts: '1740000300.000100',
      response_url: `${fake.url}/response/shortcut`,
      action_ts: '1740000301.000100',
      token: 'legacy',
    });
    expect(res.status).toBe(200);
    await waitUntil(() => since('chat.postEphemeral', from).length === 1);
    const body = since('chat.postEphemeral', from)[0]?.body;
    expect(body).toMatchObject({ channel: 'C0GENERAL', user: 'U0CLICKER', thread_ts: '1740000300.000100' });
    expect(JSON.stringify(body?.blocks)).toContain('HTTPX');
    expect(JSON.stringify(body?.blocks)).toContain('pystack_share');
  });
});

describe('link unfurls', () => {
  const shared = (url: string) => ({
    type: 'link_shared',
    channel: 'C0GENERAL',
    user: 'U0ASKER',
    message_ts: `1740000400.${String(++n).padStart(6, '0')}`,
    links: [{ domain: 'pypi.org', url }],
    event_ts: '1740000400.000200',
  });

  it('unfurls a pypi.org link to a package in the knowledge into its card, once', async () => {
    const from = fake.calls.length;
    await app.event(shared('https://pypi.org/project/httpx/'), nextId());
    await waitUntil(() => since('chat.unfurl', from).length === 1);
    await sleep(300);
    const calls = since('chat.unfurl', from);
    expect(calls).toHaveLength(1);
    const card =
      calls[0]?.body.unfurls['https://pypi.org/project/httpx/'] ??
      JSON.parse(calls[0]?.body.unfurls)['https://pypi.org/project/httpx/'];
    expect(JSON.stringify(card.blocks)).toContain('HTTPX');
    expect(calls[0]?.body.channel).toBe('C0GENERAL');
  });

  it('leaves a link to an unknown package alone', async () => {
    const from = fake.calls.length;
    await app.event(shared('https://pypi.org/project/not-a-known-package/'), nextId());
    await sleep(600);
    expect(since('chat.unfurl', from)).toHaveLength(0);
  });
});

describe('App Home', () => {
  it('opens the compare picker, suggests matching entries as you type, and answers the pick in a DM', async () => {
    const from = fake.calls.length;
    await form({
      type: 'block_actions',
      team,
      user: { id: 'U0ASKER', team_id: 'T0TEST' },
      api_app_id: 'A0PYSTACK',
      token: 'legacy',
      container: { type: 'view', view_id: 'VHOME' },
      trigger_id: '4.4.4',
      view: { id: 'VHOME', type: 'home' },
      actions: [
        {
          type: 'button',
          action_id: 'pystack_compare_open',
          block_id: 'pystack_home_compare',
          action_ts: '1740000500.000001',
        },
      ],
    });
    await waitUntil(() => since('views.open', from).length === 1);
    expect(since('views.open', from)[0]?.body.view.callback_id).toBe('pystack_compare');
    const suggest = await form({
      type: 'block_suggestion',
      action_id: 'compare_pick',
      block_id: 'compare_items',
      value: 'fla',
      team,
      user: { id: 'U0ASKER', team_id: 'T0TEST' },
      api_app_id: 'A0PYSTACK',
      token: 'legacy',
      container: { type: 'view', view_id: 'VCMP' },
      view: { id: 'VCMP', type: 'modal', callback_id: 'pystack_compare' },
    });
    const options = (await suggest.json()).options as { value: string }[];
    expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['flask', 'flake8']));
    expect(options.map((o) => o.value)).not.toContain('django');
    expect(options.length).toBeLessThanOrEqual(100);
    const pick = (values: string[]) =>
      form({
        type: 'view_submission',
        team,
        user: { id: 'U0ASKER', team_id: 'T0TEST' },
        api_app_id: 'A0PYSTACK',
        token: 'legacy',
        trigger_id: '5.5.5',
        view: {
          id: 'VCMP',
          type: 'modal',
          callback_id: 'pystack_compare',
          state: {
            values: {
              compare_items: {
                compare_pick: { type: 'multi_external_select', selected_options: values.map((value) => ({ value })) },
              },
            },
          },
        },
      });
    expect(await (await pick(['flask'])).json()).toMatchObject({ response_action: 'errors' });
    expect((await pick(['django', 'flask'])).status).toBe(200);
    await waitUntil(() => since('chat.postMessage', from).some((c) => c.body.channel === 'U0ASKER'));
    const dm = since('chat.postMessage', from).find((c) => c.body.channel === 'U0ASKER')?.body;
    expect(dm?.blocks[0].text.text).toBe('Django vs Flask');
    expect(dm?.blocks.some((b: { type: string }) => b.type === 'table')).toBe(true);
  });

  it('records an unanswered question in the gaps log and shows it to admins only', async () => {
    await app.command('what is zorblatt for deployments');
    await sleep(300);
    const from = fake.calls.length;
    const open = (user: string) =>
      app.event(
        { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: `1740000600.${++n}` },
        nextId(),
      );
    await open('U0ADMIN');
    await open('U0ASKER');
    await waitUntil(() => since('views.publish', from).length === 2);
    // Both are answered at once; which publish lands first is not fixed.
    const published = since('views.publish', from).map((c) => c.body);
    const admin = published.find((b) => b.user_id === 'U0ADMIN');
    const member = published.find((b) => b.user_id === 'U0ASKER');
    expect(JSON.stringify(admin?.view.blocks)).toContain('For maintainers');
    expect(JSON.stringify(admin?.view.blocks)).toContain('what is zorblatt for deployments');
    expect(JSON.stringify(member?.view.blocks)).not.toContain('For maintainers');
    expect(admin?.view.blocks.length).toBeLessThanOrEqual(100);
    const gaps = readFileSync(join(stateDir, 'gaps.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { question: string; intent: string });
    expect(gaps).toContainEqual(expect.objectContaining({ question: 'what is zorblatt for deployments' }));
    expect(JSON.stringify(gaps)).not.toContain('U0');
  });

  it('welcomes a person once when they first open the Messages tab', async () => {
    const from = fake.calls.length;
    const open = () =>
      app.event(
        { type: 'app_home_opened', user: 'U0NEWBIE', channel: 'D0NEW', tab: 'messages', event_ts: `1740000700.${++n}` },
        nextId(),
      );
    await open();
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    await open();
    await sleep(400);
    const posts = since('chat.postMessage', from);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: 'D0NEW' });
    expect(posts[0]?.body.text).toMatch(/^Hi! I'm pystack/);
  });
});

describe('pystack report', () => {
  it('prints the gaps, votes and corrections the bot stored, as a table or JSON', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/app/cli.js', 'report', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', STATE_DIR: stateDir },
      });
    const text = run('--days', '7');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('what is zorblatt for deployments');
    expect(text.stdout).toMatch(/Corrections \(1\)/);
    expect(text.stdout).toMatch(/packages-[a-z-]+\.yml › httpx/);
    const report = JSON.parse(run('--json').stdout);
    expect(report.votes).toContainEqual(expect.objectContaining({ intent: 'library', subjects: ['httpx'] }));
    expect(report.gaps[0]).toMatchObject({ intent: expect.any(String), count: expect.any(Number) });
    const bad = run('--days', '0');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('pystack: report --days must be 1-365');
  });
});
