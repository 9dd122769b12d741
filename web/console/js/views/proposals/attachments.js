// A proposal's files: the list with download links (name, size, type, date) and, while the
// proposal is a draft, the upload form (multipart POST /proposals/{id}/attachments) whose
// refusals appear next to the file field.

import { get, request } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { date, t } from '../../i18n.js';
import { clearFieldErrors, problemNotice, showFieldErrors } from '../../components/problem.js';
import { section, table, toast } from '../../components/ui.js';
import { ACCEPTED_FILES, MAX_FILE_BYTES, fileKind, fileSize } from './common.js';

// The files as a table; the name downloads the bytes.
export function attachmentTable(items) {
  return table(t('proposals.files.caption'), [
    { label: t('proposals.files.name'), cell: (a) => h('a', { href: a.href, download: a.filename, class: 'file-link' }, a.filename) },
    { label: t('proposals.files.size'), class: 'num', cell: (a) => fileSize(a.size_bytes) },
    { label: t('proposals.files.type'), cell: (a) => h('abbr', { title: a.content_type, text: fileKind(a.content_type) }) },
    { label: t('proposals.files.added'), cell: (a) => h('time', { datetime: a.created_at, text: date(a.created_at) }) },
  ], items, { empty: t('proposals.files.none') });
}

// The upload form for proposal `proposalId`; `onUploaded(attachment)` after each file.
function uploadForm(proposalId, onUploaded) {
  const inputId = uid('file');
  const hintId = `${inputId}-hint`;
  const input = h('input', { type: 'file', id: inputId, name: 'file', dataset: { field: 'file' }, accept: ACCEPTED_FILES, 'aria-describedby': hintId });
  const status = h('div', { class: 'upload-status' });
  const button = h('button', { type: 'submit', text: t('proposals.files.attach') });
  const form = h('form', { class: 'upload', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: inputId, text: t('proposals.files.choose') }),
      h('p', { class: 'hint', id: hintId, text: t('proposals.files.hint') }),
      input, status),
    h('div', { class: 'buttons' }, button));
  const refuse = (fieldErrors) => showFieldErrors(form, { fieldErrors }, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const file = input.files?.[0];
    if (!file) { refuse([{ field: 'file', message: t('proposals.files.pick_first') }]); return; }
    if (file.size > MAX_FILE_BYTES) { refuse([{ field: 'file', message: 'is larger than 20 MiB' }]); return; }
    if (file.size === 0) { refuse([{ field: 'file', message: 'is empty' }]); return; }
    const body = new FormData();
    body.append('file', file, file.name);
    button.disabled = true;
    try {
      const { data } = await request('POST', `/proposals/${proposalId}/attachments`, { body });
      form.reset();
      toast(t('proposals.files.attached', { name: data.filename }));
      onUploaded(data);
    } catch (err) {
      if (err.status === 401) return;
      const named = err.fieldErrors.map((fe) => ({ ...fe, field: 'file' }));
      if (named.length) refuse(named);
      else { status.append(problemNotice(err)); input.setAttribute('aria-invalid', 'true'); input.focus(); }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// The "Attachments" panel. With `editable`, the upload form comes under the list; without a
// proposal id yet (a new draft), a line says files come after the first save.
export async function attachmentsPanel(proposalId, { editable = false, items } = {}) {
  const list = h('div', { class: 'attachment-list' });
  const refresh = async () => {
    const page = await get(`/proposals/${proposalId}/attachments`);
    mount(list, attachmentTable(page.items ?? []));
  };
  if (!proposalId) {
    return section(t('proposals.files.title'), h('p', { class: 'hint', text: t('proposals.files.after_save') }),
      h('p', { class: 'hint', text: t('proposals.files.hint') }));
  }
  if (items) mount(list, attachmentTable(items));
  else await refresh();
  return section(t('proposals.files.title'), list,
    editable ? uploadForm(proposalId, () => refresh().catch(() => {})) : null);
}
