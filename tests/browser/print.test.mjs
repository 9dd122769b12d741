// Printing (issue 15, part 7): a proposal with its budget, results framework and reviews, and a
// grant with its tranches, reports and budget, rendered as print media and printed to A4 PDFs.
// On paper the menu, buttons and forms are gone, the tables are there whole (rows never split,
// header rows repeated), every sheet is headed by the record's reference and title; the "Print"
// button opens the browser's print dialog; a city's print of its own proposal has no reviews.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, heading, launch, openPage, screenshot, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
let pdfDir;
before(async () => {
  server = await startServer();
  browser = await launch();
  pdfDir = mkdtempSync(path.join(process.env.CITYGRANTS_TEST_TMP ?? os.tmpdir(), 'print-'));
});
after(async () => { await browser?.close(); await server?.stop(); if (pdfDir) rmSync(pdfDir, { recursive: true, force: true }); });

// What print media shows of the page: the frame and controls that must be gone, the tables by
// caption, and the sheets' header as the @page margin box reads it.
async function onPaper(page) {
  return page.evaluate(() => {
    const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    const all = (sel) => [...document.querySelectorAll(sel)];
    return {
      header: shown(document.querySelector('header.top')),
      nav: shown(document.getElementById('nav')),
      buttons: all('main button').filter(shown).map((b) => b.textContent),
      forms: all('main form').filter(shown).length,
      inputs: all('main input, main select, main textarea').filter(shown).length,
      tables: all('main table').filter(shown).map((t) => t.querySelector('caption')?.textContent ?? ''),
      rowsKeptWhole: all('main tbody tr').every((tr) => getComputedStyle(tr).breakInside === 'avoid'),
      headsRepeat: all('main thead').every((th) => getComputedStyle(th).display === 'table-header-group'),
      scrollers: all('main .table-wrap').filter((w) => getComputedStyle(w).overflowX !== 'visible').length,
      sheetHeader: getComputedStyle(document.documentElement).getPropertyValue('--cg-print-header').trim(),
      actionsColumn: all('main th.no-print, main td.no-print').filter(shown).length,
    };
  });
}

// Prints the page to a PDF file; answers its page count and page size in points.
async function printed(page, name) {
  const file = path.join(pdfDir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const pdf = readFileSync(file).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

function isA4({ width, height }) {
  return Math.abs(width - 595.3) < 2 && Math.abs(height - 841.9) < 2;  // 210 × 297 mm
}

test('a proposal prints its budget, results framework and reviews on clean A4 sheets', async () => {
  const fm = await apiClient(server.base, 'fm1@mmc.demo');
  const proposal = (await fm.get('/proposals?state=reviewed')).items[0];
  const full = await fm.get(`/proposals/${proposal.id}`);
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openPage(page, `/proposals/${proposal.id}`);
  const print = page.getByRole('button', { name: 'Print' });
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await print.click();
  assert.equal(await page.evaluate(() => window.printed), 1, '"Print" opens the print dialog');

  await page.emulateMedia({ media: 'print' });
  const paper = await onPaper(page);
  assert.equal(paper.header, false, 'no header on paper');
  assert.equal(paper.nav, false, 'no menu on paper');
  assert.deepEqual(paper.buttons, [], 'no button on paper');
  assert.equal(paper.forms, 0, 'no form on paper');
  assert.equal(paper.inputs, 0);
  assert.equal(paper.actionsColumn, 0, 'no column of buttons on paper');
  assert.ok(paper.tables.some((c) => /^Budget lines/.test(c)), `the budget is printed (${paper.tables})`);
  assert.ok(paper.tables.some((c) => /Scores by criterion/.test(c)), 'the reviews are printed for the fund manager');
  assert.ok(paper.tables.some((c) => /^People reached/.test(c)), `the results framework is printed (${paper.tables})`);
  assert.ok(paper.rowsKeptWhole, 'no table row splits across sheets');
  assert.ok(paper.headsRepeat, 'header rows repeat on each sheet');
  assert.equal(paper.scrollers, 0, 'no table is cut by a scrolling box');
  assert.equal(paper.sheetHeader, JSON.stringify(`${full.reference} · ${full.current.title}`), 'every sheet is headed by the reference and title');
  await screenshot(page, 'print-proposal');
  const pdf = await printed(page, 'proposal');
  assert.ok(isA4(pdf), `A4 sheets (${pdf.width} × ${pdf.height} pt)`);
  assert.ok(pdf.pages >= 2, `${pdf.pages} sheets`);

  await page.emulateMedia({ media: 'screen' });
  assert.equal((await onPaper(page)).nav, true, 'the screen keeps its menu');
  assertNoErrors(page);
  await page.context().close();
});

test('a grant prints its tranches, reports and budget without its buttons', async () => {
  const fm = await apiClient(server.base, 'fm1@mmc.demo');
  const grant = (await fm.get('/grants?state=active')).items[0];
  const proposal = await fm.get(`/proposals/${grant.proposal_id}`);
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  await openPage(page, `/grants/${grant.id}`);
  assert.equal(await page.getByRole('button', { name: 'Print' }).count(), 1);
  await page.emulateMedia({ media: 'print' });
  const paper = await onPaper(page);
  assert.equal(paper.nav, false);
  assert.deepEqual(paper.buttons, []);
  assert.equal(paper.forms, 0);
  assert.equal(paper.actionsColumn, 0, 'the tranches\' buttons column is not printed');
  for (const caption of [`Tranches of ${grant.reference}`, 'Reports due under this grant', 'Approved budget and actual spending per line']) {
    assert.ok(paper.tables.includes(caption), `"${caption}" is printed (${paper.tables})`);
  }
  assert.ok(paper.rowsKeptWhole);
  assert.equal(paper.sheetHeader, JSON.stringify(`${grant.reference} · ${proposal.current.title}`));
  await screenshot(page, 'print-grant');
  const pdf = await printed(page, 'grant');
  assert.ok(isA4(pdf), `A4 sheets (${pdf.width} × ${pdf.height} pt)`);
  assert.ok(pdf.pages >= 2);
  assertNoErrors(page);
  await page.context().close();
});

test('a city prints its own proposal without the reviews it may not see, in its language', async () => {
  const city = await apiClient(server.base, 'applicant@barranquilla.demo');
  const proposal = (await city.get('/proposals?state=reviewed')).items[0];
  assert.ok(proposal, 'Barranquilla has a reviewed proposal');
  const page = await signedInPage(browser, server.base, 'applicant@barranquilla.demo', { lang: 'es' });
  await heading(page);
  if (await page.locator('#language').inputValue() !== 'es') {
    await page.locator('#language').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
  }
  await openPage(page, `/proposals/${proposal.id}`);
  assert.equal(await page.getByRole('button', { name: 'Imprimir' }).count(), 1);
  await page.emulateMedia({ media: 'print' });
  const paper = await onPaper(page);
  assert.ok(paper.tables.some((c) => /^Líneas presupuestarias/.test(c)), `the budget is printed (${paper.tables})`);
  assert.ok(!paper.tables.some((c) => /Puntuaciones por criterio/.test(c)), 'no review scores for the city');
  assert.equal(await page.locator('main th.review-col').count(), 0, 'no review at all');
  assert.equal(paper.nav, false);
  assert.deepEqual(paper.buttons, []);
  const pdf = await printed(page, 'proposal-city');
  assert.ok(isA4(pdf));
  assertNoErrors(page);
  await page.context().close();
});

test('leaving a record page clears the sheets\' header', async () => {
  const page = await signedInPage(browser, server.base, 'auditor@mmc.demo');
  const grant = (await (await apiClient(server.base, 'auditor@mmc.demo')).get('/grants')).items[0];
  await openPage(page, `/grants/${grant.id}`);
  assert.match(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cg-print-header')), new RegExp(grant.reference));
  await openPage(page, '/grants');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cg-print-header')), '');
  assertNoErrors(page);
  await page.context().close();
});
