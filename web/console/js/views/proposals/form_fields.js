// The content controls of the proposal form (title, language, summary, target groups,
// beneficiaries, duration, amount requested), each named after its API field, and the reading
// of them into a ProposalContent body with the mistakes found before asking the server.

import { h, uid } from '../../dom.js';
import { editableAmount, language, money, parseMoney, t } from '../../i18n.js';
import { field } from '../../components/ui.js';
import { PROPOSAL_LANGUAGES, TARGET_GROUPS, languageName, targetLabel } from './common.js';

// The hint under the amount: the call's award range (a concept note's amount is indicative).
export function amountHint(call, stage) {
  if (!call) return '';
  const range = t('proposals.hint.amount_range', { min: money(call.min_award), max: money(call.max_award) });
  return stage === 'concept' ? `${t('proposals.hint.amount_indicative')} ${range}` : range;
}

export function durationHint(call) {
  return call ? t('proposals.hint.duration', { max: call.max_duration_months }) : '';
}

function targetGroups(selected) {
  const legendId = uid('tg');
  const boxes = TARGET_GROUPS.map((g) => field({ label: targetLabel(g), name: 'target_groups', kind: 'checkbox', value: selected.includes(g), attrs: { value: g } }));
  return h('div', { class: 'field target-groups' },
    h('fieldset', { dataset: { field: 'target_groups' }, tabindex: '-1', 'aria-describedby': `${legendId}-hint` },
      h('legend', { id: legendId, text: t('proposals.field.target_groups') }),
      h('p', { class: 'hint', id: `${legendId}-hint`, text: t('proposals.hint.target_groups') }),
      h('div', { class: 'checkbox-grid' }, boxes)));
}

// The controls for `version` (the API's ProposalVersion, or {} for a new draft), for a
// `stage` (concept or full) of `call`. Answers {about, scale, amountInput, setCall(call, stage)}.
export function contentFields(version, call, stage) {
  const v = version ?? {};
  const numberAttrs = { inputmode: 'numeric', autocomplete: 'off' };
  const about = h('fieldset', { class: 'about' },
    h('legend', { text: t('proposals.form.about') }),
    field({ label: t('proposals.field.title'), name: 'title', required: true, value: v.title ?? '', attrs: { maxlength: '200', autocomplete: 'off' } }),
    field({ label: t('proposals.field.language'), name: 'language', kind: 'select', value: v.language ?? language(), hint: t('proposals.hint.language'),
      options: PROPOSAL_LANGUAGES.map((l) => ({ value: l, text: languageName(l) })) }),
    field({ label: t('proposals.field.summary'), name: 'summary', kind: 'textarea', required: true, value: v.summary ?? '', hint: t('proposals.hint.summary'),
      attrs: { rows: 8, maxlength: '20000' } }),
    targetGroups(v.target_groups ?? []));
  const durationField = field({ label: t('proposals.field.duration'), name: 'duration_months', required: true, value: v.duration_months ? String(v.duration_months) : '',
    hint: durationHint(call), attrs: numberAttrs });
  const amountField = field({ label: t('proposals.field.amount_with_currency', { currency: call?.max_award?.currency ?? 'USD' }), name: 'amount', dataField: 'amount_minor', required: true,
    value: v.amount?.amount_minor ? editableAmount(v.amount.amount_minor) : '', hint: amountHint(call, stage), attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const scale = h('fieldset', { class: 'scale' },
    h('legend', { text: t('proposals.form.scale') }),
    field({ label: t('proposals.field.beneficiaries'), name: 'beneficiaries', required: true, value: v.beneficiaries ? String(v.beneficiaries) : '',
      hint: t('proposals.hint.beneficiaries'), attrs: numberAttrs }),
    durationField, amountField);
  const amountInput = amountField.querySelector('input');
  const setCall = (c, s) => {
    durationField.querySelector('.hint').textContent = durationHint(c);
    amountField.querySelector('.hint').textContent = amountHint(c, s);
    amountField.querySelector('label').firstChild.textContent = t('proposals.field.amount_with_currency', { currency: c?.max_award?.currency ?? 'USD' });
  };
  return { about, scale, amountInput, setCall };
}

// A whole number typed by a person ("1800", "1 800", "1,800"), null when blank, NaN when not one.
function wholeNumber(text) {
  const s = String(text ?? '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  if (/^\d+$/.test(s) || /^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return Number.NaN;
}

// The ProposalContent body from `form` (without the budget) and the mistakes found on the way.
export function readContent(form) {
  const data = new FormData(form);
  const errors = [];
  const body = {
    title: String(data.get('title') ?? '').trim(),
    language: String(data.get('language') ?? 'en'),
    summary: String(data.get('summary') ?? '').trim(),
    target_groups: data.getAll('target_groups').map(String),
  };
  for (const name of ['beneficiaries', 'duration_months']) {
    const n = wholeNumber(data.get(name));
    if (Number.isNaN(n) || (n !== null && !Number.isSafeInteger(n))) errors.push({ field: name, message: t('proposals.error.whole_number') });
    else body[name] = n;
  }
  const amountText = String(data.get('amount') ?? '').trim();
  if (amountText) {
    const minor = parseMoney(amountText);
    if (minor === null) errors.push({ field: 'amount_minor', message: t('proposals.error.amount_format') });
    else body.amount_minor = minor;
  } else {
    body.amount_minor = null;
  }
  return { body, errors };
}
