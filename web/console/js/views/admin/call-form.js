// #/calls/new: set up a call as a draft (POST /calls, admins and fund managers): code, title,
// description, currency, budget, award range, four-eyes threshold, duration, closing date,
// two-stage flag, weighted criteria and tranche plan. The server is the judge of every rule;
// its refusals land next to their fields (the criteria's total next to the criteria).

import { post } from '../../api.js';
import { h } from '../../dom.js';
import { parseMoney, t } from '../../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { field, link, notice, pageHeader, section } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { criteriaEditor, trancheEditor } from './call-rows.js';

const MONEY_FIELDS = [
  ['budget', 'budget_minor', 'admin.form.budget', null],
  ['min_award', 'min_award_minor', 'admin.form.min_award', null],
  ['max_award', 'max_award_minor', 'admin.form.max_award', null],
  ['threshold', 'threshold_minor', 'admin.form.threshold', 'admin.form.threshold_hint'],
];

function digitsOf(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

// The request body from the form, or {errors} for what cannot even be sent (an amount or a
// share that is not a number).
function readCall(form, criteria, plan) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) ?? '').trim();
  const errors = [];
  const body = { code: text('code'), title: text('title'), two_stage: data.get('two_stage') === 'on' };
  if (text('description')) body.description = text('description');
  body.currency = text('currency').toUpperCase() || 'USD';
  const digits = digitsOf(body.currency);
  for (const [name, member] of MONEY_FIELDS) {
    if (!text(name)) continue;  // the server says it is required
    const minor = parseMoney(text(name), digits);
    if (minor === null) errors.push({ field: member, message: t('need.amount_invalid') });
    else body[member] = minor;
  }
  const months = text('max_duration_months');
  if (months) body.max_duration_months = /^\d+$/.test(months) ? Number(months) : months;
  const closes = text('closes_at');
  if (closes) {
    const when = new Date(closes);
    if (Number.isNaN(when.getTime())) errors.push({ field: 'closes_at', message: t('admin.form.date_invalid') });
    else body.closes_at = when.toISOString();
  }
  body.criteria = criteria.read();
  const tranches = plan.read();
  if (tranches.error) errors.push(tranches.error);
  else body.tranche_plan = tranches.plan;
  return errors.length ? { errors } : { body };
}

export async function newCallView(ctx) {
  ctx.setTitle(t('admin.form.title'));
  if (!hasRole('admin', 'fund_manager')) {
    return h('section', { class: 'page' }, h('h1', { text: t('admin.form.title') }), notice(t('problem.forbidden'), 'error'));
  }
  const criteria = criteriaEditor();
  const plan = trancheEditor();
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('admin.form.create') });
  const form = h('form', { class: 'admin-form call-form', novalidate: true },
    section(t('admin.form.about'),
      h('div', { class: 'form-grid' },
        field({ label: t('admin.form.code'), name: 'code', required: true, hint: t('admin.form.code_hint'), attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: '32' } }),
        field({ label: t('admin.form.call_title'), name: 'title', required: true, attrs: { autocomplete: 'off' } })),
      field({ label: t('admin.form.description'), name: 'description', kind: 'textarea' }),
      field({ label: t('admin.form.two_stage'), name: 'two_stage', kind: 'checkbox', value: true, hint: t('admin.form.two_stage_hint') })),
    section(t('admin.form.money'),
      h('div', { class: 'form-grid' },
        field({ label: t('admin.form.currency'), name: 'currency', value: 'USD', hint: t('admin.form.currency_hint'), attrs: { maxlength: '3', autocomplete: 'off', spellcheck: 'false' } }),
        MONEY_FIELDS.map(([name, member, key, hint]) => field({
          label: t(key), name, dataField: member, required: true, hint: hint ? t(hint) : undefined,
          attrs: { inputmode: 'decimal', autocomplete: 'off' },
        })))),
    section(t('admin.form.timing'),
      h('div', { class: 'form-grid' },
        field({ label: t('admin.form.duration'), name: 'max_duration_months', type: 'number', value: '24', attrs: { min: '1', max: '60', step: '1' } }),
        field({ label: t('admin.form.closes_at'), name: 'closes_at', type: 'datetime-local', required: true, hint: t('admin.form.closes_hint') }))),
    h('div', { class: 'panel' }, criteria.node),
    h('div', { class: 'panel' }, plan.node),
    status, h('div', { class: 'buttons' }, submit, link('/calls', t('common.cancel'), { class: 'button' })));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const { body, errors } = readCall(form, criteria, plan);
    if (errors) {
      status.append(notice(t('problem.invalid'), 'error'));
      showFieldErrors(form, { fieldErrors: errors }, status);
      return;
    }
    submit.disabled = true;
    try {
      const call = await post('/calls', body);
      ctx.go(`/calls/${call.id}`);
    } catch (err) {
      submit.disabled = false;
      if (err.status === 401) return;
      showRefusal(form, err, status);
    }
  });

  return h('section', { class: 'page admin-call-form' },
    h('p', { class: 'crumbs' }, link('/calls', t('admin.calls.title'))),
    pageHeader(t('admin.form.title')),
    h('p', { class: 'lead', text: t('admin.form.lead') }),
    h('p', { class: 'hint', text: t('texts.after_create') }),
    form);
}
