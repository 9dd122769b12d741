// The grants pages driven as the people who use them, each test on a fresh demo fund: the city
// writes and submits its progress report, the supporting partner accepts it, the city requests
// the next tranche, the partner verifies it, one fund manager approves it and is not offered the
// payment (four eyes, said in words), another pays it; the grant page then shows what the API
// holds. And a payment sent twice (a double click, then a retry after a lost answer) is made once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, screenshot, signedInPage, stepUpInDialog, stepUpPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const PARTNER_LOGINS = ['reviewer@iom.demo', 'reviewer@unhcr.demo', 'reviewer@c40.demo', 'reviewer@uclg.demo', 'reviewer@unhabitat.demo'];
const GRANT_REF = 'GCF-2026-0001-G';

// A fresh server and browser for one test; `run(ctx)` gets {server, browser, demo}.
async function withFund(run) {
  const server = await startServer();
  const browser = await launch();
  try {
    await run({ server, browser, demo: await demoGrant(server.base) });
  } finally {
    await browser.close();
    await server.stop();
  }
}

// The demo's active grant, found through the API, with the people who act on it.
async function demoGrant(base) {
  const fm1 = await apiClient(base, 'fm1@mmc.demo');
  const grant = (await fm1.all('/grants')).find((g) => g.reference === GRANT_REF);
  assert.ok(grant, `the demo has ${GRANT_REF}`);
  const tranches = (await fm1.all(`/grants/${grant.id}/tranches`)).sort((a, b) => a.seq - b.seq);
  const next = tranches.find((tr) => tr.state === 'scheduled');
  assert.equal(tranches[0].state, 'disbursed', 'tranche 1 is disbursed in the demo');
  assert.equal(next.seq, 2, 'tranche 2 is the next one');
  assert.ok(next.report_id, 'tranche 2 waits for a report');
  const report = await fm1.get(`/reports/${next.report_id}`);
  assert.equal(report.kind, 'progress');
  const orgs = await fm1.all('/organisations');
  const city = orgs.find((o) => o.id === grant.city_org_id);
  const applicantEmail = `applicant@${city.name.toLowerCase().replace(/[^a-z]/g, '')}.demo`;
  const applicant = await apiClient(base, applicantEmail);
  assert.equal(applicant.user.organisation.id, grant.city_org_id, `${applicantEmail} works for ${city.name}`);
  let partnerEmail;
  for (const email of PARTNER_LOGINS) {
    const who = await apiClient(base, email);
    if (who.user.organisation.id === grant.supporting_org_id) { partnerEmail = email; break; }
  }
  assert.ok(partnerEmail, 'a demo reviewer works for the supporting partner');
  const partner = await apiClient(base, partnerEmail);
  const fm2 = await apiClient(base, 'fm2@mmc.demo');
  return { grant, tranche: next, report, applicantEmail, partnerEmail, applicant, partner, fm1, fm2 };
}

// A signed-in page in English, whatever language the user's profile names (fm2 reads French).
async function englishPage(browser, base, email) {
  const page = await signedInPage(browser, base, email);
  await heading(page);
  if (await page.locator('#language').inputValue() !== 'en') {
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  return page;
}

const cell = (page, ref) => page.locator(`.tranche-actions[data-tranche="${ref}"]`);

// Confirms the open action dialog (after filling `fields`) and waits for it to close.
// Fills and sends the action dialog. With `stepUpAs` (a fund manager moving money): the dialog
// must then ask for a code of the second factor, which is typed in and sent.
async function confirmDialog(page, fields = {}, { stepUpAs } = {}) {
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  for (const [name, value] of Object.entries(fields)) await dialog.locator(`[name="${name}"]`).fill(value);
  await dialog.locator('button[type="submit"]').click();
  if (stepUpAs) {
    await dialog.locator('.notice', { hasText: 'Confirm with a code from your authenticator app' }).waitFor();
    await stepUpInDialog(page, stepUpAs);
  }
  await dialog.waitFor({ state: 'detached' });
}

function usd(minor) {
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
}

async function disbursedMinor(api, grantId) {
  return (await api.all(`/grants/${grantId}/tranches`)).filter((tr) => tr.state === 'disbursed').reduce((s, tr) => s + tr.amount.amount_minor, 0);
}

test('a progress report and the next tranche go from the city to the payment, with four eyes', async () => {
  await withFund(async ({ server, browser, demo }) => {
    const { grant, tranche, report } = demo;

    // The city: the grant page says why tranche 2 cannot be requested yet.
    const city = await englishPage(browser, server.base, demo.applicantEmail);
    await city.goto(`/#/grants/${grant.id}`);
    assert.match(await heading(city), new RegExp(GRANT_REF));
    const blocked = await cell(city, tranche.reference).innerText();
    assert.match(blocked, /cannot be requested yet/);
    assert.match(blocked, /progress report 1 it waits for is not accepted yet/);
    assert.equal(await cell(city, tranche.reference).locator('button[data-event="request"]').count(), 0);

    // The city writes its report, attaches a file, saves and submits it.
    await city.goto(`/#/reports/${report.id}`);
    await heading(city);
    const text = 'Second quarter: 1,240 people registered at the two hubs; 310 placed in jobs; the refugee advisory board chose the next courses.';
    await city.locator('form.report-form textarea[name="narrative"]').fill(text);
    const reloaded = city.waitForResponse((r) => r.url().endsWith(`/api/v1/reports/${report.id}`) && r.request().method() === 'GET');
    await city.locator('form.report-form button[type="submit"]').click();
    await reloaded;
    await heading(city);
    const saved = await demo.applicant.get(`/reports/${report.id}`);
    assert.equal(saved.narrative, text);
    assert.ok(report.results.length > 0, 'the demo report states results');
    assert.deepEqual(saved.results, report.results, 'saving the narrative keeps the actuals the form shows');
    await city.locator('form.attach-form input[name="file"]').setInputFiles({ name: 'hub-registrations.csv', mimeType: 'text/csv', buffer: Buffer.from('month,registered\nApril,410\nMay,430\nJune,400\n') });
    await city.locator('form.attach-form button[type="submit"]').click();
    await city.locator('ul.attachments a', { hasText: 'hub-registrations.csv' }).waitFor();
    await screenshot(city, 'grants-report');
    await city.locator('.report-page button[data-event="submit"]').click();
    await confirmDialog(city);
    await city.locator('.page-header .badge[data-state="submitted"]').waitFor();
    const submitted = await demo.applicant.get(`/reports/${report.id}`);
    assert.equal(submitted.state, 'submitted');
    assert.equal(submitted.submitted_by, demo.applicant.user.id);
    const events = (await demo.applicant.get(`/grants/${grant.id}/timeline`)).items;
    assert.ok(events.some((e) => e.entity === 'report' && e.event === 'attach' && JSON.parse(e.detail).filename === 'hub-registrations.csv'));

    // The supporting partner finds it in its verifications, reads it and accepts it.
    const partner = await englishPage(browser, server.base, demo.partnerEmail);
    await partner.goto('/#/verifications');
    await heading(partner);
    await partner.locator(`.report-actions[data-report="${report.id}"] button[data-event="accept"]`).waitFor();
    await partner.locator(`a[href="#/reports/${report.id}"]`).first().click();
    await heading(partner);
    assert.match(await partner.locator('.narrative').innerText(), /1,240 people registered/);
    await partner.locator('.report-page button[data-event="accept"]').click();
    await confirmDialog(partner);
    await partner.locator('.page-header .badge[data-state="accepted"]').waitFor();
    const accepted = await demo.partner.get(`/reports/${report.id}`);
    assert.equal(accepted.state, 'accepted');
    assert.equal(accepted.accepted_by, demo.partner.user.id);

    // The city requests tranche 2.
    await city.goto(`/#/grants/${grant.id}`);
    await heading(city);
    assert.doesNotMatch(await cell(city, tranche.reference).innerText(), /cannot be requested yet/);
    await cell(city, tranche.reference).locator('button[data-event="request"]').click();
    await confirmDialog(city);
    await city.locator(`.tranche-actions[data-tranche="${tranche.reference}"][data-state="requested"]`).waitFor();
    assert.equal((await demo.applicant.get(`/tranches/${tranche.id}`)).state, 'requested');

    // The partner verifies it from the verifications page.
    await partner.goto('/#/verifications');
    await heading(partner);
    await cell(partner, tranche.reference).locator('button[data-event="verify"]').click();
    await confirmDialog(partner);
    await cell(partner, tranche.reference).waitFor({ state: 'detached' });
    await heading(partner);
    const verified = await demo.partner.get(`/tranches/${tranche.id}`);
    assert.equal(verified.state, 'verified');
    assert.equal(verified.verified_by, demo.partner.user.id);

    // fm1 approves it from the disbursement queue, and is told another must pay it.
    const fm1 = await englishPage(browser, server.base, 'fm1@mmc.demo');
    await fm1.goto('/#/disbursements');
    await heading(fm1);
    await cell(fm1, tranche.reference).locator('button[data-event="approve"]').click();
    await confirmDialog(fm1, {}, { stepUpAs: 'fm1@mmc.demo' });
    const approvedCell = fm1.locator(`.tranche-actions[data-tranche="${tranche.reference}"][data-state="approved"]`);
    await approvedCell.waitFor();
    assert.match(await approvedCell.innerText(), /You approved this payment: another fund manager must disburse it/);
    assert.equal(await approvedCell.locator('button[data-event="disburse"]').count(), 0, 'fm1 is not offered disburse');
    const approved = await demo.fm1.get(`/tranches/${tranche.id}`);
    assert.equal(approved.state, 'approved');
    assert.equal(approved.approved_by, demo.fm1.user.id);
    assert.ok(!approved.actions.includes('disburse'), 'the server leaves disburse out of fm1 actions');
    await screenshot(fm1, 'grants-disbursements');
    await fm1.goto(`/#/grants/${grant.id}`);
    await heading(fm1);
    assert.match(await cell(fm1, tranche.reference).innerText(), /another fund manager must disburse it/);
    assert.equal(await cell(fm1, tranche.reference).locator('button[data-event="disburse"]').count(), 0);

    // fm2 disburses it with a payment reference.
    const fm2 = await englishPage(browser, server.base, 'fm2@mmc.demo');
    await fm2.goto('/#/disbursements');
    await heading(fm2);
    assert.doesNotMatch(await cell(fm2, tranche.reference).innerText(), /You approved/);
    await cell(fm2, tranche.reference).locator('button[data-event="disburse"]').click();
    await confirmDialog(fm2, { payment_reference: 'MMC-PAY-2026-0002' }, { stepUpAs: 'fm2@mmc.demo' });
    await cell(fm2, tranche.reference).waitFor({ state: 'detached' });
    await heading(fm2);
    const paid = await demo.fm2.get(`/tranches/${tranche.id}`);
    assert.equal(paid.state, 'disbursed');
    assert.equal(paid.disbursed_by, demo.fm2.user.id);
    assert.equal(paid.payment_reference, 'MMC-PAY-2026-0002');

    // The grant page shows the tranche disbursed and the total the API holds.
    await fm2.goto(`/#/grants/${grant.id}`);
    await heading(fm2);
    const row = fm2.locator('tr', { has: cell(fm2, tranche.reference) });
    assert.match(await row.innerText(), /Disbursed/);
    assert.match(await row.innerText(), /MMC-PAY-2026-0002/);
    const total = await disbursedMinor(demo.fm2, grant.id);
    assert.equal(total, 24000000);
    assert.equal(await fm2.locator('.sum-disbursed').innerText(), `${usd(total)} of ${usd(grant.amount.amount_minor)}`);
    assert.match(await fm2.locator('.sum-tranches').innerText(), /equals the grant amount/);
    await screenshot(fm2, 'grants-detail');
    await fm2.goto('/#/grants');
    await heading(fm2);
    const listRow = fm2.locator('tr', { hasText: GRANT_REF });
    assert.match(await listRow.innerText(), new RegExp(usd(total).replace(/[$.]/g, '\\$&')));
    await screenshot(fm2, 'grants-list');

    for (const page of [city, partner, fm1, fm2]) assertNoErrors(page);
  });
});

test('a payment sent twice, by a double click and by a retry after a lost answer, is made once', async () => {
  await withFund(async ({ server, browser, demo }) => {
    const { grant, tranche, report } = demo;
    await demo.applicant.fire('reports', report.id, 'submit');
    await demo.partner.fire('reports', report.id, 'accept');
    await demo.applicant.fire('tranches', tranche.id, 'request');
    await demo.partner.fire('tranches', tranche.id, 'verify');
    await demo.fm1.fire('tranches', tranche.id, 'approve');
    const before = await disbursedMinor(demo.fm2, grant.id);

    const fm2 = await englishPage(browser, server.base, 'fm2@mmc.demo');
    await stepUpPage(fm2, 'fm2@mmc.demo');  // a code just typed: this test is about the retry
    const sent = [];
    // The first answer is lost after the server has made the payment; later ones go through.
    await fm2.route('**/api/v1/tranches/*/transitions', async (route) => {
      sent.push(route.request().headers()['idempotency-key']);
      if (sent.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await fm2.goto('/#/disbursements');
    await heading(fm2);
    await cell(fm2, tranche.reference).locator('button[data-event="disburse"]').click();
    const dialog = fm2.locator('dialog.action-dialog');
    await dialog.locator('[name="payment_reference"]').fill('MMC-PAY-2026-0099');
    await dialog.locator('button[type="submit"]').dblclick();
    await dialog.getByRole('alert').waitFor();
    assert.match(await dialog.getByRole('alert').innerText(), /could not be reached/);
    await dialog.locator('button[type="submit"]:not([disabled])').click();
    await dialog.waitFor({ state: 'detached' });
    await cell(fm2, tranche.reference).waitFor({ state: 'detached' });
    await heading(fm2);

    assert.equal(sent.length, 2, 'the double click sent one request, the retry a second');
    assert.ok(sent[0], 'the payment carries an Idempotency-Key');
    assert.equal(sent[1], sent[0], 'the retry carries the same key');
    const paid = await demo.fm2.get(`/tranches/${tranche.id}`);
    assert.equal(paid.state, 'disbursed');
    assert.equal(paid.payment_reference, 'MMC-PAY-2026-0099');
    const events = (await demo.fm2.get(`/grants/${grant.id}/timeline`)).items;
    assert.equal(events.filter((e) => e.entity === 'tranche' && e.entity_id === tranche.id && e.event === 'disburse').length, 1, 'one disbursement recorded');
    assert.equal(await disbursedMinor(demo.fm2, grant.id), before + tranche.amount.amount_minor, 'the money went out once');
    fm2.errors = fm2.errors.filter((e) => !/ERR_CONNECTION_RESET|ERR_FAILED/.test(e));  // the answer we cut
    assertNoErrors(fm2);
  });
});
