// What the money achieved, through the forms that state it, each test on a fresh demo fund: the
// results step of a full proposal (a breakdown that does not add up is said live and refused by
// the server at its table; a correct one saves and reads back as the API holds it; a required
// indicator left out is named at submission); the actuals of the Kampala progress report
// (breakdowns, evidence, submission, the partner's acceptance) and the grant page's chart of
// target against actual; the "Funded by" panel and its split; axe with no violation at all on
// these pages at desktop and 360 px; and the four languages with no untranslated key.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, rerendered, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const PARTNER_LOGINS = ['reviewer@iom.demo', 'reviewer@unhcr.demo', 'reviewer@c40.demo', 'reviewer@uclg.demo', 'reviewer@unhabitat.demo'];
const KAMPALA_GRANT = 'GCF-2026-0001-G';
const here = path.dirname(new URL(import.meta.url).pathname);
const catalog = (lang, area) => JSON.parse(readFileSync(path.join(here, '../../web/console/i18n', lang, `${area}.json`), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withServer(fn) {
  const server = await startServer();
  try { await fn(server); } finally { await server.stop(); }
}

// A signed-in page in `lang` whatever the user's profile says, that also records the console's
// warnings about messages no catalog has.
async function pageIn(server, email, { lang = 'en', viewport } = {}) {
  const page = await signedInPage(browser, server.base, email, { viewport });
  page.missing = [];
  page.on('console', (m) => { if (/missing message/.test(m.text())) page.missing.push(m.text()); });
  await heading(page);
  if (await page.locator('#language').inputValue() !== lang) {
    await page.selectOption('#language', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  return page;
}

// Every axe violation, whatever its impact.
async function violations(page) {
  return (await axe(page)).map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`);
}

const plan = (page, indicator, period) => page.locator(`.results-indicator[data-indicator="${indicator}"] .results-period[data-period="${period}"]`);

// What the results step shows, per indicator: baseline, and per period the total and the cells
// ({dimension: {value: text}}, blank cells left out), read from the inputs.
function shownFramework(page) {
  return page.locator('.results-step').evaluate((step) => [...step.querySelectorAll('.results-indicator')].map((ind) => ({
    indicator: ind.dataset.indicator,
    baseline: ind.querySelector('.baseline input, .baseline select').value,
    targets: [...ind.querySelectorAll('.results-period')].map((p) => ({
      total: p.querySelector('.target-total input, .target-total select').value,
      breakdown: Object.fromEntries([...p.querySelectorAll('.breakdown-dim')].map((d) => [d.dataset.dimension,
        Object.fromEntries([...d.querySelectorAll('input.cell')].filter((i) => i.value !== '').map((i) => [i.dataset.value, i.value]))])
        .filter(([, cells]) => Object.keys(cells).length)),
    })),
  })));
}

// The same, from the API's "indicators" of a version, as the form would show it (money as English
// writes an amount, "50,000.00"; yes/no as 1/0), for the indicators the call chose.
const ENGLISH_AMOUNT = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function expectedFramework(call, indicators, units, stated) {
  const byCode = new Map(stated.map((p) => [p.indicator, p]));
  const text = (code, v) => (v === undefined ? '' : units.get(code) === 'currency' ? ENGLISH_AMOUNT.format((v / 100).toFixed(2)) : String(v));
  return call.indicators.map(({ code }) => {
    const p = byCode.get(code);
    return {
      indicator: code,
      baseline: text(code, p?.baseline),
      targets: Array.from({ length: call.periods }, (_, i) => ({
        total: text(code, p?.targets[i]?.total),
        breakdown: Object.fromEntries(Object.entries(p?.targets[i]?.breakdown ?? {}).map(([d, cells]) => [d, Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, String(v)]))])),
      })),
    };
  });
}

test('the results step says live when a breakdown does not add up, shows the server\'s refusal at the table, and saves what reads back equal', async () => {
  await withServer(async (server) => {
    const page = await pageIn(server, 'applicant@dhakanorth.demo');
    const api = await apiClient(server.base, 'applicant@dhakanorth.demo');
    const draft = (await api.get('/proposals?state=draft')).items[0];
    const call = await api.get(`/calls/${draft.call_id}`);
    const units = new Map((await api.all('/indicators')).map((i) => [i.code, i.unit]));
    assert.match(await openPage(page, `/proposals/${draft.id}/edit`), /^Edit the proposal GCF-/);

    // What the draft holds is what the step shows.
    const before = (await api.get(`/proposals/${draft.id}`)).current;
    assert.equal(await page.locator('.results-indicator').count(), call.indicators.length, 'one block per indicator of the call');
    assert.deepEqual(await shownFramework(page), expectedFramework(call, call.indicators, units, before.indicators));
    assert.match(await page.locator('.results-indicator[data-indicator="people_reached"] > legend').innerText(), /People reached\s*Required/);
    assert.match(await page.locator('.results-indicator[data-indicator="households_reached"] > legend').innerText(), /Households reached\s*Optional/);
    assert.deepEqual(await violations(page), [], 'the form passes axe');

    // Period 1's sex cells no longer add up: said live, in words, before any request.
    const sex = plan(page, 'people_reached', 1).locator('.breakdown-dim[data-dimension="sex"]');
    const female = Number(await page.getByLabel('People reached, period 1, Sex: Female', { exact: true }).inputValue());
    await page.getByLabel('People reached, period 1, Sex: Female', { exact: true }).fill(String(female - 100));
    assert.equal(await sex.getAttribute('data-balanced'), 'false');
    const total1 = Number(await page.getByLabel('People reached, period 1: Target', { exact: true }).inputValue());
    const fmt = (n) => n.toLocaleString('en');
    assert.equal((await sex.locator('[role="status"]').innerText()).trim(),
      `Sex: the groups add up to ${fmt(total1 - 100)}, not to the total ${fmt(total1)}: 100 missing.`);
    assert.equal(await plan(page, 'people_reached', 1).locator('.breakdown-dim[data-dimension="age_band"]').getAttribute('data-balanced'), 'true');
    await screenshot(page, 'results-step-warning');

    // The server refuses it, and says so at that table.
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await sex.locator('.field-error').waitFor();
    assert.equal(await sex.getAttribute('data-field'), 'indicators[0].targets[0].breakdown.sex');
    assert.equal(await sex.getAttribute('aria-invalid'), 'true');
    assert.equal((await sex.locator('.field-error').innerText()).trim(), `The groups add up to ${fmt(total1 - 100)}, not to the total ${fmt(total1)}.`);
    assert.equal(await page.locator('.form-status .field-error').count(), 0, 'the error found its table');
    assert.deepEqual((await api.get(`/proposals/${draft.id}`)).current.indicators, before.indicators, 'nothing was written');

    // Corrected, with a new target for households in period 2 broken down anew: saved as typed.
    await page.getByLabel('People reached, period 1, Sex: Female', { exact: true }).fill(String(female));
    assert.equal(await sex.getAttribute('data-balanced'), 'true');
    const households = [['Target', '1500'], ['Population group: Migrants', '100'], ['Population group: Refugees', '200'],
      ['Population group: Internally displaced people', '900'], ['Population group: Host community', '300']];
    for (const [label, value] of households) {
      await page.getByLabel(`Households reached, period 2${label === 'Target' ? ': ' : ', '}${label}`, { exact: true }).fill(value);
    }
    assert.equal(await plan(page, 'households_reached', 2).locator('.breakdown-dim').getAttribute('data-balanced'), 'true');
    await page.getByLabel('Services delivered: Baseline', { exact: true }).fill('250');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.locator('#toast', { hasText: 'Saved' }).waitFor();
    const saved = (await api.get(`/proposals/${draft.id}`)).current.indicators;
    const households2 = saved.find((p) => p.indicator === 'households_reached').targets[1];
    assert.deepEqual(households2, { total: 1500, breakdown: { population_group: { migrant: 100, refugee: 200, internally_displaced: 900, host_community: 300 } } });
    assert.equal(saved.find((p) => p.indicator === 'services_delivered').baseline, 250);
    assert.deepEqual(saved.find((p) => p.indicator === 'people_reached'), before.indicators.find((p) => p.indicator === 'people_reached'));

    // Read again, the form shows exactly what the API holds; so does the record page.
    await openPage(page, `/proposals/${draft.id}/edit`);
    assert.deepEqual(await shownFramework(page), expectedFramework(call, call.indicators, units, saved));
    await screenshot(page, 'results-step');
    await openPage(page, `/proposals/${draft.id}`);
    const view = page.locator('.proposal-page > .panel .plan-view[data-indicator="households_reached"]').first();
    assert.deepEqual(await view.locator('.target-value').allTextContents(), ['900', '1,500']);
    assert.match(await view.locator('tbody[data-dimension="population_group"]').innerText(), /Migrants\s+45\s+100/);
    assert.deepEqual(await violations(page), [], 'the record page passes axe');
    await screenshot(page, 'results-framework-view');
    assertNoErrors(page);
    assert.deepEqual(page.missing, []);
    await page.context().close();
  });
});

test('a required indicator left out is named at submission, at its block', async () => {
  await withServer(async (server) => {
    const page = await pageIn(server, 'applicant@dhakanorth.demo');
    const api = await apiClient(server.base, 'applicant@dhakanorth.demo');
    const draft = (await api.get('/proposals?state=draft')).items[0];
    await openPage(page, `/proposals/${draft.id}/edit`);
    const block = page.locator('.results-indicator[data-indicator="people_reached"]');
    for (const input of await block.locator('input').all()) await input.fill('');
    assert.equal(await block.locator('.breakdown-dim.blank').count(), 8, 'every table says it is not broken down');
    await page.getByRole('button', { name: 'Save and submit the proposal' }).click();
    await block.locator('.indicator-errors .field-error').waitFor();
    assert.equal(await block.locator('.indicator-errors').getAttribute('data-field'), 'indicators.people_reached');
    assert.match(await block.locator('.indicator-errors .field-error').innerText(), /This indicator is required: enter its target for every period/);
    const record = await api.get(`/proposals/${draft.id}`);
    assert.equal(record.state, 'draft', 'nothing was submitted');
    assert.ok(!record.current.indicators.some((p) => p.indicator === 'people_reached'), 'the draft was saved without it');
    assertNoErrors(page);
    await page.context().close();
  });
});

// The partner login of the organisation that supports `grant`.
async function partnerOf(server, grant) {
  for (const email of PARTNER_LOGINS) {
    const who = await apiClient(server.base, email);
    if (who.user.organisation.id === grant.supporting_org_id) return email;
  }
  throw new Error('no demo reviewer works for the supporting partner');
}

test('the city states the actuals of its progress report, submits it, the partner accepts it and the grant page charts them', async () => {
  await withServer(async (server) => {
    const city = await pageIn(server, 'applicant@kampala.demo');
    const api = await apiClient(server.base, 'applicant@kampala.demo');
    const grant = (await api.all('/grants')).find((g) => g.reference === KAMPALA_GRANT);
    const report = (await api.all(`/grants/${grant.id}/reports`)).find((r) => r.kind === 'progress');
    const stated = await api.get(`/reports/${report.id}`);
    assert.equal(stated.period, 1);
    await openPage(city, `/reports/${report.id}`);
    const people = city.locator('.report-indicator[data-indicator="people_reached"]');
    assert.match(await people.locator('.target-line').innerText(), /Target for period 1: 2,080/);
    assert.equal(await city.getByLabel('People reached: Actual', { exact: true }).inputValue(), '1976');
    assert.match(await people.locator('.breakdown-dim[data-dimension="sex"] tbody tr').first().innerText(), /Female\s+1,081/);

    // A file to cite as evidence: it appears under each indicator once attached.
    await city.locator('form.attach-form input[name="file"]').setInputFiles({ name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from('centre,people\nNakawa,1100\nKisenyi,900\n') });
    await city.locator('form.attach-form button[type="submit"]').click();
    await people.getByLabel('registrations.csv').check();

    // 2,000 people: the total moves, the tables say they no longer add up until each is fixed.
    await city.getByLabel('People reached: Actual', { exact: true }).fill('2000');
    assert.equal(await people.locator('.breakdown-dim[data-balanced="false"]').count(), 4);
    assert.match(await people.locator('.breakdown-dim[data-dimension="reach"] [role="status"]').innerText(), /add up to 1,976, not to the total 2,000: 24 missing/);
    for (const [label, value] of [['Population group: Host community', '420'], ['Sex: Female', '1050'], ['Age band: 18–59 years', '1110'], ['Reach (direct or indirect): Direct', '1407']]) {
      await city.getByLabel(`People reached, actual, ${label}`, { exact: true }).fill(value);
    }
    assert.equal(await people.locator('.breakdown-dim[data-balanced="true"]').count(), 4);
    // Households do not add up: the server names that table.
    const households = city.locator('.report-indicator[data-indicator="households_reached"]');
    await city.getByLabel('Households reached, actual, Population group: Migrants', { exact: true }).fill('190');
    await city.locator('form.report-form button[type="submit"]').click();
    const pop = households.locator('.breakdown-dim[data-dimension="population_group"]');
    await pop.locator('.field-error').waitFor();
    assert.equal(await pop.getAttribute('data-field'), 'results[1].actual.breakdown.population_group');
    assert.match(await pop.locator('.field-error').innerText(), /The groups add up to 487, not to the total 494/);
    assert.equal((await api.get(`/reports/${report.id}`)).results[0].actual.total, 1976, 'nothing was written');
    await city.getByLabel('Households reached, actual, Population group: Migrants', { exact: true }).fill('197');
    await screenshot(city, 'report-actuals');
    await rerendered(city, () => city.locator('form.report-form button[type="submit"]').click());

    const saved = await api.get(`/reports/${report.id}`);
    const attachment = (await api.get(`/grants/${grant.id}/timeline`)).items.filter((e) => e.event === 'attach').map((e) => JSON.parse(e.detail)).find((d) => d.filename === 'registrations.csv');
    const first = saved.results.find((r) => r.indicator === 'people_reached');
    assert.deepEqual(first.actual, { total: 2000, breakdown: {
      population_group: { migrant: 790, refugee: 790, internally_displaced: 0, host_community: 420 },
      sex: { female: 1050, male: 908, other_not_stated: 42 },
      age_band: { age_0_17: 691, age_18_59: 1110, age_60_plus: 199 },
      reach: { direct: 1407, indirect: 593 } } });
    assert.deepEqual(first.evidence, [attachment.attachment_id]);
    assert.equal(saved.results.length, stated.results.length, 'the other results are kept');
    assert.equal(await city.getByLabel('People reached: Actual', { exact: true }).inputValue(), '2000', 'the form reads back what was saved');
    assert.ok(await people.getByLabel('registrations.csv').isChecked());

    // Submitted: the grant page shows the figure as pending verification.
    await city.locator('.report-page button[data-event="submit"]').click();
    const dialog = city.locator('dialog.action-dialog');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await city.locator('.page-header .badge[data-state="submitted"]').waitFor();
    await openPage(city, `/grants/${grant.id}`);
    const figure = city.locator('.result-figure[data-indicator="people_reached"]');
    assert.equal(await figure.locator('.series-pending').getAttribute('data-value'), '2000');
    assert.match(await figure.locator('figcaption').innerText(), /2,000 in period 1 awaits verification/);

    // The partner reads the actuals on the report and accepts them.
    const partner = await pageIn(server, await partnerOf(server, grant));
    await openPage(partner, `/reports/${report.id}`);
    const row = partner.locator('.report-results-view tbody tr', { hasText: 'People reached' });
    assert.match(await row.innerText(), /2,080\s+2,000/);
    assert.match(await row.innerText(), /registrations\.csv/);
    assert.deepEqual(await violations(partner), [], 'the read-only report passes axe');
    await partner.locator('.report-page button[data-event="accept"]').click();
    await partner.locator('dialog.action-dialog button[type="submit"]').click();
    await partner.locator('.page-header .badge[data-state="accepted"]').waitFor();

    // The grant page now charts the verified actual, with the API's % achieved.
    const results = await api.get(`/grants/${grant.id}/results`);
    const truth = results.indicators.find((i) => i.indicator.code === 'people_reached');
    assert.equal(truth.actual.total, 2000);
    await openPage(city, `/grants/${grant.id}`);
    assert.equal(await figure.locator('.series-actual').getAttribute('data-value'), '2000');
    assert.equal(await figure.locator('.series-pending').count(), 0);
    assert.equal(await figure.getAttribute('data-achieved'), String(truth.achieved_pct));
    assert.equal((await figure.locator('figcaption').innerText()).trim(), `Actual 2,000 of a target of 5,200: ${truth.achieved_pct} % achieved.`);
    const periodRow = city.locator('.grant-results tbody tr', { hasText: 'People reached' }).first();
    assert.match(await periodRow.innerText(), /1\s+2,080\s+2,000\s+—/);
    await screenshot(city, 'grant-results');
    for (const p of [city, partner]) { assertNoErrors(p); assert.deepEqual(p.missing, []); }
    await city.context().close();
    await partner.context().close();
  });
});

test('the grant page charts every indicator as the API holds it, and a fund manager changes the split of a new award', async () => {
  await withServer(async (server) => {
    const fm1 = await apiClient(server.base, 'fm1@mmc.demo');
    const fm2 = await apiClient(server.base, 'fm2@mmc.demo');
    const ammanOrg = (await fm1.all('/organisations')).find((o) => o.name === 'Amman');
    const amman = (await fm1.all('/grants')).find((g) => g.city_org_id === ammanOrg.id);
    const page = await pageIn(server, 'fm1@mmc.demo');
    await openPage(page, `/grants/${amman.id}`);
    const results = await fm1.get(`/grants/${amman.id}/results`);
    const figures = page.locator('.result-figure');
    assert.equal(await figures.count(), results.indicators.length);
    for (const item of results.indicators) {
      const fig = page.locator(`.result-figure[data-indicator="${item.indicator.code}"]`);
      assert.equal(await fig.locator('.series-target').getAttribute('data-value'), String(item.target.total));
      assert.equal(await fig.locator('.series-actual').getAttribute('data-value'), String(item.actual.total));
      assert.equal(await fig.getAttribute('data-achieved'), String(item.achieved_pct ?? ''));
    }
    assert.match(await page.locator('.result-figure[data-indicator="follow_on_funding"] figcaption').innerText(), /\$55,000\.00 of a target of \$200,000\.00/);
    assert.equal(await page.locator('.grant-results tbody tr').count(), results.indicators.length * results.periods);
    const allocations = await fm1.get(`/grants/${amman.id}/allocations`);
    const rows = await page.locator('.funding tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(rows, allocations.allocations.map((a) => [a.chapter, a.donor, `$${(a.amount.amount_minor / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`,
      `$${(a.disbursed.amount_minor / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`]));
    assert.equal(await page.locator('form.allocation-form').count(), 0, 'money was disbursed: the split is fixed');

    // A new award (Montevideo's, approved by the second fund manager): nothing paid yet.
    const proposal = (await fm2.get('/proposals?state=award_proposed')).items[0];
    await fm2.fire('proposals', proposal.id, 'approve');
    const grant = (await fm1.all('/grants')).find((g) => g.proposal_id === proposal.id);
    await openPage(page, `/grants/${grant.id}`);
    const form = page.locator('form.allocation-form');
    await form.waitFor();
    assert.equal(await form.locator('.allocation-total').getAttribute('data-balanced'), 'true');
    await form.getByLabel('Children and caregivers (Caring Cities Trust)').fill('200000');
    await form.getByLabel('Climate and displacement (Northbridge Foundation)').fill('200000');
    assert.match(await form.locator('.allocation-total').innerText(), /\$400,000\.00, not the award of \$450,000\.00: \$50,000\.00 missing/);
    await form.getByRole('button', { name: 'Save the split' }).click();
    await form.locator('.allocation-total .field-error').waitFor();
    assert.match(await form.locator('.allocation-total .field-error').innerText(), /must add up to the award exactly/);
    await form.getByLabel('Climate and displacement (Northbridge Foundation)').fill('250000');
    assert.equal(await form.locator('.allocation-total').getAttribute('data-balanced'), 'true');
    assert.deepEqual(await violations(page), [], 'the grant page with the split form passes axe');
    await screenshot(page, 'grant-funding');
    await rerendered(page, () => form.getByRole('button', { name: 'Save the split' }).click());
    const split = (await fm1.get(`/grants/${grant.id}/allocations`)).allocations.map((a) => [a.chapter, a.amount.amount_minor]);
    assert.deepEqual(split, [['Children and caregivers', 20000000], ['Climate and displacement', 25000000]]);
    assert.deepEqual(await page.locator('.funding tbody td.allocation-amount').allTextContents(), ['$200,000.00', '$250,000.00']);
    assertNoErrors(page);
    assert.deepEqual(page.missing, []);
    await page.context().close();
  });
});

test('the new and changed pages pass axe with no violation and fit 360 px', async () => {
  await withServer(async (server) => {
    const api = await apiClient(server.base, 'fm1@mmc.demo');
    const grant = (await api.all('/grants')).find((g) => g.reference === KAMPALA_GRANT);
    const report = (await api.all(`/grants/${grant.id}/reports`)).find((r) => r.kind === 'progress');
    const draft = (await (await apiClient(server.base, 'applicant@dhakanorth.demo')).get('/proposals?state=draft')).items[0];
    const visits = [
      ['applicant@dhakanorth.demo', `/proposals/${draft.id}/edit`],
      ['applicant@dhakanorth.demo', `/proposals/${draft.id}`],
      ['applicant@kampala.demo', `/reports/${report.id}`],
      ['applicant@kampala.demo', `/grants/${grant.id}`],
      ['fm1@mmc.demo', `/grants/${grant.id}`],
      [await partnerOf(server, grant), `/reports/${report.id}`],
    ];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      const pages = new Map();
      for (const [email, hash] of visits) {
        if (!pages.has(email)) pages.set(email, await pageIn(server, email, { viewport }));
        const page = pages.get(email);
        await openPage(page, hash);
        assert.deepEqual(await violations(page), [], `${hash} for ${email} at ${viewport.width} px`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= viewport.width, `${hash} is ${width} px wide at ${viewport.width} px`);
        if (viewport.width === 360) await screenshot(page, `results-360${hash.replace(/[^a-z0-9]+/gi, '-')}`);
      }
      for (const page of pages.values()) { assertNoErrors(page); await page.context().close(); }
    }
  });
});

for (const lang of ['en', 'fr', 'es', 'pt']) {
  test(`the results step, the report actuals and the grant chart are in ${lang}, with no untranslated key`, async () => {
    await withServer(async (server) => {
      const words = { ...catalog(lang, 'proposals'), ...catalog(lang, 'grants') };
      const untranslated = /\b(proposals|grants)\.[a-z_]+\.[a-z0-9_.]+/;
      const api = await apiClient(server.base, 'fm1@mmc.demo');
      const grant = (await api.all('/grants')).find((g) => g.reference === KAMPALA_GRANT);
      const report = (await api.all(`/grants/${grant.id}/reports`)).find((r) => r.kind === 'progress');
      const indicators = new Map((await api.all('/indicators')).map((i) => [i.code, i]));
      const draft = (await (await apiClient(server.base, 'applicant@dhakanorth.demo')).get('/proposals?state=draft')).items[0];

      const applicant = await pageIn(server, 'applicant@dhakanorth.demo', { lang });
      await openPage(applicant, `/proposals/${draft.id}/edit`);
      assert.equal((await applicant.locator('.results-step > legend').innerText()).trim(), words['proposals.results.title']);
      assert.match(await applicant.locator('.results-indicator[data-indicator="people_reached"] > legend').innerText(), new RegExp(indicators.get('people_reached').names[lang]));
      const caption = applicant.locator('.results-indicator[data-indicator="people_reached"] .breakdown-dim[data-dimension="population_group"] caption').first();
      assert.equal((await caption.innerText()).trim(), words['proposals.results.dimension.population_group']);
      assert.match(await applicant.locator('.results-step').innerText(), new RegExp(words['proposals.results.value.refugee']));
      assert.doesNotMatch(await applicant.locator('main').innerText(), untranslated);
      await openPage(applicant, `/proposals/${draft.id}`);
      assert.doesNotMatch(await applicant.locator('main').innerText(), untranslated);

      const city = await pageIn(server, 'applicant@kampala.demo', { lang });
      await openPage(city, `/reports/${report.id}`);
      assert.equal((await city.locator('.report-results > legend').innerText()).trim(), words['grants.results.title'].replace('{period}', '1'));
      assert.doesNotMatch(await city.locator('main').innerText(), untranslated);
      await openPage(city, `/grants/${grant.id}`);
      assert.equal((await city.locator('#grant-results-h').innerText()).trim(), words['grants.results.chart_title']);
      assert.equal((await city.locator('#funding-h').innerText()).trim(), words['grants.funding.title']);
      assert.match(await city.locator('.result-figure[data-indicator="households_reached"] h3').innerText(), new RegExp(indicators.get('households_reached').names[lang]));
      assert.doesNotMatch(await city.locator('main').innerText(), untranslated);
      if (lang !== 'en') await screenshot(city, `grant-results-${lang}`);
      for (const p of [applicant, city]) { assertNoErrors(p); assert.deepEqual(p.missing, [], 'no message is missing from the catalogs'); await p.context().close(); }
    });
  });
}
