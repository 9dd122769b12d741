// People by name (issue 15 part 3) in the console: the fund managers' tranche queue names who
// requested, verified and approved each tranche as the API names them; a city's grant page names
// its supporting partner's verification by organisation and never shows a partner person's name;
// the review comparison names each reviewer for the fund; the audit log names every actor, reads
// records as references, and its filters (person, event, reference, days) narrow it as the API
// does, with refusals shown beside the field. Axe-clean in the four languages.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The actor in the words the console uses for a person known by name: "Name (Organisation)".
const named = (actor) => `${actor.name} (${actor.organisation})`;

async function expectAxeClean(page, name) {
  const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: serious or critical accessibility violations`);
}

test('the tranche queue names who requested, verified and approved each tranche', async () => {
  // The demo leaves Amman's second tranche requested by the city and verified by UNHCR, its
  // supporting partner.
  const amman = await apiClient(server.base, 'applicant@amman.demo');
  const [grant] = (await amman.get('/grants')).items;
  const second = (await amman.get(`/grants/${grant.id}/tranches`)).items.find((tr) => tr.seq === 2);
  assert.equal(second.state, 'verified');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const queue = await api.all('/tranches?state=requested,verified,approved');
  assert.ok(queue.some((tr) => tr.actors.verified_by?.name === 'Reviewer, UNHCR'), 'Amman\'s tranche, verified by UNHCR');
  assert.equal(await openPage(page, '/disbursements'), 'Disbursements');
  const rows = page.locator('.disbursements tbody tr');
  assert.equal(await rows.count(), queue.length);
  for (const tr of queue) {
    const row = rows.filter({ hasText: tr.reference });
    const steps = row.locator('ul.steps');
    for (const [step, field] of [['request', 'requested_by'], ['verify', 'verified_by'], ['approve', 'approved_by']]) {
      const actor = tr.actors[field];
      if (!actor) continue;
      const item = steps.locator(`li[data-step="${step}"]`);
      assert.equal(await item.getAttribute('data-known'), 'person', `${tr.reference} ${step}`);
      const text = await item.textContent();
      assert.ok(text.includes(actor.id === api.user.id ? 'you' : named(actor)), `${tr.reference} ${step}: ${text}`);
    }
    assert.doesNotMatch(await row.textContent(), /user #/, 'no one is a number');
  }
  await screenshot(page, 'people-disbursements');
  await expectAxeClean(page, 'disbursements');
  assertNoErrors(page);
  await page.context().close();
});

test('a city reads its supporting partner by organisation and never a partner person', async () => {
  const page = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  const api = await apiClient(server.base, 'applicant@kampala.demo');
  const fund = await apiClient(server.base, 'fm1@mmc.demo');
  const partners = (await fund.get('/audit/people')).items.filter((p) => p.role === 'partner');
  assert.ok(partners.length >= 5);
  const [grant] = (await api.get('/grants')).items;
  const [first] = (await api.get(`/grants/${grant.id}/tranches`)).items;
  assert.equal(first.verified_by, null, 'the verifier is not named to the city');
  assert.deepEqual(first.actors.verified_by, { organisation: 'IOM', role: 'partner' });
  await openPage(page, `/grants/${grant.id}`);
  const verify = page.locator(`tr:has-text("${first.reference}") li[data-step="verify"]`);
  assert.equal(await verify.getAttribute('data-known'), 'organisation');
  assert.match(await verify.textContent(), /Verified by IOM \(a strategic partner\)/);
  assert.match(await page.locator(`tr:has-text("${first.reference}") li[data-step="approve"]`).textContent(), new RegExp(named(first.actors.approved_by).replace(/[()]/g, '\\$&')));
  const seen = await page.locator('main').textContent();
  for (const p of partners) assert.ok(!seen.includes(p.name), `the grant page shows ${p.name}`);
  await openPage(page, `/proposals/${grant.proposal_id}`);
  const proposalText = await page.locator('main').textContent();
  for (const p of partners) assert.ok(!proposalText.includes(p.name), `the proposal page shows ${p.name}`);
  await screenshot(page, 'people-city-grant');
  assertNoErrors(page);
  await page.context().close();
});

test('the fund reads each reviewer by name in the comparison', async () => {
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const reviewed = (await api.get('/proposals?state=reviewed')).items[0];
  const reviews = await api.get(`/proposals/${reviewed.id}/reviews`);
  await openPage(page, `/proposals/${reviewed.id}`);
  const headers = await page.locator('.review-comparison thead th.review-col').allTextContents();
  assert.equal(headers.length, reviews.items.length);
  for (const r of reviews.items) {
    assert.ok(headers.some((text) => text.includes(r.actors.reviewer_id.name)), `${r.actors.reviewer_id.name} heads a review`);
  }
  assertNoErrors(page);
  await page.context().close();
});

test('the audit log names every actor, reads records as references, and filters on the server', async () => {
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  const api = await apiClient(server.base, 'auditor@mmc.demo');
  assert.equal(await openPage(page, '/audit'), 'Audit log');
  const first = await api.get('/audit?limit=50');
  const actors = await page.locator('.audit-log td.actor').allTextContents();
  assert.deepEqual(actors, first.items.map((e) => (e.actor ? named(e.actor) : 'the system')));
  const records = await page.locator('.audit-log td.record').evaluateAll((tds) => tds.map((td) => td.querySelector('.record').dataset.reference));
  assert.deepEqual(records, first.items.map((e) => e.reference ?? ''));
  const referenced = first.items.find((e) => e.entity === 'tranche' || e.entity === 'report') ?? first.items.find((e) => e.reference);
  assert.match(await page.locator(`tr[data-seq="${referenced.seq}"] td.record`).textContent(), new RegExp(referenced.reference));
  const recordTexts = await page.locator('.audit-log td.record').allTextContents();
  assert.ok(recordTexts.every((r) => !/^(proposal|grant|tranche|report|review assignment|user|organisation) #/.test(r)), 'records read as references and names, not numbers');

  // Filter by person, event, reference and days, as a person does.
  const fm2 = (await api.get('/audit/people')).items.find((p) => p.name === 'Lucas Moreau');
  const disbursed = (await api.get(`/audit?actor_id=${fm2.id}&event=disburse&limit=1`)).items[0];
  const day = disbursed.at.slice(0, 10);
  const form = page.locator('form.audit-filter');
  await form.getByLabel('Person').selectOption(String(fm2.id));
  await form.getByLabel('Event').fill('disburse');
  await form.getByLabel('Record reference').fill(disbursed.reference.toLowerCase());
  await form.getByLabel('From (day)').fill(day);
  await form.getByLabel('To (day, included)').fill(day);
  await form.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/reference=GCF-/);
  await heading(page);
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const expected = await api.get(`/audit?actor_id=${fm2.id}&event=disburse&reference=${disbursed.reference}&from=${day}&to=${next.toISOString().slice(0, 10)}`);
  assert.equal(expected.total, 1);
  assert.equal(await page.locator('.audit-total').textContent(), '1 events match these filters.');
  assert.deepEqual(await page.locator('.audit-log tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.seq))), [disbursed.seq]);
  assert.equal(await form.getByLabel('Person').inputValue(), String(fm2.id), 'the form keeps its filters');
  await screenshot(page, 'people-audit-filtered');
  await expectAxeClean(page, 'audit log, filtered');

  // The export carries the same filters.
  const csv = await page.locator('a[data-export="audit.csv"]').getAttribute('href');
  assert.match(csv, new RegExp(`reference=${disbursed.reference}`));
  assert.match(csv, /actor_id=/);

  // A malformed reference is stopped in the page; an unknown one is refused by the server.
  await form.getByLabel('Record reference').fill('tranche #4');
  await form.getByRole('button', { name: 'Filter' }).click();
  assert.equal(await form.getByLabel('Record reference').getAttribute('aria-invalid'), 'true');
  assert.match(await form.locator('.field-error').first().textContent(), /Write a reference like/);
  await openPage(page, '/audit?reference=GCF-2099-0001');
  assert.equal(await page.locator('form.audit-filter').getByLabel('Record reference').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('form.audit-filter .field-error').textContent(), /No proposal, grant, tranche or report has the reference GCF-2099-0001/);
  assert.equal(await page.locator('.audit-log table').count(), 0);
  await expectAxeClean(page, 'audit log, refused');
  assertNoErrors(page);
  await page.context().close();
});

test('the audit filters read in every language and stay accessible', async () => {
  const labels = { fr: 'Personne', es: 'Persona', pt: 'Pessoa', en: 'Person' };
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  for (const [lang, person] of Object.entries(labels)) {
    await page.selectOption('#language', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await openPage(page, '/audit?reference=GCF-2026-0001-T1');
    const form = page.locator('form.audit-filter');
    assert.equal(await form.getByLabel(person, { exact: true }).count(), 1, `${lang}: the person filter`);
    assert.equal(await form.locator('input[name="reference"]').inputValue(), 'GCF-2026-0001-T1');
    assert.ok(await page.locator('.audit-log tbody tr').count() > 0, `${lang}: events of the tranche`);
    await expectAxeClean(page, `audit log (${lang})`);
  }
  assertNoErrors(page);
  await page.context().close();
});
