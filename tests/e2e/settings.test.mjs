/**
 * Team settings: /settings/ has one input per placeholder, named by its label; a value typed there
 * shows, as text, in a contacts table, in a command block (and what its copy button copies) and in a
 * template's preview, and in another tab at once; removing it brings the marked placeholder back.
 * "Export settings" writes a file that "Import settings" reads into a fresh browser; a file that does
 * not validate changes nothing and says why. Axe-clean. A build with content/team.yaml renders its
 * values in the HTML, and a browser value overrides them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, buildFixtureSite, contextServing, start, watchErrors } from './harness.mjs';

const SETTINGS = '/settings/';
const CONTACTS = '/agency-platform/reference/contacts-escalation/';
const COMMUNICATION = '/agency-platform/process/communication/';
const DECLARE = '/agency-platform/process/declare-incident/';
const KEY = 'incident-handbook:settings';
/** Text that would be markup if it were ever parsed as HTML. */
const BRIDGE = 'https://meet.example.com/ops?<b>x</b>&y=1';
const STATUS = 'https://status.example.com';
const NAME = 'Ada <i>Lovelace</i>';

let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function eventually(read, pattern, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await read().catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > end) assert.match(text, pattern);
    await sleep(50);
  }
}

async function open(context, path) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { page, errors };
}

/** The contacts table's row of a role. */
const row = (page, role) => page.locator('table.contacts tr', { has: page.getByRole('rowheader', { name: role, exact: true }) });

/** Fills the three settings on /settings/ and waits until they are stored. */
async function fillSettings(page) {
  await page.getByLabel('Bridge link', { exact: true }).fill(BRIDGE);
  await page.getByLabel('Status page URL', { exact: true }).fill(STATUS);
  await page.getByLabel('On-Call: name', { exact: true }).fill(NAME);
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').values?.['agency-platform.contacts.on-call.name'], KEY);
}

describe('team settings', () => {
  it('lists every placeholder with a labelled input, the export and import buttons, and is axe-clean', async () => {
    const context = await h.context();
    const { page, errors } = await open(context, SETTINGS);
    for (const label of ['Bridge link', 'Status page URL', 'On-Call: name', 'Tech Lead: backup (Name)', 'On-Call: notes (Rotation)']) {
      assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
    }
    // Contacts of other handbooks too (a handbook with [Phone] backups).
    assert.ok(await page.getByRole('group', { name: /Customer Portal.*contacts/ }).count());
    await page.getByRole('button', { name: 'Export settings' }).waitFor();
    await page.getByRole('button', { name: 'Import settings' }).waitFor();
    assert.match(await page.locator('[data-setting-source="team.bridge"]').innerText(), /Not set: pages show \[Bridge link\]/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a value typed there, as text, in a contacts table, a command block and its copy button, prose and a template preview', async () => {
    const context = await h.context();
    const { page: settings } = await open(context, SETTINGS);
    // Before: the marked placeholders.
    const { page, errors } = await open(context, CONTACTS);
    assert.equal(await row(page, 'On-Call').locator('td').first().innerText(), 'To be filled in');
    assert.equal(await row(page, 'On-Call').locator('mark.placeholder').count(), 2);

    await fillSettings(settings);
    assert.match(await settings.locator('[data-setting-source="team.bridge"]').innerText(), /Set in this browser/);
    // The open contacts page follows at once (a second tab).
    await eventually(() => row(page, 'On-Call').locator('td').first().innerText(), /^Ada <i>Lovelace<\/i>$/);
    assert.equal(await row(page, 'On-Call').locator('td i').count(), 0, 'the value is text, not markup');
    assert.equal(await row(page, 'On-Call').locator('td').first().locator('mark').count(), 0);
    // The other placeholders of the row stay marked.
    assert.equal(await row(page, 'On-Call').locator('mark.placeholder').innerText(), '[Rotation]');
    assert.deepEqual(await axe(page), []);

    const { page: comms } = await open(context, COMMUNICATION);
    const block = comms.locator('figure', { hasText: 'curl -sI' });
    await eventually(() => block.locator('pre').innerText(), /^curl -sI https:\/\/status\.example\.com$/);
    assert.equal(await block.locator('button[data-code]').getAttribute('data-code'), `curl -sI ${STATUS}`);
    assert.match(await block.locator('button[data-code]').getAttribute('aria-label'), /status\.example\.com/);
    await eventually(() => comms.locator('main p', { hasText: 'Post when you start investigating, on the status page' }).innerText(), /\(https:\/\/status\.example\.com\)/);

    const { page: declare, errors: declareErrors } = await open(context, DECLARE);
    await eventually(() => declare.locator('main p', { hasText: 'open the team’s bridge call' }).innerText(), /: https:\/\/meet\.example\.com\/ops\?<b>x<\/b>&y=1\./);
    assert.equal(await declare.locator('main p b').count(), 0);
    const template = declare.locator('section[data-template="agency-platform/declare-incident"]');
    await template.scrollIntoViewIfNeeded();
    const preview = template.getByRole('region', { name: 'Preview' });
    await eventually(() => preview.innerText(), /- Bridge: https:\/\/meet\.example\.com\/ops\?<b>x<\/b>&y=1\n/);
    assert.equal(await preview.locator('b').count(), 0);
    assert.equal(await template.getByLabel('Bridge link', { exact: true }).inputValue(), BRIDGE);
    assert.deepEqual(await axe(declare), []);

    // Removing a value brings the marked placeholder back, everywhere.
    await settings.getByLabel('On-Call: name', { exact: true }).fill('');
    await eventually(() => row(page, 'On-Call').locator('td').first().innerText(), /^To be filled in$/);
    assert.equal(await row(page, 'On-Call').locator('td').first().locator('mark.placeholder').count(), 1);
    assert.deepEqual([...errors, ...declareErrors], []);
    await context.close();
  });

  it('exports the settings to a file that imports into a fresh browser; a file that does not validate changes nothing and says why', async () => {
    const lead = await h.context({ acceptDownloads: true });
    const { page } = await open(lead, SETTINGS);
    await fillSettings(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    assert.match(download.suggestedFilename(), /^team-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(mkdtempSync(join(tmpdir(), 'team-settings-')), download.suggestedFilename());
    writeFileSync(file, readFileSync(await download.path()));
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'incident-handbook-settings');
    assert.deepEqual(exported.values, { 'agency-platform.contacts.on-call.name': NAME, 'team.bridge': BRIDGE, 'team.status-page': STATUS });
    await lead.close();

    const hire = await h.context();
    const { page: fresh, errors } = await open(hire, SETTINGS);
    assert.equal(await fresh.getByLabel('Bridge link', { exact: true }).inputValue(), '');
    const importFile = async (path) => {
      const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), fresh.getByRole('button', { name: 'Import settings' }).click()]);
      await chooser.setFiles(path);
    };
    // A file that does not validate: nothing changes, and the status says why.
    const bad = join(mkdtempSync(join(tmpdir(), 'team-settings-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...exported, values: { ...exported.values, 'team.bridge': 42 } }));
    await importFile(bad);
    await eventually(() => fresh.getByRole('status').filter({ hasText: 'imported' }).innerText(), /Nothing was imported from bad\.json: values: team\.bridge: expected text, got number/);
    assert.equal(await fresh.evaluate((key) => localStorage.getItem(key), KEY), null);
    assert.equal(await fresh.getByLabel('Bridge link', { exact: true }).inputValue(), '');

    await importFile(file);
    await eventually(() => fresh.getByRole('status').filter({ hasText: 'Imported' }).innerText(), /Imported 3 settings from team-settings-/);
    assert.equal(await fresh.getByLabel('Bridge link', { exact: true }).inputValue(), BRIDGE);
    assert.equal(await fresh.getByLabel('On-Call: name', { exact: true }).inputValue(), NAME);
    assert.deepEqual(await axe(fresh), []);

    const { page: contacts } = await open(hire, CONTACTS);
    await eventually(() => row(contacts, 'On-Call').locator('td').first().innerText(), /^Ada <i>Lovelace<\/i>$/);
    assert.deepEqual(errors, []);
    await hire.close();
  });
});

describe('values in the build (content/team.yaml, fixture build)', () => {
  const ORIGIN = 'http://team-fixture.test';
  const BUILT = 'https://build.example.com/bridge';
  let dist;
  let work;
  before(() => {
    ({ work, dist } = buildFixtureSite('handbook-team-', (content) => {
      writeFileSync(join(content, 'placeholders.yaml'), 'bridge: Bridge link\n');
      writeFileSync(join(content, 'team.yaml'), `team.bridge: ${BUILT}\ndemo.contacts.primary-on-call.name: Grace <b>Build</b>\n`);
      const index = join(content, 'docs/demo/index.mdx');
      const text = readFileSync(index, 'utf8');
      const end = text.indexOf('---', 3) + 3;
      writeFileSync(index, `${text.slice(0, end)}\nimport Placeholder from '~/components/content/Placeholder.astro';\n${text.slice(end)}\n\nThe bridge: <Placeholder name="team.bridge" />.\n\n\`\`\`bash\ncurl -sI {team.bridge}\n\`\`\`\n`);
    }));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('renders the build values in the HTML; the settings page says which is which; a browser value overrides them and removing it brings them back', async () => {
    // The HTML itself, before any script: the build values, as text.
    const html = readFileSync(join(dist, 'demo/index.html'), 'utf8');
    assert.match(html, /Grace &lt;b&gt;Build&lt;\/b&gt;/);
    assert.ok(html.includes(`data-code="curl -sI ${BUILT}"`));
    const context = await contextServing(h.browser, ORIGIN, dist);
    const settings = await context.newPage();
    await settings.goto(`${ORIGIN}/settings/`);
    const source = settings.locator('[data-setting-source="team.bridge"]');
    assert.equal(await source.innerText(), `From the build: ${BUILT}`);
    assert.match(await settings.locator('[data-setting-source="demo.contacts.primary-on-call.name"]').innerText(), /From the build: Grace <b>Build<\/b>/);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/demo/`);
    const prose = page.locator('main p', { hasText: 'The bridge:' });
    assert.equal(await prose.innerText(), `The bridge: ${BUILT}.`);
    assert.equal(await row(page, 'Primary on-call').locator('td').first().innerText(), 'Grace <b>Build</b>');

    await settings.getByLabel('Bridge link', { exact: true }).fill('https://mine.example.com');
    await eventually(() => source.innerText(), /^Set in this browser \(overrides the build’s value\)\.$/);
    await eventually(() => prose.innerText(), /^The bridge: https:\/\/mine\.example\.com\.$/);
    const block = page.locator('figure', { hasText: 'curl -sI' });
    await eventually(() => block.locator('pre').innerText(), /^curl -sI https:\/\/mine\.example\.com$/);
    assert.equal(await block.locator('button[data-code]').getAttribute('data-code'), 'curl -sI https://mine.example.com');

    await settings.getByLabel('Bridge link', { exact: true }).fill('');
    await eventually(() => prose.innerText(), new RegExp(`^The bridge: ${BUILT.replace(/[./]/g, '\\$&')}\\.$`));
    assert.equal(await block.locator('button[data-code]').getAttribute('data-code'), `curl -sI ${BUILT}`);
    assert.equal(await source.innerText(), `From the build: ${BUILT}`);
    await context.close();
  });
});
