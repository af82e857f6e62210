/**
 * manifest.yml is a complete Slack app manifest, valid against Slack's published JSON schema,
 * and it grants what the code uses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const SCHEMA = resolve(ROOT, '../shared/slack-manifest-schema/manifest.schema.1.0.0.json');
const manifest = YAML.parse(readFileSync(resolve(ROOT, 'manifest.yml'), 'utf8'));

// ajv and ajv-formats are CommonJS; under NodeNext their default export sits on `.default`.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

describe.runIf(existsSync(SCHEMA))("manifest.yml against Slack's schema", () => {
  it('is valid', () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("rejects the schema's own invalid example (the check can fail)", () => {
    const invalid = JSON.parse(readFileSync(resolve(SCHEMA, '../v1_manifest.invalid.json'), 'utf8'));
    expect(validator()(invalid)).toBe(false);
  });
});

describe('manifest.yml content', () => {
  it('has /pystack with a description and usage hint', () => {
    const cmd = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/pystack');
    expect(cmd.description).toBeTruthy();
    expect(cmd.usage_hint).toContain('compare');
  });

  it('asks for the scopes and events the code uses, with App Home and interactivity on', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'app_mentions:read',
        'im:history',
        'links:read',
        'links:write',
        'users:read',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened', 'link_shared']),
    );
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.unfurl_domains).toEqual(['pypi.org']);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: 'ask_pystack', name: 'Ask pystack' }),
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const listeners = readdirSync(resolve(ROOT, 'src/slack/listeners'))
      .map((f) => readFileSync(resolve(ROOT, 'src/slack/listeners', f), 'utf8'))
      .join('\n');
    for (const event of ['app_mention', 'app_home_opened', 'link_shared']) expect(listeners).toContain(`'${event}'`);
    expect(listeners).toContain("SHORTCUT = 'ask_pystack'");
  });

  it('sends commands, events and interactivity to POST /slack/events', () => {
    for (const url of [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});
