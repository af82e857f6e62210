/**
 * A checker for the Slack Block Kit limits pystack relies on. Returns every violation as a
 * readable line (empty when the message is valid), so a failing test says what is wrong where.
 *
 * Limits: https://api.slack.com/reference/block-kit/blocks
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Block Kit JSON is open-ended
type Json = Record<string, any>;

export const BLOCK_KIT = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  id: 255,
  tables: 1,
  tableRows: 100,
  tableCells: 20,
  tableText: 10_000,
  columnSettings: 20,
  contextActionsElements: 5,
} as const;

const TEXT_TYPES = new Set(['mrkdwn', 'plain_text']);

export function blockKitProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

  if (typeof message.text !== 'string' || !message.text.trim()) fail('text', 'fallback text is empty');
  if (!Array.isArray(message.blocks)) {
    fail('blocks', 'not an array');
    return problems;
  }
  const blocks = message.blocks as Json[];
  if (blocks.length > BLOCK_KIT.blocks) fail('blocks', `${blocks.length} blocks > ${BLOCK_KIT.blocks}`);

  const blockIds = new Set<string>();
  const tables = blocks.filter((b) => b.type === 'table').length;
  if (tables > BLOCK_KIT.tables) fail('blocks', `${tables} table blocks > ${BLOCK_KIT.tables}`);
  const actionIds = new Set<string>();

  const text = (where: string, t: unknown, max: number, type?: 'plain_text' | 'mrkdwn') => {
    const obj = t as Json | undefined;
    if (!obj || !TEXT_TYPES.has(obj.type)) return fail(where, `not a text object: ${JSON.stringify(t)}`);
    if (type && obj.type !== type) fail(where, `must be ${type}, is ${obj.type}`);
    if (typeof obj.text !== 'string' || obj.text.length === 0) return fail(where, 'empty text');
    if (obj.text.length > max) fail(where, `text of ${obj.text.length} > ${max}`);
  };

  const element = (where: string, el: Json) => {
    if (el.action_id !== undefined) {
      const id = String(el.action_id);
      if (id.length > BLOCK_KIT.id) fail(where, `action_id longer than ${BLOCK_KIT.id}`);
      if (actionIds.has(id)) fail(where, `duplicate action_id "${id}"`);
      actionIds.add(id);
    }
    if (el.type === 'button') {
      text(`${where}.text`, el.text, BLOCK_KIT.buttonText, 'plain_text');
      if (el.value !== undefined && String(el.value).length > BLOCK_KIT.buttonValue)
        fail(where, `button value longer than ${BLOCK_KIT.buttonValue}`);
      if (el.url !== undefined && String(el.url).length > BLOCK_KIT.buttonUrl)
        fail(where, `button url longer than ${BLOCK_KIT.buttonUrl}`);
    }
  };

  blocks.forEach((b, i) => {
    const where = `blocks[${i}] (${b.type})`;
    if (b.block_id !== undefined) {
      const id = String(b.block_id);
      if (!id || id.length > BLOCK_KIT.id) fail(where, `block_id must be 1 to ${BLOCK_KIT.id} characters`);
      if (blockIds.has(id)) fail(where, `duplicate block_id "${id}"`);
      blockIds.add(id);
    }
    switch (b.type) {
      case 'header':
        text(`${where}.text`, b.text, BLOCK_KIT.header, 'plain_text');
        break;
      case 'section': {
        if (b.text === undefined && b.fields === undefined) fail(where, 'needs text or fields');
        if (b.text !== undefined) text(`${where}.text`, b.text, BLOCK_KIT.sectionText);
        if (b.fields !== undefined) {
          const fields = b.fields as unknown[];
          if (!fields.length || fields.length > BLOCK_KIT.fields)
            fail(where, `${fields.length} fields, must be 1 to ${BLOCK_KIT.fields}`);
          fields.forEach((f, j) => {
            text(`${where}.fields[${j}]`, f, BLOCK_KIT.fieldText);
          });
        }
        if (b.accessory) element(`${where}.accessory`, b.accessory);
        break;
      }
      case 'context': {
        const els = (b.elements ?? []) as Json[];
        if (!els.length || els.length > BLOCK_KIT.contextElements)
          fail(where, `${els.length} elements, must be 1 to ${BLOCK_KIT.contextElements}`);
        els.forEach((el, j) => {
          if (el.type !== 'image') text(`${where}.elements[${j}]`, el, BLOCK_KIT.contextText);
        });
        break;
      }
      case 'actions': {
        const els = (b.elements ?? []) as Json[];
        if (!els.length || els.length > BLOCK_KIT.actionsElements)
          fail(where, `${els.length} elements, must be 1 to ${BLOCK_KIT.actionsElements}`);
        els.forEach((el, j) => {
          element(`${where}.elements[${j}]`, el);
        });
        break;
      }
      case 'table': {
        const rows = (b.rows ?? []) as Json[][];
        if (!rows.length || rows.length > BLOCK_KIT.tableRows)
          fail(where, `${rows.length} rows, must be 1 to ${BLOCK_KIT.tableRows}`);
        let chars = 0;
        rows.forEach((r, j) => {
          if (!Array.isArray(r) || !r.length || r.length > BLOCK_KIT.tableCells)
            return fail(`${where}.rows[${j}]`, `must be 1 to ${BLOCK_KIT.tableCells} cells`);
          r.forEach((c, k) => {
            if (c.type !== 'raw_text' && c.type !== 'rich_text')
              fail(`${where}.rows[${j}][${k}]`, `cell type ${c.type}`);
            if (c.type === 'raw_text' && (typeof c.text !== 'string' || !c.text))
              fail(`${where}.rows[${j}][${k}]`, 'empty raw_text cell');
            chars += typeof c.text === 'string' ? c.text.length : 0;
          });
        });
        if (chars > BLOCK_KIT.tableText) fail(where, `${chars} characters of cell text > ${BLOCK_KIT.tableText}`);
        if ((b.column_settings ?? []).length > BLOCK_KIT.columnSettings) fail(where, 'too many column_settings');
        break;
      }
      case 'context_actions': {
        const els = (b.elements ?? []) as Json[];
        if (!els.length || els.length > BLOCK_KIT.contextActionsElements)
          fail(where, `${els.length} elements, must be 1 to ${BLOCK_KIT.contextActionsElements}`);
        els.forEach((el, j) => {
          const at = `${where}.elements[${j}]`;
          if (el.type !== 'feedback_buttons' && el.type !== 'icon_button') return fail(at, `element type ${el.type}`);
          element(at, el);
          if (el.type === 'feedback_buttons')
            for (const side of ['positive_button', 'negative_button']) {
              const btn = el[side] as Json | undefined;
              if (!btn) {
                fail(at, `${side} missing`);
                continue;
              }
              text(`${at}.${side}.text`, btn.text, BLOCK_KIT.buttonText, 'plain_text');
              if (typeof btn.value !== 'string' || !btn.value || btn.value.length > BLOCK_KIT.buttonValue)
                fail(`${at}.${side}`, `value must be 1 to ${BLOCK_KIT.buttonValue} characters`);
            }
        });
        break;
      }
      case 'divider':
        break;
      default:
        fail(where, 'unexpected block type');
    }
  });
  return problems;
}

/** Broadcast mentions and user pings that must never appear in a message we post. */
export const PINGS = ['<!channel', '<!here', '<!everyone', '<@U', '<@W'] as const;

/** The pings found anywhere in the serialised message (case-insensitive, to be safe). */
export function pingsIn(message: unknown): string[] {
  const json = JSON.stringify(message).toLowerCase();
  return PINGS.filter((p) => json.includes(p.toLowerCase()));
}

/** Every string in a JSON value, for checks such as well-formed Unicode. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
