// The admins' outbox page, on a server that sends its outbox to an SMTP relay of the test's own
// which refuses one city's mailboxes: what the page lists per status is what the API answers
// (the HTTP suite holds the API against SQL), the status filter keeps one status, other roles
// are refused, and the page reads in four languages with nothing for axe to fix.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';

let server;
let browser;
let relay;
const refused = (address) => address.endsWith('@kampala.demo');

before(async () => {
  relay = await startSmtpSink({ refuse: refused });
  server = await startServer({ serveArgs: ['--smtp-host', '127.0.0.1', '--smtp-port', String(relay.port)] });
  browser = await launch();
  // The worker sends what the demo queued: wait until nothing is left queued.
  const api = await apiClient(server.base, 'admin@mmc.demo');
  for (let i = 0; i < 300; i += 1) {
    const { counts } = await api.get('/outbox?limit=1');
    if (counts.queued === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(async () => { await browser?.close(); await server?.stop(); await relay?.stop(); });

// The rows of the outbox table as the page shows them.
async function shownRows(page) {
  return page.locator('main tbody tr').evaluateAll((rows) => rows.map((tr) => ({
    to: tr.querySelector('.mail-to').textContent,
    subject: tr.querySelector('.mail-subject').textContent,
    status: tr.querySelector('[data-status]').dataset.status,
    error: tr.querySelector('.mail-error')?.textContent ?? null,
  })));
}

test('the admin reads what went out and what the relay refused, filtered by status', async () => {
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const all = await api.get('/outbox?limit=200');
  assert.equal(all.counts.queued, 0, 'the worker sent or tried every message');
  assert.ok(all.counts.sent >= 5, 'the relay accepted mail');
  assert.ok(all.counts.failed >= 1, 'the relay refused Kampala\'s mailboxes');
  assert.equal(relay.received.length, all.counts.sent, 'every message the relay took is sent, and no other');

  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await page.locator('#nav a[href="#/admin/outbox"]').click();
  assert.equal(await heading(page), 'Outbox');
  const everything = await shownRows(page);
  assert.deepEqual(everything.map((r) => r.subject), all.items.slice(0, 50).map((m) => m.subject), 'newest first, as the API');
  assert.equal(await page.locator('main .list-total').getAttribute('data-total'), String(all.total));
  assert.equal(await page.locator('#outbox-status option[value="failed"]').textContent(), `Failed (${all.counts.failed})`);
  await screenshot(page, 'outbox-all');

  await page.locator('#outbox-status').selectOption('failed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/#\/admin\/outbox\?status=failed$/);
  await heading(page);
  const failed = await shownRows(page);
  const apiFailed = await api.get('/outbox?status=failed&limit=200');
  assert.equal(failed.length, Math.min(50, apiFailed.total));
  assert.deepEqual(failed.map((r) => r.to), apiFailed.items.slice(0, 50).map((m) => m.to_email));
  for (const row of failed) {
    assert.equal(row.status, 'failed');
    assert.ok(refused(row.to), `${row.to} failed only because the relay refuses it`);
    assert.match(row.error, /550 5\.1\.1 mailbox unavailable/);
  }
  await screenshot(page, 'outbox-failed');

  await page.locator('#outbox-status').selectOption('sent');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/status=sent$/);
  await heading(page);
  const sent = await shownRows(page);
  assert.equal(sent.length, Math.min(50, all.counts.sent));
  assert.ok(sent.every((r) => r.status === 'sent' && !refused(r.to) && r.error === null));
  assert.deepEqual(await page.locator('main tbody tr').first().locator('td').nth(5).textContent(), 'Sent');
  assertNoErrors(page);
  await page.context().close();
});

test('other roles do not see the page in the menu and are refused at its address', async () => {
  for (const email of ['fm1@mmc.demo', 'auditor@mmc.demo', 'reviewer@iom.demo', 'applicant@kampala.demo']) {
    const page = await signedInPage(browser, server.base, email);
    await heading(page);
    assert.equal(await page.locator('#nav a[href="#/admin/outbox"]').count(), 0, `${email}: no menu entry`);
    await openPage(page, '/admin/outbox');
    assert.match(await page.getByRole('alert').textContent(), /.+/, `${email}: the page says it is refused`);
    assert.equal(await page.locator('main table').count(), 0, `${email}: no message is shown`);
    assertNoErrors(page);
    await page.context().close();
  }
});

for (const lang of ['en', 'fr', 'es', 'pt']) {
  test(`the outbox in ${lang}: translated, and axe finds nothing to fix`, async () => {
    const page = await signedInPage(browser, server.base, 'admin@mmc.demo', { lang });
    await heading(page);
    await page.locator('#language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const path of ['/admin/outbox', '/admin/outbox?status=failed']) {
      await openPage(page, path);
      const text = await page.locator('main').textContent();
      assert.ok(!/\boutbox\.[a-z]/.test(text), `${path} in ${lang}: no message key left untranslated`);
      assert.deepEqual(await axe(page), [], `${path} in ${lang}: no WCAG 2.1 AA rule is broken`);
    }
    if (lang !== 'en') {
      assert.notEqual(await heading(page), 'Outbox', `${lang}: the heading is translated`);
      await screenshot(page, `outbox-${lang}`);
    }
    assertNoErrors(page);
    await page.context().close();
  });
}
