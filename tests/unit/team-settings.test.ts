/**
 * Team settings: keys and labels of placeholders, substitution (a value is text, never markup),
 * the settings file's checks (a file that does not pass gives a reason and no values), and
 * content/team.yaml's checks at build time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkValues, contactPlaceholders, effectiveValue, fillTeamText, readSettingsFile, settingsFile, splitTeamPlaceholders, teamKeysIn,
  SETTINGS_FORMAT,
} from '../../src/lib/team-settings';
import { readTeamContent } from '../../src/build/team';

const labels = new Map([['team.bridge', 'Bridge link'], ['team.status-page', 'Status page URL']]);

describe('placeholders in text', () => {
  it('splits text at each {team.key} and keeps the rest as written', () => {
    expect(splitTeamPlaceholders('Join {team.bridge} now, or {team.status-page}.')).toEqual([
      { type: 'text', text: 'Join ' }, { type: 'placeholder', key: 'team.bridge' }, { type: 'text', text: ' now, or ' },
      { type: 'placeholder', key: 'team.status-page' }, { type: 'text', text: '.' },
    ]);
    expect(splitTeamPlaceholders('${HOME} {Team.Bridge} {team.} {{bridge}}')).toEqual([{ type: 'text', text: '${HOME} {Team.Bridge} {team.} {{bridge}}' }]);
    expect(teamKeysIn('{team.bridge} {team.bridge} {team.status-page}')).toEqual(['team.bridge', 'team.status-page']);
  });

  it('fills values as text, and the marker of the label where none is set', () => {
    expect(fillTeamText('curl -sI {team.status-page} # {team.bridge}', { 'team.status-page': 'https://status.example.com' }, labels))
      .toBe('curl -sI https://status.example.com # [Bridge link]');
    // A value is never interpreted: markup, `$1` replacement patterns and braces come out as typed.
    const tricky = '<img src=x onerror=alert(1)> $& $1 {team.bridge}';
    expect(fillTeamText('Bridge: {team.bridge}', { 'team.bridge': tricky }, labels)).toBe(`Bridge: ${tricky}`);
  });
});

describe('contact placeholders', () => {
  const contacts = [
    { role: 'Primary on-call', name: null, reach: 'Slack / PagerDuty', backup: 'Phone [Phone] / Email [Email]' },
    { role: 'CTO', name: 'Ada', reach: null, notes: 'Primary and backup from the rotation: [Rotation]' },
    { role: 'Support', name: 'Desk', reach: '+44 20 7946 0000' },
  ];
  it('keys each missing name or reach and each bracketed label by handbook, role and field, labelled for the settings page', () => {
    expect(contactPlaceholders('demo', contacts)).toEqual([
      { key: 'demo.contacts.primary-on-call.name', label: 'Primary on-call: name', marker: 'To be filled in' },
      { key: 'demo.contacts.primary-on-call.backup.phone', label: 'Primary on-call: backup (Phone)', marker: '[Phone]' },
      { key: 'demo.contacts.primary-on-call.backup.email', label: 'Primary on-call: backup (Email)', marker: '[Email]' },
      { key: 'demo.contacts.cto.reach', label: 'CTO: how to reach', marker: 'To be filled in' },
      { key: 'demo.contacts.cto.notes.rotation', label: 'CTO: notes (Rotation)', marker: '[Rotation]' },
    ]);
  });
});

describe('settings values', () => {
  it('accepts keys with text values, trims them and drops empty ones', () => {
    expect(checkValues({ 'team.bridge': ' https://meet.example.com/x ', 'demo.contacts.cto.name': '' }, 'values'))
      .toEqual({ ok: true, values: { 'team.bridge': 'https://meet.example.com/x' } });
  });

  it('rejects a bad key, a value that is not text, too long or over two lines, naming the key', () => {
    expect(checkValues([], 'values')).toEqual({ ok: false, reason: 'values: expected an object of settings (key: value), got a list' });
    expect(checkValues({ 'Team Bridge': 'x' }, 'values')).toMatchObject({ ok: false, reason: expect.stringContaining('"Team Bridge" is not a setting\'s key') });
    expect(checkValues({ 'team.bridge': 42 }, 'values')).toEqual({ ok: false, reason: 'values: team.bridge: expected text, got number' });
    expect(checkValues({ 'team.bridge': 'x'.repeat(501) }, 'values')).toEqual({ ok: false, reason: 'values: team.bridge: expected at most 500 characters, got 501' });
    expect(checkValues({ 'team.bridge': 'a\nb' }, 'values')).toMatchObject({ ok: false, reason: expect.stringContaining('one line') });
  });

  it('the browser value overrides the build value, which overrides nothing', () => {
    expect(effectiveValue('team.bridge', { 'team.bridge': 'build' }, { 'team.bridge': 'mine' })).toEqual({ value: 'mine', source: 'browser' });
    expect(effectiveValue('team.bridge', { 'team.bridge': 'build' }, {})).toEqual({ value: 'build', source: 'build' });
    expect(effectiveValue('team.bridge', {}, {})).toEqual({ source: 'none' });
  });
});

describe('the settings file', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('round-trips: what Export writes, Import reads', () => {
    const values = { 'team.bridge': 'https://meet.example.com/abc', 'demo.contacts.cto.name': 'Ada <b>' };
    const text = settingsFile(values, now);
    expect(JSON.parse(text)).toEqual({ format: SETTINGS_FORMAT, version: 1, exportedAt: '2026-11-24T10:00:00.000Z', values: { 'demo.contacts.cto.name': 'Ada <b>', 'team.bridge': 'https://meet.example.com/abc' } });
    expect(readSettingsFile(text)).toEqual({ ok: true, values });
  });

  it('refuses anything else with a reason, and gives no values', () => {
    expect(readSettingsFile('not json')).toEqual({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(readSettingsFile('{"format":"incident-handbook-backup","version":1}')).toEqual({ ok: false, reason: expect.stringContaining('not a settings file') });
    expect(readSettingsFile(JSON.stringify({ format: SETTINGS_FORMAT, version: 2, values: {} }))).toEqual({ ok: false, reason: expect.stringContaining('version 2') });
    expect(readSettingsFile(JSON.stringify({ format: SETTINGS_FORMAT, version: 1, values: { 'team.bridge': ['x'] } })))
      .toEqual({ ok: false, reason: 'values: team.bridge: expected text, got a list' });
  });
});

describe('content/placeholders.yaml and content/team.yaml', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'team-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  it('reads the catalog as team.<key> labels, and the build values', () => {
    const team = readTeamContent(folder({ 'placeholders.yaml': 'bridge: Bridge link\n', 'team.yaml': 'team.bridge: https://meet.example.com/x\ndemo.contacts.cto.name: Ada\n' }));
    expect([...team.labels]).toEqual([['team.bridge', 'Bridge link']]);
    expect(team.values).toEqual({ 'team.bridge': 'https://meet.example.com/x', 'demo.contacts.cto.name': 'Ada' });
  });
  it('works without either file', () => {
    expect(readTeamContent(folder({}))).toMatchObject({ values: {} });
  });
  it('fails on an undeclared team key with its line and a did-you-mean, and on a value that is not text', () => {
    const dir = folder({ 'placeholders.yaml': 'bridge: Bridge link\n', 'team.yaml': '# ours\nteam.brige: https://x\n' });
    expect(() => readTeamContent(dir)).toThrow('content/team.yaml, line 2: there is no placeholder "team.brige": declare it in content/placeholders.yaml (brige: Its label). Did you mean "team.bridge"?');
    expect(() => readTeamContent(folder({ 'team.yaml': 'team.bridge: [a, b]\n' }))).toThrow('content/team.yaml: team.bridge: expected text, got a list');
    expect(() => readTeamContent(folder({ 'placeholders.yaml': 'Bridge Link: x\n' }))).toThrow(/line 1: "Bridge Link" is not a placeholder key/);
  });
});

describe('npm run validate: team keys the content uses', () => {
  it('reports each undeclared key with its file, line and a did-you-mean, wherever it is used', async () => {
    const { findTeamProblems } = await import('../../src/build/validate/team');
    const dir = mkdtempSync(join(tmpdir(), 'team-'));
    writeFileSync(join(dir, 'placeholders.yaml'), 'bridge: Bridge link\nstatus-page: Status page URL\n');
    const problems = findTeamProblems([
      { path: 'content/docs/demo/a.mdx', text: 'Join <Placeholder name="team.bridge" />.\n\n```bash\ncurl -sI {team.status-pag}\n```\n<Placeholder name="team.brige" />' },
      { path: 'content/templates/demo/t.md', text: '---\nfields:\n  - id: bridge\n    prefill: team.bridje\n---\n{{bridge}} ${HOME} {{team}}' },
    ], dir, dir);
    expect(problems).toEqual([
      { file: 'content/docs/demo/a.mdx', path: [], line: 4, message: 'there is no placeholder "team.status-pag": declare it in content/placeholders.yaml (status-pag: Its label). Did you mean "team.status-page"?' },
      { file: 'content/docs/demo/a.mdx', path: [], line: 6, message: expect.stringContaining('"team.brige"') },
      { file: 'content/templates/demo/t.md', path: [], line: 4, message: expect.stringContaining('Did you mean "team.bridge"?') },
    ]);
  });
});

describe('template prefill from a team setting', () => {
  it('fills a `prefill: team.<key>` field with the setting, with or without an incident', async () => {
    const { prefillValues } = await import('../../src/lib/template-prefill');
    const context = { handbook: 'demo', levels: [], templateId: 'demo/declare', now: new Date('2026-11-24T10:00:00Z') };
    const fields = [{ id: 'bridge', prefill: 'team.bridge' as const }, { id: 'page', prefill: 'team.status-page' as const }];
    expect(prefillValues(fields, { ...context, team: { 'team.bridge': 'https://meet.example.com/x <b>' } })).toEqual({ bridge: 'https://meet.example.com/x <b>' });
    expect(prefillValues(fields, context)).toEqual({});
  });

  it('is accepted by the template schema for text fields only, and an unknown source names the choices', async () => {
    const { isPrefillSource, prefillTypes } = await import('../../src/schemas/template');
    expect(isPrefillSource('team.bridge')).toBe(true);
    expect(isPrefillSource('team.status-page')).toBe(true);
    expect(isPrefillSource('team.Bridge')).toBe(false);
    expect(isPrefillSource('team.')).toBe(false);
    expect(isPrefillSource('incident.nope')).toBe(false);
    expect(prefillTypes('team.bridge')).toEqual(['text', 'multiline']);
  });
});
