// The thread of a proposal and of a grant in the console: a city writes a message with a file on
// its proposal's page; the fund manager's inbox counts it as a message from a city to answer and
// leads to the proposal, where it reads with its file; the fund manager writes an internal note
// and a shared answer (and is asked to choose who reads one sent without a choice); the city reads
// the answer and never the note, and its inbox says the fund has written. The panel reads in the
// four languages and axe finds nothing serious on the pages that carry it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const PDF = Buffer.from('%PDF-1.4\n% a launch plan\n%%EOF\n');

async function serious(page) {
  return (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Writes `text` in the thread panel of the current page, choosing `visibility` when there is a
// choice, and waits for it in the list.
async function write(page, text, { visibility, file } = {}) {
  const panel = page.locator('section.thread-panel');
  await panel.getByLabel('Message', { exact: true }).fill(text);
  if (visibility) await panel.getByLabel(visibility === 'internal' ? 'Internal' : 'Shared with the city', { exact: true }).check();
  if (file) await panel.locator('input[type="file"]').setInputFiles(file);
  await panel.getByRole('button', { name: 'Send' }).click();
  await panel.locator('li.thread-message', { hasText: text }).waitFor();
}

test('a message from the city reaches the fund manager, who answers; the city never sees the internal note', async () => {
  const kampala = await apiClient(server.base, 'applicant@kampala.demo');
  const target = (await kampala.get('/proposals?limit=200')).items.find((p) => p.state === 'approved');
  assert.ok(target, 'Kampala has an approved proposal in the demo fund');

  const city = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  await openPage(city, `/proposals/${target.id}`);
  const cityPanel = city.locator('section.thread-panel');
  assert.equal(await cityPanel.locator('input[name="visibility"]').count(), 0, 'a city has no choice: shared only');
  assert.match(await cityPanel.locator('.shared-only').textContent(), /fund managers and your supporting partner/);
  await write(city, 'Can we move the launch to May? The plan is attached.', { file: { name: 'launch-plan.pdf', mimeType: 'application/pdf', buffer: PDF } });
  assert.deepEqual(await serious(city), []);
  assertNoErrors(city);

  const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await heading(fm);
  const item = fm.locator(`.inbox-item[data-kind="message.from_city"][data-record="proposal:${target.id}"]`);
  await item.waitFor();
  assert.match(await item.locator('.inbox-kind').textContent(), /Messages from cities to answer/);
  assert.ok(Number(await fm.locator('.inbox-counts a[data-kind="message.from_city"]').getAttribute('data-count')) >= 1);
  await item.locator('a.inbox-link').click();
  await fm.waitForFunction((id) => window.location.hash === `#/proposals/${id}`, target.id);
  await heading(fm);
  const fmPanel = fm.locator('section.thread-panel');
  const fromCity = fmPanel.locator('li.thread-message', { hasText: 'move the launch to May' });
  assert.match(await fromCity.locator('.thread-author').textContent(), /Kampala/);
  assert.equal(await fromCity.locator('a.file-link').textContent(), 'launch-plan.pdf');
  assert.equal(await fromCity.getAttribute('data-visibility'), 'shared');

  // Sent without a choice of who reads it: refused, the choice named and focused.
  await fmPanel.getByLabel('Message', { exact: true }).fill('Which of you reads this?');
  await fmPanel.getByRole('button', { name: 'Send' }).click();
  await fmPanel.locator('.field-error').first().waitFor();
  assert.equal(await fmPanel.locator('input[name="visibility"][aria-invalid="true"]').count(), 1);
  assert.equal(await fmPanel.locator('li.thread-message', { hasText: 'Which of you reads this?' }).count(), 0);

  await write(fm, 'Internal: check the budget impact with the partner first.', { visibility: 'internal' });
  await write(fm, 'Yes, May works for us.', { visibility: 'shared' });
  assert.equal(await fmPanel.locator('li.thread-message[data-visibility="internal"]').count(), 1);
  await screenshot(fm, 'thread-fund-manager');
  assert.deepEqual(await serious(fm), []);
  assertNoErrors(fm);
  await fm.context().close();

  await openPage(city, `/proposals/${target.id}`);
  const page = await city.locator('main').textContent();
  assert.match(page, /Yes, May works for us\./);
  assert.doesNotMatch(page, /check the budget impact/, 'the internal note is nowhere on the city\'s page, timeline included');
  await screenshot(city, 'thread-city');
  await openPage(city, '/');
  await city.locator(`.inbox-item[data-kind="message.from_fund"][data-record="proposal:${target.id}"]`).waitFor();
  assertNoErrors(city);
  await city.context().close();
});

test('the thread panel of a grant reads in French, Spanish and Portuguese and passes axe', async () => {
  const fm = await apiClient(server.base, 'fm1@mmc.demo');
  const grant = (await fm.get('/grants')).items[0];
  await fm.post(`/grants/${grant.id}/messages`, { body: 'Le rapport est bien reçu.', visibility: 'shared' });
  const expected = { fr: /Messages/, es: /Mensajes/, pt: /Mensagens/ };
  for (const [lang, title] of Object.entries(expected)) {
    const page = await signedInPage(browser, server.base, 'fm2@mmc.demo');
    await heading(page);
    await page.locator('#language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await openPage(page, `/grants/${grant.id}`);
    const panel = page.locator('section.thread-panel');
    assert.match(await panel.locator('h2').textContent(), title, lang);
    assert.equal(await panel.locator('input[name="visibility"]').count(), 2, lang);
    assert.match(await panel.locator('li.thread-message').first().textContent(), /Le rapport est bien reçu\./);
    assert.deepEqual(await serious(page), [], lang);
    assertNoErrors(page);
    await page.context().close();
  }
});
