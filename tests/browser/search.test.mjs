// Search in the console: the box in the header of every signed-in role finds a proposal by a
// word of its title and leads to it; the matched words are marked as text, never as markup; a
// city does not find another city's proposal; the results page reads in the four languages and
// passes axe.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function searchFor(page, words) {
  await page.getByRole('search').getByRole('searchbox').fill(words);
  await page.getByRole('search').getByRole('button').click();
  await page.waitForFunction(() => window.location.hash.startsWith('#/search?'));
  return heading(page);
}

test('every signed-in role has the search box; none before sign-in', async () => {
  const context = await browser.newContext({ baseURL: server.base });
  const anonymous = await context.newPage();
  await anonymous.goto('/#/sign-in');
  await heading(anonymous);
  assert.equal(await anonymous.locator('#search-form').isHidden(), true);
  await context.close();
  for (const email of ['fm1@mmc.demo', 'admin@mmc.demo', 'auditor@mmc.demo', 'reviewer@iom.demo', 'applicant@kampala.demo']) {
    const page = await signedInPage(browser, server.base, email);
    await heading(page);
    assert.equal(await page.getByRole('search').getByRole('searchbox').isVisible(), true, email);
    await page.context().close();
  }
});

test('a fund manager finds a proposal by a word of its title and opens it', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const proposals = await api.get('/proposals?limit=200');
  const target = proposals.items.find((p) => p.title.startsWith('Kampala Newcomer Livelihoods'));
  assert.ok(target, 'the demo fund has Kampala\'s livelihoods proposal');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await heading(page);
  assert.match(await searchFor(page, 'livelihoods'), /livelihoods/);
  const link = page.locator(`li.hit[data-kind="proposal"][data-id="${target.id}"] a`);
  assert.match(await link.textContent(), /Kampala Newcomer Livelihoods/);
  assert.equal(await page.locator(`li.hit[data-kind="proposal"][data-id="${target.id}"] mark`).first().textContent(), 'Livelihoods');
  await screenshot(page, 'search-results');
  const violations = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(violations, []);
  await link.click();
  await page.waitForFunction((id) => window.location.hash === `#/proposals/${id}`, target.id);
  assert.match(await heading(page), /Kampala Newcomer Livelihoods/);
  assertNoErrors(page);
  await page.context().close();
});

test('accents do not matter, and a city finds only its own proposals', async () => {
  const page = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  await heading(page);
  await searchFor(page, 'Sao Paulo');
  assert.equal(await page.locator('li.hit[data-kind="proposal"]').count(), 0);
  await searchFor(page, 'kampala');
  const found = await page.locator('li.hit[data-kind="proposal"] a').allTextContents();
  assert.ok(found.length >= 2, found.join(' | '));
  for (const text of found) assert.match(text, /Kampala/);
  await page.context().close();
  const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await heading(fm);
  await searchFor(fm, 'Sao Paulo acolhe');
  assert.match(await fm.locator('li.hit[data-kind="proposal"] a').first().textContent(), /São Paulo Acolhe/);
  await fm.context().close();
});

test('a title that looks like markup is shown as text', async () => {
  const api = await apiClient(server.base, 'applicant@kampala.demo');
  const calls = await api.get('/calls');
  const open = calls.items.find((c) => c.state === 'open');
  const created = await api.post('/proposals', {
    call_id: open.id, language: 'en', title: 'Quokka <img src=x onerror=alert(1)> <b>bold</b>', summary: 'Quokka summary',
  });
  assert.ok(created.id);
  const page = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  await heading(page);
  await searchFor(page, 'quokka');
  const hit = page.locator(`li.hit[data-id="${created.id}"]`);
  assert.match(await hit.locator('a').textContent(), /<img src=x onerror=alert\(1\)> <b>bold<\/b>/);
  assert.equal(await page.locator('main img, main b').count(), 0);
  assertNoErrors(page);
  await page.context().close();
});

test('the results page in French, Spanish and Portuguese', async () => {
  const expected = { fr: /Résultats pour/, es: /Resultados para/, pt: /Resultados para/ };
  for (const [lang, title] of Object.entries(expected)) {
    const page = await signedInPage(browser, server.base, 'reviewer@iom.demo');
    await heading(page);
    await page.locator('#language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    assert.match(await searchFor(page, 'kampala'), title, lang);
    const violations = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(violations, [], lang);
    assertNoErrors(page);
    await page.context().close();
  }
});
