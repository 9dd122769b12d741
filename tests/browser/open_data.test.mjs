// Open data (issue 13): an admin sets the fund's 360Giving prefix (a bad one refused next to its
// field) and a city's org-id identifier; a second fund manager names the service's sector when
// approving an award; a fund manager publishes a grant with its sector on its page and downloads
// the 360Giving and IATI files from the Open data page: the grant is in both with its sector and
// its city's identifier, an unpublished grant is in neither (but in the full files); the
// applicant reads the grant's publication without a switch. Figures come from the API.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, rerendered, screenshot, signedInPage, stepUpInDialog } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
let demo;
// The grant the fund manager publishes, another left unpublished, and the identifier the admin
// gives the published grant's city.
let target;
let other;
const CITY_ID = 'XI-WIKIDATA-Q3894';

before(async () => {
  server = await startServer();
  browser = await launch();
  demo = {
    admin: await apiClient(server.base, 'admin@mmc.demo'),
    fm1: await apiClient(server.base, 'fm1@mmc.demo'),
    fm2: await apiClient(server.base, 'fm2@mmc.demo'),
  };
  const grants = await demo.fm1.all('/grants');
  assert.ok(grants.length >= 2, 'the demo fund has two grants at least');
  target = grants.find((g) => !g.publishable) ?? grants[0];
  other = grants.find((g) => g.id !== target.id && g.city_org_id !== target.city_org_id) ?? grants.find((g) => g.id !== target.id);
  if (other.publishable) {  // the situation: one grant that stays out of the public files
    other = await demo.fm1.put(`/grants/${other.id}/publication`, { publishable: false, sector_code: other.sector_code }, { 'If-Match': `"v${other.version}"` });
  }
});
after(async () => { await browser?.close(); await server?.stop(); });

async function noSeriousViolations(page, name) {
  const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name} has serious or critical accessibility violations`);
}

// The file behind the download link `selector`, saved by the browser as a person would.
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return readFileSync(await file.path(), 'utf8');
}

// The IATI activity of `identifier` in `xml` (its text), or undefined.
function activity(xml, identifier) {
  return xml.split(/<iati-activity[\s>]/).slice(1).find((a) => a.includes(`<iati-identifier>${identifier}</iati-identifier>`));
}

test('an admin sets the fund\'s 360Giving prefix and a city\'s identifier; bad values are refused at their fields', async () => {
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  const before = await demo.admin.get('/publisher');
  assert.equal(await openPage(page, '/admin/open-data'), 'Open data settings');
  const form = page.locator('form.publisher-form');
  assert.equal(await form.locator('input[name="giving_prefix"]').inputValue(), before.giving_prefix);
  assert.equal(await form.locator('input[name="iati_ref"]').inputValue(), before.iati_ref);

  await form.locator('input[name="giving_prefix"]').fill('gcf');
  await form.locator('button[type="submit"]').click();
  const prefixField = form.locator('.field', { has: page.locator('input[name="giving_prefix"]') });
  await prefixField.locator('.field-error').waitFor();
  assert.match(await prefixField.locator('.field-error').textContent(), /360G-/);
  assert.equal(await form.locator('input[name="giving_prefix"]').getAttribute('aria-invalid'), 'true');
  assert.equal((await demo.admin.get('/publisher')).giving_prefix, before.giving_prefix, 'nothing was saved');

  const prefix = `${before.giving_prefix || '360G-gcf'}-od`;
  await form.locator('input[name="giving_prefix"]').fill(prefix);
  await rerendered(page, () => form.locator('button[type="submit"]').click());
  const saved = await demo.admin.get('/publisher');
  assert.equal(saved.giving_prefix, prefix);
  assert.equal(saved.version, before.version + 1);
  assert.equal(await page.locator('form.publisher-form input[name="giving_prefix"]').inputValue(), prefix);
  await noSeriousViolations(page, 'open data settings');
  await screenshot(page, 'open-data-settings');

  // The identifier of the published grant's city, set in its row of the organisations list.
  assert.equal(await openPage(page, '/admin/organisations'), 'Organisations');
  const cell = page.locator(`.org-identifier[data-org="${target.city_org_id}"]`);
  await cell.locator('button.edit-identifier').click();
  await cell.locator('input[name="identifier"]').fill('Kampala city');
  await cell.locator('button[type="submit"]').click();
  await cell.locator('.field-error').waitFor();
  assert.equal(await cell.locator('input[name="identifier"]').getAttribute('aria-invalid'), 'true');
  await cell.locator('input[name="identifier"]').fill(CITY_ID);
  await cell.locator('button[type="submit"]').click();
  await cell.locator('code.open-id[data-fallback="false"]').waitFor();
  assert.equal(await cell.locator('code.open-id').textContent(), CITY_ID);
  const city = (await demo.admin.get('/organisations')).items.find((o) => o.id === target.city_org_id);
  assert.deepEqual([city.identifier, city.open_id], [CITY_ID, CITY_ID]);
  // An organisation without one is shown under the fund-prefixed id.
  const bare = (await demo.admin.get('/organisations')).items.find((o) => !o.identifier && o.kind !== 'fund');
  if (bare) {
    assert.equal(bare.open_id.startsWith(prefix), true, 'the fallback id starts with the fund\'s prefix');
    assert.equal(await page.locator(`.org-identifier[data-org="${bare.id}"] code.open-id[data-fallback="true"]`).textContent(), bare.open_id);
  }

  // A new organisation may come with its identifier.
  const orgForm = page.locator('form.org-form');
  await orgForm.locator('select[name="kind"]').selectOption('donor');
  await orgForm.locator('input[name="name"]').fill('Harbour Open Trust');
  await orgForm.locator('input[name="identifier"]').fill('GB-CHC-1234567');
  await orgForm.locator('button[type="submit"]').click();
  await page.locator('.org-group[data-kind="donor"] code.open-id', { hasText: 'GB-CHC-1234567' }).waitFor();
  const donor = (await demo.admin.get('/organisations')).items.find((o) => o.name === 'Harbour Open Trust');
  assert.equal(donor.identifier, 'GB-CHC-1234567');
  await noSeriousViolations(page, 'organisations');
  assertNoErrors(page);
  await page.context().close();
});

test('the second fund manager names the service\'s sector when approving the award that creates the grant', async () => {
  const proposed = (await demo.fm2.all('/proposals?state=award_proposed'))[0];
  assert.ok(proposed, 'the demo fund has an award proposed');
  assert.ok((await demo.fm2.get(`/proposals/${proposed.id}`)).actions.includes('approve'), 'fm2 may confirm it');
  const sector = (await demo.fm2.get('/sectors')).items.find((s) => s.code !== '15190').code;
  const fm2 = await signedInPage(browser, server.base, 'fm2@mmc.demo');
  await openPage(fm2, `/proposals/${proposed.id}`);
  await fm2.locator('.record-actions button[data-event="approve"]').click();
  const dialog = fm2.locator('dialog.action-dialog');
  await dialog.waitFor();
  await dialog.locator('select[name="sector_code"]').selectOption(sector);
  await dialog.locator('button[type="submit"]').click();
  // Approving an award moves money: the dialog asks for a fresh code and sends the step again.
  await stepUpInDialog(fm2, 'fm2@mmc.demo');
  await dialog.waitFor({ state: 'detached' });
  await fm2.locator('.proposal-page[data-state="approved"]').waitFor();
  const grant = (await demo.fm2.all('/grants')).find((g) => g.proposal_id === proposed.id);
  assert.ok(grant, 'the approval created the grant');
  assert.equal(grant.sector_code, sector);
  assert.deepEqual(grant.sectors, ['15190', sector]);
  // Deciding to propose an award does not ask for the sector: the approval that creates the grant does.
  const reviewed = (await demo.fm1.all('/proposals?state=reviewed'))[0];
  if (reviewed && (await demo.fm1.get(`/proposals/${reviewed.id}`)).actions.includes('propose_award')) {
    const fm1 = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    await openPage(fm1, `/proposals/${reviewed.id}`);
    await fm1.locator('.record-actions button[data-event="propose_award"]').click();
    await fm1.locator('dialog.action-dialog textarea[name="reason"]').waitFor();
    assert.equal(await fm1.locator('dialog.action-dialog select[name="sector_code"]').count(), 0);
    await fm1.context().close();
  }
  assertNoErrors(fm2);
  await fm2.context().close();
});

test('a fund manager publishes a grant with its sector; the 360Giving and IATI files carry it and leave an unpublished grant out', async () => {
  const sector = (await demo.fm1.get('/sectors')).items.find((s) => s.code !== '15190' && s.code !== target.sector_code).code;
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openPage(page, `/grants/${target.id}`);
  const panel = page.locator('.open-data-panel');
  await panel.locator('.publication-form input[role="switch"]').check();
  await panel.locator('.publication-form select[name="sector_code"]').selectOption(sector);
  await rerendered(page, () => panel.locator('.publication-form button[type="submit"]').click());
  await page.locator('.open-data-panel[data-published="true"]').waitFor();
  const grant = await demo.fm1.get(`/grants/${target.id}`);
  assert.equal(grant.publishable, true);
  assert.equal(grant.sector_code, sector);
  assert.deepEqual(grant.sectors, ['15190', sector]);
  assert.ok(grant.published_at, 'the server says when it was published');
  assert.deepEqual(await page.locator('.open-data-panel .sector-list li').evaluateAll((lis) => lis.map((li) => li.dataset.sector)), ['15190', sector]);
  assert.equal(await page.locator('.publication-form input[role="switch"]').isChecked(), true);
  await noSeriousViolations(page, 'grant page');
  await screenshot(page, 'open-data-grant');

  const publisher = await demo.fm1.get('/publisher');
  assert.equal(await openPage(page, '/open-data'), 'Open data');
  assert.equal(await page.locator('.published-count').textContent(), String(publisher.published_grants));
  await noSeriousViolations(page, 'open data page');
  await screenshot(page, 'open-data-page');

  // 360Giving: the grant under "<prefix>-<reference>", with its sector and its city's identifier.
  const giving = JSON.parse(await download(page, 'a[data-export="360giving"]'));
  const givingId = (g) => `${publisher.giving_prefix}-${g.reference}`;
  const entry = giving.grants.find((g) => g.id === givingId(target));
  assert.ok(entry, `${givingId(target)} is in the 360Giving file`);
  assert.match(JSON.stringify(entry), new RegExp(`"${sector}"`), 'the grant carries its sector');
  assert.ok(JSON.stringify(entry).includes(CITY_ID), 'the city is named by the identifier the admin set');
  assert.equal(giving.grants.some((g) => g.id === givingId(other)), false, 'an unpublished grant is not in the public file');
  assert.equal(giving.grants.length, publisher.published_grants, 'one entry per published grant');

  // IATI: the activity "<reporting-org ref>-<reference>" with its DAC sector.
  const xml = await download(page, 'a[data-export="iati"]');
  const iatiId = (g) => `${publisher.iati_ref}-${g.reference}`;
  const act = activity(xml, iatiId(target));
  assert.ok(act, `${iatiId(target)} is in the IATI file`);
  assert.match(act, new RegExp(`<sector\\b[^>]*\\bcode="${sector}"`), 'the activity carries its sector');
  assert.equal(activity(xml, iatiId(other)), undefined, 'an unpublished grant is not in the public file');

  // The full files (fund managers and auditors) list the unpublished grant too; the public files
  // need no sign-in, the full ones do.
  const full = await page.request.get(await page.locator('a[data-export="360giving-all"]').getAttribute('href'));
  assert.equal(full.status(), 200);
  assert.ok((await full.json()).grants.some((g) => g.id === givingId(other)), 'the full file has every grant');
  const fullXml = await page.request.get(await page.locator('a[data-export="iati-all"]').getAttribute('href'));
  assert.ok(activity(await fullXml.text(), iatiId(other)), 'the full IATI file has every grant');
  const anonymous = await fetch(`${server.base}/api/v1/exports/360giving.json`);
  assert.equal(anonymous.status, 200);
  assert.match(anonymous.headers.get('content-disposition') ?? '', /attachment/);
  assert.ok((await anonymous.json()).grants.some((g) => g.id === givingId(target)));
  assert.notEqual((await fetch(`${server.base}/api/v1/exports/360giving.json?all=1`)).status, 200, 'the full file is not public');
  assertNoErrors(page);
  await page.context().close();
});

test('the applicant sees whether the grant is published and its sectors, with no switch', async () => {
  const users = (await demo.admin.get('/users')).items;
  const applicant = users.find((u) => u.org_id === target.city_org_id && u.roles.includes('applicant'));
  const grant = await demo.fm1.get(`/grants/${target.id}`);
  const page = await signedInPage(browser, server.base, applicant.email);
  await openPage(page, `/grants/${target.id}`);
  const panel = page.locator('.open-data-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-published'), String(grant.publishable));
  assert.deepEqual(await panel.locator('.sector-list li').evaluateAll((lis) => lis.map((li) => li.dataset.sector)), grant.sectors);
  assert.equal(await page.locator('input[role="switch"]').count(), 0, 'no publish switch');
  assert.equal(await page.locator('.publication-form, select[name="sector_code"]').count(), 0, 'no sector to choose');
  assert.equal(await page.locator('#nav a[href="#/open-data"]').count(), 0, 'the Open data page is not in an applicant\'s navigation');
  await heading(page);
  assertNoErrors(page);
  await page.context().close();
});
