// One button per entry of a record's `actions` (the events this user may fire now, guards
// already evaluated by the server), each opening a dialog that asks for exactly what the
// transition row needs (a reason, an amount, a payment reference...) and fires it with If-Match.

import { fire, stepUp } from '../api.js';
import { h, uid } from '../dom.js';
import { editableAmount, has, parseMoney, t } from '../i18n.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from './problem.js';
import { sectorField, sectors } from './sectors.js';
import { field, toast } from './ui.js';
import { COLLECTIONS, transitionOf } from './workflows.js';

export function eventLabel(machine, event) {
  const key = `event.${machine}.${event}`;
  return has(key) ? t(key) : t(`event.${event}`);
}

function randomKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The controls for a transition's needs, plus any the event always offers.
function needFields(machine, event, needs, record) {
  const out = [];
  for (const need of needs) {
    if (need === 'reason') {
      out.push(field({ label: t(has(`need.reason.${machine}.${event}`) ? `need.reason.${machine}.${event}` : 'need.reason'), name: 'reason', kind: 'textarea', required: true }));
    } else if (need === 'amount_minor') {
      const suggested = record.award ?? record.current?.amount ?? record.amount;
      out.push(field({ label: t('need.amount', { currency: suggested?.currency ?? 'USD' }), name: 'amount', dataField: 'amount_minor', required: true, attrs: { inputmode: 'decimal', autocomplete: 'off' },
        value: suggested ? editableAmount(suggested.amount_minor) : '' }));
    } else if (need === 'payment_reference') {
      out.push(field({ label: t('need.payment_reference'), name: 'payment_reference', required: true, attrs: { autocomplete: 'off' } }));
    } else if (need === 'no_conflict_declared') {
      out.push(field({ label: t('need.no_conflict_declared'), name: 'no_conflict_declared', kind: 'checkbox', hint: t('need.no_conflict_hint') }));
    }
  }
  if (machine === 'proposal' && event === 'decline_concept') {
    out.push(field({ label: t('need.eligible_future'), name: 'eligible_future', kind: 'checkbox' }));
  }
  return out;
}

// The optional sector select (sent as sector_code) of the proposal's decision that creates the
// grant (its row is tagged creates_grant in GET /workflows: the server takes the service's DAC
// sector there only), or null: another event, or the list of sectors could not be read.
async function sectorChoice(machine, row, record) {
  if (machine !== 'proposal' || !row?.tags?.includes('creates_grant')) return null;
  const list = await sectors().catch(() => null);
  if (!list?.length) return null;
  return sectorField({
    id: uid('sector'), label: t('need.sector'), hint: t('need.sector_hint'), list,
    noneText: t('need.sector_none'), selected: record.sector_code ?? '',
  });
}

function readFields(form, needs) {
  const body = {};
  const data = new FormData(form);
  if (needs.includes('reason')) body.reason = String(data.get('reason') ?? '').trim();
  if (needs.includes('payment_reference')) body.payment_reference = String(data.get('payment_reference') ?? '').trim();
  if (needs.includes('no_conflict_declared')) body.no_conflict_declared = data.get('no_conflict_declared') === 'on';
  if (form.querySelector('[name="eligible_future"]')) body.eligible_future = data.get('eligible_future') === 'on';
  if (data.get('sector_code')) body.sector_code = String(data.get('sector_code'));
  if (needs.includes('amount_minor')) {
    const minor = parseMoney(data.get('amount'));
    if (minor === null) return { error: { field: 'amount_minor', message: t('need.amount_invalid') } };
    body.amount_minor = minor;
  }
  return { body };
}

// Opens the dialog for `event` on `record`; resolves to the updated record, or null when the
// user cancelled (or the record changed under them: then `onStale` is called).
export async function openActionDialog(machine, record, event, { onStale } = {}) {
  const row = await transitionOf(machine, record.state, event);
  const needs = (row?.needs ?? []).filter((n) => n !== 'idempotency_key');
  const idempotencyKey = row?.needs.includes('idempotency_key') ? randomKey() : null;
  const sector = await sectorChoice(machine, row, record);
  const status = h('div', { class: 'dialog-status' });
  // Money moves only after a fresh second factor: when the server asks for one, this field
  // appears in the same dialog and the next submit proves it (POST /session/step-up) first.
  const stepUpField = field({ label: t('stepup.code'), name: 'otp', hint: t('stepup.hint'),
    attrs: { autocomplete: 'one-time-code', maxlength: '20', spellcheck: 'false' } });
  stepUpField.hidden = true;
  const confirmKey = `confirm.${machine}.${event}`;
  const submit = h('button', { type: 'submit', class: 'primary', text: eventLabel(machine, event) });
  const cancel = h('button', { type: 'button', text: t('common.cancel') });
  const form = h('form', { method: 'dialog', class: 'action-form', novalidate: true },
    h('h2', { text: eventLabel(machine, event) }),
    h('p', { text: has(confirmKey) ? t(confirmKey) : t('confirm.generic', { ref: record.reference ?? `#${record.id}` }) }),
    needFields(machine, event, needs, record), sector, stepUpField, status,
    h('div', { class: 'buttons' }, submit, cancel));
  const dialog = h('dialog', { class: 'action-dialog', 'aria-label': eventLabel(machine, event) }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (value) => { dialog.close(); dialog.remove(); resolve(value); };
    cancel.addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(null); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearFieldErrors(form);
      status.replaceChildren();
      const { body, error } = readFields(form, needs);
      if (error) { showFieldErrors(form, { fieldErrors: [error] }, status); return; }
      submit.disabled = true;
      if (!stepUpField.hidden) {
        try {
          await stepUp(String(new FormData(form).get('otp') ?? '').replace(/\s+/g, ''));
          stepUpField.hidden = true;
        } catch (err) {
          submit.disabled = false;
          if (err.status !== 401) showRefusal(form, err, status);
          else close(null);
          return;
        }
      }
      try {
        const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
        const updated = await fire(COLLECTIONS[machine], record, event, body, headers);
        toast(t('action.done', { event: eventLabel(machine, event) }));
        close(updated);
      } catch (err) {
        submit.disabled = false;
        if (err.status === 412) { toast(t('problem.stale-version')); close(null); onStale?.(); return; }
        if (err.slug === 'step-up-required') {
          stepUpField.hidden = false;
          status.append(h('p', { class: 'notice info', role: 'alert', text: t('stepup.needed') }));
          stepUpField.querySelector('input').focus();
          return;
        }
        if (err.status === 401) { close(null); return; }
        showRefusal(form, err, status);
      }
    });
    dialog.showModal();
    (form.querySelector('textarea, input, select') ?? submit).focus();
  });
}

// The buttons for every action of `record` except `hide`; `onDone(updated)` after a transition,
// `onStale()` when the record changed since it was loaded (the page reloads it).
export function actionBar(machine, record, { onDone, onStale, hide = [] } = {}) {
  const events = (record.actions ?? []).filter((e) => !hide.includes(e));
  if (!events.length) return h('p', { class: 'actions-none', text: t('action.none') });
  return h('div', { class: 'actions', role: 'group', 'aria-label': t('action.group') },
    events.map((event) => h('button', {
      type: 'button', class: ['action', `event-${event}`], dataset: { event },
      on: { click: async () => { const updated = await openActionDialog(machine, record, event, { onStale }); if (updated) onDone?.(updated); } },
    }, eventLabel(machine, event))));
}
