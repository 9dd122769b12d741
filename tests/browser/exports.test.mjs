// Exports from the console: a fund manager filters the proposals list and clicks "Export CSV";
// the browser downloads a file named for the list and the day whose rows are the list's rows with
// the same filters and order (every page of them, not only the one on screen), and "Export
// Excel" gives a workbook of as many rows.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { apiClient } from './lib/api.mjs';
import { assertNoErrors, launch, openPage, signedInPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.stop(); });

// RFC 4180 records of `text` (after its BOM), each a list of fields.
function parseCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'the file starts with a byte order mark');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field); records.push(record); record = []; field = ''; i += 1;
    } else field += c;
  }
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

// Clicks the export link `name` and answers the download.
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return file;
}

test('a fund manager exports the filtered proposals list as CSV and Excel', async () => {
  const page = await signedInPage(browser, server.base, 'fm1@mmc.demo');
  const api = await apiClient(server.base, 'fm1@mmc.demo');
  await openPage(page, '/proposals?state=approved&limit=1');
  const links = page.getByRole('group', { name: 'Download this list' });
  assert.equal(await links.getByRole('link').count(), 2);

  const csv = await download(page, 'Export CSV');
  assert.match(csv.suggestedFilename(), /^proposals-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(readFileSync(await csv.path(), 'utf8'));
  assert.deepEqual(header.slice(0, 3), ['reference', 'title', 'state']);
  const list = await api.get('/proposals?state=approved&sort=-updated_at&limit=200');
  assert.ok(list.total >= 2, 'more rows than the one page on screen');
  assert.equal(Number(await page.locator('.list-total').getAttribute('data-total')), list.total);
  assert.deepEqual(rows.map((r) => r[0]), list.items.map((p) => p.reference), 'the list\'s rows in its order');
  assert.ok(rows.every((r) => r[2] === 'approved'));
  const amount = header.indexOf('amount_requested');
  assert.deepEqual(rows.map((r) => r[amount]), list.items.map((p) => (p.amount.amount_minor / 100).toFixed(2)));

  const xlsx = await download(page, 'Export Excel');
  assert.match(xlsx.suggestedFilename(), /^proposals-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = readFileSync(await xlsx.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip container');
  assertNoErrors(page);
});
