// Changes to a running grant in the console (issue 16): Kampala's applicant asks for a no-cost
// extension and a re-plan of the tranches not yet paid, compares the old and new terms, sends
// the request; a fund manager approves and applies it. An increase proposed by one fund manager
// is not offered to them for approval: another approves it, and the first applies it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

async function englishPage(browser, base, email) {
  const page = await signedInPage(browser, base, email);
  await heading(page);
  if (await page.locator('#language').inputValue() !== 'en') {
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  return page;
}

async function confirmDialog(page, fields = {}) {
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  for (const [name, value] of Object.entries(fields)) await dialog.locator(`[name="${name}"]`).fill(value);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

const money = (minor) => (minor / 100).toFixed(2);

test('a city requests an extension and a re-plan; the fund approves; an increase needs two fund managers', async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    const kampala = await apiClient(server.base, 'applicant@kampala.demo');
    const fm1 = await apiClient(server.base, 'fm1@mmc.demo');
    const grant = (await kampala.all('/grants'))[0];
    const before = (await kampala.all(`/grants/${grant.id}/terms`)).at(-1);
    const open = before.tranches.filter((tr) => tr.state === 'scheduled');
    assert.ok(open.length >= 2, 'two tranches are not paid yet');

    // The city asks for the change from its grant's page.
    const city = await englishPage(browser, server.base, 'applicant@kampala.demo');
    await openPage(city, `/grants/${grant.id}`);
    await city.locator('a.amend-link', { hasText: 'Request a change' }).click();
    await heading(city);
    assert.deepEqual(await axe(city), [], 'the form passes axe');
    await city.locator('textarea[name="reason"]').fill('The second centre opened late; we need three more months.');
    await city.locator('input[name="kind-extension"]').check();
    await city.locator('input[name="ends_at"]').fill('2031-09-30');
    await city.locator('input[name="kind-replan"]').check();
    const [a, b] = open;
    await city.locator(`input[name="tranche-${a.seq}-amount"]`).fill(money(a.amount.amount_minor - 1_000_000));
    await city.locator(`input[name="tranche-${b.seq}-amount"]`).fill(money(b.amount.amount_minor + 1_000_000));
    await city.locator(`input[name="tranche-${b.seq}-milestone"]`).fill('Final report accepted');
    // A wrong sum first: the server names the field, nothing is written.
    await city.locator(`input[name="tranche-${b.seq}-amount"]`).fill(money(b.amount.amount_minor + 1_000_001));
    await city.locator('form.amend-form button[type="submit"]').click();
    await city.locator('.amend-form .field-error').first().waitFor();
    assert.equal((await kampala.all(`/grants/${grant.id}/amendments`)).length, 1, 'only the demo\'s amendment');
    await city.locator(`input[name="tranche-${b.seq}-amount"]`).fill(money(b.amount.amount_minor + 1_000_000));
    await city.locator('form.amend-form button[type="submit"]').click();
    await city.waitForURL(/#\/amendments\/\d+$/);
    await heading(city);
    const id = Number(new URL(city.url()).hash.split('/').pop());
    const changed = await city.locator('table.terms-comparison tr[data-changed="yes"]').count();
    assert.ok(changed >= 3, `end date and two tranches are marked changed (${changed})`);
    await screenshot(city, 'amendment-compare');
    assert.deepEqual(await axe(city), [], 'the comparison passes axe');
    await city.locator('.amendment-page button[data-event="request"]').click();
    await confirmDialog(city);
    await city.locator('.page-header .badge[data-state="requested"]').waitFor();

    // A fund manager approves it, then applies it (no increase: one fund manager may do both).
    const fund = await englishPage(browser, server.base, 'fm1@mmc.demo');
    await openPage(fund, `/amendments/${id}`);
    await fund.locator('.amendment-page button[data-event="approve"]').click();
    await confirmDialog(fund);
    await fund.locator('.page-header .badge[data-state="approved"]').waitFor();
    await fund.locator('.amendment-page button[data-event="apply"]').click();
    await confirmDialog(fund);
    await fund.locator('.page-header .badge[data-state="applied"]').waitFor();
    const after = (await kampala.all(`/grants/${grant.id}/terms`)).at(-1);
    assert.equal(after.number, before.number + 1);
    assert.equal(after.ends_at, '2031-09-30T00:00:00.000Z');
    assert.equal(after.tranches.find((tr) => tr.seq === b.seq).milestone, 'Final report accepted');
    // The grant's page says the end its terms now set, and under which version.
    await openPage(city, `/grants/${grant.id}`);
    const termsNow = city.locator('.terms-now');
    assert.equal(await termsNow.getAttribute('data-version'), String(after.number));
    assert.match(await termsNow.innerText(), /2031/);
    assertNoErrors(city);
    assertNoErrors(fund);

    // An increase proposed by fm1: fm1 is not offered the approval, fm2 is; fm2 may not apply it.
    const last = after.tranches.filter((tr) => tr.state === 'scheduled').at(-1);
    const increase = await fm1.post(`/grants/${grant.id}/amendments`, {
      reason: 'More families arrived.', amount_minor: after.amount.amount_minor + 500_000,
      tranches: [{ seq: last.seq, amount_minor: last.amount.amount_minor + 500_000, milestone: last.milestone }],
    });
    await fm1.fire('amendments', increase.id, 'request');
    await openPage(fund, `/amendments/${increase.id}`);
    assert.match(await fund.locator('.amendment-page').innerText(), /one fund manager approves it and another applies it/);
    assert.equal(await fund.locator('.amendment-page button[data-event="approve"]').count(), 0);
    const second = await englishPage(browser, server.base, 'fm2@mmc.demo');
    await openPage(second, `/amendments/${increase.id}`);
    await second.locator('.amendment-page button[data-event="approve"]').click();
    await confirmDialog(second);
    await second.locator('.page-header .badge[data-state="approved"]').waitFor();
    assert.equal(await second.locator('.amendment-page button[data-event="apply"]').count(), 0);
    await openPage(fund, `/amendments/${increase.id}`);
    await fund.locator('.amendment-page button[data-event="apply"]').click();
    await confirmDialog(fund);
    await fund.locator('.page-header .badge[data-state="applied"]').waitFor();
    assert.equal((await fm1.get(`/grants/${grant.id}`)).amount.amount_minor, after.amount.amount_minor + 500_000);
  } finally {
    await browser.close();
    await server.stop();
  }
});
