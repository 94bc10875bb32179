/**
 * The command plugin inside Expressive Code, as Starlight runs it: the HTML a block renders to
 * (buttons, marks, notes, placeholder), the fence meta, and the errors an author sees.
 */
import { describe, expect, it } from 'vitest';
import { ExpressiveCode } from '@astrojs/starlight/expressive-code';
import { select, selectAll, toHtml, toText, type Element } from '@astrojs/starlight/expressive-code/hast';
import { pluginCommands } from '../../src/plugins/expressive-code/index.ts';

const ec = new ExpressiveCode({ plugins: [pluginCommands()] });

async function render(code: string, language = 'bash', meta = '') {
  const { renderedGroupAst } = await ec.render({ code, language, meta });
  const figure = select('figure', renderedGroupAst) as Element;
  return { figure, html: toHtml(renderedGroupAst) };
}
const attr = (el: Element | undefined, name: string) => el?.properties?.[name];
const commandButtons = (figure: Element) => selectAll('button.cmd-copy', figure) as Element[];
const copyAll = (figure: Element) => select('.copy button', figure) as Element | undefined;

describe('the command plugin in Expressive Code', () => {
  it('gives a command continued with backslashes one button, on its first line, that copies every line of it', async () => {
    const code = ['# Restore from the backup', 'pg_restore --host=main-db \\', '  --username=admin \\', '  --dbname=production backup.sql', '', '# Check', 'pg_isready -h main-db'].join('\n');
    const { figure } = await render(code);
    const buttons = commandButtons(figure);
    expect(buttons).toHaveLength(2);
    expect(attr(buttons[0], 'dataCode')).toBe('pg_restore --host=main-db \\\u007f  --username=admin \\\u007f  --dbname=production backup.sql');
    expect(attr(buttons[0], 'ariaLabel')).toBe('Copy command: pg_restore --host=main-db --username=admin --dbname=production backup.sql (changes the system)');
    const lines = selectAll('.ec-line', figure) as Element[];
    expect(lines.map((l) => (l.properties.className as string[]).filter((c) => c.startsWith('cmd-')).join(' '))).toEqual([
      '', 'cmd-line cmd-start cmd-changes', 'cmd-line cmd-changes', 'cmd-line cmd-changes', '', '', 'cmd-line cmd-start',
    ]);
    // The button sits in the gutter of the first line only; the other lines keep an empty cell of the same column.
    expect(select('button', lines[1])).toBeDefined();
    expect(select('button', lines[2])).toBeUndefined();
    expect(selectAll('.gutter > .cmd-gutter', lines[2])).toHaveLength(2);
    expect(attr(copyAll(figure), 'ariaLabel')).toBe('Copy all 2 commands, 1 changes the system');
    expect(attr(copyAll(figure), 'dataCode')).toBe('pg_restore --host=main-db \\\u007f  --username=admin \\\u007f  --dbname=production backup.sql\u007fpg_isready -h main-db');
  });

  it('keeps a heredoc with its command', async () => {
    const { figure } = await render('psql "$DATABASE_URL" <<SQL\nDELETE FROM sessions WHERE expired;\nSQL\necho done');
    const buttons = commandButtons(figure);
    expect(buttons.map((b) => attr(b, 'dataCode'))).toEqual(['psql "$DATABASE_URL" <<SQL\u007fDELETE FROM sessions WHERE expired;\u007fSQL', 'echo done']);
    expect(attr(buttons[0], 'ariaLabel')).toBe('Copy command: psql "$DATABASE_URL" <<SQL … (changes the system)');
  });

  it('marks a changing command with text in the HTML, and sums the block up under it', async () => {
    const { figure } = await render('# Check\ncurl -X GET /api/health/payment\n\n# Restart\ndocker restart payment-service');
    const mark = select('.ec-line.cmd-changes .cmd-mark', figure)!;
    expect(toText(mark)).toBe('⚠changes the system:');
    expect(attr(mark, 'dataPagefindIgnore')).toBe('');
    expect(toText(select('.cmd-summary', figure)!)).toBe('⚠ 1 of 2 commands here changes the system: docker restart.');
    expect(attr(select('.cmd-notes', figure), 'dataPagefindIgnore')).toBe('');
    expect(select('.cmd-status[aria-live=polite]', figure)).toBeDefined();
  });

  it('gives a relative API path its $API_URL placeholder, highlighted, and explains it under the block', async () => {
    const { figure } = await render('curl -X POST /api/payment/circuit-breaker/reset');
    const line = select('.ec-line .code', figure)!;
    expect(toText(line)).toBe('curl -X POST "$API_URL/api/payment/circuit-breaker/reset"');
    expect(toText(select('.code var.cmd-placeholder', figure)!)).toBe('$API_URL');
    expect(toText(select('.cmd-api-note', figure)!)).toBe('API paths are relative to the platform’s own API. $API_URL stands for its base URL: set it once per terminal, for example export API_URL=https://api.example.com');
    // One command: the block's own button is that command's, named for it; no gutter button.
    expect(commandButtons(figure)).toHaveLength(0);
    expect(attr(copyAll(figure), 'ariaLabel')).toBe('Copy command: curl -X POST "$API_URL/api/payment/circuit-breaker/reset" (changes the system)');
    expect(attr(copyAll(figure), 'dataCode')).toBe('curl -X POST "$API_URL/api/payment/circuit-breaker/reset"');
  });

  it('lets authors mark and unmark commands in the fence meta', async () => {
    const code = '# Check WHMCS\ncurl -X POST $WHMCS_API_URL -d "action=GetClients"\nrailway run ./sync.sh';
    const plain = await render(code);
    expect(selectAll('.ec-line.cmd-changes', plain.figure)).toHaveLength(1);
    const { figure } = await render(code, 'bash', 'safe={2} changes={3}');
    const changed = selectAll('.ec-line.cmd-changes', figure) as Element[];
    expect(changed.map((l) => toText(select('.code', l)!))).toEqual(['railway run ./sync.sh']);
    expect(toText(select('.cmd-summary', figure)!)).toContain('railway run');
  });

  it('names the block and the line when the fence meta is wrong', async () => {
    await expect(render('# Check\ndocker ps', 'bash', 'changes={1}')).rejects.toThrow(/Code block starting "# Check".*changes=\{1\}: no command on line 1 \(line 1 is a comment or blank\); expected the line of a command: 2/);
    await expect(render('docker ps', 'bash', 'safe={4}')).rejects.toThrow(/safe=\{4\} names line 4, but the block has 1 line; expected line numbers counted from 1/);
    await expect(render('docker ps', 'bash', 'changes={x}')).rejects.toThrow(/changes=\{x\}: "x" is not a line number/);
    await expect(render('a: 1', 'yaml', 'changes={1}')).rejects.toThrow(/this block is "yaml"; expected a shell \(bash, sh\) or SQL block/);
  });

  it('copies SQL statement by statement and marks the ones that change data', async () => {
    const code = '-- Active connections\nSELECT count(*) FROM pg_stat_activity;\n\n-- Kill long-running queries\nSELECT pg_terminate_backend(pid)\nFROM pg_stat_activity\nWHERE state = \'active\';';
    const { figure } = await render(code, 'sql');
    const buttons = commandButtons(figure);
    expect(buttons.map((b) => attr(b, 'ariaLabel'))).toEqual([
      'Copy statement: SELECT count(*) FROM pg_stat_activity;',
      "Copy statement: SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active'; (changes the system)",
    ]);
    expect(attr(copyAll(figure), 'ariaLabel')).toBe('Copy all 2 statements, 1 changes the system');
    expect(toText(select('.cmd-summary', figure)!)).toContain('1 of 2 statements here changes the system: pg_terminate_backend.');
  });

  it('escapes what a block holds: a command is text in every attribute, never markup', async () => {
    const { html, figure } = await render('echo "<img src=x onerror=alert(1)>" > /tmp/x\nrm -rf "/tmp/<b>"');
    expect(selectAll('img, b', figure)).toEqual([]);
    // Outside quoted attribute values (where `<` is inert and `"` is escaped) no tag opens.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<img|<b>/);
    expect(attr(commandButtons(figure)[0], 'dataCode')).toBe('echo "<img src=x onerror=alert(1)>" > /tmp/x');
    expect(html).toContain('data-code="echo &#x22;<img src=x onerror=alert(1)>&#x22; > /tmp/x"');
  });

  it('takes the copy button off a block of comments only, and leaves other languages alone', async () => {
    const comments = await render('# Increase replicas via the Railway dashboard\n# Increase memory limits');
    expect(copyAll(comments.figure)).toBeUndefined();
    expect(commandButtons(comments.figure)).toHaveLength(0);
    const yaml = await render('restart: always\nkill: true', 'yaml');
    expect(yaml.html).not.toContain('cmd-');
    expect(attr(copyAll(yaml.figure), 'title')).toBe('Copy to clipboard');
  });
});
