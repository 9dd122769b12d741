// The audit pages: the auditor lists the audit log (as many events as the API counts, details
// in words, never raw JSON), filters it by record and by event, follows a proposal's timeline,
// and verifies the chain, which holds over as many events as the API checks (people.test.mjs: the
// filters by person, reference and days, and names). An auditor is
// offered no action anywhere on a proposal or grant page. Fund managers may read the chain;
// admins may not, and are not offered it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// Every event of the chain through the API, newest first.
async function allEvents(api, query = '') {
  const items = [];
  let before = '';
  do {
    const page = await api.get(`/audit?limit=500${query}${before ? `&before=${before}` : ''}`);
    items.push(...page.items);
    before = page.next ?? '';
  } while (before);
  return items;
}

test('the auditor lists the audit log, filters it, follows a proposal\'s timeline and verifies the chain', async () => {
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  const api = await apiClient(server.base, 'auditor@mmc.demo');
  assert.equal(await openPage(page, '/audit'), 'Audit log');
  const first = await api.get('/audit?limit=50');
  assert.equal(await page.locator('.audit-total').textContent(), `${first.total} events in the chain.`);
  const seqs = await page.locator('.audit-log tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.seq)));
  assert.deepEqual(seqs, first.items.map((e) => e.seq), 'the newest 50 events, newest first');
  const details = await page.locator('.audit-log td.detail').allTextContents();
  assert.ok(details.every((d) => !d.includes('{"')), 'no detail is shown as raw JSON');
  const withReason = first.items.find((e) => JSON.parse(e.detail).reason);
  if (withReason) {
    const row = page.locator(`tr[data-seq="${withReason.seq}"]`);
    assert.match(await row.locator('td.detail').textContent(), new RegExp(`Reason${JSON.parse(withReason.detail).reason.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  const hash = page.locator(`tr[data-seq="${first.items[0].seq}"] details.hash`);
  assert.equal(await hash.locator('summary').getAttribute('title'), first.items[0].hash, 'the whole hash is a hover away');
  await hash.locator('summary').click();
  assert.equal(await hash.locator('.full-hash').textContent(), first.items[0].hash);
  await page.getByRole('link', { name: 'Older events' }).click();
  await page.waitForURL(/before=/);
  await heading(page);
  assert.equal(Number(await page.locator('.audit-log tbody tr').first().getAttribute('data-seq')), first.items[49].seq - 1, 'the next page starts where the first ended');
  await openPage(page, '/audit');
  await screenshot(page, 'audit-log');

  // By record: the API filters and counts.
  const filter = page.locator('form.audit-filter');
  await filter.locator('select[name="entity"]').selectOption('proposal');
  await filter.locator('input[name="entity_id"]').fill('1');
  await filter.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/entity=proposal&entity_id=1/);
  await heading(page);
  const byRecord = await api.get('/audit?entity=proposal&entity_id=1&limit=50');
  assert.equal(await page.locator('.audit-total').textContent(), `${byRecord.total} events match these filters.`);
  const records = await page.locator('.audit-log td.record').allTextContents();
  assert.equal(records.length, byRecord.items.length);
  const reference = (await api.get('/proposals/1')).reference;
  assert.ok(records.every((r) => r.startsWith(`proposal ${reference} `)), 'every event is of proposal #1, read by its reference');

  // By event: the API filters and counts.
  await openPage(page, '/audit?event=screen');
  const screened = (await allEvents(api)).filter((e) => e.event === 'screen');
  const shown = await page.locator('.audit-log tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.seq)));
  assert.deepEqual(shown, screened.map((e) => e.seq).slice(0, 50));
  assert.ok(screened.length > 0, 'the demo fund has screened proposals');

  // The proposal's timeline, from the filter form.
  await openPage(page, '/audit?entity=proposal&entity_id=1');
  await filter.getByRole('button', { name: 'Open this record\'s timeline' }).click();
  assert.equal(await heading(page), `Timeline of proposal ${reference}`);
  const timeline = await api.get('/proposals/1/timeline');
  const proposal = await api.get('/proposals/1');
  assert.deepEqual(await page.locator('ol.audit-events > li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.seq))), timeline.items.map((e) => e.seq));
  assert.equal(await page.locator('.audit-timeline .facts .badge').getAttribute('data-state'), proposal.state);
  assert.match(await page.locator('.audit-timeline .facts').textContent(), new RegExp(proposal.reference));
  assert.equal(await page.locator('button[data-event]').count(), 0);

  // The verification.
  await openPage(page, '/audit');
  await page.getByRole('link', { name: 'Verify the audit chain' }).click();
  assert.equal(await heading(page), 'Verify the audit chain');
  const verified = await api.get('/audit/verify');
  assert.equal(verified.ok, true);
  const verdict = page.locator('.verdict');
  assert.equal(await verdict.getAttribute('data-ok'), 'true');
  assert.match(await verdict.textContent(), /The audit chain holds\./);
  assert.match(await verdict.textContent(), new RegExp(`${verified.rows} events checked`));
  const head = (await api.get('/audit?limit=1')).items[0];
  assert.equal(await page.locator('.head-hash').textContent(), head.hash);
  await screenshot(page, 'audit-verify');
  assertNoErrors(page);
  await page.context().close();
});

test('an auditor is offered no action button on any proposal or grant page', async () => {
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  const api = await apiClient(server.base, 'auditor@mmc.demo');
  const proposals = await api.all('/proposals');
  const grants = await api.all('/grants');
  assert.ok(proposals.length > 0 && grants.length > 0, 'the demo fund has proposals and grants');
  const pages = [...proposals.map((p) => [`/proposals/${p.id}`, p.reference]), ...grants.map((g) => [`/grants/${g.id}`, g.reference])];
  for (const [path, reference] of pages) {
    const record = await api.get(path);
    assert.deepEqual(record.actions, [], `the API offers the auditor nothing on ${path}`);
    await openPage(page, path);
    assert.match(await page.locator('main').textContent(), new RegExp(reference), `${path} shows its record`);
    assert.equal(await page.locator('button[data-event]').count(), 0, `no action button on ${path}`);
  }
  assertNoErrors(page);
  await page.context().close();
});

test('fund managers may read the audit chain; admins are neither offered it nor let in', async () => {
  const fm = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  assert.equal(await fm.locator('#nav a[href="#/audit"]').count(), 1);
  assert.equal(await openPage(fm, '/audit/verify'), 'Verify the audit chain');
  assert.equal(await fm.locator('.verdict').getAttribute('data-ok'), 'true');
  await fm.context().close();

  const admin = await signedInPage(browser, server.base, 'admin@mmc.demo');
  assert.equal(await admin.locator('#nav a[href="#/audit"]').count(), 0);
  assert.equal(await openPage(admin, '/audit'), 'Audit log');
  assert.match(await admin.getByRole('alert').textContent(), /Only auditors and fund managers/);
  assert.equal(await admin.locator('.audit-log').count(), 0);
  const api = await apiClient(server.base, 'admin@mmc.demo');
  await assert.rejects(api.get('/audit'), /403/);
  await admin.context().close();
});
