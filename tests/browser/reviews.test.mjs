// The reviews area: a fund manager assigns partner organisations from the proposal page; each
// partner, in their own browser, declares no conflict (or declines with a reason), scores the
// weighted rubric with the live mean, saves and submits; the fund manager compares the reviews and
// sees the spread flagged. Every outcome is checked in the page and through the API. Each test
// runs against a fresh demo fund.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { assertNoErrors, axe, heading, launch, screenshot, signedInPage } from './lib/browser.mjs';
import { signInBody, steppedUpIfAsked } from './lib/api.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
beforeEach(async () => { server = await startServer(); browser = await launch(); });
afterEach(async () => { await browser?.close(); await server?.stop(); });

// A signed-in API client for `email` (session cookie + CSRF token), as the console itself is.
async function apiAs(email) {
  const res = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: await signInBody(server.base, email),
  });
  assert.ok(res.ok, `sign-in of ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await res.json();
  const call = async (method, path, body, etag) => {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = etag;
    const r = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await r.json().catch(() => null);
    if (await steppedUpIfAsked(server.base, email, r.status, data, cookie, csrf)) return call(method, path, body, etag);
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  };
  return { get: (p) => call('GET', p), post: (p, b, e) => call('POST', p, b, e) };
}

async function seriousViolations(page) {
  return (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// The proposal page with its review panels rendered.
async function openProposal(page, id) {
  if (page.url().endsWith(`#/proposals/${id}`)) await page.reload();
  else await page.goto(`/#/proposals/${id}`);
  await heading(page);
  await page.locator('.review-panels').waitFor();
}

async function assignFromPanel(page, orgName) {
  const form = page.locator('form.assign-form');
  await form.getByLabel('Partner organisation').selectOption({ label: orgName });
  await form.getByRole('button', { name: 'Assign' }).click();
  await page.locator('.review-panels tbody tr', { hasText: orgName }).waitFor();
}

// The signed-in partner opens their assignment of `reference` from the queue.
async function openFromQueue(page, reference, linkText) {
  await page.goto('/#/reviews');
  assert.equal(await heading(page), 'My review queue');
  const row = page.locator('.queue-group tbody tr', { hasText: reference });
  await row.getByRole('link', { name: new RegExp(`^${linkText}`) }).click();
  assert.equal(await heading(page), `Review of ${reference}`);
}

// Accepts the assignment in the actions dialog: first without the declaration (refused, in words,
// next to the checkbox), then with it.
async function declareNoConflict(page) {
  await page.getByRole('button', { name: 'Accept and declare no conflict' }).click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.locator('.field-error', { hasText: 'Tick the declaration to continue.' }).waitFor();
  await dialog.getByLabel(/I declare that neither I nor my organisation/).check();
  await dialog.locator('button[type="submit"]').click();
  await page.locator('main .page-header .badge[data-state="in_progress"]').waitFor();
}

// Scores every criterion of the open rubric (scores: {code: 1..5}); the last criterion is set with
// the keyboard (one below, then the right arrow). Checks the live weighted mean along the way.
async function scoreRubric(page, criteria, scores, expectedMean) {
  const mean = page.locator('output.live-mean');
  for (const [i, c] of criteria.entries()) {
    const group = page.locator(`fieldset.criterion[data-criterion="${c.code}"]`);
    assert.match(await group.locator('legend').textContent(), new RegExp(`weight ${c.weight} %`));
    if (i === criteria.length - 1) {
      await group.getByRole('radio').nth(scores[c.code] - 2).check();
      await page.keyboard.press('ArrowRight');
      assert.equal(await group.getByRole('radio', { checked: true }).getAttribute('value'), String(scores[c.code]));
    } else {
      await group.getByRole('radio').nth(scores[c.code] - 1).check();
    }
    await group.getByLabel('Comment on this criterion (optional)').fill(`Comment on ${c.code}`);
    if (i === 0) assert.match(await mean.textContent(), new RegExp(`: ${scores[c.code]}\\.00 out of 5 \\(1 of ${criteria.length}`));
  }
  assert.match(await mean.textContent(), new RegExp(`: ${expectedMean} out of 5 \\(${criteria.length} of ${criteria.length} criteria scored\\)`));
}

async function submitReview(page) {
  await page.getByRole('button', { name: 'Submit the review' }).click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  await dialog.locator('button[type="submit"]').click();
  await page.locator('main .page-header .badge[data-state="submitted"]').waitFor();
}

test('two partners review a proposal assigned from its page, and the fund manager sees the spread flagged', async () => {
  const fm = await apiAs('fm1@mmc.demo');
  const screening = (await fm.get('/proposals?state=screening')).items;
  assert.ok(screening.length, 'the demo fund has a proposal in screening');
  const target = screening[0];
  assert.equal((await fm.get(`/proposals/${target.id}/assignments`)).items.length, 0);
  const full = await fm.get(`/proposals/${target.id}`);
  const { criteria } = await fm.get(`/calls/${target.call_id}`);
  const orgs = Object.fromEntries((await fm.get('/organisations?kind=partner')).items.map((o) => [o.name, o.id]));

  // The fund manager assigns IOM and UNHCR from the proposal page.
  const manager = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openProposal(manager, target.id);
  await assignFromPanel(manager, 'IOM');
  await assignFromPanel(manager, 'UNHCR');
  const offered = await manager.locator('form.assign-form select option').allTextContents();
  assert.ok(!offered.includes('IOM') && !offered.includes('UNHCR') && offered.includes('C40 Cities'), `still offered: ${offered}`);
  const assigned = (await fm.get(`/proposals/${target.id}/assignments`)).items;
  assert.deepEqual(assigned.map((a) => [a.partner_org_id, a.state]).sort(), [[orgs.IOM, 'assigned'], [orgs.UNHCR, 'assigned']].sort());
  const byOrg = Object.fromEntries(assigned.map((a) => [a.partner_org_id, a]));

  // IOM: the queue, the title page only before declaring, then the full proposal and the rubric.
  const iom = await signedInPage(browser, server.base, 'reviewer@iom.demo');
  await iom.goto('/#/reviews');
  await heading(iom);
  await iom.locator('.queue-group[data-state="assigned"] tbody tr', { hasText: target.reference }).waitFor();
  await screenshot(iom, 'reviews-queue');
  await openFromQueue(iom, target.reference, 'Declare or decline');
  assert.equal(await iom.locator('.proposal-summary').count(), 0);
  assert.ok(!(await iom.locator('main').textContent()).includes(full.current.summary), 'no summary before the declaration');
  assert.match(await iom.locator('main').textContent(), new RegExp(target.city.name));
  await declareNoConflict(iom);
  assert.equal((await iom.locator('.proposal-summary').first().textContent()).trim(), full.current.summary.trim());
  // The results framework the city promised, as the reviewer scores it.
  const people = full.current.indicators.find((i) => i.indicator === 'people_reached');
  const plan = iom.locator('.framework-view [data-indicator="people_reached"]');
  assert.equal(await plan.count(), 1);
  assert.equal((await plan.locator('.target-value').first().textContent()).trim(), people.targets[0].total.toLocaleString('en-GB'));
  const iomScores = Object.fromEntries(criteria.map((c) => [c.code, 5]));
  await scoreRubric(iom, criteria, iomScores, '5.00');
  await iom.getByLabel('Overall comment').fill('Strong, well-designed programme with clear inclusion of refugees.');
  await iom.getByRole('button', { name: 'Save the draft' }).click();
  await iom.locator('form.rubric .notice.ok', { hasText: 'Your scores are saved.' }).waitFor();
  const savedIom = (await fm.get(`/assignments/${byOrg[orgs.IOM].id}/scores`)).items;
  assert.equal(savedIom.length, criteria.length);
  assert.ok(savedIom.every((s) => s.score === 5));
  assert.equal(savedIom.find((s) => s.criterion_id === criteria[0].id).comment, `Comment on ${criteria[0].code}`);
  // The submit guard, checked before the server is asked: no overall comment, no submission.
  await iom.getByLabel('Overall comment').fill('');
  await iom.getByRole('button', { name: 'Submit the review' }).click();
  await iom.locator('.field-error', { hasText: 'Write an overall comment before you submit.' }).waitFor();
  assert.equal((await fm.get(`/assignments/${byOrg[orgs.IOM].id}`)).state, 'in_progress');
  await iom.getByLabel('Overall comment').fill('Strong, well-designed programme with clear inclusion of refugees.');
  assert.deepEqual(await seriousViolations(iom), []);
  await screenshot(iom, 'reviews-assignment');
  await submitReview(iom);
  assert.equal((await fm.get(`/assignments/${byOrg[orgs.IOM].id}`)).state, 'submitted');

  // UNHCR: declares, scores lower (one criterion by keyboard), submits, then sees both reviews.
  const unhcr = await signedInPage(browser, server.base, 'reviewer@unhcr.demo');
  await openFromQueue(unhcr, target.reference, 'Declare or decline');
  assert.equal(await unhcr.locator('.proposal-summary').count(), 0);
  await declareNoConflict(unhcr);
  const low = Object.fromEntries(criteria.map((c, i) => [c.code, i === criteria.length - 1 ? 3 : 2]));
  const lowMilli = Math.round((criteria.reduce((s, c) => s + low[c.code] * c.weight, 0) * 1000) / criteria.reduce((s, c) => s + c.weight, 0));
  const lowText = (lowMilli / 1000).toFixed(2);
  await scoreRubric(unhcr, criteria, low, lowText.replace('.', '\\.'));
  await unhcr.getByLabel('Overall comment').fill('The workplan is thin and the budget lacks detail on outreach.');
  await unhcr.getByRole('button', { name: 'Save the draft' }).click();
  await unhcr.locator('form.rubric .notice.ok').waitFor();
  await submitReview(unhcr);
  const seen = unhcr.locator('.review-comparison tfoot td.review-mean');
  assert.deepEqual(await seen.allTextContents(), ['5.00', lowText]);
  assert.equal((await fm.get(`/assignments/${byOrg[orgs.UNHCR].id}`)).state, 'submitted');

  // The fund manager's comparison: both reviews, their means, the mean over reviews, the flag.
  await openProposal(manager, target.id);
  const table = manager.locator('.review-comparison table.comparison');
  assert.deepEqual(await table.locator('thead th.review-col').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent)), ['IOM', 'UNHCR']);
  assert.deepEqual(await table.locator('tfoot td.review-mean').allTextContents(), ['5.00', lowText]);
  const overall = (5000 + lowMilli) / 2;
  assert.equal(await manager.locator('.review-comparison .overall-mean').textContent(), (Math.round(overall / 10) / 100).toFixed(2));
  const flag = manager.locator('.review-comparison .spread-flag');
  assert.match(await flag.textContent(), /⚠\s*Large spread: the reviews differ by \d\.\d\d points, more than 1\.5/);
  for (const state of await manager.locator('.review-panels tbody tr .badge').allTextContents()) assert.equal(state, 'Submitted');
  const reviews = await fm.get(`/proposals/${target.id}/reviews`);
  assert.equal(reviews.summary.reviews, 2);
  assert.equal(reviews.summary.spread_flag, true);
  assert.deepEqual(reviews.items.map((r) => r.mean_milli).sort((a, b) => b - a), [5000, lowMilli]);
  assert.deepEqual(await seriousViolations(manager), []);
  await manager.locator('.review-comparison').scrollIntoViewIfNeeded();
  await screenshot(manager, 'reviews-comparison');
  for (const page of [manager, iom, unhcr]) assertNoErrors(page);
});

test('a partner who has not declared sees only the title page, and may decline with a reason', async () => {
  const fm = await apiAs('fm1@mmc.demo');
  const inReview = (await fm.get('/proposals?state=in_review')).items;
  let target;
  let waiting;
  for (const p of inReview) {
    waiting = (await fm.get(`/proposals/${p.id}/assignments`)).items.find((a) => a.state === 'assigned');
    if (waiting) { target = p; break; }
  }
  assert.ok(waiting, 'the demo fund has an assignment waiting for its declaration');
  const orgNames = Object.fromEntries((await fm.get('/organisations?kind=partner')).items.map((o) => [o.id, o.name]));
  const partnerEmail = { IOM: 'reviewer@iom.demo', UNHCR: 'reviewer@unhcr.demo', 'C40 Cities': 'reviewer@c40.demo', UCLG: 'reviewer@uclg.demo', 'UN-Habitat': 'reviewer@unhabitat.demo' }[orgNames[waiting.partner_org_id]];
  const full = await fm.get(`/proposals/${target.id}`);

  const partner = await signedInPage(browser, server.base, partnerEmail);
  const partnerApi = await apiAs(partnerEmail);
  const seen = await partnerApi.get(`/proposals/${target.id}`);
  assert.equal(seen.full_access, false);
  assert.equal(seen.current.summary, undefined);
  await openFromQueue(partner, target.reference, 'Declare or decline');
  const text = await partner.locator('main').textContent();
  for (const shown of [target.reference, target.title, target.city.name]) assert.ok(text.includes(shown), `shows ${shown}`);
  assert.ok(!text.includes(full.current.summary), 'the summary stays hidden');
  assert.equal(await partner.locator('form.rubric, .proposal-summary').count(), 0);
  assert.deepEqual(await partner.locator('main .actions button').allTextContents(), ['Accept and declare no conflict', 'Decline']);
  assert.deepEqual(await seriousViolations(partner), []);

  // The proposal page, for the partner, only points to their review.
  await openProposal(partner, target.id);
  const ours = partner.locator('.review-panels a', { hasText: `Open our review of version ${waiting.version_number}` });
  assert.equal(await ours.getAttribute('href'), `#/assignments/${waiting.id}`);
  assert.equal(await partner.locator('.review-panels table, .review-panels form').count(), 0);
  await ours.click();
  assert.equal(await heading(partner), `Review of ${target.reference}`);

  // Declining needs a reason, asked in the dialog and refused in words without one.
  await partner.getByRole('button', { name: 'Decline' }).click();
  const dialog = partner.locator('dialog.action-dialog');
  await dialog.locator('button[type="submit"]').click();
  await dialog.locator('.field-error').waitFor();
  await dialog.getByLabel(/Why do you decline/).fill('We advised the city on this proposal: a conflict of interest.');
  await dialog.locator('button[type="submit"]').click();
  await partner.locator('main .page-header .badge[data-state="declined"]').waitFor();
  assert.match(await partner.locator('main q.reason').textContent(), /conflict of interest/);
  const declined = await fm.get(`/assignments/${waiting.id}`);
  assert.equal(declined.state, 'declined');
  assert.match(declined.reason, /a conflict of interest/);
  await partner.goto('/#/reviews');
  await heading(partner);
  await partner.locator('.queue-group[data-state="assigned"]').waitFor();
  assert.equal(await partner.locator('.queue-group[data-state="assigned"] tbody tr', { hasText: target.reference }).count(), 0);

  // The fund manager sees the refusal and may assign that organisation again, but not one that
  // still reviews; cancelling an assignment from the panel works too.
  const manager = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openProposal(manager, target.id);
  const row = manager.locator('.review-panels tbody tr', { hasText: orgNames[waiting.partner_org_id] });
  assert.match(await row.textContent(), /Declined.*conflict of interest/);
  const active = (await fm.get(`/proposals/${target.id}/assignments`)).items.filter((a) => ['assigned', 'in_progress', 'submitted'].includes(a.state));
  const offered = await manager.locator('form.assign-form select option').allTextContents();
  assert.ok(offered.includes(orgNames[waiting.partner_org_id]));
  for (const a of active) assert.ok(!offered.includes(orgNames[a.partner_org_id]), `${orgNames[a.partner_org_id]} is not offered again`);
  await assignFromPanel(manager, 'UCLG');
  const uclgRow = manager.locator('.review-panels tbody tr', { hasText: 'UCLG' });
  await uclgRow.getByRole('button', { name: 'Cancel' }).click();
  await manager.locator('dialog.action-dialog button[type="submit"]').click();
  await manager.locator('.review-panels tbody tr', { hasText: 'UCLG' }).locator('.badge[data-state="cancelled"]').waitFor();
  const uclg = (await fm.get(`/proposals/${target.id}/assignments`)).items.find((a) => orgNames[a.partner_org_id] === 'UCLG');
  assert.equal(uclg.state, 'cancelled');
  for (const page of [partner, manager]) assertNoErrors(page);
});

test('auditors read the panels without controls, applicants see none, and the fund sees every assignment', async () => {
  const fm = await apiAs('fm1@mmc.demo');
  const reviewed = (await fm.get('/proposals?state=reviewed')).items[0];
  assert.ok(reviewed, 'the demo fund has a reviewed proposal');
  const comparison = await fm.get(`/proposals/${reviewed.id}/reviews`);
  assert.ok(comparison.items.length >= 1);

  const auditor = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  await auditor.goto(`/#/proposals/${reviewed.id}/reviews`);
  assert.equal(await heading(auditor), `Reviews of ${reviewed.reference}`);
  await auditor.locator('.review-comparison').waitFor();
  assert.equal(await auditor.locator('form.assign-form').count(), 0);
  assert.equal(await auditor.locator('.review-panels button').count(), 0);
  assert.deepEqual(await auditor.locator('.review-comparison tfoot td.review-mean').allTextContents(),
    comparison.items.map((r) => (r.mean_milli / 1000).toFixed(2)));
  assert.equal(await auditor.locator('.review-comparison .spread-flag').count(), comparison.summary.spread_flag ? 1 : 0);
  assert.deepEqual(await seriousViolations(auditor), []);

  // The fund manager's queue lists every organisation's assignments, filtered by state.
  const manager = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await manager.goto('/#/reviews');
  assert.equal(await heading(manager), 'Review assignments');
  await manager.getByLabel('Show').selectOption('submitted');
  await manager.getByRole('button', { name: 'Filter' }).click();
  await manager.waitForURL(/state=submitted/);
  await heading(manager);
  const rows = manager.locator('main tbody tr');
  const all = [];
  for (const p of (await fm.get('/proposals?limit=200')).items) all.push(...(await fm.get(`/proposals/${p.id}/assignments`)).items);
  await rows.first().waitFor();
  assert.equal(await rows.count(), all.filter((a) => a.state === 'submitted').length);
  assert.match(await rows.first().textContent(), /IOM|UNHCR|C40|UCLG|UN-Habitat/);

  // A city's applicant: the proposal page carries no review panel.
  const city = reviewed.city.name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const applicantApi = await apiAs(`applicant@${city}.demo`);
  assert.equal((await applicantApi.get(`/proposals/${reviewed.id}`)).id, reviewed.id);
  const applicant = await signedInPage(browser, server.base, `applicant@${city}.demo`);
  await applicant.goto(`/#/proposals/${reviewed.id}`);
  await heading(applicant);
  await applicant.waitForTimeout(200);
  assert.equal(await applicant.locator('.review-panels').count(), 0);

  // The queue on a phone: the table scrolls inside its frame, the page does not.
  const phone = await signedInPage(browser, server.base, 'reviewer@iom.demo', { viewport: { width: 360, height: 740 } });
  await phone.goto('/#/reviews');
  await heading(phone);
  await phone.locator('.queue-group tbody tr').first().waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll of the page');
  for (const page of [auditor, manager, applicant, phone]) assertNoErrors(page);
});
