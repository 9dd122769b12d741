// The start page is the inbox: each role's home shows what GET /inbox says waits for them (the
// HTTP tests hold that against SQL), counted per kind, each item a link to its record with the
// expected step in words; a count keeps one kind; four eyes are named; axe finds nothing in the
// four languages. The board gains grants and tranches with days in state, final states folded.
// Screenshots of each role's home land in build/screenshots/.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const ROLES = ['applicant@kampala.demo', 'applicant@amman.demo', 'reviewer@iom.demo', 'fm1@mmc.demo', 'fm2@mmc.demo', 'admin@mmc.demo', 'auditor@mmc.demo'];

const HREF = {
  proposal: (r) => `#/proposals/${r.id}`,
  review_assignment: (r) => `#/assignments/${r.id}`,
  grant: (r) => `#/grants/${r.id}`,
  tranche: (r) => `#/grants/${r.grant_id}`,
  report: (r) => `#/reports/${r.id}`,
  user: (r) => `#/admin/users/${r.id}`,
  audit_chain: () => '#/audit/verify',
  mail: () => '#/admin/outbox?status=failed',
};

// A signed-in page in English whatever the person's profile language (fm2 reads French): the text
// checks below are in English; the four languages have their own test at the end.
async function englishPage(email) {
  const page = await signedInPage(browser, server.base, email);
  await heading(page);
  await page.locator('#language').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && !document.getElementById('main').hasAttribute('aria-busy')
    && document.querySelector('main h1')?.textContent.startsWith('Welcome'));
  return page;
}

// What the home page shows: the items (kind, record, link, action text) and the counts.
async function shownInbox(page) {
  return page.evaluate(() => ({
    items: [...document.querySelectorAll('.inbox-items > .inbox-item')].map((li) => ({
      kind: li.dataset.kind, record: li.dataset.record,
      href: li.querySelector('a.inbox-link')?.getAttribute('href') ?? null,
      action: li.querySelector('.inbox-action').textContent,
      overdue: li.classList.contains('is-overdue'),
    })),
    counts: Object.fromEntries([...document.querySelectorAll('.inbox-counts a')].map((a) => [a.dataset.kind, Number(a.dataset.count)])),
    empty: document.querySelector('.inbox-empty')?.textContent ?? null,
  }));
}

for (const email of ROLES) {
  test(`${email}: the home page is the inbox the API answers, counted per kind, each item a link to its record`, async () => {
    const api = await apiClient(server.base, email);
    const page = await englishPage(email);
    assert.match(await heading(page), /Welcome, /);
    const shown = await shownInbox(page);
    // Read after the page's own sign-in, an audited event (the auditor's item is the chain's head).
    const truth = await api.get('/inbox?limit=200');
    assert.deepEqual(shown.items.map((i) => `${i.kind} ${i.record}`), truth.items.map((i) => `${i.kind} ${i.record.kind}:${i.record.id}`),
      'the items, most urgent first');
    for (const [i, item] of truth.items.entries()) {
      const href = HREF[item.record.kind]?.(item.record) ?? null;
      assert.equal(shown.items[i].href, href, `${item.kind} links to its record`);
      assert.ok(shown.items[i].action.length > 0, `${item.kind} says what to do`);
      assert.ok(!/[a-z]+_[a-z]+/.test(shown.items[i].action), `${item.kind}: "${shown.items[i].action}" is in words, not an event name`);
      assert.equal(shown.items[i].overdue, item.overdue);
    }
    const counts = Object.fromEntries(truth.counts.map((c) => [c.kind, c.count]));
    if (truth.items.length) {
      assert.deepEqual(shown.counts, { all: truth.total, ...counts }, 'one count per kind, and all');
    } else {
      assert.equal(shown.empty, 'Nothing waits for you now.');
    }
    assert.equal(await page.locator('main .cards').count(), 1, 'the reader\'s pages follow');
    await screenshot(page, `inbox-home-${email.split('@')[0]}-${email.split('@')[1].split('.')[0]}`);
    assertNoErrors(page);
    await page.context().close();
  });
}

test('an admin\'s home shows a locked account and mail that failed, in words', async () => {
  // What a relay refusing a message leaves in the outbox, then an account locked on the command
  // line (an audited use case, so the server's caches see both).
  execFileSync('sqlite3', [server.dbPath, "UPDATE outbox_mail SET attempts = 3, last_error = '550 5.1.1 mailbox unavailable' WHERE id = (SELECT MIN(id) FROM outbox_mail)"]);
  execFileSync(process.env.CITYGRANTS_BIN, ['user', 'lock', '--db', `sqlite:${server.dbPath}`, '--email', 'applicant@athens.demo', '--minutes', '60'], { stdio: 'pipe' });
  const page = await englishPage('admin@mmc.demo');
  const shown = await shownInbox(page);
  assert.deepEqual(shown.items.map((i) => i.kind).sort(), ['mail.failed', 'user.locked']);
  const locked = page.locator('.inbox-item[data-kind="user.locked"]');
  assert.equal(await locked.locator('.inbox-action').textContent(), 'Check the account');
  assert.match(await locked.textContent(), /applicant@athens\.demo.*Locked by an administrator until/);
  const mail = page.locator('.inbox-item[data-kind="mail.failed"]');
  assert.match(await mail.locator('.inbox-detail').first().textContent(), /^3 failed attempts/);
  assert.equal(await mail.locator('code').textContent(), '550 5.1.1 mailbox unavailable');
  assert.equal(await mail.locator('a.inbox-link').getAttribute('href'), '#/admin/outbox?status=failed', 'the outbox lists it');
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'inbox-home-admin-locked-mail');
  assertNoErrors(page);
  await page.context().close();
  execFileSync(process.env.CITYGRANTS_BIN, ['user', 'lock', '--db', `sqlite:${server.dbPath}`, '--email', 'applicant@athens.demo', '--minutes', '0'], { stdio: 'pipe' });
});

test('a count keeps one kind, and the step expected is the record\'s own button', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const page = await englishPage('fm1@mmc.demo');
  const chip = page.locator('.inbox-counts a[data-kind="proposal.submitted"]');
  await chip.click();
  await page.waitForURL(/#\/\?kind=proposal\.submitted$/);
  await heading(page);
  assert.equal(await page.locator('.inbox-counts a[aria-current="true"]').getAttribute('data-kind'), 'proposal.submitted');
  const only = await shownInbox(page);
  const submitted = (await api.get('/inbox?kind=proposal.submitted')).items;
  assert.deepEqual(only.items.map((i) => i.record), submitted.map((i) => `proposal:${i.record.id}`));
  assert.ok(only.items.length >= 1);
  assert.equal(only.items[0].action, 'Start screening');
  // The link opens the proposal, whose own buttons offer that step.
  await page.locator('.inbox-items a.inbox-link').first().click();
  await heading(page);
  assert.equal(await page.getByRole('button', { name: 'Start screening' }).count(), 1);
  assertNoErrors(page);
  await page.context().close();
});

test('the award waiting for a second fund manager names who proposed it, to both fund managers', async () => {
  for (const email of ['fm1@mmc.demo', 'fm2@mmc.demo']) {
    const api = await apiClient(server.base, email);
    const [item] = (await api.get('/inbox?kind=proposal.award_proposed')).items;
    const page = await englishPage(email);
    await openPage(page, '/?kind=proposal.award_proposed');
    const li = page.locator(`.inbox-item[data-record="proposal:${item.record.id}"]`);
    const proposer = item.people.find((p) => p.role === 'proposed_by');
    const me = api.user.id === proposer.user_id;
    assert.match(await li.locator('.inbox-people').textContent(), new RegExp(`Proposed by ${proposer.name}${me ? ' \\(you\\)' : ''}`));
    assert.equal(await li.locator('.inbox-action').textContent(), me ? 'Waiting for another fund manager' : 'Approve');
    if (me) assert.match(await li.locator('.inbox-held .four-eyes').textContent(), /another fund manager than the one who proposed the award must confirm it/);
    assertNoErrors(page);
    await page.context().close();
  }
});

test('the board shows grants and tranches per state with days in state, and folds the final states away', async () => {
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  const page = await englishPage('fm1@mmc.demo');
  await openPage(page, '/board');
  for (const machine of ['grant', 'tranche']) {
    const board = await api.get(`/board?machine=${machine}`);
    const section = page.locator(`.board-section[data-machine="${machine}"]`);
    const columns = await section.locator('.board-column').evaluateAll((cols) => cols.map((c) => ({
      state: c.dataset.state, count: Number(c.querySelector('.col-count').dataset.count),
      folded: Boolean(c.closest('details')), cards: [...c.querySelectorAll('a.board-card')].map((a) => Number(a.dataset.days)),
    })));
    const order = [...board.columns.filter((c) => !c.final), ...board.columns.filter((c) => c.final)];
    assert.deepEqual(columns.map((c) => c.state), order.map((c) => c.state), `${machine}: one column per state, the final ones last`);
    for (const [i, col] of order.entries()) {
      assert.equal(columns[i].count, col.count, `${machine} ${col.state}: the count`);
      assert.equal(columns[i].folded, col.final, `${machine} ${col.state}: folded when final`);
      const days = col.cards.map((c) => Math.floor((Date.parse(board.now) - Date.parse(c.state_since)) / 86400000));
      assert.equal(columns[i].cards.length, days.length);
      columns[i].cards.forEach((d, j) => assert.ok(Math.abs(d - days[j]) <= 1, `${machine} ${col.state}: days in state`));
    }
    assert.equal(await section.locator('details.board-final').getAttribute('open'), null, `${machine}: the final states are folded`);
  }
  assert.equal(await page.locator('.board-section[data-machine="proposal"] details.board-final').getAttribute('open'), null);
  assert.match(await page.locator('.board-section[data-machine="grant"] .board-column[data-state="active"] .card-days').first().textContent(), /^\d+ days? in this state$/);
  await page.locator('.board-section[data-machine="tranche"] details.board-final summary').click();
  assert.ok(await page.locator('.board-section[data-machine="tranche"] .board-column[data-state="disbursed"] a.board-card').first().isVisible());
  await screenshot(page, 'board-grants-tranches');
  assertNoErrors(page);
  await page.context().close();
});

for (const lang of ['en', 'fr', 'es', 'pt']) {
  test(`the inbox and the board in ${lang}: every text translated and axe finds nothing to fix`, async () => {
    for (const email of ['fm1@mmc.demo', 'applicant@kampala.demo', 'admin@mmc.demo', 'auditor@mmc.demo']) {
      const page = await signedInPage(browser, server.base, email, { lang });
      await heading(page);
      await page.locator('#language').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const paths = email.startsWith('fm1') ? ['/', '/board'] : ['/'];
      for (const path of paths) {
        await openPage(page, path);
        const text = await page.locator('main').textContent();
        assert.ok(!/\binbox\.|\bboard\.[a-z]/.test(text), `${email} ${path} in ${lang}: no message key left untranslated`);
        await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
        assert.deepEqual(await axe(page), [], `${email} ${path} in ${lang}: no WCAG 2.1 AA rule is broken`);
      }
      if (lang !== 'en') await screenshot(page, `inbox-home-${email.split('@')[0]}-${lang}`);
      assertNoErrors(page);
      await page.context().close();
    }
  });
}
