// The admin pages: an admin adds an organisation and a user through the forms and the new user
// signs in; a bad email is refused next to its field; a role is granted and revoked (after a
// confirmation) and the API agrees; a call whose criteria do not weigh 100 is refused next to the
// criteria, then saved as a draft, and a fund manager opens it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, openPage, screenshot, signedInPage, signIn, watchErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the admin adds an organisation and a user with a role; the new user signs in and sees their home', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  const api = await apiClient(server.base, 'admin@mmc.demo');

  assert.equal(await openPage(page, '/admin/organisations'), 'Organisations');
  const orgForm = page.locator('form.org-form');
  await orgForm.locator('select[name="kind"]').selectOption('city');
  await orgForm.locator('input[name="name"]').fill('Nairobi');
  await orgForm.locator('input[name="region"]').fill('East Africa');
  // A city without its country is refused next to the country.
  await orgForm.locator('button[type="submit"]').click();
  const countryField = orgForm.locator('.field', { has: page.locator('select[name="country"]') });
  await countryField.locator('.field-error').waitFor();
  assert.match(await countryField.locator('.field-error').textContent(), /Choose the city's country/);
  assert.equal(await orgForm.locator('select[name="country"]').getAttribute('aria-invalid'), 'true');
  assert.equal((await api.get('/organisations')).items.some((o) => o.name === 'Nairobi'), false, 'nothing was saved');
  // The country is chosen by its name; the API keeps its ISO code.
  await orgForm.getByLabel('Country').selectOption({ label: 'Kenya' });
  await orgForm.locator('button[type="submit"]').click();
  await page.locator('.org-group[data-kind="city"] td', { hasText: 'Nairobi' }).waitFor();
  const orgs = await api.get('/organisations');
  const nairobi = orgs.items.find((o) => o.name === 'Nairobi');
  assert.ok(nairobi, 'the API lists the new organisation');
  assert.equal(nairobi.kind, 'city');
  assert.equal(nairobi.country, 'KE');
  const nairobiRow = page.locator('.org-group[data-kind="city"] tr', { hasText: 'Nairobi' });
  assert.equal(await nairobiRow.locator('[data-country="KE"]').textContent(), 'Kenya', 'the table shows the country by name');
  await screenshot(page, 'admin-organisations');

  // A donor: its own kind and group, its country optional.
  await orgForm.locator('select[name="kind"]').selectOption('donor');
  await orgForm.locator('input[name="name"]').fill('Harbour Philanthropies');
  await orgForm.getByLabel('Country').selectOption('CA');
  await orgForm.locator('button[type="submit"]').click();
  await page.locator('.org-group[data-kind="donor"] td', { hasText: 'Harbour Philanthropies' }).waitFor();
  const donor = (await api.get('/organisations')).items.find((o) => o.name === 'Harbour Philanthropies');
  assert.deepEqual([donor.kind, donor.country], ['donor', 'CA']);
  assert.equal(await page.locator('.org-group[data-kind="donor"] [data-country="CA"]').textContent(), 'Canada');

  assert.equal(await openPage(page, '/admin/users'), 'Users');
  const form = page.locator('form.user-form');
  await form.locator('input[name="email"]').fill('lead@nairobi.test');
  await form.locator('input[name="name"]').fill('Programme lead, Nairobi');
  await form.locator('select[name="organisation"]').selectOption('Nairobi');
  // Only the roles that fit a city are offered.
  assert.equal(await form.locator('.field.checkbox[data-role="fund_manager"]').isHidden(), true);
  await form.getByLabel('city applicant').check();
  await form.locator('select[name="language"]').selectOption('es');
  await form.locator('input[name="password"]').fill('nairobi-pass-2026');
  await form.locator('button[type="submit"]').click();
  const row = page.locator('tbody tr', { hasText: 'lead@nairobi.test' });
  await row.waitFor();
  assert.match(await row.textContent(), /Nairobi/);
  assert.equal(await row.locator('.role-list li[data-role="applicant"]').count(), 1);
  const users = await api.get('/users');
  const created = users.items.find((u) => u.email === 'lead@nairobi.test');
  assert.ok(created, 'the API lists the new user');
  assert.deepEqual(created.roles, ['applicant']);
  assert.equal(created.org_id, nairobi.id);
  assert.equal(created.language, 'es');
  await screenshot(page, 'admin-users');
  assertNoErrors(page);

  const context = await browser.newContext({ baseURL: server.base, locale: 'en-GB' });
  const newcomer = await context.newPage();
  watchErrors(newcomer);
  await newcomer.goto('/#/sign-in');
  await signIn(newcomer, 'lead@nairobi.test', 'nairobi-pass-2026');
  await heading(newcomer);
  assert.match(await newcomer.locator('#who').textContent(), /Programme lead, Nairobi · Nairobi/);
  assert.equal(await newcomer.evaluate(() => document.documentElement.lang), 'es', 'the console speaks the language the admin chose');
  assert.ok(await newcomer.locator('main .cards').count() === 1, 'the start page shows the new user\'s cards');
  assertNoErrors(newcomer);
  await context.close();
  await page.context().close();
});

test('a bad email is refused next to the email field', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await openPage(page, '/admin/users');
  const form = page.locator('form.user-form');
  await form.locator('input[name="email"]').fill('not-an-email');
  await form.locator('input[name="name"]').fill('Someone');
  await form.locator('select[name="organisation"]').selectOption('Kampala');
  await form.getByLabel('city applicant').check();
  await form.locator('input[name="password"]').fill('long-enough-pass');
  await form.locator('button[type="submit"]').click();
  await page.waitForFunction(() => document.querySelector('form.user-form input[name="email"]').getAttribute('aria-invalid') === 'true');
  const emailField = form.locator('.field', { has: page.locator('input[name="email"]') });
  assert.match(await emailField.locator('.field-error').textContent(), /Enter an email address such as name@city\.org/);
  assert.equal(await form.locator('.field-error').count(), 1, 'only the email is wrong');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'email', 'the focus moves to the email');
  const api = await apiClient(server.base, 'admin@mmc.demo');
  assert.equal((await api.get('/users')).items.some((u) => u.email === 'not-an-email'), false);
  assertNoErrors(page);
  await page.context().close();
});

test('the admin grants a role, then revokes it after confirming, and the API agrees', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const fm2 = (await api.get('/users')).items.find((u) => u.email === 'fm2@mmc.demo');
  await openPage(page, '/admin/users');
  const row = () => page.locator(`tr[data-user="${fm2.id}"]`);
  await row().locator('select[name="role"]').selectOption('auditor');
  await row().getByRole('button', { name: 'Grant' }).click();
  await row().locator('.role-list li[data-role="auditor"]').waitFor();
  assert.deepEqual((await api.get('/users')).items.find((u) => u.id === fm2.id).roles.sort(), ['auditor', 'fund_manager']);

  // Cancelling the confirmation changes nothing.
  await row().locator('button[data-revoke="auditor"]').click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Revoke the role “auditor” from Lucas Moreau/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await row().locator('.role-list li[data-role="auditor"]').count(), 1);

  await row().locator('button[data-revoke="auditor"]').click();
  await dialog.getByRole('button', { name: 'Revoke the role' }).click();
  await row().locator('.role-list li[data-role="auditor"]').waitFor({ state: 'detached' });
  assert.equal(await row().locator('.role-list li[data-role="fund_manager"]').count(), 1);
  assert.deepEqual((await api.get('/users')).items.find((u) => u.id === fm2.id).roles, ['fund_manager']);
  // The admin cannot be offered to revoke their own admin role.
  assert.equal(await page.locator(`tr[data-user="${api.user.id}"] button[data-revoke="admin"]`).count(), 0);
  assertNoErrors(page);
  await page.context().close();
});

test('a call whose criteria do not weigh 100 is refused next to the criteria; fixed, it is saved as a draft and a fund manager opens it', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  const api = await apiClient(server.base, 'admin@mmc.demo');
  await openPage(page, '/calls');
  await page.getByRole('link', { name: 'New call' }).click();
  assert.equal(await heading(page), 'New call');
  const form = page.locator('form.call-form');
  await form.locator('input[name="code"]').fill('GCF-2031');
  await form.locator('input[name="title"]').fill('Global Cities Fund 2031: climate displacement');
  await form.locator('textarea[name="description"]').fill('Grants for cities receiving people displaced by climate change.');
  await form.locator('input[name="budget"]').fill('4000000');
  await form.locator('input[name="min_award"]').fill('150000');
  await form.locator('input[name="max_award"]').fill('400000.50');
  await form.locator('input[name="threshold"]').fill('300000');
  await form.locator('input[name="closes_at"]').fill('2031-06-30T12:00');
  const rows = form.locator('.criteria-editor fieldset.row');
  await rows.nth(0).locator('input[name="criterion_code"]').fill('relevance');
  await rows.nth(0).locator('input[name="criterion_name"]').fill('Relevance to displaced people');
  await rows.nth(0).locator('input[name="criterion_weight"]').fill('60');
  await form.getByRole('button', { name: 'Add a criterion' }).click();
  await rows.nth(1).locator('input[name="criterion_code"]').fill('feasibility');
  await rows.nth(1).locator('input[name="criterion_name"]').fill('Feasibility');
  await rows.nth(1).locator('input[name="criterion_weight"]').fill('30');
  const total = form.locator('.criteria-editor .sum-line');
  assert.match(await total.textContent(), /Total: 90 %/);
  assert.match(await form.locator('.tranche_plan-editor .sum-line').textContent(), /Total: 100 %/);
  await form.locator('button[type="submit"]').click();

  const criteriaError = form.locator('.criteria-editor .field', { has: page.locator('.sum-line') }).locator('.field-error');
  await criteriaError.waitFor();
  assert.match(await criteriaError.textContent(), /The weights must add up to 100/);
  assert.equal(await form.locator('.field-error').count(), 1, 'only the criteria are wrong');
  assert.match(page.url(), /#\/calls\/new$/);
  assert.equal((await api.get('/calls')).items.some((c) => c.code === 'GCF-2031'), false, 'nothing was saved');

  await rows.nth(1).locator('input[name="criterion_weight"]').fill('40');
  assert.match(await total.textContent(), /Total: 100 %/);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(/#\/calls\/\d+$/);
  assert.equal(await heading(page), 'Global Cities Fund 2031: climate displacement');
  const id = Number(page.url().match(/#\/calls\/(\d+)$/)[1]);
  assert.equal(await page.locator('main .page-header .badge').getAttribute('data-state'), 'draft');
  const call = await api.get(`/calls/${id}`);
  assert.equal(call.state, 'draft');
  assert.equal(call.code, 'GCF-2031');
  assert.equal(call.max_award.amount_minor, 40000050);
  assert.deepEqual(call.criteria.map((c) => [c.code, c.weight]), [['relevance', 60], ['feasibility', 40]]);
  assert.deepEqual(call.tranche_plan.map((p) => [p.share_bp, p.trigger]), [[4000, 'signature'], [4000, 'progress_report'], [2000, 'final_report']]);
  assert.match(await page.locator('main').textContent(), /\$400,000\.50/);
  assert.equal(await page.locator('button[data-event]').count(), 0, 'only a fund manager opens a call');
  await screenshot(page, 'admin-call');
  assertNoErrors(page);

  const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openPage(fm, `/calls/${id}`);
  await fm.locator('button[data-event="open"]').click();
  await fm.locator('dialog.action-dialog button[type="submit"]').click();
  await fm.locator('main .page-header .badge[data-state="open"]').waitFor();
  assert.equal((await api.get(`/calls/${id}`)).state, 'open');
  assert.equal(await fm.locator('button[data-event="close"]').count(), 1, 'the open call can be closed next');
  assertNoErrors(fm);
  await fm.context().close();
  await page.context().close();
});

test('each role is offered only the admin pages it may use', async () => {
  const expectations = [
    ['admin@mmc.demo', { '#/admin/users': 1, '#/admin/organisations': 1, '#/calls': 1 }],
    ['fm1@mmc.demo', { '#/admin/users': 0, '#/admin/organisations': 0, '#/calls': 1 }],
    ['auditor@mmc.demo', { '#/admin/users': 0, '#/admin/organisations': 0, '#/calls': 0 }],
  ];
  for (const [email, links] of expectations) {
    const page = await signedInPage(browser, server.base, email);
    await heading(page);
    for (const [href, count] of Object.entries(links)) {
      assert.equal(await page.locator(`#nav a[href="${href}"]`).count(), count, `${email}: ${href}`);
    }
    if (email === 'fm1@mmc.demo') {
      assert.equal(await openPage(page, '/admin/users'), 'Users');
      assert.match(await page.getByRole('alert').textContent(), /not allowed/);
    }
    await page.context().close();
  }
});
