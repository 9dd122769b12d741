// The account page and a forgotten password (issue 15 part 4): the language chosen on the page
// or with the header's switch is the account's, so a fresh browser signs in to it; a password
// change needs the current password and ends the other browsers' sessions; the mailed reset link
// (read from the outbox table, as the demo has no mail relay) sets a new password once; every
// page passes axe in English, French, Spanish and Portuguese.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signIn, watchErrors } from './lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The database's own answer (sqlite3 reads the live WAL database read-only).
function sql(query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', server.dbPath, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// The token of the newest reset mail to `email`, from its link in the outbox.
function mailedToken(email) {
  const [row] = sql(`SELECT body FROM outbox_mail WHERE template = 'password_reset' AND to_email = '${email}' ORDER BY id DESC LIMIT 1`);
  assert.ok(row, `a reset mail to ${email}`);
  const match = row.body.match(/#\/password-reset\/([0-9a-f]{64})/);
  assert.ok(match, row.body);
  return match[1];
}

// A browser of its own, on the sign-in page, with nothing remembered.
async function freshPage(locale = 'en-GB') {
  const context = await browser.newContext({ baseURL: server.base, locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  page.missing = [];
  page.on('console', (m) => { if (/missing message/.test(m.text())) page.missing.push(m.text()); });
  await page.goto('/#/sign-in');
  await heading(page);
  return page;
}

// A browser of its own signed in as `email` through the sign-in form.
async function personPage(email, locale = 'en-GB') {
  const page = await freshPage(locale);
  await signIn(page, email);
  await heading(page);
  return page;
}

async function noSeriousViolations(page, name) {
  const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name} has serious or critical accessibility violations`);
}

test('the language chosen on the account page or with the switch is the one a fresh browser signs in to', async () => {
  const email = 'applicant@athens.demo';
  const page = await personPage(email);
  await heading(page);
  await page.locator('#who').click();
  assert.equal(await heading(page), 'Your account');
  const form = page.locator('form.profile-form');
  await form.locator('select[name="language"]').selectOption('pt');
  await form.locator('button[type="submit"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'pt');
  assert.equal(await heading(page), 'Sua conta');
  assert.equal((await (await apiClient(server.base, email)).get('/account')).language, 'pt');
  assertNoErrors(page);
  await page.context().close();

  // Another computer: nothing remembered there, an English browser; the account says Portuguese.
  const other = await freshPage('en-GB');
  await signIn(other, email);
  await other.waitForFunction(() => document.documentElement.lang === 'pt');
  assert.equal(await other.locator('#sign-out').textContent(), 'Sair');
  // The header's switch saves too.
  await other.locator('#language').selectOption('fr');
  await other.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal((await (await apiClient(server.base, email)).get('/account')).language, 'fr');
  assertNoErrors(other);
  await other.context().close();

  const third = await freshPage('es-ES');
  await signIn(third, email);
  await third.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await openPage(third, '/account'), 'Votre compte');
  assert.equal(await third.locator('form.profile-form select[name="language"]').inputValue(), 'fr');
  assertNoErrors(third);
  await third.context().close();
});

test('a password change needs the current password and ends the other browsers sessions, not this one', async () => {
  const email = 'applicant@amman.demo';
  const here = await personPage(email);
  const there = await personPage(email);
  assert.equal(await openPage(here, '/account'), 'Your account');
  const sessions = here.locator('.account-page table').first();
  assert.equal(await sessions.locator('tbody tr').count(), 2);
  assert.equal(await sessions.locator('.badge.this-session').count(), 1);

  const form = here.locator('form.password-form');
  await form.locator('input[name="current_password"]').fill('not-the-password');
  await form.locator('input[name="new_password"]').fill('a-new-password-here');
  await form.locator('input[name="confirm_password"]').fill('a-new-password-here');
  await form.locator('button[type="submit"]').click();
  await form.locator('.field-error').first().waitFor();
  assert.equal(await form.locator('input[name="current_password"]').getAttribute('aria-invalid'), 'true');
  assert.match(await form.innerText(), /This is not your current password\./);

  await form.locator('input[name="current_password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await here.locator('#toast', { hasText: 'Your password is changed' }).waitFor();
  await heading(here);
  assert.equal(await here.locator('.account-page table').first().locator('tbody tr').count(), 1);
  await screenshot(here, 'account-page');

  await there.reload();
  await there.waitForFunction(() => window.location.hash.startsWith('#/sign-in'));
  await signIn(there, email, 'a-new-password-here');
  assertNoErrors(here);
  await here.context().close();
  await there.context().close();
});

test('a forgotten password is reset with the mailed link, once', async () => {
  const email = 'reviewer@unhcr.demo';
  const other = await personPage(email);
  const page = await freshPage();
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  assert.equal(await heading(page), 'Forgotten password');
  await page.locator('form.reset-request input[name="email"]').fill(email);
  await page.locator('form.reset-request button[type="submit"]').click();
  await page.locator('.reset-sent .notice').waitFor();
  assert.match(await page.locator('.reset-sent').innerText(), /If an account has this email.*30 minutes/s);
  // An unknown email reads the same.
  await openPage(page, '/password-reset');
  await page.locator('form.reset-request input[name="email"]').fill('nobody@nowhere.demo');
  await page.locator('form.reset-request button[type="submit"]').click();
  await page.locator('.reset-sent .notice').waitFor();
  assert.match(await page.locator('.reset-sent').innerText(), /If an account has this email.*30 minutes/s);
  assert.equal(sql("SELECT COUNT(*) AS n FROM outbox_mail WHERE to_email = 'nobody@nowhere.demo'")[0].n, 0);

  const token = mailedToken(email);
  assert.equal(await openPage(page, `/password-reset/${token}`), 'Choose a new password');
  const form = page.locator('form.reset-choose');
  await form.locator('input[name="new_password"]').fill('short');
  await form.locator('input[name="confirm_password"]').fill('short');
  await form.locator('button[type="submit"]').click();
  await form.locator('.field-error').first().waitFor();
  await form.locator('input[name="new_password"]').fill('a-fresh-unhcr-password');
  await form.locator('input[name="confirm_password"]').fill('a-fresh-unhcr-password');
  await form.locator('button[type="submit"]').click();
  await page.locator('.reset-done .notice.ok').waitFor();
  await screenshot(page, 'password-reset-done');
  await page.locator('.reset-done a', { hasText: 'Sign in' }).click();
  await heading(page);
  await signIn(page, email, 'a-fresh-unhcr-password');

  // The browser that was signed in before is signed out; the link does not work twice.
  await other.reload();
  await other.waitForFunction(() => window.location.hash.startsWith('#/sign-in'));
  const again = await freshPage();
  await openPage(again, `/password-reset/${token}`);
  await again.locator('input[name="new_password"]').fill('yet-another-password');
  await again.locator('input[name="confirm_password"]').fill('yet-another-password');
  await again.locator('form.reset-choose button[type="submit"]').click();
  await again.locator('.reset-done .notice.error').waitFor();
  assert.match(await again.locator('.reset-done').innerText(), /no longer works/);
  for (const p of [page, other, again]) { assertNoErrors(p); await p.context().close(); }
});

const LANGS = {
  en: { locale: 'en-GB', account: 'Your account', request: 'Forgotten password', choose: 'Choose a new password' },
  fr: { locale: 'fr-FR', account: 'Votre compte', request: 'Mot de passe oublié', choose: 'Choisir un nouveau mot de passe' },
  es: { locale: 'es-ES', account: 'Su cuenta', request: 'Contraseña olvidada', choose: 'Elegir una contraseña nueva' },
  pt: { locale: 'pt-BR', account: 'Sua conta', request: 'Senha esquecida', choose: 'Escolher uma nova senha' },
};

test('the account and reset pages pass axe in English, French, Spanish and Portuguese', async () => {
  const email = 'auditor@mmc.demo';
  const page = await personPage(email);
  await (await apiClient(server.base, email)).post('/tokens', { name: 'quarterly export' });
  for (const [lang, words] of Object.entries(LANGS)) {
    await openPage(page, '/');
    if (await page.locator('#language').inputValue() !== lang) {
      await page.locator('#language').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    assert.equal(await openPage(page, '/account'), words.account, lang);
    await noSeriousViolations(page, `${lang} #/account`);
    await screenshot(page, `account-${lang}`);

    const out = await freshPage(words.locale);
    assert.equal(await openPage(out, '/password-reset'), words.request, lang);
    await noSeriousViolations(out, `${lang} #/password-reset`);
    await out.locator('form.reset-request button[type="submit"]').click();  // empty: named
    await out.locator('.field-error').waitFor();
    await noSeriousViolations(out, `${lang} #/password-reset with an error`);
    assert.equal(await openPage(out, `/password-reset/${'0'.repeat(64)}`), words.choose, lang);
    await noSeriousViolations(out, `${lang} #/password-reset/<token>`);
    await out.locator('input[name="new_password"]').fill('some-password-here');
    await out.locator('input[name="confirm_password"]').fill('some-password-here');
    await out.locator('form.reset-choose button[type="submit"]').click();
    await out.locator('.reset-done .notice.error').waitFor();
    await noSeriousViolations(out, `${lang} a dead reset link`);
    assert.deepEqual(out.missing, [], `${lang}: every message has a text`);
    assertNoErrors(out);
    await out.context().close();
  }
  assert.deepEqual(page.missing, [], 'every message has a text');
  assertNoErrors(page);
  await page.context().close();
});
