// The proposals pages through the console, each test on a fresh demo fund: an applicant drafts a
// concept note and (once invited) a full proposal whose budget lines must add up, attaches a file
// and submits; the server's field errors land next to their fields; a fund manager screens and
// returns a proposal, the applicant revises and resubmits it as a new version; a reviewer who
// has not declared sees the title page only; the form in French, Spanish and Portuguese; the
// pages at 360 px wide.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Types the target of `indicator` (its name as the form shows it) for `period` in the results
// framework, found by the label a screen reader hears.
async function fillTarget(page, indicator, period, value) {
  await page.getByLabel(`${indicator}, period ${period}: Target`, { exact: true }).fill(value);
}

// A fresh server for one test; stopped however the test ends.
async function withServer(fn) {
  const server = await startServer();
  try { await fn(server); } finally { await server.stop(); }
}

// The API as the page's signed-in user (its cookie and CSRF token): {status, body}.
async function api(page, path, { method = 'GET', body, etag } = {}) {
  return page.evaluate(async ({ path, method, body, etag }) => {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = sessionStorage.getItem('cg.csrf');
    if (etag) headers['If-Match'] = etag;
    if (body) headers['Content-Type'] = 'application/json';
    const res = await fetch(`/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, { path, method, body, etag });
}

// Waits for the proposal page to show `state`.
async function proposalState(page, state) {
  await page.locator(`.proposal-page[data-state="${state}"]`).waitFor();
  return page.locator('.record-line .badge').getAttribute('data-state');
}

// Fires `event` from the action bar, filling the dialog's reason when it asks for one.
async function act(page, event, reason) {
  await page.locator(`.record-actions button[data-event="${event}"]`).click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  if (reason) await dialog.locator('textarea[name="reason"]').fill(reason);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

const SUMMARY = 'Kampala opens two youth hubs where refugee and host-community young people learn a trade with local employers and the city\'s vocational schools.';

// Fills the content fields of the proposal form.
async function fillContent(page, { title, summary = SUMMARY, groups = ['migrants', 'refugees'], beneficiaries = '1 200', months = '18', amount }) {
  const form = page.locator('form#proposal-form');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('textarea[name="summary"]').fill(summary);
  for (const g of groups) await form.locator(`input[name="target_groups"][value="${g}"]`).check();
  await form.locator('input[name="beneficiaries"]').fill(beneficiaries);
  await form.locator('input[name="duration_months"]').fill(months);
  await form.locator('input[name="amount"]').fill(amount);
}

async function budgetLine(page, index, { category, description, amount }) {
  const row = page.locator('.budget-line').nth(index);
  if (category) await row.locator('select.line-category').selectOption(category);
  if (description !== undefined) await row.locator('input.line-description').fill(description);
  if (amount !== undefined) await row.locator('input.line-amount').fill(amount);
}

async function seriousViolations(page) {
  return (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('an applicant drafts a concept note, then the invited full proposal with balanced budget lines and a file, and submits it', async () => {
  await withServer(async (server) => {
    const applicant = await signedInPage(browser, server.base, 'applicant@kampala.demo');
    assert.equal(await openPage(applicant, '/proposals'), 'Proposals');
    await applicant.getByRole('link', { name: 'Start a proposal' }).click();
    assert.equal(await heading(applicant), 'Start a proposal');
    assert.equal(await applicant.locator('form#proposal-form').getAttribute('data-stage'), 'concept');
    assert.equal(await applicant.locator('.budget-editor').count(), 0, 'a concept note has no budget lines');

    await fillContent(applicant, { title: 'Kampala youth trade hubs', amount: '300000' });
    await applicant.getByRole('button', { name: 'Save the draft' }).click();
    await applicant.waitForURL(/#\/proposals\/\d+\/edit$/);
    await applicant.locator('#toast', { hasText: 'Saved' }).waitFor();
    const id = Number(applicant.url().match(/proposals\/(\d+)\/edit/)[1]);
    let record = (await api(applicant, `/proposals/${id}`)).body;
    assert.equal(record.state, 'concept_draft');
    assert.equal(record.current.beneficiaries, 1200);
    assert.deepEqual(record.current.target_groups, ['migrants', 'refugees']);

    await applicant.getByRole('button', { name: 'Save and submit the concept note' }).click();
    await applicant.waitForURL(new RegExp(`#/proposals/${id}$`));
    assert.equal(await proposalState(applicant, 'concept_submitted'), 'concept_submitted');
    assert.equal((await api(applicant, `/proposals/${id}`)).body.state, 'concept_submitted');

    const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    await openPage(fm, `/proposals/${id}`);
    await act(fm, 'invite', 'Please develop the full proposal with a budget per activity.');
    await proposalState(fm, 'draft');

    await openPage(applicant, `/proposals/${id}`);
    await proposalState(applicant, 'draft');
    const invited = applicant.locator('.state-notice[data-event="invite"]');
    assert.match(await invited.textContent(), /budget per activity/);
    await applicant.locator('a.edit-link').click();
    assert.equal(await heading(applicant), `Edit the proposal ${record.reference}`);
    assert.equal(await applicant.locator('form#proposal-form').getAttribute('data-stage'), 'full');
    assert.equal(await applicant.locator('input[name="title"]').inputValue(), 'Kampala youth trade hubs', 'the concept carries over');

    await budgetLine(applicant, 0, { category: 'personnel', description: 'Trainers and mentors', amount: '200000' });
    await applicant.getByRole('button', { name: 'Add a budget line' }).click();
    await budgetLine(applicant, 1, { category: 'activities', description: 'Tool kits and workshops', amount: '50000' });
    const total = applicant.locator('.budget-total');
    assert.equal(await total.getAttribute('data-balanced'), 'false');
    assert.match(await total.textContent(), /\$250,000\.00.*not the amount requested \(\$300,000\.00\): \$50,000\.00 missing/);
    await budgetLine(applicant, 1, { amount: '100000' });
    assert.equal(await total.getAttribute('data-balanced'), 'true');
    assert.match(await total.textContent(), /\$300,000\.00: exactly the amount requested/);
    // The call requires a people-reached target for each of its two reporting periods.
    assert.match(await applicant.locator('.results-indicator[data-indicator="people_reached"] > legend').textContent(), /People reached\s*Required/);
    await fillTarget(applicant, 'People reached', 1, '1200');
    await fillTarget(applicant, 'People reached', 2, '1800');
    await applicant.getByRole('button', { name: 'Save the draft' }).click();
    await applicant.locator('#toast', { hasText: 'Saved' }).waitFor();

    await applicant.locator('.upload input[type="file"]').setInputFiles({ name: 'workplan.txt', mimeType: 'text/plain', buffer: Buffer.from('Month 1-3: hubs open.\nMonth 4-18: cohorts.\n') });
    await applicant.getByRole('button', { name: 'Attach the file' }).click();
    await applicant.locator('.attachment-list a.file-link', { hasText: 'workplan.txt' }).waitFor();
    assert.match(await applicant.locator('.attachment-list tbody tr').first().textContent(), /workplan\.txt\s*43\s?B\s*TXT/);
    await screenshot(applicant, 'proposals-form');

    await applicant.getByRole('button', { name: 'Save and submit the proposal' }).click();
    await applicant.waitForURL(new RegExp(`#/proposals/${id}$`));
    await proposalState(applicant, 'submitted');
    assert.equal(await applicant.locator('.version').count(), 2, 'the concept note and the full proposal');
    assert.equal(await applicant.locator('.version[data-frozen="true"]').count(), 2);
    assert.match(await applicant.locator('.budget-view tfoot').first().textContent(), /\$300,000\.00/);
    const plan = applicant.locator('.proposal-page > .panel .plan-view[data-indicator="people_reached"]').first();
    assert.deepEqual(await plan.locator('.target-value').allTextContents(), ['1,200', '1,800']);
    const href = await applicant.locator('a.file-link', { hasText: 'workplan.txt' }).getAttribute('href');
    assert.match(href, /^\/api\/v1\/attachments\/\d+\/content$/);
    await screenshot(applicant, 'proposals-detail');

    record = (await api(applicant, `/proposals/${id}`)).body;
    assert.equal(record.state, 'submitted');
    assert.equal(record.current.amount.amount_minor, 30000000);
    assert.deepEqual(record.current.budget.map((l) => [l.category, l.amount.amount_minor]), [['personnel', 20000000], ['activities', 10000000]]);
    assert.deepEqual(record.current.indicators, [{ indicator: 'people_reached', baseline: 0, targets: [{ total: 1200, breakdown: {} }, { total: 1800, breakdown: {} }] }]);
    assert.equal((await api(applicant, `/proposals/${id}/attachments`)).body.total, 1);

    await openPage(applicant, '/proposals?state=submitted');
    const row = applicant.locator('tbody tr', { has: applicant.locator(`a[href="#/proposals/${id}"]`) });
    assert.equal(await row.locator('.badge').getAttribute('data-state'), 'submitted');
    assert.match(await row.textContent(), /Kampala youth trade hubs.*Kampala.*\$300,000\.00/);
    assert.equal(await applicant.locator('select[name="state"]').inputValue(), 'submitted');
    await screenshot(applicant, 'proposals-list');
    assertNoErrors(applicant);
    assertNoErrors(fm);
    await applicant.context().close();
    await fm.context().close();
  });
});

test('the server\'s field errors appear next to the fields they name', async () => {
  await withServer(async (server) => {
    const page = await signedInPage(browser, server.base, 'applicant@dhakanorth.demo');
    const list = (await api(page, '/proposals?state=draft')).body;
    const draft = list.items[0];
    assert.ok(draft, 'Dhaka North has a full proposal draft');
    assert.match(await openPage(page, `/proposals/${draft.id}/edit`), /^Edit the proposal GCF-/);
    const form = page.locator('form#proposal-form');

    await form.locator('input[name="amount"]').fill('three hundred');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    const amountField = form.locator('input[name="amount"]').locator('xpath=..');
    assert.match(await amountField.locator('.field-error').textContent(), /Enter an amount such as/);
    await form.locator('input[name="amount"]').fill('330000');

    await budgetLine(page, 0, { amount: '0' });
    await page.getByRole('button', { name: 'Save the draft' }).click();
    const firstLine = page.locator('.budget-line').nth(0);
    await firstLine.locator('.field-error').waitFor();
    assert.equal(await firstLine.locator('input.line-amount').getAttribute('aria-invalid'), 'true');
    assert.equal(await firstLine.locator('input.line-amount').getAttribute('data-field'), 'budget[0].amount_minor');
    assert.match(await firstLine.locator('.field-error').textContent(), /Enter a number from 1 to/);
    assert.match(await page.locator('.form-status').textContent(), /Some fields need your attention/);

    await budgetLine(page, 0, { amount: '100' });
    await form.locator('textarea[name="summary"]').fill('Too short.');
    await form.locator('input[name="duration_months"]').fill('30');
    await page.getByRole('button', { name: 'Save and submit the proposal' }).click();
    await form.locator('textarea[name="summary"][aria-invalid="true"]').waitFor();
    const errorOf = (selector) => form.locator(selector).locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field-error').textContent();
    assert.match(await errorOf('textarea[name="summary"]'), /Write at least 50 characters/);
    assert.match(await errorOf('input[name="duration_months"]'), /from 1 to 24 months/);
    assert.match(await page.locator('.budget-total .field-error').textContent(), /must add up to the amount requested/);
    assert.equal(await page.locator('.form-status .field-error').count(), 0, 'every error found its field');

    const record = (await api(page, `/proposals/${draft.id}`)).body;
    assert.equal(record.state, 'draft', 'nothing was submitted');
    assert.equal(record.current.summary, 'Too short.', 'the draft itself was saved');
    assertNoErrors(page);
    await page.context().close();
  });
});

test('a fund manager screens and returns a proposal with a reason; the applicant revises and resubmits a new version', async () => {
  await withServer(async (server) => {
    const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    const submitted = (await api(fm, '/proposals?state=submitted')).body.items.find((p) => p.city.name === 'Amman');
    const id = submitted.id;
    await openPage(fm, `/proposals/${id}`);
    await act(fm, 'screen');
    await proposalState(fm, 'screening');

    const partnerForm = fm.locator('form.supporting-partner');
    await partnerForm.locator('select[name="partner_org_id"]').selectOption({ label: 'IOM' });
    await partnerForm.getByRole('button', { name: 'Name the supporting partner' }).click();
    await fm.locator('.facts dd', { hasText: 'IOM' }).waitFor();
    const reason = 'The budget lacks a monitoring and evaluation line; please add one.';
    await act(fm, 'return', reason);
    await proposalState(fm, 'revision_requested');
    let record = (await api(fm, `/proposals/${id}`)).body;
    assert.equal(record.state, 'revision_requested');
    assert.ok(record.supporting_org_id, 'the supporting partner is named');
    const versionsBefore = (await api(fm, `/proposals/${id}/versions`)).body.total;

    const applicant = await signedInPage(browser, server.base, 'applicant@amman.demo');
    await openPage(applicant, `/proposals/${id}`);
    const notice = applicant.locator('.state-notice');
    assert.match(await notice.locator('h2').textContent(), /asked for a revision/);
    assert.equal((await notice.locator('.fund-words').textContent()).trim(), reason);
    await notice.getByRole('link', { name: 'Edit the proposal' }).click();
    assert.match(await heading(applicant), /^Edit the proposal/);
    assert.match(await applicant.locator('.state-notice .fund-words').textContent(), /monitoring and evaluation/);

    const lines = await applicant.locator('.budget-line').count();
    const amount = record.current.amount.amount_minor;
    await budgetLine(applicant, 0, { amount: String((record.current.budget[0].amount.amount_minor - 1500000) / 100) });
    await applicant.getByRole('button', { name: 'Add a budget line' }).click();
    await budgetLine(applicant, lines, { category: 'monitoring_evaluation', description: 'Baseline and final evaluation', amount: '15000' });
    assert.equal(await applicant.locator('.budget-total').getAttribute('data-balanced'), 'true');
    await applicant.getByRole('button', { name: 'Save and resubmit' }).click();
    await applicant.waitForURL(new RegExp(`#/proposals/${id}$`));
    await proposalState(applicant, 'submitted');
    assert.equal(await applicant.locator('.version').count(), versionsBefore + 1, 'a new version appears');
    assert.match(await applicant.locator('.version').first().textContent(), new RegExp(`Version ${versionsBefore + 1}`));

    record = (await api(applicant, `/proposals/${id}`)).body;
    assert.equal(record.state, 'submitted');
    assert.equal(record.current.number, versionsBefore + 1);
    assert.equal(record.current.amount.amount_minor, amount);
    assert.ok(record.current.budget.some((l) => l.description === 'Baseline and final evaluation'));
    const versions = (await api(applicant, `/proposals/${id}/versions`)).body.items;
    assert.ok(versions.every((v) => v.frozen), 'the old version and the resubmitted one are frozen');
    assert.equal(versions.at(-2).budget.length, lines, 'the old version is unchanged');
    assert.equal(versions.at(-1).budget.length, lines + 1);
    assertNoErrors(applicant);
    assertNoErrors(fm);
    await applicant.context().close();
    await fm.context().close();
  });
});

test('a fund manager attaches the English translation; a reviewer who has not declared sees the title page only', async () => {
  await withServer(async (server) => {
    const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    const french = (await api(fm, '/proposals?state=screening')).body.items.find((p) => p.language === 'fr');
    await openPage(fm, `/proposals/${french.id}`);
    const text = 'Inclusive Abidjan: access to city services for displaced people.';
    await fm.locator('form.translation textarea[name="translation_en"]').fill(text);
    await fm.getByRole('button', { name: 'Save the translation' }).click();
    await fm.locator('.translation-text', { hasText: text }).waitFor();
    assert.equal((await api(fm, `/proposals/${french.id}`)).body.current.translation_en, text);

    const reviewer = await signedInPage(browser, server.base, 'reviewer@unhcr.demo');
    const queue = (await api(reviewer, '/proposals?state=in_review')).body.items;
    let restricted;
    for (const p of queue) if ((await api(reviewer, `/proposals/${p.id}`)).body.full_access === false) restricted = p;
    assert.ok(restricted, 'UNHCR has an assignment it has not declared on');
    await openPage(reviewer, `/proposals/${restricted.id}`);
    await reviewer.locator('.restricted[data-full-access="false"]').waitFor();
    assert.match(await reviewer.locator('.restricted').textContent(), /no conflict of interest/);
    const assignment = (await api(reviewer, `/proposals/${restricted.id}/assignments`)).body.items[0];
    assert.equal(await reviewer.locator('.restricted a.assignment-link').getAttribute('href'), `#/assignments/${assignment.id}`);
    assert.match(await reviewer.locator('.facts').textContent(), new RegExp(`${restricted.reference}.*${restricted.city.name}`));
    assert.equal(await reviewer.locator('.version-content').count(), 0, 'no content before the declaration');
    assert.equal(await reviewer.locator('.versions').count(), 0);
    assertNoErrors(fm);
    assertNoErrors(reviewer);
    await fm.context().close();
    await reviewer.context().close();
  });
});

test('the list filters, sorts and pages with links that keep the view', async () => {
  await withServer(async (server) => {
    const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
    const all = (await api(page, '/proposals?sort=id&limit=200')).body;
    const refs = all.items.map((p) => p.reference);
    const shown = () => page.locator('tbody tr td:first-child a').allTextContents();
    await openPage(page, '/proposals?sort=id&limit=5');
    assert.equal(await page.getByRole('link', { name: 'Start a proposal' }).count(), 0, 'only applicants start proposals');
    assert.equal(await page.locator('.list-total').getAttribute('data-total'), String(all.total));
    assert.match(await page.locator('.list-total').textContent(), new RegExp(`${all.total} proposals in all`));
    assert.deepEqual(await shown(), refs.slice(0, 5));
    assert.equal(await page.locator('a[rel="prev"]').count(), 0);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/after=/);
    await heading(page);
    assert.deepEqual(await shown(), refs.slice(5, 10));
    await page.locator('a[rel="next"]').click();
    await page.waitForFunction((first) => document.querySelector('tbody tr td:first-child a')?.textContent === first, refs[10]);
    assert.deepEqual(await shown(), refs.slice(10, 15));
    if (refs.length <= 15) assert.equal(await page.locator('a[rel="next"]').count(), 0);
    await page.locator('a[rel="prev"]').click();
    await page.waitForFunction((first) => document.querySelector('tbody tr td:first-child a')?.textContent === first, refs[5]);
    assert.deepEqual(await shown(), refs.slice(5, 10));
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL((url) => !url.hash.includes('after='));
    await heading(page);
    assert.deepEqual(await shown(), refs.slice(0, 5));

    const amman = all.items.find((p) => p.city.name === 'Amman');
    await page.locator('select[name="city"]').selectOption({ label: 'Amman' });
    await page.locator('select[name="sort"]').selectOption('-id');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`city=${amman.city.id}`));
    await heading(page);
    const ammans = all.items.filter((p) => p.city.name === 'Amman').map((p) => p.reference).reverse();
    assert.deepEqual(await shown(), ammans);
    assert.match(await page.locator('.list-total').textContent(), new RegExp(`${ammans.length} proposals? match`));
    await openPage(page, '/proposals?state=concept_declined');
    assert.equal(await page.locator('select[name="state"]').inputValue(), 'concept_declined');
    const states = await page.locator('tbody .badge').evaluateAll((els) => els.map((e) => e.dataset.state));
    assert.ok(states.length > 0 && states.every((s) => s === 'concept_declined'));
    assertNoErrors(page);
    await page.context().close();
  });
});

const LANGUAGES = [
  { locale: 'fr-FR', lang: 'fr', email: 'applicant@abidjan.demo', list: 'Propositions', start: 'Commencer une proposition', title: 'Titre', save: 'Enregistrer le brouillon', money: /^\d{3}\s\d{3},\d{2}\s\$US$/ },
  { locale: 'es-ES', lang: 'es', email: 'applicant@montevideo.demo', list: 'Propuestas', start: 'Iniciar una propuesta', title: 'Título', save: 'Guardar el borrador', money: /^\d{3}\.\d{3},\d{2}\sUS\$$/ },
  { locale: 'pt-BR', lang: 'pt', email: 'applicant@saopaulo.demo', list: 'Propostas', start: 'Iniciar uma proposta', title: 'Título', save: 'Salvar o rascunho', money: /^US\$\s\d{3}\.\d{3},\d{2}$/ },
];

for (const l of LANGUAGES) {
  test(`sign-in and the proposal form work in ${l.locale}`, async () => {
    await withServer(async (server) => {
      const page = await signedInPage(browser, server.base, l.email, { lang: l.locale });
      assert.equal(await page.evaluate(() => document.documentElement.lang), l.lang);
      assert.equal(await openPage(page, '/proposals'), l.list);
      const first = (await api(page, '/proposals?sort=-updated_at')).body.items[0];
      const row = page.locator('tbody tr').first();
      const [shownMoney, shownDate] = await Promise.all([row.locator('td.num').textContent(), row.locator('time').textContent()]);
      assert.match(shownMoney, l.money);
      assert.equal(shownMoney, await page.evaluate(([lang, minor]) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(minor / 100), [l.lang, first.amount.amount_minor]));
      assert.equal(shownDate, await page.evaluate(([lang, at]) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(at)), [l.lang, first.updated_at]));

      await page.getByRole('link', { name: l.start }).click();
      assert.equal(await heading(page), l.start);
      assert.equal((await page.locator('label[for^="title"]').textContent()).replace('*', '').trim(), l.title);
      assert.match(await page.locator('input[name="amount"]').locator('xpath=..').locator('.hint').textContent(), /\d{3}.\d{3},00/);
      await fillContent(page, { title: `Test ${l.lang}`, amount: '210000,50' });
      await page.getByRole('button', { name: l.save }).click();
      await page.waitForURL(/#\/proposals\/\d+\/edit$/);
      const id = Number(page.url().match(/proposals\/(\d+)\/edit/)[1]);
      const record = (await api(page, `/proposals/${id}`)).body;
      assert.equal(record.current.amount.amount_minor, 21000050, 'the amount typed with a decimal comma');
      assert.equal(record.current.language, l.lang, 'the proposal language defaults to the console language');
      await openPage(page, `/proposals/${id}`);
      const amount = await page.locator('.amount-requested').textContent();
      assert.match(amount, /210.000,50/);
      assertNoErrors(page);
      await page.context().close();
    });
  });
}

test('the list, the form and the record page fit a 360 px wide screen and pass axe', async () => {
  await withServer(async (server) => {
    const page = await signedInPage(browser, server.base, 'applicant@dhakanorth.demo', { viewport: { width: 360, height: 740 } });
    const draft = (await api(page, '/proposals?state=draft')).body.items[0];
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await openPage(page, '/proposals');
    assert.ok(await width() <= 360, `list: ${await width()} px`);
    assert.deepEqual(await seriousViolations(page), []);
    await openPage(page, `/proposals/${draft.id}/edit`);
    await page.getByRole('button', { name: 'Add a budget line' }).click();
    await budgetLine(page, (await page.locator('.budget-line').count()) - 1, { description: 'A rather long description of the line', amount: '123456.78' });
    assert.ok(await width() <= 360, `form: ${await width()} px`);
    assert.deepEqual(await seriousViolations(page), []);
    const box = await page.locator('.budget-line').first().boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, 'the budget line stays on screen');
    await openPage(page, `/proposals/${draft.id}`);
    assert.ok(await width() <= 360, `record: ${await width()} px`);
    assert.deepEqual(await seriousViolations(page), []);
    assertNoErrors(page);
    await page.context().close();
  });
});
