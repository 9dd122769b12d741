// The second factor in the console (issue 17): a fund manager's sign-in asks for the code after
// the password (a wrong code is said so, the right one signs in); a new fund manager without a
// factor lands on the account page, which shows nothing else until they scan the key and confirm
// it, then gets ten recovery codes once; approving a payment asks for a fresh code in the action
// dialog. Every page passes axe.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, screenshot, stepUpInDialog, watchErrors } from './lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from './lib/server.mjs';
import { base32Decode, hotp, nextCode } from './lib/totp.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function freshPage() {
  const context = await browser.newContext({ baseURL: server.base, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/#/sign-in');
  await heading(page);
  return page;
}

async function noSeriousViolations(page, name) {
  const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name} has serious or critical accessibility violations`);
}

async function submitSignIn(page, email, password) {
  await page.locator('form.signin input[name="email"]').fill(email);
  await page.locator('form.signin input[name="password"]').fill(password);
  await page.locator('form.signin button[type="submit"]').click();
}

test('a fund manager signs in with the password, then the code the form asks for', async () => {
  const page = await freshPage();
  await submitSignIn(page, 'fm2@mmc.demo', DEMO_PASSWORD);
  const otp = page.locator('form.signin input[name="otp"]');
  await otp.waitFor();
  assert.match(await page.locator('form.signin .notice').innerText(), /second factor/);
  await noSeriousViolations(page, 'the sign-in form asking for a code');
  const right = await nextCode(server.base, 'fm2@mmc.demo');
  await otp.fill(right === '000000' ? '000001' : '000000');
  await page.locator('form.signin button[type="submit"]').click();
  await page.locator('form.signin .notice.error').waitFor();
  assert.match(await page.locator('form.signin .notice.error').innerText(), /wrong or was already used/);
  await otp.fill(right);
  await page.locator('form.signin button[type="submit"]').click();
  await page.locator('#sign-out:not([hidden])').waitFor();
  await heading(page);
  assertNoErrors(page);
});

test('a new fund manager sets up the second factor before anything else, from a QR code and its key', async () => {
  const admin = await apiClient(server.base, 'admin@mmc.demo');
  await admin.post('/users', { email: 'fm-new@mmc.demo', name: 'Nadia Haddad', organisation: 'Mayors Migration Council',
    roles: ['fund_manager'], password: 'new-fund-manager-1', language: 'en' });
  const page = await freshPage();
  await submitSignIn(page, 'fm-new@mmc.demo', 'new-fund-manager-1');
  await page.locator('.account-page').waitFor();
  assert.match(await page.locator('.account-page').innerText(), /Your role needs a second factor/);
  assert.equal(await page.locator('.account-page form.password-form').count(), 0, 'only the second factor until it is set');
  await page.locator('button.factor-start').click();
  await page.locator('.qr-code svg').waitFor();
  await noSeriousViolations(page, 'the enrolment page');
  await screenshot(page, 'second-factor-enrolment');
  const secret = (await page.locator('.factor-secret').innerText()).replace(/\s+/g, '');
  const code = hotp(base32Decode(secret), Math.floor(Date.now() / 30000));
  await page.locator('form.factor-confirm input[name="otp"]').fill(code);
  await page.locator('form.factor-confirm button[type="submit"]').click();
  await page.locator('.recovery-codes').waitFor();
  assert.equal(await page.locator('.recovery-codes li').count(), 10);
  assert.match(await page.locator('.factor-state').innerText(), /10 recovery codes left/);
  await page.goto('/#/proposals');
  await heading(page);
  assert.equal(await page.locator('.notice.error').count(), 0);
  assertNoErrors(page);
});

test('approving the verified tranche of the demo asks for a fresh code in the action dialog', async () => {
  const fm1 = await apiClient(server.base, 'fm1@mmc.demo');
  const [tranche] = (await fm1.get('/tranches?state=verified')).items;
  assert.ok(tranche, 'the demo leaves a tranche verified');
  const page = await freshPage();
  await submitSignIn(page, 'fm1@mmc.demo', DEMO_PASSWORD);
  await page.locator('form.signin input[name="otp"]').fill(await nextCode(server.base, 'fm1@mmc.demo'));
  await page.locator('form.signin button[type="submit"]').click();
  await page.locator('#sign-out:not([hidden])').waitFor();
  await page.goto('/#/disbursements');
  await heading(page);
  await page.locator(`.tranche-actions[data-tranche="${tranche.reference}"] button[data-event="approve"]`).click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.locator('input[name="otp"]').waitFor();
  assert.equal((await fm1.get(`/tranches/${tranche.id}`)).state, 'verified', 'nothing moved without the code');
  await noSeriousViolations(page, 'the action dialog asking for a code');
  await stepUpInDialog(page, 'fm1@mmc.demo');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await fm1.get(`/tranches/${tranche.id}`)).state, 'approved');
  assertNoErrors(page);
});
