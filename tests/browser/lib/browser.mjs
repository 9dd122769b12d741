// Debian's Chromium driven by playwright-core (never a downloaded browser), one context per user
// so that each person has their own cookies, as on their own computer.

import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from './server.mjs';
import { FACTOR_LOGINS, nextCode } from './totp.mjs';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CITYGRANTS_CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
}

// A page for `email` signed in through the console's own sign-in form, in `lang` (the language
// the browser reports, before any choice is remembered). Fails the test on any page error.
export async function signedInPage(browser, base, email, { lang = 'en-GB', viewport } = {}) {
  const context = await browser.newContext({ baseURL: base, locale: lang, viewport: viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/#/sign-in');
  await signIn(page, email);
  return page;
}

// Fills and sends the sign-in form on the current page — for a login with a second factor,
// then the code the form asks for — and waits for the start page or the page the user came
// back to.
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.locator('form.signin input[name="email"]').fill(email);
  await page.locator('form.signin input[name="password"]').fill(password);
  await page.locator('form.signin button[type="submit"]').click();
  if (FACTOR_LOGINS.has(email)) {
    const otp = page.locator('form.signin input[name="otp"]');
    await otp.waitFor();
    await otp.fill(await nextCode(page.url(), email));
    await page.locator('form.signin button[type="submit"]').click();
  }
  await page.locator('#sign-out:not([hidden])').waitFor();
}

// Proves a fresh code on the page's session, as the step-up dialog would: for tests about
// something else that happens to move money (the dialog has its own tests).
export async function stepUpPage(page, email) {
  const otp = await nextCode(page.url(), email);
  const status = await page.evaluate(async (code) => (await fetch('/api/v1/session/step-up', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('cg.csrf') },
    body: JSON.stringify({ otp: code }),
  })).status, otp);
  if (status !== 200) throw new Error(`step-up of ${email} in the page: ${status}`);
}

// When the action dialog asks for a code (money moves only after a fresh one, issue 17), types
// the login's next code and sends the dialog again; a dialog that closes without asking (a
// step-up of the last five minutes still holds) is left alone.
export async function stepUpInDialog(page, email) {
  const dialog = page.locator('dialog.action-dialog');
  const otp = dialog.locator('input[name="otp"]:visible');
  await Promise.race([otp.waitFor(), dialog.waitFor({ state: 'detached' })]);
  if (await otp.count() === 0) return;
  await otp.fill(await nextCode(page.url(), email));
  await dialog.locator('button[type="submit"]').click();
}

// Collects uncaught page errors and console errors; assertNoErrors() fails on any.
export function watchErrors(page) {
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) page.errors.push(`console: ${m.text()}`); });
}

export function assertNoErrors(page) {
  if (page.errors?.length) throw new Error(`errors in the page:\n${page.errors.join('\n')}`);
}

// Runs axe-core on the page (WCAG 2.1 A and AA rules); answers the violations.
export async function axe(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

// Saves a full-page screenshot under the build folder (never committed).
export async function screenshot(page, name) {
  const dir = process.env.CITYGRANTS_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

// Waits until the router has rendered the page of the current hash (main is not busy and was
// rendered for this hash, so a click that just changed the hash is not answered by the old page)
// and answers the page's heading text.
export async function heading(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return !main.hasAttribute('aria-busy') && main.dataset.rendered === window.location.hash && main.querySelector('h1');
  });
  return (await page.locator('main h1').first().textContent()).trim();
}

// Opens the console page `hash` afresh (a page already there is reloaded: going to the same URL
// would not render it again, and the test would read what it showed before its last step) and
// answers its heading.
export async function openPage(page, hash) {
  if (new URL(page.url()).hash === `#${hash}`) await page.reload();
  else await page.goto(`/#${hash}`);
  return heading(page);
}

// Runs `action`, which makes the page render again (a form that saves, then reloads the page),
// and waits for that new render: the old page's controls are gone once this answers.
export async function rerendered(page, action) {
  const renders = () => Number(document.getElementById('main').dataset.renders ?? 0);
  const before = await page.evaluate(renders);
  await action();
  await page.waitForFunction((n) => {
    const main = document.getElementById('main');
    return Number(main.dataset.renders ?? 0) > n && !main.hasAttribute('aria-busy');
  }, before);
}
