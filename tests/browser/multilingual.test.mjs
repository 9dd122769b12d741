// Content in four languages, and the server's words in the reader's: a French city reads the
// call in French and the server's refusal in French next to the field; a fund manager sees why
// "Send to review" waits for the English translation, attaches it, and the step is offered; a
// French-speaking reviewer scores beside the English translation and the proposal's files, with
// each criterion's guidance in French; an admin gives a call its words in every language. axe
// runs on each page.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { assertNoErrors, axe, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { signInBody, steppedUpIfAsked } from './lib/api.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
beforeEach(async () => { server = await startServer(); browser = await launch(); });
afterEach(async () => { await browser?.close(); await server?.stop(); });

// A signed-in client of the API for `email`, as any program is: JSON in and out, and a file upload.
async function apiAs(email) {
  const res = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: await signInBody(server.base, email),
  });
  assert.ok(res.ok, `sign-in of ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await res.json();
  const send = async (method, path, body, { etag, form } = {}) => {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' };
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = etag;
    const r = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const data = await r.json().catch(() => null);
    if (await steppedUpIfAsked(server.base, email, r.status, data, cookie, csrf)) return send(method, path, body, { etag, form });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  };
  const get = (p) => send('GET', p);
  return {
    get,
    post: (p, b) => send('POST', p, b),
    put: async (p, b, etagOf = p) => send('PUT', p, b, { etag: `"v${(await get(etagOf)).version}"` }),
    fire: async (p, event, fields = {}) => send('POST', `${p}/transitions`, { event, ...fields }, { etag: `"v${(await get(p)).version}"` }),
    upload: (p, filename, text) => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), filename);
      return send('POST', p, undefined, { form });
    },
  };
}

async function seriousViolations(page) {
  return (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// The demo's proposal of `city` in `state`, as the fund sees it.
async function demoProposal(fm, city, state) {
  const page = await fm.get(`/proposals?state=${state}&limit=200`);
  const found = page.items.find((p) => p.city.name === city);
  assert.ok(found, `the demo has ${city}'s proposal in ${state}`);
  return found;
}

test('a French city reads the call in French and the server\'s refusal in French next to the field', async () => {
  const page = await signedInPage(browser, server.base, 'applicant@abidjan.demo');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr', 'the saved language of the account');
  await openPage(page, '/proposals/new');
  const choice = page.locator('.call-choice label').first();
  assert.match(await choice.textContent(), /GCF-2026 · Global Cities Fund 2026 : des services urbains inclusifs/);

  const form = page.locator('form#proposal-form');
  await form.locator('input[name="title"]').fill('Abidjan : guichets mobiles');
  await form.locator('textarea[name="summary"]').fill('Trop court.');
  await page.locator('button.save-submit').click();
  const summary = form.locator('textarea[name="summary"][aria-invalid="true"]');
  await summary.waitFor();
  const error = form.locator('textarea[name="summary"]').locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field-error');
  assert.equal((await error.textContent()).trim(), 'Écrivez au moins 50 caractères.');
  assert.match(await page.locator('.form-status').textContent(), /Certains champs nécessitent votre attention/);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'multilingual-french-city');
  assertNoErrors(page);
  await page.context().close();
});

test('send to review waits for the English translation, says why, and is offered once it is attached', async () => {
  const fmApi = await apiAs('fm1@mmc.demo');
  const abidjan = await demoProposal(fmApi, 'Abidjan', 'screening');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openPage(page, `/proposals/${abidjan.id}`);
  const held = page.locator('.held-step[data-guard="english_translation"]');
  await held.waitFor();
  assert.match(await held.textContent(), /Send to review.*not written in English: attach its English translation first/s);
  assert.equal(await page.locator('.record-actions button', { hasText: 'Send to review' }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'multilingual-held-for-translation');

  // The fund manager attaches the translation in the console; the reason moves on to the next
  // thing the step waits for (a partner to review it).
  const box = page.locator('form.translation textarea[name="translation_en"]');
  await box.fill('Inclusive Abidjan: one-stop desks in three communes for civil registration, health and work.');
  await page.locator('form.translation button[type="submit"]').click();
  await page.locator('.held-step[data-guard="has_assignment"]').waitFor();
  assert.equal(await page.locator('.held-step[data-guard="english_translation"]').count(), 0);
  assertNoErrors(page);
  await page.context().close();
});

test('a French-speaking reviewer scores beside the English translation and the files, with French guidance', async () => {
  const fm = await apiAs('fm1@mmc.demo');
  const city = await apiAs('applicant@abidjan.demo');
  const uclg = await apiAs('reviewer@uclg.demo');
  // Abidjan's proposal goes back to the city, which adds its workplan, and comes back to review.
  const { id } = await demoProposal(fm, 'Abidjan', 'screening');
  const p = `/proposals/${id}`;
  await fm.fire(p, 'return', { reason: 'Joignez votre plan de travail, s’il vous plaît.' });
  await city.upload(`${p}/attachments`, 'plan-de-travail.csv', 'activité;mois\nguichets;1-12\nformation;3-6\n');
  await city.fire(p, 'resubmit');
  await fm.fire(p, 'screen');
  const orgs = (await fm.get('/organisations?limit=200')).items;
  const org = (name) => orgs.find((o) => o.name === name).id;
  await fm.put(`${p}/supporting-partner`, { partner_org_id: org('UCLG') }, p);
  await fm.put(`${p}/translation`, { translation_en: 'Inclusive Abidjan\n\nOne-stop desks in three communes for civil registration, health and work.' }, p);
  const assignment = await fm.post(`${p}/assignments`, { partner_org_id: org('UCLG') });
  await fm.fire(p, 'send_to_review');
  await uclg.fire(`/assignments/${assignment.id}`, 'accept', { no_conflict_declared: true });

  const page = await signedInPage(browser, server.base, 'reviewer@uclg.demo');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await openPage(page, `/assignments/${assignment.id}`);
  const reading = page.locator('.scoring-layout .scoring-reading');
  await reading.waitFor();
  assert.match(await reading.locator('.translation-text').textContent(), /One-stop desks in three communes/);
  assert.equal(await reading.locator('.translation-text').getAttribute('lang'), 'en');
  assert.equal(await reading.locator('a.file-link').textContent(), 'plan-de-travail.csv');
  const rubric = page.locator('.scoring-layout form.rubric');
  const relevance = rubric.locator('fieldset.criterion[data-criterion="relevance"]');
  assert.match(await relevance.locator('legend').textContent(), /Pertinence au regard des besoins/);
  assert.match(await relevance.locator('.criterion-guidance').textContent(), /Le programme répond-il à des besoins que la ville a documentés/);
  const described = await relevance.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${described}`).count(), 1, 'the guidance describes its fieldset');
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'multilingual-scoring');
  assertNoErrors(page);
  await page.context().close();
});

test('an admin gives a call its words in every language, and a Spanish city reads them', async () => {
  const admin = await apiAs('admin@mmc.demo');
  const next = (await admin.get('/calls')).items.find((c) => c.code === 'GCF-2027');
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await openPage(page, `/calls/${next.id}`);
  const form = page.locator('form.call-texts');
  await form.waitFor();
  assert.equal(await form.locator('[name="translations.fr.title"]').inputValue(), 'Global Cities Fund 2027 (en préparation)');
  await form.locator('details[data-language="es"] > summary').click();
  await form.locator('[name="translations.es.title"]').fill('Global Cities Fund 2027 (en preparación)');
  await form.locator('[name="criteria[0].translations.es.guidance"]').fill('¿Responde el programa a necesidades documentadas?');
  await form.locator('details[data-language="pt"] > summary').click();
  await form.locator('[name="translations.pt.title"]').fill('x'.repeat(201));
  await form.locator('button[type="submit"]').click();
  // The server refuses the overlong Portuguese title next to its box, in English for this admin.
  const ptTitle = form.locator('[name="translations.pt.title"][aria-invalid="true"]');
  await ptTitle.waitFor();
  assert.match(await ptTitle.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field-error').textContent(), /at most 200 characters/);
  await form.locator('[name="translations.pt.title"]').fill('');
  await form.locator('button[type="submit"]').click();
  await page.locator('#toast', { hasText: 'The words are saved in every language.' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, 'multilingual-call-texts');
  assertNoErrors(page);
  await page.context().close();

  const montevideo = await apiAs('applicant@montevideo.demo');
  const read = (await montevideo.get(`/calls/${next.id}`));
  assert.equal(read.title, 'Global Cities Fund 2027 (en preparación)');
  assert.equal(read.criteria[0].guidance, '¿Responde el programa a necesidades documentadas?');
  assert.equal(read.texts.pt, undefined, 'an empty box is no translation');
});
