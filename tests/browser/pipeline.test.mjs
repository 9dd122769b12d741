// The whole grant pipeline through the console, each step by the right person in their own
// browser: the city drafts and submits; a fund manager screens and assigns two partners; each
// partner declares and scores; the fund manager closes the review and proposes the award; a
// second fund manager approves it; the city signs and requests the first tranche; the supporting
// partner verifies; one fund manager approves, another disburses; the auditor verifies the
// chain. Then the money on the board and the chart must equal the database, read with SQL.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, openPage, rerendered, screenshot, signIn, stepUpInDialog, watchErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
const pages = {};
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The database's own answer (sqlite3 reads the live WAL database read-only).
function sql(query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', server.dbPath, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// A signed-in page for `email` in English, whatever their profile language (text checks below
// are in English; the other languages have their own tests).
async function person(email) {
  if (pages[email]) return pages[email];
  const context = await browser.newContext({ baseURL: server.base, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/#/sign-in');
  await signIn(page, email);
  // The account's language is the console's: switch (and so save) English for those who read
  // another (fm2 reads French).
  await heading(page);
  if (await page.locator('#language').inputValue() !== 'en') {
    await page.locator('#language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  pages[email] = page;
  return page;
}

// Clicks the action button of `event` inside `scope` and confirms its dialog with `fields`.
// With `stepUpAs` (a step that moves money), the dialog must ask for a fresh code, which
// that login types in.
async function act(page, scope, event, fields = {}, { stepUpAs } = {}) {
  await page.locator(`${scope} button[data-event="${event}"]`).first().click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  for (const [name, value] of Object.entries(fields)) {
    const control = dialog.locator(`[name="${name}"]`);
    if (value === true) await control.check();
    else await control.fill(String(value));
  }
  await dialog.locator('button[type="submit"]').click();
  if (stepUpAs) await stepUpInDialog(page, stepUpAs);
  await dialog.waitFor({ state: 'detached' });
}

async function waitForState(page, selector, state) {
  await page.locator(`${selector}[data-state="${state}"]`).first().waitFor();
}

const SUMMARY = 'Municipal one-stop centres in Kampala that give refugees and migrants legal aid, language classes and job matching.';

test('a grant runs from the first draft to the first disbursement, each step in the console by the right person', async (t) => {
  const fm1Api = await apiClient(server.base, 'fm1@mmc.demo');
  let proposalId;
  let grantId;
  let tranche;
  // Each step needs the ones before: after a failure the rest are skipped, not timed out.
  let broken = null;
  const step = (name, fn) => t.test(name, async (st) => {
    if (broken) { st.skip(`"${broken}" failed`); return; }
    try { await fn(); } catch (e) { broken = name; throw e; }
  });

  await step('the city drafts and submits a concept note', async () => {
    const city = await person('applicant@kampala.demo');
    await openPage(city, '/proposals');
    await city.locator('a[href="#/proposals/new"]').first().click();
    await heading(city);
    const form = city.locator('form#proposal-form');
    await form.locator('input[name="title"]').fill('Kampala one-stop centres for newcomers');
    await form.locator('textarea[name="summary"]').fill(SUMMARY);
    await form.locator('input[name="target_groups"][value="refugees"]').check();
    await form.locator('input[name="target_groups"][value="migrants"]').check();
    await form.locator('input[name="beneficiaries"]').fill('2400');
    await form.locator('input[name="duration_months"]').fill('24');
    await form.locator('input[name="amount"]').fill('420000');
    await city.getByRole('button', { name: 'Save and submit the concept note' }).click();
    await waitForState(city, '.proposal-page', 'concept_submitted');
    proposalId = Number(new URL(city.url()).hash.match(/proposals\/(\d+)/)[1]);
    assert.equal(sql(`SELECT state FROM proposals WHERE id = ${proposalId}`)[0].state, 'concept_submitted');
  });

  await step('a fund manager invites the full proposal with feedback', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, `/proposals/${proposalId}`);
    await act(fm1, '.record-actions', 'invite', { reason: 'Please develop the full proposal with a budget per activity.' });
    await waitForState(fm1, '.proposal-page', 'draft');
  });

  await step('the city writes the budget and submits the full proposal', async () => {
    const city = await person('applicant@kampala.demo');
    await openPage(city, `/proposals/${proposalId}`);
    assert.match(await city.locator('.state-notice').first().textContent(), /budget per activity/);
    await city.locator('a.edit-link').click();
    await heading(city);
    const lines = [['personnel', 'Case workers and legal aid', '200000'], ['activities', 'Language classes and job matching', '180000'],
      ['monitoring_evaluation', 'Evaluation', '40000']];
    for (let i = 0; i < lines.length; i += 1) {
      if (await city.locator('.budget-line').count() <= i) await city.getByRole('button', { name: 'Add a budget line' }).click();
      const row = city.locator('.budget-line').nth(i);
      await row.locator('select.line-category').selectOption(lines[i][0]);
      await row.locator('input.line-description').fill(lines[i][1]);
      await row.locator('input.line-amount').fill(lines[i][2]);
    }
    // The call requires a people-reached target for each reporting period, here broken down by sex.
    for (const [period, total, female, male] of [[1, '1000', '520', '480'], [2, '1400', '730', '670']]) {
      await city.getByLabel(`People reached, period ${period}: Target`, { exact: true }).fill(total);
      await city.getByLabel(`People reached, period ${period}, Sex: Female`, { exact: true }).fill(female);
      await city.getByLabel(`People reached, period ${period}, Sex: Male`, { exact: true }).fill(male);
    }
    await city.getByRole('button', { name: 'Save and submit the proposal' }).click();
    await waitForState(city, '.proposal-page', 'submitted');
    const [row] = sql(`SELECT v.amount_minor AS amount FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version WHERE p.id = ${proposalId}`);
    assert.equal(row.amount, 42000000);
    const plan = (await fm1Api.get(`/proposals/${proposalId}`)).current.indicators;
    assert.deepEqual(plan, [{ indicator: 'people_reached', baseline: 0, targets: [
      { total: 1000, breakdown: { sex: { female: 520, male: 480 } } }, { total: 1400, breakdown: { sex: { female: 730, male: 670 } } }] }]);
  });

  await step('the fund manager screens, names the supporting partner, assigns two partners and sends it to review', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, `/proposals/${proposalId}`);
    await act(fm1, '.record-actions', 'screen');
    await waitForState(fm1, '.proposal-page', 'screening');
    const partnerForm = fm1.locator('form.supporting-partner');
    await partnerForm.locator('select[name="partner_org_id"]').selectOption({ label: 'IOM' });
    await rerendered(fm1, () => partnerForm.locator('button[type="submit"]').click());
    assert.equal(sql(`SELECT o.name FROM proposals p JOIN organisations o ON o.id = p.supporting_org_id WHERE p.id = ${proposalId}`)[0].name, 'IOM');
    for (const org of ['IOM', 'UNHCR']) {
      const form = fm1.locator('form.assign-form');
      await form.locator('select').selectOption({ label: org });
      await rerendered(fm1, () => form.locator('button[type="submit"]').click());
      await fm1.locator('.review-panels tbody tr', { hasText: org }).waitFor();
    }
    await act(fm1, '.record-actions', 'send_to_review');
    await waitForState(fm1, '.proposal-page', 'in_review');
    assert.equal(sql(`SELECT COUNT(*) AS n FROM review_assignments WHERE proposal_id = ${proposalId} AND state = 'assigned'`)[0].n, 2);
  });

  for (const [email, score] of [['reviewer@iom.demo', 5], ['reviewer@unhcr.demo', 4]]) {
    await step(`${email} declares no conflict, scores every criterion and submits`, async () => {
      const partner = await person(email);
      await openPage(partner, '/reviews');
      const row = partner.locator('.queue-group tbody tr', { hasText: 'Kampala one-stop centres' });
      await row.getByRole('link').first().click();
      await heading(partner);
      await act(partner, 'main', 'accept', { no_conflict_declared: true });
      await partner.locator('main .page-header .badge[data-state="in_progress"]').waitFor();
      const criteria = partner.locator('fieldset.criterion');
      const n = await criteria.count();
      assert.ok(n >= 3, 'the rubric has its criteria');
      for (let i = 0; i < n; i += 1) await criteria.nth(i).locator(`input[type="radio"][value="${score}"]`).check();
      assert.match(await partner.locator('output.live-mean').textContent(), new RegExp(`: ${score.toFixed(2)} out of 5 \\(${n} of ${n} criteria scored\\)`));
      await partner.getByLabel('Overall comment').fill('A credible, inclusive programme with a sound budget.');
      await partner.getByRole('button', { name: 'Save the draft' }).click();
      await partner.locator('form.rubric .notice.ok').waitFor();
      await partner.getByRole('button', { name: 'Submit the review' }).click();
      await partner.locator('dialog.action-dialog button[type="submit"]').click();
      await partner.locator('main .page-header .badge[data-state="submitted"]').waitFor();
    });
  }

  await step('the fund manager compares the reviews, closes the review and proposes the award above the threshold', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, `/proposals/${proposalId}`);
    assert.equal((await fm1.locator('.review-comparison .overall-mean').textContent()).trim(), '4.50');
    await act(fm1, '.record-actions', 'close_review');
    await waitForState(fm1, '.proposal-page', 'reviewed');
    assert.equal(await fm1.locator('.record-actions button[data-event="approve"]').count(), 0, 'above the threshold: no direct approval');
    await act(fm1, '.record-actions', 'propose_award', { reason: 'Strong reviews; full amount.', amount: '420000.00' });
    await waitForState(fm1, '.proposal-page', 'award_proposed');
    assert.equal(await fm1.locator('.record-actions button[data-event="approve"]').count(), 0, 'the proposer cannot confirm their own award');
  });

  await step('a second fund manager approves: the grant and its tranches exist', async () => {
    const fm2 = await person('fm2@mmc.demo');
    await openPage(fm2, `/proposals/${proposalId}`);
    await act(fm2, '.record-actions', 'approve', {}, { stepUpAs: 'fm2@mmc.demo' });
    await waitForState(fm2, '.proposal-page', 'approved');
    const [grant] = sql(`SELECT id, amount_minor FROM grants WHERE proposal_id = ${proposalId}`);
    grantId = grant.id;
    assert.equal(grant.amount_minor, 42000000);
    assert.equal(sql(`SELECT SUM(amount_minor) AS s FROM tranches WHERE grant_id = ${grantId}`)[0].s, 42000000);
  });

  await step('the city signs the agreement and requests the first tranche', async () => {
    const city = await person('applicant@kampala.demo');
    await openPage(city, '/grants');
    await city.locator(`a[href="#/grants/${grantId}"]`).first().click();
    await heading(city);
    await act(city, 'main', 'sign');
    await city.locator('main .badge[data-state="active"]').first().waitFor();
    tranche = (await fm1Api.get(`/grants/${grantId}/tranches`)).items[0];
    await act(city, `.tranche-actions[data-tranche="${tranche.reference}"]`, 'request');
    await waitForState(city, `.tranche-actions[data-tranche="${tranche.reference}"]`, 'requested');
  });

  await step('the supporting partner verifies the request', async () => {
    const iom = await person('reviewer@iom.demo');
    await openPage(iom, '/verifications');
    await act(iom, `.tranche-actions[data-tranche="${tranche.reference}"]`, 'verify');
    // Verified, the request leaves the partner's queue.
    await iom.locator(`.tranche-actions[data-tranche="${tranche.reference}"]`).waitFor({ state: 'detached' });
    assert.equal(sql(`SELECT state FROM tranches WHERE id = ${tranche.id}`)[0].state, 'verified');
  });

  await step('one fund manager approves the payment and is not offered to disburse it', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, '/disbursements');
    await act(fm1, `.tranche-actions[data-tranche="${tranche.reference}"]`, 'approve', {}, { stepUpAs: 'fm1@mmc.demo' });
    const cell = fm1.locator(`.tranche-actions[data-tranche="${tranche.reference}"][data-state="approved"]`);
    await cell.waitFor();
    assert.equal(await cell.locator('button[data-event="disburse"]').count(), 0);
  });

  await step('another fund manager disburses it with a payment reference', async () => {
    const fm2 = await person('fm2@mmc.demo');
    await openPage(fm2, '/disbursements');
    await act(fm2, `.tranche-actions[data-tranche="${tranche.reference}"]`, 'disburse', { payment_reference: 'MMC-PAY-2026-0420' }, { stepUpAs: 'fm2@mmc.demo' });
    const [row] = sql(`SELECT state, payment_reference, approved_by <> disbursed_by AS four_eyes FROM tranches WHERE id = ${tranche.id}`);
    assert.deepEqual(row, { state: 'disbursed', payment_reference: 'MMC-PAY-2026-0420', four_eyes: 1 });
    assert.equal(sql(`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'tranche' AND entity_id = ${tranche.id} AND event = 'disburse'`)[0].n, 1);
  });

  await step('the auditor verifies the audit chain in the console', async () => {
    const auditor = await person('auditor@mmc.demo');
    await openPage(auditor, '/audit/verify');
    const events = sql('SELECT COUNT(*) AS n FROM audit_events')[0].n;
    const text = await auditor.locator('main').innerText();
    assert.match(text, /holds/i);
    assert.match(text.replace(/[,\s]/g, ''), new RegExp(String(events)));
    await screenshot(auditor, 'pipeline-audit-verify');
  });

  await step('the board shows, per state, the count and money the database holds', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, '/board');
    const shown = await fm1.locator('.board-section[data-machine="proposal"] .board-column').evaluateAll((cols) => cols.map((c) => ({
      state: c.dataset.state, count: Number(c.querySelector('.col-count').dataset.count), requested: c.querySelector('.col-requested').textContent })));
    const truth = new Map(sql(`SELECT p.state, COUNT(*) AS n, SUM(v.amount_minor) AS requested FROM proposals p
      JOIN proposal_versions v ON v.proposal_id = p.id AND v.number = p.current_version GROUP BY p.state`).map((r) => [r.state, r]));
    const format = (minor) => fm1.evaluate(async (m) => (await import('/js/i18n.js')).moneyOf(m, 'USD'), minor);
    for (const col of shown) {
      const want = truth.get(col.state) ?? { n: 0, requested: 0 };
      assert.equal(col.count, want.n, `count of ${col.state}`);
      assert.equal(col.requested, await format(want.requested), `requested money of ${col.state}`);
    }
    const machine = (await fm1Api.get('/workflows')).machines.find((m) => m.name === 'proposal');
    const final = (s) => !machine.transitions.some((tr) => tr.from === s);
    assert.deepEqual(shown.map((c) => c.state), [...machine.states.filter((s) => !final(s)), ...machine.states.filter(final)],
      'one column per proposal state, in the machine\'s order, the final ones last (folded)');
    await screenshot(fm1, 'pipeline-board');
  });

  await step('the chart shows planned and disbursed money per city as the database holds it', async () => {
    const fm1 = await person('fm1@mmc.demo');
    await openPage(fm1, '/chart?by=city');
    const rows = await fm1.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      name: tr.querySelector('td.name').textContent, planned: tr.querySelector('td.planned').textContent, disbursed: tr.querySelector('td.disbursed').textContent })));
    // Planned is what the grants award; disbursed is what their tranches paid.
    const truth = sql(`SELECT o.name, SUM(g.amount_minor) AS planned,
      SUM((SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t WHERE t.grant_id = g.id AND t.state = 'disbursed')) AS disbursed
      FROM grants g JOIN organisations o ON o.id = g.city_org_id GROUP BY o.name`);
    const format = (minor) => fm1.evaluate(async (m) => (await import('/js/i18n.js')).moneyOf(m, 'USD'), minor);
    assert.equal(rows.length, truth.length, 'one row per city with a grant');
    for (const want of truth) {
      const row = rows.find((r) => r.name === want.name);
      assert.ok(row, `${want.name} is on the chart`);
      assert.equal(row.planned, await format(want.planned), `planned for ${want.name}`);
      assert.equal(row.disbursed, await format(want.disbursed), `disbursed for ${want.name}`);
    }
    assert.ok(rows.some((r) => r.name === 'Kampala' && r.disbursed !== '$0.00'));
    await screenshot(fm1, 'pipeline-chart');
  });

  for (const page of Object.values(pages)) assertNoErrors(page);
});
