// The fund pages: the pipeline board's columns equal the database per state (and follow a
// proposal that moves), the money chart equals the database per call and per city, the workflow
// diagrams draw every state of every machine and mark the current one, the board works from the
// keyboard, and nothing spills out of its scroll wrapper on a 360 px phone. Each test runs on a
// fresh demo fund of its own.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoErrors, axe, heading, launch, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { apiAs, moneyTruth, pipelineTruth } from './fund_truth.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Runs `fn(server)` against a fresh server, stopped afterwards whatever happens.
async function withServer(fn) {
  const server = await startServer();
  try { await fn(server); } finally { await server.stop(); }
}

// Money as the page's own formatter writes it in the page's language.
function formatter(page) {
  return (minor, currency) => page.evaluate(async ([m, c]) => (await import('/js/i18n.js')).moneyOf(m, c), [minor, currency]);
}

const countText = (n) => (n === 1 ? '1 proposal' : `${n} proposals`);

// The proposal states in the board's order: those a step leaves, then the final ones (folded).
function boardOrder(machine) {
  const final = (s) => !machine.transitions.some((tr) => tr.from === s);
  return [...machine.states.filter((s) => !final(s)), ...machine.states.filter(final)];
}

// What every proposal column of the board shows: {state -> {count, requested, awarded, cards: [href]}}.
async function boardColumns(page) {
  return page.locator('.board-section[data-machine="proposal"] .board-column').evaluateAll((cols) => Object.fromEntries(cols.map((c) => [c.dataset.state, {
    heading: c.querySelector('h3').textContent,
    count: c.querySelector('.col-count').textContent,
    requested: c.querySelector('.col-requested').textContent,
    awarded: c.querySelector('.col-awarded')?.textContent ?? null,
    cards: [...c.querySelectorAll('a.board-card')].map((a) => a.getAttribute('href')),
  }])));
}

// Asserts each column equals the truth (count, requested, awarded where set, its first cards).
async function assertBoardMatches(page, api, callId) {
  const truth = await pipelineTruth(api, callId);
  const money = formatter(page);
  const { machines } = await api.get('/workflows');
  const states = boardOrder(machines.find((m) => m.name === 'proposal'));
  const shown = await boardColumns(page);
  assert.deepEqual(Object.keys(shown), states, 'one column per proposal state, in the machine order, the final ones last');
  for (const state of states) {
    const t = truth.states.get(state) ?? { count: 0, requested: 0, awarded: 0 };
    const col = shown[state];
    assert.equal(col.count, countText(t.count), `count of ${state}`);
    assert.equal(col.requested, await money(t.requested, truth.currency), `requested money of ${state}`);
    assert.equal(col.awarded, t.awarded ? await money(t.awarded, truth.currency) : null, `awarded money of ${state}`);
    const listed = await api.get(`/proposals?state=${state}&limit=20${callId ? `&call=${callId}` : ''}`);
    assert.deepEqual(col.cards, listed.items.map((p) => `#/proposals/${p.id}`), `cards of ${state}`);
  }
  return { truth, shown };
}

test('the pipeline board shows, per state, the count and money that the database has, for all calls and for one', async () => {
  await withServer(async (server) => {
    const api = await apiAs(server.base, 'fm1@mmc.demo');
    const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    await page.locator('#nav a[href="#/board"]').click();
    assert.equal(await heading(page), 'Pipeline board');
    const { truth, shown } = await assertBoardMatches(page, api);
    assert.ok([...truth.states.values()].reduce((a, s) => a + s.count, 0) >= 10, 'the demo fund has proposals on the board');
    assert.equal(shown.approved.awarded, await formatter(page)(truth.states.get('approved').awarded, 'USD'), 'the approved column shows its awards');
    const card = page.locator('.board-column[data-state="submitted"] a.board-card').first();
    assert.match(await card.textContent(), /GCF-2026-\d{4}.*Amman.*\$275,000\.00/);
    await screenshot(page, 'fund-board');

    // One call only: the call being prepared has no proposal yet, the open one has them all.
    const calls = (await api.get('/calls')).items;
    const empty = calls.find((c) => c.state === 'draft');
    await page.getByLabel('Call', { exact: true }).selectOption(String(empty.id));
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`#/board\\?call=${empty.id}$`));
    await heading(page);
    await page.locator('.board-column').first().waitFor();
    assert.match(await page.locator('main .lead').textContent(), new RegExp(empty.code));
    const none = await assertBoardMatches(page, api, empty.id);
    assert.ok(Object.values(none.shown).every((c) => c.count === '0 proposals' && c.cards.length === 0));
    const open = calls.find((c) => c.state === 'open');
    await page.goto(`/#/board?call=${open.id}`);
    await heading(page);
    await assertBoardMatches(page, api, open.id);
    assertNoErrors(page);
    await page.context().close();
  });
});

test('screening a proposal through the API moves it from one column to the next after a reload', async () => {
  await withServer(async (server) => {
    const api = await apiAs(server.base, 'fm1@mmc.demo');
    const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    await page.goto('/#/board');
    await heading(page);
    const before = await assertBoardMatches(page, api);
    const [moving] = (await api.get('/proposals?state=submitted&limit=1')).items;
    await api.transition('proposals', moving.id, 'screen');
    assert.equal((await api.get(`/proposals/${moving.id}`)).state, 'screening');

    await page.reload();
    await heading(page);
    const after = await assertBoardMatches(page, api);
    const money = formatter(page);
    const was = (s) => before.truth.states.get(s) ?? { count: 0, requested: 0 };
    assert.equal(after.shown.submitted.count, countText(was('submitted').count - 1));
    assert.equal(after.shown.screening.count, countText(was('screening').count + 1));
    assert.equal(after.shown.submitted.requested, await money(was('submitted').requested - moving.amount.amount_minor, 'USD'));
    assert.equal(after.shown.screening.requested, await money(was('screening').requested + moving.amount.amount_minor, 'USD'));
    assert.ok(after.shown.screening.cards.includes(`#/proposals/${moving.id}`));
    assert.ok(!after.shown.submitted.cards.includes(`#/proposals/${moving.id}`));
    const changed = Object.keys(after.shown).filter((s) => JSON.stringify(after.shown[s]) !== JSON.stringify(before.shown[s]));
    assert.deepEqual(changed.sort(), ['screening', 'submitted'], 'exactly two columns changed');
    assertNoErrors(page);
    await page.context().close();
  });
});

// Asserts the chart page for `by` equals the truth: table rows and one bar pair per item.
async function assertChartMatches(page, api, by) {
  const truth = await moneyTruth(api, by);
  const money = formatter(page);
  const rows = await page.locator('.fund-chart tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.querySelector('td.name').textContent, grants: tr.querySelector('td.grants').textContent,
    planned: tr.querySelector('td.planned').textContent, disbursed: tr.querySelector('td.disbursed').textContent,
  })));
  assert.equal(rows.length, truth.items.length, `one row per ${by}`);
  for (const it of truth.items) {
    const row = rows.find((r) => r.name === it.name);
    assert.ok(row, `a row for ${it.name}`);
    assert.equal(row.grants, String(it.grants));
    assert.equal(row.planned, await money(it.planned, truth.currency), `planned for ${it.name}`);
    assert.equal(row.disbursed, await money(it.disbursed, truth.currency), `disbursed for ${it.name}`);
  }
  const bars = await page.locator('svg.bar-chart g.bar-group').evaluateAll((gs) => gs.map((g) => ({
    id: g.dataset.id,
    planned: [...g.querySelectorAll('rect.bar-planned')].map((r) => Number(r.dataset.minor)),
    disbursed: [...g.querySelectorAll('rect.bar-disbursed')].map((r) => Number(r.dataset.minor)),
  })));
  assert.equal(bars.length, truth.items.length, 'one bar group per item');
  for (const it of truth.items) {
    const bar = bars.find((b) => b.id === String(it.id));
    assert.deepEqual([bar.planned, bar.disbursed], [[it.planned], [it.disbursed]], `bar pair of ${it.name}`);
  }
  const svg = page.locator('svg.bar-chart');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.match(await svg.locator('title').first().textContent(), /planned and disbursed/);
  assert.ok((await svg.locator('desc').textContent()).length > 20);
  return truth;
}

test('the money chart and its table show planned and disbursed money per call and per city as the database has them', async () => {
  await withServer(async (server) => {
    // A second grant (Montevideo), approved by the other fund manager, so that cities differ.
    const fm2 = await apiAs(server.base, 'fm2@mmc.demo');
    const proposed = (await fm2.get('/proposals?state=award_proposed&limit=1')).items[0];
    await fm2.transition('proposals', proposed.id, 'approve');
    const api = await apiAs(server.base, 'auditor@mmc.demo');
    const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
    await page.locator('#nav a[href="#/chart"]').click();
    assert.equal(await heading(page), 'Planned and disbursed money');
    const perCall = await assertChartMatches(page, api, 'call');
    assert.ok(perCall.items.some((it) => it.disbursed > 0 && it.planned > it.disbursed), 'some money planned is not yet disbursed');
    assert.equal(await page.locator('.segmented a[aria-current="true"]').textContent(), 'By call');
    await screenshot(page, 'fund-chart');
    await page.getByRole('link', { name: 'By city' }).click();
    await page.waitForURL(/#\/chart\?by=city$/);
    await page.locator('.fund-chart[data-by="city"]').waitFor();
    const perCity = await assertChartMatches(page, api, 'city');
    assert.ok(perCity.items.length >= 2, 'two cities have grants');
    assert.ok(perCity.items.some((it) => it.name === proposed.city.name));
    assertNoErrors(page);
    await page.context().close();
  });
});

test('the workflow diagrams draw every state of every machine, and mark the current state where a page asks', async () => {
  await withServer(async (server) => {
    const api = await apiAs(server.base, 'applicant@kampala.demo');
    const { machines } = await api.get('/workflows');
    const page = await signedInPage(browser, server.base, 'applicant@kampala.demo');
    assert.equal(await page.locator('#nav a[href="#/board"]').count(), 0, 'applicants have no board');
    await page.locator('#nav a[href="#/workflows"]').click();
    assert.equal(await heading(page), 'Workflows');
    for (const m of machines) {
      const fig = page.locator(`figure.wf-diagram[data-machine="${m.name}"]`);
      const drawn = await fig.locator('g.wf-node').evaluateAll((gs) => gs.map((g) => [g.dataset.state, g.textContent.trim()]));
      assert.deepEqual(drawn.map(([s]) => s).sort(), [...m.states].sort(), `every state of ${m.name}`);
      assert.ok(drawn.every(([, text]) => text.length > 0), `every box of ${m.name} is labelled`);
      assert.equal(await fig.locator('g.wf-node.current').count(), 0);
      assert.equal(await fig.locator('.wf-text li').count(), m.transitions.length, `the transitions of ${m.name} in words`);
      assert.equal(await page.locator(`section[data-machine="${m.name}"] tbody tr`).count(), m.transitions.length);
      assert.equal(await fig.locator('svg').getAttribute('role'), 'img');
    }
    assert.ok(await page.locator('figure[data-machine="proposal"] .wf-edge-label', { hasText: 'Start screening' }).count() > 0);
    await screenshot(page, 'fund-workflows');

    await page.goto('/#/workflows?machine=proposal&state=screening');
    await heading(page);
    const current = page.locator('figure[data-machine="proposal"] g.wf-node.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-state'), 'screening');
    assert.match(await current.textContent(), /Screening.*current state/);
    assert.match(await page.locator('figure[data-machine="proposal"] svg desc').textContent(), /Current state: Screening\./);
    assert.equal(await page.locator('g.wf-node.current').count(), 1, 'only the asked machine marks a state');

    // As another page would call it.
    const direct = await page.evaluate(async () => {
      const { workflowDiagram } = await import('/js/components/diagram.js');
      const fig = await workflowDiagram('tranche', 'verified');
      fig.id = 'direct';
      document.querySelector('main').append(fig);
      const svg = fig.querySelector('svg');
      return {
        states: [...fig.querySelectorAll('g.wf-node')].map((g) => g.dataset.state),
        current: [...fig.querySelectorAll('g.wf-node.current')].map((g) => [g.dataset.state, g.querySelector('rect').getBoundingClientRect().width > 0, getComputedStyle(g.querySelector('rect')).strokeWidth]),
        plain: getComputedStyle(fig.querySelector('g.wf-node:not(.current) rect')).strokeWidth,
        title: document.getElementById(svg.getAttribute('aria-labelledby')).textContent,
        marker: fig.querySelector('g.wf-node.current .wf-marker')?.textContent,
        words: fig.querySelector('.wf-text-current')?.textContent,
      };
    });
    const tranche = machines.find((m) => m.name === 'tranche');
    assert.deepEqual(direct.states.sort(), [...tranche.states].sort());
    assert.deepEqual(direct.current, [['verified', true, '4px']]);
    assert.notEqual(direct.plain, '4px', 'the current state has a thicker border');
    assert.equal(direct.title, 'Workflow diagram: Tranche (disbursement)');
    assert.match(direct.marker, /current state/);
    assert.equal(direct.words, 'Current state: Verified.');
    assertNoErrors(page);
    await page.context().close();
  });
});

test('keyboard: the board is reached from the navigation and every card takes the focus in turn', async () => {
  await withServer(async (server) => {
    const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
    await heading(page);
    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.className ?? '');
    let steps = 0;
    while ((await focusedHref()) !== '#/board' && steps < 40) { await page.keyboard.press('Tab'); steps += 1; }
    assert.equal(await focusedHref(), '#/board', 'the board link is reached with Tab');
    await page.keyboard.press('Enter');
    assert.equal(await heading(page), 'Pipeline board');
    // The proposals' open columns come first; their final columns, the grants' and the tranches' follow.
    const cards = await page.locator('.board-section[data-machine="proposal"] > .board-scroll a.board-card').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(cards.length >= 8, 'the open columns have cards');
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('board-scroll'))) && steps < 120) { await page.keyboard.press('Tab'); steps += 1; }
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('board-scroll')), 'the scrolling board takes the focus');
    const reached = [];
    for (let i = 0; i < cards.length + 20 && reached.length < cards.length; i += 1) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a.classList.contains('board-card')) return null;
        const r = a.getBoundingClientRect(); const box = a.closest('.board-scroll').getBoundingClientRect();
        return { href: a.getAttribute("href"), visible: r.left >= box.left - 1 && r.right <= box.right + 1, r: [r.left, r.right, box.left, box.right] };
      });
      if (at) { reached.push(at.href); assert.ok(at.visible, `${at.href} is scrolled into view when focused ${at.r}`); }
    }
    assert.deepEqual(reached, cards, 'every card takes the focus, column after column');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === cards[cards.length - 2]);
    assertNoErrors(page);
    await page.context().close();
  });
});

test('at 360 px wide nothing spills out of the page (only the scroll wrappers scroll sideways) and axe finds nothing to fix', async () => {
  await withServer(async (server) => {
    const page = await signedInPage(browser, server.base, 'fm1@mmc.demo', { viewport: { width: 360, height: 740 } });
    for (const route of ['/board', '/chart', '/chart?by=city', '/workflows', '/workflows?machine=grant&state=suspended']) {
      await page.goto(`/#${route}`);
      await heading(page);
      const report = await page.evaluate(() => {
        const wrappers = '.board-scroll, .diagram-scroll, .chart-scroll, .table-wrap';
        const out = [...document.querySelectorAll('main *')]
          .filter((el) => !el.parentElement.closest(wrappers) && el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className?.baseVal ?? el.className}`);
        const scrollers = [...document.querySelectorAll(wrappers)].map((w) => ({ scrolls: w.scrollWidth > w.clientWidth, focusable: w.tabIndex === 0 }));
        return { page: document.documentElement.scrollWidth, out, scrollers };
      });
      assert.equal(report.page, 360, `${route}: the page itself is not wider than the phone`);
      assert.deepEqual(report.out, [], `${route}: nothing outside a scroll wrapper is cut off`);
      assert.ok(report.scrollers.some((s) => s.scrolls), `${route}: something does scroll sideways in its wrapper`);
      assert.ok(report.scrollers.every((s) => s.focusable), `${route}: every scroll wrapper can be scrolled from the keyboard`);
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
      assert.deepEqual(await axe(page), [], `${route}: no WCAG 2.1 AA rule is broken`);
    }
    assertNoErrors(page);
    await page.context().close();
  });
});
