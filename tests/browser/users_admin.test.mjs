// Account administration in the console (issue 17 part 4): the admin opens a user from the list,
// deactivates them and the user's own browser is signed out at once; the admin changes a user's
// roles with the picker (the add-a-user form's picker starts with nothing chosen); a second-factor
// reset requested by one admin waits in the other admin's inbox and only that second admin can
// confirm it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, rerendered, signedInPage } from './lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from './lib/server.mjs';
import { DEMO_TOTP_SECRET, FACTOR_LOGINS } from './lib/totp.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// A new user through the API (as the add-a-user form sends it); answers the user.
async function addUser(api, email, organisation, roles, name = 'Test Person') {
  return api.post('/users', { email, name, organisation, password: DEMO_PASSWORD, roles, language: 'en' });
}

test('the add-a-user form chooses no role for the admin', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  assert.equal(await openPage(page, '/admin/users'), 'Users');
  const form = page.locator('form.user-form');
  await form.locator('select[name="organisation"]').selectOption({ label: 'Mayors Migration Council (Fund)' });
  assert.equal(await form.locator('input[name="roles"]:checked').count(), 0, 'no role is ticked by default');
  assert.ok(await form.locator('input[name="roles"][value="admin"]').isVisible());
  assertNoErrors(page);
  await page.context().close();
});

test('an admin deactivates a user, whose browser is signed out at once, and changes roles with the picker', async () => {
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const user = await addUser(api, 'leaving@kampala.demo', 'Kampala', ['applicant'], 'Grace Leaving');
  const theirs = await signedInPage(browser, server.base, 'leaving@kampala.demo');
  await heading(theirs);

  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  assert.equal(await openPage(page, '/admin/users'), 'Users');
  await page.locator(`a.user-link[href="#/admin/users/${user.id}"]`).click();
  assert.equal(await heading(page), 'Grace Leaving');
  assert.equal(await page.locator('[data-status="active"]').count(), 1);
  // Only the roles that fit a city are offered: a city's user cannot be made a fund manager.
  const form = page.locator('form.account-admin-form');
  assert.equal(await form.locator('input[name="roles"]').count(), 1);
  assert.equal(await form.locator('input[name="roles"][value="fund_manager"]').count(), 0);
  await form.locator('input[name="active"]').uncheck();
  await rerendered(page, () => form.locator('button[type="submit"]').click());
  assert.equal(await page.locator('[data-status="inactive"]').count(), 1);
  assert.equal((await api.get(`/users/${user.id}`)).active, false);

  // The user's own console: the next request answers 401 and the sign-in form comes back.
  await theirs.reload();
  await theirs.locator('form.signin').waitFor();

  // Roles as a whole set, with the picker: a fund staff member becomes auditor and stops being
  // fund manager.
  const staff = await addUser(api, 'staff@mmc.demo', 'Mayors Migration Council', ['fund_manager'], 'Omar Staff');
  assert.equal(await openPage(page, `/admin/users/${staff.id}`), 'Omar Staff');
  const staffForm = page.locator('form.account-admin-form');
  assert.equal(await staffForm.locator('input[name="roles"]').count(), 3);
  await staffForm.locator('input[name="roles"][value="fund_manager"]').uncheck();
  await staffForm.locator('input[name="roles"][value="auditor"]').check();
  await rerendered(page, () => staffForm.locator('button[type="submit"]').click());
  assert.deepEqual((await api.get(`/users/${staff.id}`)).roles, ['auditor']);
  // No role at all is refused next to the roles.
  await page.locator('form.account-admin-form input[name="roles"][value="auditor"]').uncheck();
  await page.locator('form.account-admin-form button[type="submit"]').click();
  await page.locator('form.account-admin-form .field-error').first().waitFor();
  assert.deepEqual((await api.get(`/users/${staff.id}`)).roles, ['auditor']);
  assertNoErrors(page);
  await page.context().close();
  await theirs.context().close();
});

test('a second-factor reset needs a second admin, who finds it in their inbox', async () => {
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const users = await api.get('/users');
  let second = users.items.find((u) => u.roles.includes('admin') && u.email !== 'admin@mmc.demo' && u.active);
  if (!second) second = await addUser(api, 'admin2@mmc.demo', 'Mayors Migration Council', ['admin'], 'Second Admin');
  const target = users.items.find((u) => u.email === 'fm2@mmc.demo');  // enrolled by the demo
  // The second admin needs a second factor too: theirs is the demo's key, as if they had scanned
  // it (enrolling through the account page has its own test, second_factor.test.mjs).
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', server.dbPath,
    `INSERT INTO second_factors (user_id, secret, created_at, confirmed_at) VALUES (${second.id}, '${DEMO_TOTP_SECRET}', 1, 1) `
    + 'ON CONFLICT (user_id) DO NOTHING'], { encoding: 'utf8' });
  FACTOR_LOGINS.add(second.email);
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  assert.equal(await openPage(page, `/admin/users/${target.id}`), target.name);
  const form = page.locator('form.factor-form');
  await form.locator('input[name="reason"]').fill('Lost phone; identity checked by video call');
  await rerendered(page, () => form.locator('button[type="submit"]').click());
  assert.equal(await page.locator('button', { hasText: 'Confirm the reset' }).count(), 0, 'the requester cannot confirm');
  await page.locator('text=another admin must confirm it').first().waitFor();

  const other = await signedInPage(browser, server.base, second.email);
  await openPage(other, '/?kind=user.second_factor_reset');
  const item = other.locator(`a[href="#/admin/users/${target.id}"]`).first();
  await item.waitFor();
  await item.click();
  assert.equal(await heading(other), target.name);
  // The page with a reset waiting, as axe sees it: nothing serious to fix.
  const bad = (await axe(other)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  await other.locator('button', { hasText: 'Confirm the reset' }).click();
  await rerendered(other, () => other.locator('dialog.action-dialog button[type="submit"]').click());
  const done = await api.get(`/users/${target.id}`);
  assert.equal(done.second_factor, false);
  assert.equal(done.second_factor_reset, null);
  assertNoErrors(page);
  assertNoErrors(other);
  await page.context().close();
  await other.context().close();
});
