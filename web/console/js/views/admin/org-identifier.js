// The organisations table's open-data cell: the id the 360Giving and IATI files give the
// organisation (its org-id identifier, or the fund-prefixed id when it has none), and a button
// that unfolds a small form to set or clear the identifier (PUT /organisations/{id}/identifier
// with If-Match = the organisation's version). The cell redraws itself with the server's answer.

import { etagOf, put } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { clearFieldErrors, showRefusal } from '../../components/problem.js';
import { toast } from '../../components/ui.js';

function shown(org) {
  // Without an identifier of its own an organisation goes by the fund-prefixed id (360G-...);
  // the publishing fund goes by its IATI ref.
  const fallback = !org.identifier && (org.open_id || '').startsWith('360G-');
  return [
    h('code', { class: ['open-id', fallback ? 'fallback' : null], dataset: { fallback: String(fallback) }, text: org.open_id || org.identifier || '—' }),
    fallback ? h('span', { class: 'muted open-id-note', text: t('admin.orgs.fund_prefixed') }) : null,
  ];
}

// The cell for `org` ({id, name, identifier, open_id, version}); onStale() when the organisation
// changed since the page was drawn.
export function identifierCell(org, { onStale } = {}) {
  const cell = h('div', { class: 'org-identifier', dataset: { org: org.id } });

  function display(focus = false) {
    const button = h('button', {
      type: 'button', class: 'small edit-identifier',
      'aria-label': t(org.identifier ? 'admin.orgs.identifier_change_aria' : 'admin.orgs.identifier_set_aria', { name: org.name }),
      on: { click: edit },
    }, t(org.identifier ? 'admin.orgs.identifier_change' : 'admin.orgs.identifier_set'));
    mount(cell, h('div', { class: 'open-id-line' }, shown(org)), button);
    if (focus) button.focus();
  }

  function edit() {
    const inputId = uid('org-identifier');
    const hintId = `${inputId}-hint`;
    const input = h('input', {
      id: inputId, name: 'identifier', value: org.identifier ?? '', dataset: { field: 'identifier' },
      autocomplete: 'off', spellcheck: 'false', maxlength: '120', 'aria-describedby': hintId,
    });
    const status = h('div', { class: 'form-status' });
    const save = h('button', { type: 'submit', class: 'primary small', text: t('common.save') });
    const clear = org.identifier ? h('button', { type: 'button', class: 'small clear-identifier', text: t('admin.orgs.identifier_clear') }) : null;
    const cancel = h('button', { type: 'button', class: 'small', text: t('common.cancel') });
    const form = h('form', { class: 'identifier-form', novalidate: true },
      h('div', { class: 'field' },
        h('label', { for: inputId, text: t('admin.orgs.identifier_of', { name: org.name }) }),
        h('p', { class: 'hint', id: hintId, text: t('admin.orgs.identifier_short_hint') }),
        input),
      status, h('div', { class: 'buttons' }, save, clear, cancel));
    const send = async (identifier) => {
      clearFieldErrors(form);
      status.replaceChildren();
      save.disabled = true;
      try {
        const saved = await put(`/organisations/${org.id}/identifier`, { identifier }, { etag: etagOf(org) });
        Object.assign(org, saved ?? { identifier });
        toast(identifier ? t('admin.orgs.identifier_saved', { name: org.name, id: identifier }) : t('admin.orgs.identifier_cleared', { name: org.name }));
        display(true);
      } catch (err) {
        save.disabled = false;
        if (err.status === 401) return;
        if (err.status === 412) { toast(t('problem.stale-version')); onStale?.(); return; }
        showRefusal(form, err, status);
      }
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); send(input.value.trim()); });
    clear?.addEventListener('click', () => { input.value = ''; send(''); });
    cancel.addEventListener('click', () => display(true));
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); display(true); } });
    mount(cell, h('div', { class: 'open-id-line' }, shown(org)), form);
    input.focus();
  }

  display();
  return cell;
}
