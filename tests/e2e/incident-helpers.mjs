/**
 * Helpers shared by the browser tests that run an incident (incident.test.mjs, templates.test.mjs):
 * the bar and its panel by their accessible names, "Start incident" through the header's dialog, and
 * waiting for a text to appear.
 */
import assert from 'node:assert/strict';
import { watchErrors } from './harness.mjs';

/** An incident id as the bar shows it. */
export const ID = /^INC-\d{4}-\d{2}-\d{2}-\d{3}$/;

/**
 * A fresh browser profile of harness `h`, in UTC, whose fake clock starts at `time` (it then runs
 * on, until a test fixes it). A step that fails fails in seconds, not after Playwright's 30.
 */
export async function clockedProfile(h, { time, ...options }) {
  const ctx = await h.context({ timezoneId: 'UTC', ...options });
  if (time) await ctx.clock.install({ time });
  ctx.setDefaultTimeout(10_000);
  return ctx;
}

/** A new page of `ctx` at `path`, with its console and page errors collected. */
export async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { page, errors };
}

export const bar = (page) => page.getByRole('region', { name: 'Active incident' });
export const panel = (page) => page.getByRole('group', { name: 'Incident details' });
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (real time, 5 s at most) until the locator's text matches; fails showing the last text. */
export async function eventually(locator, pattern, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await locator.innerText().catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > end) assert.match(text, pattern);
    await sleep(50);
  }
}

/** Starts an incident with the header's "Start incident"; returns its id as the bar shows it. */
export async function startIncident(page, { title, severity, handbook, startedAt } = {}) {
  await page.locator('header').getByRole('button', { name: 'Start incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start incident' });
  await dialog.waitFor();
  if (title !== undefined) await dialog.getByLabel('Title').fill(title);
  if (handbook) await dialog.getByLabel('Handbook').selectOption(handbook);
  if (severity) await dialog.getByLabel('Severity (optional)').selectOption(severity);
  if (startedAt) await dialog.getByLabel('Started at (your local time)').fill(startedAt);
  await dialog.getByRole('button', { name: 'Start incident' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const id = await bar(page).locator('.incident-id').innerText();
  assert.match(id, ID);
  return id;
}

/** Opens the bar's details panel (More) and waits for its timeline. */
export async function openPanel(page) {
  await bar(page).getByRole('button', { name: 'More' }).click();
  await panel(page).getByRole('heading', { name: 'Timeline' }).waitFor();
  return panel(page);
}
