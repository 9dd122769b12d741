// The console's frame: sign-in, the start page per role, the language switch remembered, a
// session that ends sending the user to sign in and back, and the security headers.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, signedInPage, signIn, heading, assertNoErrors, watchErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the console is served from the binary with the security headers', async () => {
  const res = await fetch(`${server.base}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/html/);
  assert.match(res.headers.get('content-security-policy'), /script-src 'self'/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  const etag = res.headers.get('etag');
  const again = await fetch(`${server.base}/`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const missing = await fetch(`${server.base}/js/nothing-here.js`);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('content-type'), /problem\+json/);
});

test('a wrong password is refused in words, and the right one opens the start page', async () => {
  const context = await browser.newContext({ baseURL: server.base, locale: 'en-GB' });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/');
  assert.equal(await heading(page), 'Sign in');
  await page.locator('input[name="email"]').fill('fm1@mmc.demo');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('form.signin button[type="submit"]').click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /do not match/);
  await signIn(page, 'fm1@mmc.demo');
  assert.match(await heading(page), /Welcome, /);
  assert.match(await page.locator('#who').textContent(), /Mayors Migration Council/);
  assertNoErrors(page);
  await context.close();
});

test('the language is switched at once and remembered after a reload', async () => {
  const page = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  await heading(page);
  await page.locator('#language').selectOption('fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await heading(page), /Bienvenue/);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await heading(page), /Bienvenue/);
  assert.equal(await page.locator('#sign-out').textContent(), 'Se déconnecter');
  assertNoErrors(page);
  await page.context().close();
});

test('a session that ended returns the user to sign-in and then back to the page they were on', async () => {
  const page = await signedInPage(browser, server.base, 'fm2@mmc.demo');
  await heading(page);
  await page.context().clearCookies();  // the session ends (as after the idle timeout)
  await page.evaluate(() => { window.location.hash = '#/proposals?state=submitted'; });
  await page.waitForFunction(() => window.location.hash.startsWith('#/sign-in'));
  // fm2 reads the console in French, the language of their profile, before and after.
  assert.match(await page.locator('main').textContent(), /Votre session a expiré\. Reconnectez-vous pour revenir là où vous étiez\./);
  await signIn(page, 'fm2@mmc.demo');
  await page.waitForFunction(() => window.location.hash === '#/proposals?state=submitted');
  assert.equal(await heading(page), 'Propositions');
  await page.context().close();
});

test('a page that does not exist says so', async () => {
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  await page.goto('/#/no-such-page');
  assert.equal(await heading(page), 'Page not found');
  await page.context().close();
});
