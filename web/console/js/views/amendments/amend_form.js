// #/grants/:id/amend: "Request a change" (the grant's city) or "Propose a change" (a fund
// manager): the reason, then one or several kinds — a new end date (no-cost extension), a new
// amount, new amounts of the budget lines (reallocation), the undisbursed tranches' amounts,
// milestones and dates (re-plan). It POSTs /grants/{id}/amendments and opens the amendment,
// whose page compares old and new terms; the server's refusals show at their fields.

import { get, getAll, post } from '../../api.js';
import { h } from '../../dom.js';
import { editableAmount, money, parseMoney, t } from '../../i18n.js';
import { digitsOf } from '../../components/measure.js';
import { submitGuarded } from '../../components/problem.js';
import { field, pageHeader } from '../../components/ui.js';
import { hasRole, orgId } from '../../session.js';

const dayOf = (iso) => (iso ? String(iso).slice(0, 10) : '');
const isoOf = (day) => (day ? `${day}T00:00:00Z` : undefined);

function moneyInput(name, minor, digits, dataField, labelText) {
  return field({ label: labelText, name, dataField, value: editableAmount(minor, digits), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
}

function lineRows(terms, names, digits) {
  return terms.budget_lines.map((l, i) => moneyInput(`line-${l.budget_line_id}`, l.amount.amount_minor, digits,
    `budget_lines[${i}].amount_minor`, names.get(l.budget_line_id) ?? t('amendments.terms.line', { id: l.budget_line_id })));
}

// Each tranche: its fields when still scheduled, else what it is (disbursed tranches are history).
function trancheRows(terms, digits) {
  let i = -1;
  return terms.tranches.map((tr) => {
    const title = t('amendments.terms.tranche', { seq: tr.seq });
    if (tr.state !== 'scheduled') {
      return h('p', { class: 'tranche-fixed', text: t('amendments.form.tranche_fixed', { tranche: title, amount: money(tr.amount), state: t(`state.${tr.state}`) }) });
    }
    i += 1;
    return h('fieldset', { class: 'tranche-plan', dataset: { seq: String(tr.seq), field: `tranches[${i}].seq` } },
      h('legend', { text: title }),
      moneyInput(`tranche-${tr.seq}-amount`, tr.amount.amount_minor, digits, `tranches[${i}].amount_minor`, t('amendments.form.amount')),
      field({ label: t('amendments.form.milestone'), name: `tranche-${tr.seq}-milestone`, dataField: `tranches[${i}].milestone`, value: tr.milestone }),
      field({ label: t('amendments.form.planned_at'), name: `tranche-${tr.seq}-planned`, type: 'date', dataField: `tranches[${i}].planned_at`, value: dayOf(tr.planned_at) }));
  });
}

function kindBox(kind, parts) {
  const box = field({ label: t(`amendments.kind_long.${kind}`), name: `kind-${kind}`, kind: 'checkbox' });
  const body = h('div', { class: 'kind-body', hidden: true, dataset: { kind } }, parts);
  box.querySelector('input').addEventListener('change', (e) => { body.hidden = !e.target.checked; });
  return h('div', { class: 'amend-kind', dataset: { kind } }, box, body);
}

// The request body from the form; `null` amounts mark what could not be read (sent as 0, which
// the server refuses at the field; the terms' arithmetic stays the server's).
function bodyOf(form, terms, digits) {
  const data = new FormData(form);
  const on = (k) => data.get(`kind-${k}`) === 'on';
  const amount = (name) => parseMoney(data.get(name), digits) ?? -1;
  const body = { reason: String(data.get('reason') ?? '').trim() };
  if (on('extension')) body.ends_at = isoOf(String(data.get('ends_at') ?? '')) ?? '';
  if (on('amount')) body.amount_minor = amount('amount');
  if (on('reallocation')) body.budget_lines = terms.budget_lines.map((l) => ({ budget_line_id: l.budget_line_id, amount_minor: amount(`line-${l.budget_line_id}`) }));
  if (on('replan')) {
    body.tranches = terms.tranches.filter((tr) => tr.state === 'scheduled').map((tr) => {
      const planned = isoOf(String(data.get(`tranche-${tr.seq}-planned`) ?? ''));
      return { seq: tr.seq, amount_minor: amount(`tranche-${tr.seq}-amount`), milestone: String(data.get(`tranche-${tr.seq}-milestone`) ?? ''), ...(planned ? { planned_at: planned } : {}) };
    });
  }
  return body;
}

export async function amendFormView(ctx) {
  const id = Number(ctx.params.id);
  const grant = await get(`/grants/${id}`);
  const versions = await getAll(`/grants/${id}/terms`);
  const terms = versions[versions.length - 1];
  const proposal = await get(`/proposals/${grant.proposal_id}`).catch((err) => { if (err?.status === 401) throw err; return null; });
  const names = new Map((proposal?.current?.budget ?? []).map((l) => [l.id, `${l.category} — ${l.description}`]));
  const digits = digitsOf(grant.amount.currency);
  const city = hasRole('applicant') && orgId() === grant.city_org_id;
  const title = t(city ? 'amendments.request' : 'amendments.propose');
  ctx.setTitle(`${title} — ${grant.reference}`);
  const status = h('div', { class: 'form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('amendments.form.save') });
  const kinds = h('fieldset', { class: 'amend-kinds', dataset: { field: 'kinds' }, tabindex: '-1' },
    h('legend', { text: t('amendments.form.kinds') }),
    kindBox('extension', field({ label: t('amendments.form.ends_at'), name: 'ends_at', type: 'date', dataField: 'ends_at', value: dayOf(terms.ends_at), hint: t('amendments.form.ends_at_hint', { date: dayOf(terms.ends_at) }) })),
    kindBox('amount', moneyInput('amount', terms.amount.amount_minor, digits, 'amount_minor', t('amendments.form.new_amount', { currency: terms.amount.currency }))),
    kindBox('reallocation', [h('p', { class: 'hint', text: t('amendments.form.reallocation_hint') }), h('div', { dataset: { field: 'budget_lines' }, tabindex: '-1' }, lineRows(terms, names, digits))]),
    kindBox('replan', [h('p', { class: 'hint', text: t('amendments.form.replan_hint') }), h('div', { dataset: { field: 'tranches' }, tabindex: '-1' }, trancheRows(terms, digits))]));
  const form = h('form', { class: 'amend-form', novalidate: true },
    field({ label: t('amendments.form.reason'), name: 'reason', kind: 'textarea', required: true }),
    kinds, status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitGuarded(form, {
      submit, status,
      send: () => post(`/grants/${id}/amendments`, bodyOf(form, terms, digits)),
      onSaved: (a) => { location.hash = `#/amendments/${a.id}`; },
    });
  });
  return h('section', { class: 'page amend-page' },
    pageHeader(`${title} — ${grant.reference}`),
    h('p', { class: 'lead', text: t('amendments.form.lead', { amount: money(terms.amount), version: terms.number }) }),
    form);
}
