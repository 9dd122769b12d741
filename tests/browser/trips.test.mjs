// Small things a user tripped on (issue 15, part 8), each fixed and held here: "Sign out" showing
// before sign-in; the role picker choosing a role by itself; the menu wrapping on a 1366 px
// screen; an action's notice following the user to the next page; amounts typed the French way
// coming back the English way. (Event names in timelines: event_labels.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signedInPage, watchErrors } from './lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

const LANGS = ['en', 'fr', 'es', 'pt'];
// One login per role of DESIGN §1; the fund manager's menu is the longest.
const LOGINS = ['fm1@mmc.demo', 'admin@mmc.demo', 'auditor@mmc.demo', 'reviewer@iom.demo', 'applicant@kampala.demo'];

async function inLanguage(page, lang) {
  if (await page.locator('#language').inputValue() === lang) return;
  await page.locator('#language').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('"Sign out" shows only while someone is signed in', async () => {
  const context = await browser.newContext({ baseURL: server.base, locale: 'en-GB' });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/');
  assert.equal(await heading(page), 'Sign in');
  assert.equal(await page.locator('#sign-out').isVisible(), false, 'no sign-out button before sign-in');
  assert.equal(await page.locator('#nav a').count(), 0);
  await page.locator('form.signin input[name="email"]').fill('auditor@mmc.demo');
  await page.locator('form.signin input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form.signin button[type="submit"]').click();
  await page.locator('#sign-out').waitFor({ state: 'visible' });
  await page.locator('#sign-out').click();
  await page.waitForURL(/#\/sign-in/);
  assert.equal(await heading(page), 'Sign in');
  assert.equal(await page.locator('#sign-out').isVisible(), false, 'gone again after sign-out');
  assertNoErrors(page);
  await context.close();
});

test('the role picker chooses nothing by itself and asks for a choice', async () => {
  const admin = await apiClient(server.base, 'admin@mmc.demo');
  const clerk = await admin.post('/users', {
    email: 'clerk@mmc.demo', name: 'Grace Clerk', organisation: 'Mayors Migration Council',
    roles: ['auditor'], password: 'clerk-pass-2026-x', language: 'en',
  });
  const page = await signedInPage(browser, server.base, 'admin@mmc.demo');
  await openPage(page, '/admin/users');
  const row = page.locator(`tr[data-user="${clerk.id}"]`);
  const picker = row.locator('.grant-role select');
  assert.equal(await picker.inputValue(), '', 'no role is chosen before the admin chooses one');
  assert.equal(await picker.locator('option:checked').textContent(), 'Choose a role…');
  assert.deepEqual(await picker.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['', 'fund_manager', 'admin']);
  await row.getByRole('button', { name: 'Grant' }).click();
  await row.locator('.field-error').waitFor();
  assert.equal(await row.locator('.field-error').textContent(), 'Choose the role to grant.');
  assert.equal(await picker.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT', 'the focus goes to the picker');
  assert.deepEqual((await admin.get('/users')).items.find((u) => u.id === clerk.id).roles, ['auditor'], 'nothing was granted');
  assert.deepEqual(await axe(page), [], 'the refusal is accessible');
  await picker.selectOption('fund_manager');
  assert.equal(await row.locator('.field-error').isVisible(), false);
  await row.getByRole('button', { name: 'Grant' }).click();
  await page.locator(`tr[data-user="${clerk.id}"] .role-list li[data-role="fund_manager"]`).waitFor();
  assert.deepEqual((await admin.get('/users')).items.find((u) => u.id === clerk.id).roles.sort(), ['auditor', 'fund_manager']);
  assertNoErrors(page);
  await page.context().close();
});

// The menu's entries as shown: the visible ones with their top edge, and those under "More".
async function menu(page) {
  return page.evaluate(() => {
    const main = [...document.querySelectorAll('#nav ul.nav-main > li:not(.nav-more)')];
    const more = [...document.querySelectorAll('#nav .nav-more-list > li')];
    const moreItem = document.querySelector('#nav li.nav-more');
    const visible = main.concat(moreItem && !moreItem.hidden ? [moreItem] : []);
    return {
      tops: visible.map((li) => Math.round(li.getBoundingClientRect().top)),
      bottoms: visible.map((li) => Math.round(li.getBoundingClientRect().bottom)),
      navHeight: document.getElementById('nav').getBoundingClientRect().height,
      shown: main.map((li) => li.querySelector('a').getAttribute('href')),
      more: more.map((li) => li.querySelector('a').getAttribute('href')),
      right: Math.max(...visible.map((li) => li.getBoundingClientRect().right)),
    };
  });
}

test('at 1366×768 the menu fits one line for every role in every language, the rest under "More"', async () => {
  for (const email of LOGINS) {
    // Every entry of the role, read on a screen wide enough for all of them.
    const wide = await signedInPage(browser, server.base, email, { viewport: { width: 3000, height: 800 } });
    await heading(wide);
    const all = (await menu(wide)).shown;
    assert.deepEqual((await menu(wide)).more, [], `${email}: nothing under "More" on a wide screen`);
    await wide.context().close();

    const page = await signedInPage(browser, server.base, email, { viewport: { width: 1366, height: 768 } });
    await heading(page);
    for (const lang of LANGS) {
      await inLanguage(page, lang);
      const m = await menu(page);
      assert.equal(new Set(m.tops).size, 1, `${email} in ${lang}: the menu is one line (${m.tops})`);
      assert.ok(m.navHeight < 60, `${email} in ${lang}: the menu is one line high (${m.navHeight} px)`);
      assert.ok(m.right <= 1366, `${email} in ${lang}: nothing past the screen's edge`);
      assert.deepEqual([...m.shown, ...m.more], all, `${email} in ${lang}: every entry is there, in order`);
      if (email === 'fm1@mmc.demo' && lang === 'fr') await screenshot(page, 'menu-1366-fund-manager-fr');
    }
    assertNoErrors(page);
    await page.context().close();
  }
});

test('"More" opens and closes from the keyboard, and its entries lead to their pages', async () => {
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo', { lang: 'fr', viewport: { width: 1366, height: 768 } });
  await heading(page);
  await inLanguage(page, 'fr');
  const button = page.locator('#nav .nav-more-button');
  assert.equal(await button.isVisible(), true, 'the fund manager\'s French menu needs "More" at 1366 px');
  assert.equal(await button.textContent(), 'Plus');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const list = page.locator('#nav-more-list');
  assert.equal(await list.isVisible(), true);
  assert.deepEqual(await axe(page), [], 'the open menu is accessible');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await list.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('nav-more-button')), true, 'the focus is back on "More"');
  await button.click();
  const last = list.locator('a').last();
  const target = await last.getAttribute('href');
  await last.click();
  await page.waitForURL((url) => url.hash === target);
  await heading(page);
  assert.equal(await page.locator('#nav .nav-more').evaluate((li) => li.classList.contains('has-current')), true, '"More" shows it holds the page');
  assertNoErrors(page);
  await page.context().close();
});

test('an action\'s notice stays on its page and is gone on the next one', async () => {
  const fm = await apiClient(server.base, 'fm1@mmc.demo');
  const submitted = (await fm.get('/proposals?state=submitted')).items[0];
  assert.ok(submitted, 'the demo has a submitted proposal');
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  // The tests above leave fm1's account in French (the switch saves the language to the account).
  await heading(page);
  await inLanguage(page, 'en');
  await openPage(page, `/proposals/${submitted.id}`);
  await page.locator('.record-actions button[data-event="screen"]').click();
  const dialog = page.locator('dialog.action-dialog');
  await dialog.waitFor();
  await dialog.locator('button[type="submit"]').click();
  await page.locator('.proposal-page[data-state="screening"]').waitFor();
  await page.locator('#toast', { hasText: 'Done: Start screening' }).waitFor();
  // The page showing the result is the same page: the notice is still there.
  assert.match(await page.locator('#toast').textContent(), /Done: Start screening/);
  await page.locator('#nav a[href="#/grants"]').click();
  await heading(page);
  assert.equal(await page.locator('#toast').textContent(), '', 'the notice did not follow to the grants');
  // A notice for the page an action leads to is shown there.
  await page.evaluate(async () => {
    const { toast } = await import('/js/components/ui.js');
    toast('Saved for the board', { page: '#/board' });
    window.location.hash = '#/board';
  });
  await heading(page);
  assert.equal(await page.locator('#toast').textContent(), 'Saved for the board');
  assertNoErrors(page);
  await page.context().close();
});

test('amounts typed in French come back in French, and in each language as it writes them', async () => {
  const city = await apiClient(server.base, 'applicant@dhakanorth.demo');
  const draft = (await city.get('/proposals?state=draft')).items[0];
  assert.ok(draft, 'Dhaka North has a full proposal draft');
  const page = await signedInPage(browser, server.base, 'applicant@dhakanorth.demo', { lang: 'fr' });
  await heading(page);
  await inLanguage(page, 'fr');
  await openPage(page, `/proposals/${draft.id}/edit`);
  await page.locator('input[name="amount"]').fill('450 000,50');
  await page.locator('.budget-line').first().locator('input.line-amount').fill('1 234,56');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await page.locator('#toast', { hasText: 'Enregistré' }).waitFor();
  const saved = await city.get(`/proposals/${draft.id}`);
  assert.equal(saved.current.amount.amount_minor, 45000050);
  assert.equal(saved.current.budget[0].amount.amount_minor, 123456);

  const spaces = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
  const expected = { en: ['450,000.50', '1,234.56'], fr: ['450 000,50', '1 234,56'], es: ['450.000,50', '1.234,56'], pt: ['450.000,50', '1.234,56'] };
  for (const lang of ['fr', 'en', 'es', 'pt']) {
    await inLanguage(page, lang);
    await openPage(page, `/proposals/${draft.id}/edit`);
    const shown = [await page.locator('input[name="amount"]').inputValue(), await page.locator('.budget-line').first().locator('input.line-amount').inputValue()];
    assert.deepEqual(shown.map(spaces), expected[lang], `${lang}: the saved amounts as ${lang} writes them`);
  }
  // Saved again unchanged in Portuguese, they stay the same amounts.
  await page.getByRole('button', { name: 'Salvar o rascunho' }).click();
  await page.locator('#toast').filter({ hasText: /\S/ }).waitFor();
  const again = await city.get(`/proposals/${draft.id}`);
  assert.equal(again.current.amount.amount_minor, 45000050);
  assert.equal(again.current.budget[0].amount.amount_minor, 123456);
  assertNoErrors(page);
  await page.context().close();
});
