// Every event a timeline can show has a label in each language's events catalog: every event of
// every workflow machine (as `citygrants workflow` prints the machines) under its machine, and
// every other event of the demo fund's audit chain, so that no timeline shows a raw event name
// ("set supporting partner"). Then a proposal's timeline, read in the four languages.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, openPage, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../web/console');
const LANGS = ['en', 'fr', 'es', 'pt'];
const catalog = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(path.join(root, 'i18n', l, 'events.json'), 'utf8'))]));
// The audit entities that are records of a machine (the console's components/event_names.js).
const MACHINE_OF_ENTITY = { proposal: 'proposal', review_assignment: 'review_assignment', grant: 'grant', tranche: 'tranche', report: 'report', call: 'call', amendment: 'amendment' };

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('every event of every workflow machine has its label in each language', () => {
  const { machines } = JSON.parse(execFileSync(process.env.CITYGRANTS_BIN, ['workflow'], { encoding: 'utf8' }));
  let events = 0;
  for (const m of machines) {
    for (const event of new Set(m.transitions.map((tr) => tr.event))) {
      events += 1;
      for (const lang of LANGS) {
        const text = catalog[lang][`events.${m.name}.${event}`];
        assert.ok(text && text.trim(), `${lang}: events.${m.name}.${event} is missing`);
        assert.notEqual(text, event.replaceAll('_', ' '), `${lang}: events.${m.name}.${event} is the raw name`);
      }
    }
  }
  assert.ok(events >= 40, `${events} workflow events`);
});

test('every event of the demo fund\'s audit chain has a label in each language', async () => {
  const auditor = await apiClient(server.base, 'auditor@mmc.demo');
  const seen = new Set();
  let before;
  for (;;) {
    const page = await auditor.get(`/audit?limit=500${before ? `&before=${before}` : ''}`);
    for (const e of page.items) seen.add(`${e.entity}:${e.event}`);
    if (!page.next) break;
    before = page.next;
  }
  assert.ok(seen.has('proposal:set_supporting_partner'), 'the demo names supporting partners');
  for (const pair of seen) {
    const [entity, event] = pair.split(':');
    const machine = MACHINE_OF_ENTITY[entity];
    for (const lang of LANGS) {
      const text = (machine && catalog[lang][`events.${machine}.${event}`]) || catalog[lang][`events.${event}`];
      assert.ok(text, `${lang}: no label for ${event} of a ${entity}`);
    }
  }
});

test('a proposal\'s timeline names each event in words in the four languages, never by its raw name', async () => {
  const fm = await apiClient(server.base, 'fm1@mmc.demo');
  const proposal = (await fm.get('/proposals?state=reviewed')).items[0];
  const { items } = await fm.get(`/proposals/${proposal.id}/timeline`);
  assert.ok(items.some((i) => i.event === 'set_supporting_partner'));
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  for (const lang of LANGS) {
    if (await page.locator('#language').inputValue() !== lang) {
      await page.locator('#language').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    await openPage(page, `/proposals/${proposal.id}`);
    await heading(page);
    const shown = await page.locator('main ol.timeline > li').evaluateAll((lis) => lis.map((li) => ({
      event: li.dataset.event, entity: li.dataset.entity, what: li.querySelector('.what strong').textContent,
    })));
    assert.equal(shown.length, items.length);
    for (const s of shown) {
      const machine = MACHINE_OF_ENTITY[s.entity];
      const expected = (machine && catalog[lang][`events.${machine}.${s.event}`]) || catalog[lang][`events.${s.event}`];
      assert.equal(s.what, expected, `${lang}: ${s.event}`);
      assert.notEqual(s.what.toLowerCase(), s.event.replaceAll('_', ' '), `${lang}: ${s.event} shown raw`);
    }
    assert.ok(shown.some((s) => s.what === catalog[lang]['events.set_supporting_partner']));
  }
  assertNoErrors(page);
  await page.context().close();
});
