// Accessibility of every page: for each role, every page of its navigation and the record
// pages it reaches are scanned by axe-core (WCAG 2.1 A/AA); no serious or critical violation is
// allowed. The same pages at 360 px wide must not overflow sideways. A screenshot of each is
// kept under the build folder.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { axe, heading, launch, screenshot, signedInPage, assertNoErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
const findings = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.stop();
  console.log(`axe: ${findings.length} pages scanned; violations by impact: ${JSON.stringify(tally())}`);
});

function tally() {
  const out = {};
  for (const f of findings) for (const v of f.violations) out[v.impact] = (out[v.impact] ?? 0) + 1;
  return out;
}

// The record pages each role should reach, found through the API.
async function recordPages(email) {
  const api = await apiClient(server.base, email);
  const pages = [];
  const proposals = await api.get('/proposals?limit=3');
  for (const p of proposals.items) pages.push(`/proposals/${p.id}`);
  const grants = await api.get('/grants?limit=2');
  for (const g of grants.items) {
    pages.push(`/grants/${g.id}`);
    const reports = await api.get(`/grants/${g.id}/reports`);
    if (reports.items[0]) pages.push(`/reports/${reports.items[0].id}`);
  }
  // A donor's summary (money and results) for those offered the Donors page.
  if (['fund_manager', 'auditor', 'admin'].some((r) => api.user.roles.includes(r))) {
    const donors = await api.get('/donors');
    if (donors.items[0]) pages.push(`/donors/${donors.items[0].id}`);
  }
  // An admin's page of one user (the account, lock, password, second factor and sessions).
  if (api.user.roles.includes('admin')) {
    const users = await api.get('/users');
    const other = users.items.find((u) => u.id !== api.user.id);
    if (other) pages.push(`/admin/users/${other.id}`);
  }
  if (api.user.roles.includes('partner') && proposals.items[0]) {
    const assignments = await api.get(`/proposals/${proposals.items[0].id}/assignments`).catch(() => ({ items: [] }));
    const mine = assignments.items.find((a) => a.partner_org_id === api.user.organisation.id);
    if (mine) pages.push(`/assignments/${mine.id}`);
  }
  return pages;
}

async function scan(page, name) {
  const title = await heading(page);
  const violations = await axe(page);
  findings.push({ name, violations });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name} (${title}) has serious or critical accessibility violations`);
}

const USERS = ['applicant@kampala.demo', 'reviewer@iom.demo', 'fm1@mmc.demo', 'admin@mmc.demo', 'auditor@mmc.demo'];

for (const email of USERS) {
  test(`every page of ${email} passes axe with no serious or critical violation`, async () => {
    const page = await signedInPage(browser, server.base, email);
    await heading(page);
    const navLinks = await page.locator('#nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice(1)));
    assert.ok(navLinks.length >= 2, 'the navigation offers pages');
    const paths = [...new Set([...navLinks, ...(await recordPages(email))])];
    const role = email.split('@')[0];
    for (const path of paths) {
      await page.goto(`/#${path}`);
      await scan(page, `${role} ${path}`);
      await screenshot(page, `a11y-${role}${path.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    assertNoErrors(page);
    await page.context().close();
  });

  test(`every page of ${email} fits 360 px without sideways scrolling`, async () => {
    const page = await signedInPage(browser, server.base, email, { viewport: { width: 360, height: 740 } });
    await heading(page);
    const navLinks = await page.locator('#nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href').slice(1)));
    for (const path of [...new Set([...navLinks, ...(await recordPages(email))])]) {
      await page.goto(`/#${path}`);
      await heading(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${path} is ${width} px wide at 360 px`);
    }
    await page.context().close();
  });
}

test('the keyboard alone reaches the navigation and the language switch', async () => {
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await heading(page);
  const reached = new Set();
  // From the page's heading through the start page's inbox and cards, round to the frame.
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('href') || document.activeElement?.tagName));
  }
  assert.ok(reached.has('language'), 'the language switch is reachable');
  assert.ok(reached.has('sign-out'), 'sign-out is reachable');
  assert.ok([...reached].some((r) => String(r).startsWith('#/')), 'navigation links are reachable');
  await page.context().close();
});
