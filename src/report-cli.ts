/**
 * `pystack report [--days N] [--json]`: the maintainers' report (unanswered questions, votes by
 * entry and intent, corrections) read from the bot's own stores: STATE_DIR, or Redis when
 * REDIS_URL is set. Warnings go to stderr; the report to stdout.
 */
import dotenv from 'dotenv';
import { loadConfig, secretsOf } from './config.js';
import { ConfigError } from './errors.js';
import { openKnowledge } from './knowledge/open.js';
import { createLogger } from './log.js';
import { buildReport, reportText } from './report.js';
import { openStores } from './state/stores.js';

export async function printReport(opts: { days?: string; json: boolean }): Promise<number> {
  dotenv.config({ quiet: true });
  const days = opts.days === undefined ? 30 : Number(opts.days);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new ConfigError('report --days must be 1-365');
  const config = loadConfig(process.env);
  const log = createLogger({ level: 'warn', secrets: secretsOf(config), destination: process.stderr });
  const stores = await openStores(config, log);
  try {
    const report = await buildReport(stores, openKnowledge().knowledge, { days });
    process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : reportText(report));
    return 0;
  } finally {
    await stores.close();
  }
}
