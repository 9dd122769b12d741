// The grant page's "Funded by" panel (GET /grants/{id}/allocations): which donor's chapter pays
// how much of the award and how much of it was disbursed. While the answer's actions hold
// "allocate" (a fund manager, before any disbursement), a form changes the split over the
// chapters that fund the call, with a live total against the award; it PUTs the allocations
// with If-Match = the grant's version and shows the server's refusals at their fields.

import { get, getAll, put } from '../../api.js';
import { h, uid } from '../../dom.js';
import { editableAmount, money, moneyOf, parseMoney, t } from '../../i18n.js';
import { digitsOf } from '../../components/measure.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { table, toast } from '../../components/ui.js';
import { stackOnPhone, sumMoney } from './data.js';

function allocationTable(data) {
  const rows = data.allocations ?? [];
  const wrap = table(t('grants.funding.caption'), [
    { label: t('grants.funding.chapter'), cell: (a) => a.chapter },
    { label: t('grants.funding.donor'), cell: (a) => a.donor },
    { label: t('grants.funding.amount'), class: 'num allocation-amount', cell: (a) => money(a.amount) },
    { label: t('grants.funding.disbursed'), class: 'num allocation-disbursed', cell: (a) => money(a.disbursed) },
  ], rows, { empty: t('grants.funding.none') });
  const currency = data.award.currency;
  wrap.querySelector('table')?.append(h('tfoot', {}, h('tr', {},
    h('th', { scope: 'row', colspan: '2', text: t('grants.funding.total') }),
    h('td', { class: 'num', text: money(sumMoney(rows, (a) => a.amount, currency)) }),
    h('td', { class: 'num', text: money(sumMoney(rows, (a) => a.disbursed, currency)) }))));
  return stackOnPhone(wrap);
}

// The chapters funding `callId` with their donor and what each has left, from /donors.
async function callChapters(callId) {
  const [call, donors] = await Promise.all([get(`/calls/${callId}`), getAll('/donors')]);
  const out = [];
  for (const donor of donors) {
    for (const c of donor.chapters ?? []) {
      if ((call.chapters ?? []).includes(c.id)) out.push({ ...c, donor: donor.name });
    }
  }
  return out;
}

function allocationForm(data, chapters, { onSaved, onStale }) {
  const currency = data.award.currency;
  const digits = digitsOf(currency);
  const award = data.award.amount_minor;
  const current = new Map((data.allocations ?? []).map((a) => [a.chapter_id, a.amount.amount_minor]));
  const inputs = chapters.map((c) => {
    const id = uid('alloc');
    const left = c.committed.amount_minor - c.allocated.amount_minor + (current.get(c.id) ?? 0);
    const input = h('input', { id, class: 'allocation-input', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': `${id}-hint`,
      value: current.has(c.id) ? editableAmount(current.get(c.id), digits) : '', dataset: { chapter: String(c.id) } });
    const node = h('div', { class: 'field' },
      h('label', { for: id, text: t('grants.funding.chapter_of', { chapter: c.name, donor: c.donor }) }),
      h('p', { class: 'hint', id: `${id}-hint`, text: t('grants.funding.left', { left: moneyOf(left, currency), committed: money(c.committed) }) }),
      input);
    return { node, input, chapter: c };
  });
  const status = h('p', { class: 'allocation-status', role: 'status' });
  const totalField = h('div', { class: 'field allocation-total', tabindex: '-1', dataset: { field: 'allocations' } }, status);
  const refresh = () => {
    const typed = inputs.map((i) => i.input.value.trim()).filter(Boolean).map((v) => parseMoney(v, digits));
    const sum = typed.reduce((s, v) => s + (v ?? 0), 0);
    let key;
    if (typed.some((v) => v === null)) key = 'grants.funding.status_unreadable';
    else if (sum === award) key = 'grants.funding.status_ok';
    else key = sum < award ? 'grants.funding.status_under' : 'grants.funding.status_over';
    status.textContent = t(key, { sum: moneyOf(sum, currency), award: money(data.award), diff: moneyOf(Math.abs(award - sum), currency) });
    totalField.dataset.balanced = String(key === 'grants.funding.status_ok');
    totalField.className = `field allocation-total ${key === 'grants.funding.status_ok' ? 'ok' : 'off'}`;
  };
  inputs.forEach((i) => i.input.addEventListener('input', refresh));
  const formStatus = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('grants.funding.save') });
  const form = h('form', { class: 'allocation-form', novalidate: true },
    h('fieldset', {}, h('legend', { text: t('grants.funding.form_title') }),
      h('p', { class: 'hint', text: t('grants.funding.form_hint') }), inputs.map((i) => i.node), totalField),
    formStatus, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    formStatus.replaceChildren();
    const allocations = [];
    const errors = [];
    for (const { input, chapter } of inputs) {
      delete input.dataset.field;
      const text = input.value.trim();
      if (!text) continue;
      const at = `allocations[${allocations.length}]`;
      input.dataset.field = `${at}.amount_minor`;
      const minor = parseMoney(text, digits);
      if (minor === null) errors.push({ field: input.dataset.field, message: t('grants.funding.amount_invalid') });
      allocations.push({ chapter_id: chapter.id, amount_minor: minor ?? 0 });
    }
    if (errors.length) { showFieldErrors(form, { fieldErrors: errors }, formStatus); return; }
    submit.disabled = true;
    try {
      await put(`/grants/${data.grant_id}/allocations`, { allocations }, { etag: `"v${data.version}"` });
      toast(t('common.saved'));
      onSaved();
    } catch (err) {
      submit.disabled = false;
      if (err.status === 401) return;
      if (err.status === 412) { toast(t('problem.stale-version')); onStale(); return; }
      showRefusal(form, err, formStatus);
    }
  });
  refresh();
  return form;
}

// The panel for `grant` (null when its allocations cannot be read); reload() after a change.
export async function fundingPanel(grant, { reload }) {
  let data;
  try {
    data = await get(`/grants/${grant.id}/allocations`);
  } catch (err) {
    if (err.status === 401) throw err;
    return null;
  }
  const canAllocate = (data.actions ?? []).includes('allocate');
  const chapters = canAllocate ? await callChapters(grant.call_id).catch(() => []) : [];
  return h('section', { class: 'panel funding', 'aria-labelledby': 'funding-h' },
    h('h2', { id: 'funding-h', text: t('grants.funding.title') }),
    h('p', { class: 'hint', text: t('grants.funding.hint') }),
    allocationTable(data),
    canAllocate && chapters.length ? allocationForm(data, chapters, { onSaved: reload, onStale: reload }) : null);
}
