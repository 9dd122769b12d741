// The admins' outbox page, on a server that sends its outbox to an SMTP relay of the test's own
// which refuses one city's mailboxes with a 550 (so their mail goes dead at once): what the page
// lists per status is what the API answers (the HTTP suite holds the API against SQL), the status
// filter keeps one status, a dead message is sent again once the mailbox works and another is
// discarded, other roles are refused, and the page reads in four languages with nothing for axe
// to fix.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { startSmtpSink } from './lib/smtp_sink.mjs';

let server;
let browser;
let relay;
// Kampala's mailboxes are refused until the test says they work again.
let kampalaBroken = true;
const refused = (address) => kampalaBroken && address.endsWith('@kampala.demo');

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

test('the admin reads what went out and what the relay refused for good, filtered by status', async () => {
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const all = await api.get('/outbox?limit=200');
  assert.equal(all.counts.queued, 0, 'the worker sent or tried every message');
  assert.ok(all.counts.sent >= 5, 'the relay accepted mail');
  assert.ok(all.counts.dead >= 2, 'the relay refused Kampala\'s mailboxes for good');
  assert.equal(all.counts.failed, 0, 'a 550 is not retried');
  assert.equal(relay.received.length, all.counts.sent, 'every message the relay took is sent, and no other');

  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await page.locator('#nav a[href="#/admin/outbox"]').click();
  assert.equal(await heading(page), 'Outbox');
  const everything = await shownRows(page);
  assert.deepEqual(everything.map((r) => r.subject), all.items.slice(0, 50).map((m) => m.subject), 'newest first, as the API');
  assert.equal(await page.locator('main .list-total').getAttribute('data-total'), String(all.total));
  assert.equal(await page.locator('#outbox-status option[value="dead"]').textContent(), `Dead (${all.counts.dead})`);
  await screenshot(page, 'outbox-all');

  await page.locator('#outbox-status').selectOption('dead');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/#\/admin\/outbox\?status=dead$/);
  await heading(page);
  const dead = await shownRows(page);
  const apiDead = await api.get('/outbox?status=dead&limit=200');
  assert.equal(dead.length, Math.min(50, apiDead.total));
  assert.deepEqual(dead.map((r) => r.to), apiDead.items.slice(0, 50).map((m) => m.to_email));
  for (const row of dead) {
    assert.equal(row.status, 'dead');
    assert.ok(refused(row.to), `${row.to} failed only because the relay refuses it`);
    assert.match(row.error, /550 5\.1\.1 mailbox unavailable/);
  }
  await screenshot(page, 'outbox-dead');

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

test('a dead message is sent again once the mailbox works, and another is discarded', async () => {
  const api = await apiClient(server.base, 'admin@mmc.demo');
  const [again, dropped] = (await api.get('/outbox?status=dead&limit=200')).items;
  kampalaBroken = false;
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await openPage(page, '/admin/outbox?status=dead');
  await heading(page);
  const rowOf = (id) => page.locator('main tbody tr').filter({ has: page.locator(`button[data-id="${id}"]`) }).first();
  await rowOf(again.id).getByRole('button', { name: 'Send again' }).click();
  await page.getByText(`The message to ${again.to_email} will be sent again.`).waitFor();
  let sent;
  for (let i = 0; i < 150 && !sent; i += 1) {
    const now = await api.get('/outbox?status=sent&limit=200');
    sent = now.items.find((m) => m.id === again.id);
    if (!sent) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(sent, 'the requeued message was sent');
  assert.ok(relay.received.some((m) => m.to.includes(again.to_email)), 'the relay took it');

  await openPage(page, '/admin/outbox?status=dead');
  await heading(page);
  await rowOf(dropped.id).getByRole('button', { name: 'Discard' }).click();
  await page.getByText(`The message to ${dropped.to_email} will never be sent.`).waitFor();
  const gone = (await api.get('/outbox?status=discarded&limit=200')).items;
  assert.deepEqual(gone.map((m) => m.id), [dropped.id]);
  const auditor = await apiClient(server.base, 'auditor@mmc.demo');
  const trail = await auditor.get('/audit?entity=outbox_mail&limit=10');
  assert.deepEqual(trail.items.map((e) => e.event).sort(), ['discard', 'requeue']);
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
