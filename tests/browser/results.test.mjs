// The results pages: a fund manager answers "how many refugees did the Children and caregivers
// chapter's money reach, against target, by city" and the page, the API and the database agree;
// the Donors page draws each chapter's committed, allocated and disbursed money as the API has it,
// and a donor's summary its money and results; a fund manager adds a chapter (refusals next to
// their fields) and edits one; the pages pass axe at desktop and phone widths and speak the four
// languages with no untranslated key.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, rerendered, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { peopleReachedByCity } from './results_truth.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Numbers and money as the page's own formatters write them in the page's language.
const number = (page, n) => page.evaluate(async (v) => (await import('/js/i18n.js')).number(v), n);
const money = (page, m) => page.evaluate(async (v) => (await import('/js/i18n.js')).money(v), m);

async function chapterByCode(api, code) {
  const donors = (await api.get('/donors')).items;
  for (const d of donors) for (const c of d.chapters) if (c.code === code) return { ...c, donor: d };
  throw new Error(`no chapter ${code}`);
}

// The rows of an indicator panel's groups table: [{key, name, grants, target, actual, values}].
function groupRows(panel) {
  return panel.locator('table.rs-groups tr[data-key]').evaluateAll((trs) => trs.map((tr) => ({
    key: tr.dataset.key,
    name: tr.querySelector('th').textContent,
    grants: tr.querySelector('.grants').textContent,
    target: tr.querySelector('.target').textContent,
    actual: tr.querySelector('.actual').textContent,
    values: [Number(tr.querySelector('.target').dataset.value), Number(tr.querySelector('.actual').dataset.value)],
  })));
}

test('a fund manager sees how many refugees the Children and caregivers chapter reached against target, by city, as the API and the database have it', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const chapter = await chapterByCode(api, 'CHILD-2026');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await page.locator('#nav a[href="#/results"]').click();
  assert.equal(await heading(page), 'Results');
  const form = page.locator('form.results-filter');
  await form.getByLabel('Group by').selectOption('city');
  await form.getByLabel('Funding chapter').selectOption({ label: 'Children and caregivers' });
  await form.getByLabel('Indicator').selectOption({ label: 'People reached' });
  await form.getByRole('button', { name: 'Show the results' }).click();
  await page.waitForURL(/#\/results\?.*group_by=city/);
  await heading(page);
  const query = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  assert.deepEqual([query.get('group_by'), query.get('chapter'), query.get('indicator')], ['city', String(chapter.id), 'people_reached'], 'the view is kept in the address');

  const answer = await api.get(`/results?group_by=city&chapter=${chapter.id}&indicator=people_reached`);
  const truth = peopleReachedByCity(server.dbPath, chapter.id);
  assert.equal(truth.size, 3, 'the chapter pays grants in three cities');
  assert.ok([...truth.values()].some((c) => c.split), 'one grant (São Paulo) is shared with another chapter');
  assert.equal(await page.locator('.result-indicator').count(), 1, 'one indicator chosen, one panel');
  const panel = page.locator('.result-indicator[data-indicator="people_reached"]');
  assert.equal(await panel.locator('h2').textContent(), 'People reached');
  assert.match(await page.locator('main .notice').first().textContent(), /share of its award that Children and caregivers pays/);

  // Per city: target and actual as the API sums them and as the database has them.
  const rows = await groupRows(panel);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  assert.equal(rows.length, answer.groups.length + 1, 'one row per city and the total');
  for (const g of answer.groups) {
    const shown = byKey.get(g.key);
    const mine = g.indicators.find((i) => i.indicator === 'people_reached');
    const db = truth.get(g.label);
    assert.ok(shown && db, `${g.label} is on the page and in the database`);
    assert.equal(shown.name, g.label);
    assert.deepEqual(shown.values, [mine.target, mine.actual], `${g.label}: the API's target and actual`);
    assert.deepEqual(shown.values, [db.target, db.actual], `${g.label}: the database's target and actual`);
    assert.equal(shown.target, await number(page, db.target));
    assert.equal(shown.actual, await number(page, db.actual));
  }
  const total = answer.total.indicators[0];
  assert.deepEqual(byKey.get('total').values, [total.target, total.actual]);
  assert.equal(total.actual, [...truth.values()].reduce((s, c) => s + c.actual, 0), 'the cities add up to the whole');

  // Refugees per city: the population group breakdown.
  const refugees = await panel.locator('.rs-dimension[data-dimension="population_group"] table tr[data-key]').evaluateAll((trs) => trs.map((tr) => {
    const cell = tr.querySelector('td[data-value="refugee"]');
    return { key: tr.dataset.key, name: tr.querySelector('th').textContent, target: Number(cell.dataset.target), actual: Number(cell.dataset.actual), text: cell.textContent };
  }));
  assert.match(await panel.locator('.rs-dimension[data-dimension="population_group"] thead').textContent(), /Refugees/);
  for (const g of answer.groups) {
    const shown = refugees.find((r) => r.key === g.key);
    const cell = g.indicators[0].breakdown.find((b) => b.dimension === 'population_group' && b.value === 'refugee');
    const db = truth.get(g.label);
    assert.deepEqual([shown.target, shown.actual], [cell.target, cell.actual], `${g.label}: refugees as the API has them`);
    assert.deepEqual([shown.target, shown.actual], [db.refugeeTarget, db.refugeeActual], `${g.label}: refugees as the database has them`);
    assert.ok(shown.text.startsWith(`${await number(page, db.refugeeActual)} of ${await number(page, db.refugeeTarget)}`), `${g.label}: "${shown.text}"`);
  }
  assert.equal(truth.get('São Paulo').refugeeActual, 170, 'São Paulo: 272 refugees × 20,000,000 / 32,000,000, rounded down');

  // The chart draws the same numbers.
  const bars = await panel.locator('svg.bar-chart').first().locator('g.bar-group').evaluateAll((gs) => gs.map((g) => [g.dataset.id,
    Number(g.querySelector('rect[data-series="target"]').dataset.value), Number(g.querySelector('rect[data-series="actual"]').dataset.value)]));
  assert.deepEqual(bars.sort(), rows.filter((r) => r.key !== 'total').map((r) => [r.key, ...r.values]).sort());
  assert.equal(await panel.locator('svg.bar-chart').first().getAttribute('role'), 'img');
  await screenshot(page, 'results-by-city');

  // The address brings the same view back.
  await page.reload();
  await heading(page);
  assert.equal(await page.locator('form.results-filter select[name="group_by"]').inputValue(), 'city');
  assert.equal(await page.locator('form.results-filter select[name="chapter"]').inputValue(), String(chapter.id));
  assert.deepEqual((await groupRows(page.locator('.result-indicator[data-indicator="people_reached"]'))).map((r) => r.values), rows.map((r) => r.values));
  assertNoErrors(page);
  await page.context().close();
});

test('the Donors page draws each chapter\'s committed, allocated and disbursed money as the API has it, and a donor\'s summary its money and results', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await page.locator('#nav a[href="#/donors"]').click();
  assert.equal(await heading(page), 'Donors and funding chapters');
  const donors = (await api.get('/donors')).items;
  assert.ok(donors.length >= 3);
  for (const d of donors) {
    const section = page.locator(`section.donor-panel[data-donor="${d.id}"]`);
    assert.equal(await section.locator('h2').textContent(), d.name);
    for (const c of d.chapters) {
      const card = section.locator(`article[data-chapter="${c.id}"]`);
      for (const s of ['committed', 'allocated', 'disbursed']) {
        assert.equal(Number(await card.locator(`svg.funding-bar rect[data-series="${s}"]`).getAttribute('data-minor')), c[s].amount_minor, `${c.code}: the ${s} bar`);
        assert.equal(await card.locator(`.money-row[data-series="${s}"] .amount`).textContent(), await money(page, c[s]), `${c.code}: ${s} in words`);
      }
      assert.equal(Number(await card.locator('.chapter-grants').getAttribute('data-grants')), c.grants);
      if (c.theme) assert.equal(await card.locator('.chapter-theme').textContent(), c.theme);
    }
  }
  const child = donors.flatMap((d) => d.chapters).find((c) => c.code === 'CHILD-2026');
  assert.ok(child.allocated.amount_minor > 0 && child.disbursed.amount_minor > 0, 'the children chapter pays grants');
  await screenshot(page, 'donors');

  const trust = donors.find((d) => d.name === 'Caring Cities Trust');
  await page.locator(`section.donor-panel[data-donor="${trust.id}"] a.summary-link`).click();
  await page.waitForURL(new RegExp(`#/donors/${trust.id}$`));
  assert.equal(await heading(page), 'Caring Cities Trust');
  const summary = await api.get(`/donors/${trust.id}/summary`);
  for (const s of ['committed', 'allocated', 'disbursed']) {
    assert.equal(Number(await page.locator(`.money-total[data-series="${s}"]`).getAttribute('data-minor')), summary.totals[0][s].amount_minor);
  }
  const panels = page.locator('.result-indicator');
  assert.equal(await panels.count(), summary.results.total.indicators.length, 'one panel per indicator of the donor\'s results');
  const people = await groupRows(page.locator('.result-indicator[data-indicator="people_reached"]'));
  for (const g of summary.results.groups) {
    const mine = g.indicators.find((i) => i.indicator === 'people_reached');
    assert.deepEqual(people.find((r) => r.key === g.key).values, [mine.target, mine.actual], `${g.label}: the donor's share`);
  }
  await screenshot(page, 'donor-summary');
  assertNoErrors(page);
  await page.context().close();
});

test('a fund manager adds a chapter, refused next to its fields first, and edits one; the API agrees', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  assert.equal(await openPage(page, '/donors'), 'Donors and funding chapters');
  const form = page.locator('form.new-chapter');
  await form.getByLabel('Donor').selectOption({ label: 'Northbridge Foundation' });
  await form.getByLabel('Code').fill('health 27');
  await form.getByLabel('Committed').fill('750,000');
  await form.getByRole('button', { name: 'Add the chapter' }).click();
  const fieldOf = (name) => form.locator('.field', { has: page.locator(`[name="${name}"]`) });
  await fieldOf('code').locator('.field-error').waitFor();
  assert.match(await fieldOf('code').locator('.field-error').textContent(), /capital letters, digits or dashes/);
  assert.equal(await fieldOf('name').locator('.field-error').count(), 1, 'the missing name is named too');
  assert.equal(await form.locator('[name="code"]').getAttribute('aria-invalid'), 'true');
  const codes = async () => (await api.get('/donors')).items.flatMap((d) => d.chapters.map((c) => c.code));
  assert.ok(!(await codes()).includes('HEALTH-2027'), 'nothing was saved');

  await form.getByLabel('Code').fill('HEALTH-2027');
  await form.getByLabel('Name').fill('Health and care');
  await form.getByLabel('Theme').fill('Clinics and mental health care for newcomers');
  await rerendered(page, () => form.getByRole('button', { name: 'Add the chapter' }).click());
  const added = await chapterByCode(api, 'HEALTH-2027');
  assert.deepEqual([added.donor.name, added.name, added.committed.amount_minor, added.committed.currency], ['Northbridge Foundation', 'Health and care', 75000000, 'USD']);
  const card = page.locator(`article[data-chapter="${added.id}"]`);
  assert.match(await card.textContent(), /Health and care.*HEALTH-2027.*Clinics and mental health care/);
  assert.equal(await card.locator('.money-row[data-series="committed"] .amount').textContent(), '$750,000.00');

  // Editing: a commitment below what the grants hold is refused next to the amount.
  const child = await chapterByCode(api, 'CHILD-2026');
  const childCard = page.locator(`article[data-chapter="${child.id}"]`);
  const edit = childCard.getByRole('button', { name: /^Edit Children and caregivers/ });
  await edit.click();
  assert.equal(await edit.getAttribute('aria-expanded'), 'true');
  const editForm = childCard.locator('form.edit-chapter');
  assert.equal(await editForm.getByLabel('Committed').inputValue(), '1,500,000.00', 'the saved amount as English writes it');
  await editForm.getByLabel('Committed').fill('500000');
  await editForm.getByRole('button', { name: 'Save the chapter' }).click();
  const committedField = editForm.locator('.field', { has: page.locator('[name="committed"]') });
  await committedField.locator('.field-error').waitFor();
  assert.match(await committedField.locator('.field-error').textContent(), /cannot be lower than what is allocated/);
  assert.equal((await chapterByCode(api, 'CHILD-2026')).committed.amount_minor, child.committed.amount_minor, 'nothing was saved');

  await editForm.getByLabel('Committed').fill('1,600,000.00');
  await editForm.getByLabel('Theme').fill('Schooling, care and protection of children on the move');
  await rerendered(page, () => editForm.getByRole('button', { name: 'Save the chapter' }).click());
  const edited = await chapterByCode(api, 'CHILD-2026');
  assert.deepEqual([edited.committed.amount_minor, edited.theme, edited.version], [160000000, 'Schooling, care and protection of children on the move', child.version + 1]);
  assert.equal(await page.locator(`article[data-chapter="${child.id}"] .money-row[data-series="committed"] .amount`).textContent(), '$1,600,000.00');

  // Someone else changed the chapter meanwhile: the page says so and shows the new version.
  const work = await chapterByCode(api, 'WORK-2026');
  const workCard = page.locator(`article[data-chapter="${work.id}"]`);
  await workCard.getByRole('button', { name: /^Edit Livelihoods/ }).click();
  await api.put(`/chapters/${work.id}`, { name: work.name, theme: 'Changed elsewhere', committed_minor: work.committed.amount_minor }, { 'If-Match': `"v${work.version}"` });
  await workCard.locator('form.edit-chapter').getByLabel('Theme').fill('Changed here');
  await rerendered(page, () => workCard.locator('form.edit-chapter').getByRole('button', { name: 'Save the chapter' }).click());
  assert.match(await page.locator('#toast').textContent(), /Someone else changed this record/);
  assert.equal((await chapterByCode(api, 'WORK-2026')).theme, 'Changed elsewhere');
  assert.equal(await page.locator(`article[data-chapter="${work.id}"] .chapter-theme`).textContent(), 'Changed elsewhere');
  assertNoErrors(page);
  await page.context().close();

  // Admins manage chapters too; auditors only read.
  for (const [email, forms] of [['admin@mmc.demo', 1], ['auditor@mmc.demo', 0]]) {
    const other = await signedInPage(browser, server.base, email);
    assert.equal(await openPage(other, '/donors'), 'Donors and funding chapters');
    assert.equal(await other.locator('form.new-chapter').count(), forms, `${email}: the add form`);
    assert.equal(await other.locator('button.edit-chapter-button').count() > 0, forms > 0, `${email}: the edit buttons`);
    await other.context().close();
  }
});

// The results pages of the demo fund, for the scans below.
async function resultPages(api) {
  const chapter = await chapterByCode(api, 'CHILD-2026');
  return [`/results?group_by=city&chapter=${chapter.id}&indicator=people_reached`, '/results?group_by=country', '/donors', `/donors/${chapter.donor.id}`];
}

async function openAll(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll('main details')) d.open = true; });
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test(`the results pages pass axe with no violation at ${viewport.width} px and do not scroll sideways`, async () => {
    const api = await apiClient(server.base, 'fm1@mmc.demo');
    const page = await signedInPage(browser, server.base, 'fm1@mmc.demo', { viewport });
    for (const path of await resultPages(api)) {
      await openPage(page, path);
      await openAll(page);
      if (path === '/donors') await page.locator('button.edit-chapter-button').first().click();  // with a form open
      assert.deepEqual(await axe(page), [], `${path} at ${viewport.width} px: no WCAG 2.1 AA or best-practice rule is broken`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `${path} is ${width} px wide at ${viewport.width} px`);
    }
    assertNoErrors(page);
    await page.context().close();
  });
}

const TITLES = {
  en: ['Results', 'Donors and funding chapters', 'Refugees'],
  fr: ['Résultats', 'Donateurs et chapitres de financement', 'Réfugiés'],
  es: ['Resultados', 'Donantes y capítulos de financiamiento', 'Refugiados'],
  pt: ['Resultados', 'Doadores e capítulos de financiamento', 'Refugiados'],
};

test('the results pages speak English, French, Spanish and Portuguese with no untranslated key', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const [byCity, byCountry, donorsPage, summaryPage] = await resultPages(api);
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  const missing = [];
  page.on('console', (m) => { if (/missing message/.test(m.text())) missing.push(m.text()); });
  const countries = (await api.get('/results?group_by=country')).groups.map((g) => g.key);
  for (const [lang, [results, donors, refugees]] of Object.entries(TITLES)) {
    await page.locator('#language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const path of [byCity, byCountry, donorsPage, summaryPage]) {
      const title = await openPage(page, path);
      await openAll(page);
      if (path.startsWith('/results')) assert.equal(title, results, `${lang} ${path}`);
      if (path === '/donors') assert.equal(title, donors, `${lang} ${path}`);
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text, /\b(results|admin|common|fund)\.[a-z_]+\.[a-z_.]+/, `${lang} ${path}: a message key is showing`);
      if (path === byCity) assert.match(await page.locator('.rs-dimension[data-dimension="population_group"] thead').textContent(), new RegExp(refugees));
      if (path === byCountry) {
        const shown = await page.locator('.result-indicator').first().locator('table.rs-groups tbody th').allTextContents();
        const names = new Intl.DisplayNames([lang], { type: 'region' });
        assert.deepEqual(shown.sort(), countries.map((c) => names.of(c)).sort(), `${lang}: countries by their names`);
      }
    }
  }
  assert.deepEqual(missing, [], 'every message has a text');
  await page.locator('#language').selectOption('en');
  assertNoErrors(page);
  await page.context().close();
});
