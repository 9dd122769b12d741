// City teams (issue 17 part 3): Kampala's lead invites a finance officer from the Team page; the
// invitation mail is read from the outbox (the demo has no mail relay); the officer opens its
// link signed out, chooses a name and password, and signs in; the link does not work twice; the
// lead removes the officer. A city lead's role picker offers only the city's role, none chosen
// by default. The Team and invitation pages pass axe in the four languages.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { assertNoErrors, axe, heading, launch, openPage, screenshot, signIn, signedInPage, watchErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const OFFICER = 'finance@kampala.demo';
const OFFICER_PASSWORD = 'correct-horse-battery-9';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The database's own answer (sqlite3 reads the live WAL database read-only).
function sql(query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', server.dbPath, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// The token of the newest invitation mail to `email`, from its link in the outbox.
function mailedToken(email) {
  const [row] = sql(`SELECT body, language FROM outbox_mail WHERE template = 'team_invitation' AND to_email = '${email}' ORDER BY id DESC LIMIT 1`);
  assert.ok(row, `an invitation mail to ${email}`);
  const match = row.body.match(/#\/invitation\/([0-9a-f]{64})/);
  assert.ok(match, row.body);
  return { token: match[1], language: row.language, body: row.body };
}

async function freshPage(locale = 'en-GB') {
  const context = await browser.newContext({ baseURL: server.base, locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  await page.goto('/#/sign-in');
  await heading(page);
  return page;
}

async function noSeriousViolations(page, name) {
  const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name} has serious or critical accessibility violations`);
}

test('Kampala\'s lead invites a finance officer, who accepts and signs in', async () => {
  const lead = await signedInPage(browser, server.base, 'applicant@kampala.demo');
  await lead.locator('#nav a[href="#/team"]').click();
  assert.equal(await heading(lead), 'The team of Kampala');
  const form = lead.locator('form.team-invite');
  // The picker offers the city's role only, and none is chosen until the lead chooses.
  const role = form.locator('select[name="role"]');
  assert.equal(await role.inputValue(), '');
  const offered = await role.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(offered, ['applicant']);
  // Sent without a role: the field says so, nothing is mailed.
  await form.locator('input[name="email"]').fill(OFFICER);
  await form.locator('button[type="submit"]').click();
  await form.locator('.field-error').first().waitFor();
  assert.equal(sql(`SELECT COUNT(*) AS n FROM team_invitations WHERE email = '${OFFICER}'`)[0].n, 0);
  await role.selectOption('applicant');
  await form.locator('select[name="language"]').selectOption('fr');
  await form.locator('button[type="submit"]').click();
  await lead.locator('button[data-revoke="finance@kampala.demo"]').waitFor();
  await screenshot(lead, 'team-invited');

  const mail = mailedToken(OFFICER);
  assert.equal(mail.language, 'fr');
  assert.match(mail.body, /vous invite à rejoindre Kampala/);

  const officer = await freshPage();
  assert.equal(await openPage(officer, `/invitation/${mail.token}`), 'Join your team');
  const accept = officer.locator('form.invitation-accept');
  await accept.locator('input[name="name"]').fill('Grace Nansubuga');
  await accept.locator('input[name="password"]').fill(OFFICER_PASSWORD);
  await accept.locator('input[name="confirm_password"]').fill(OFFICER_PASSWORD);
  await accept.locator('button[type="submit"]').click();
  await officer.locator('.invitation-done .notice.ok').waitFor();
  assert.match(await officer.locator('.invitation-done').innerText(), /finance@kampala\.demo at Kampala is ready/);
  await officer.locator('.invitation-done a', { hasText: 'Sign in' }).click();
  await heading(officer);
  await signIn(officer, OFFICER, OFFICER_PASSWORD);
  assert.match(await officer.locator('#who').innerText(), /Grace Nansubuga · Kampala/);
  // Not a lead: no Team entry.
  assert.equal(await officer.locator('#nav a[href="#/team"]').count(), 0);

  // The link does not work twice.
  const again = await freshPage();
  await openPage(again, `/invitation/${mail.token}`);
  await again.locator('input[name="name"]').fill('Someone Else');
  await again.locator('input[name="password"]').fill(OFFICER_PASSWORD);
  await again.locator('input[name="confirm_password"]').fill(OFFICER_PASSWORD);
  await again.locator('form.invitation-accept button[type="submit"]').click();
  await again.locator('.invitation-done .notice.error').waitFor();

  // The lead sees the officer as a member and removes them: the officer is signed out.
  await openPage(lead, '/team');
  await lead.locator('button[data-remove="finance@kampala.demo"]').click();
  await lead.locator('dialog.action-dialog button.danger').click();
  await lead.locator('button[data-remove="finance@kampala.demo"]').waitFor({ state: 'detached' });
  await officer.reload();
  await officer.waitForFunction(() => window.location.hash.startsWith('#/sign-in'));
  for (const p of [lead, officer, again]) { assertNoErrors(p); await p.context().close(); }
});

const LANGS = {
  en: { locale: 'en-GB', team: 'The team of Montevideo', accept: 'Join your team' },
  fr: { locale: 'fr-FR', team: 'L’équipe de Montevideo', accept: 'Rejoindre votre équipe' },
  es: { locale: 'es-ES', team: 'El equipo de Montevideo', accept: 'Unirse a su equipo' },
  pt: { locale: 'pt-BR', team: 'A equipe de Montevideo', accept: 'Entrar na sua equipe' },
};

test('the Team and invitation pages pass axe in English, French, Spanish and Portuguese', async () => {
  const page = await signedInPage(browser, server.base, 'applicant@montevideo.demo');
  for (const [lang, words] of Object.entries(LANGS)) {
    if (await page.locator('#language').inputValue() !== lang) {
      await page.locator('#language').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    assert.equal(await openPage(page, '/team'), words.team, lang);
    await noSeriousViolations(page, `${lang} #/team`);
    const out = await freshPage(words.locale);
    assert.equal(await openPage(out, `/invitation/${'0'.repeat(64)}`), words.accept, lang);
    await noSeriousViolations(out, `${lang} #/invitation`);
    assertNoErrors(out);
    await out.context().close();
  }
  assertNoErrors(page);
  await page.context().close();
});
