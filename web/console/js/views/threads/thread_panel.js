// The thread of a proposal or a grant, on its page: the messages between the city and the fund
// (and the partners), each shared with the city or internal, with their files, and the reasons
// given with the record's steps, oldest first; under them the form to write one, with the choice
// of who reads it where the reader has one (GET and POST /{proposals|grants}/{id}/messages).

import { get, request } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { dateTime, label, number, t } from '../../i18n.js';
import { eventLabel } from '../../components/actions.js';
import { clearFieldErrors, problemNotice, showFieldErrors } from '../../components/problem.js';
import { section, toast } from '../../components/ui.js';
import { ACCEPTED_FILES, MAX_FILE_BYTES, fileSize } from '../proposals/common.js';

const MAX_FILES = 5;
const MAX_BODY = 10000;

// Who wrote, as far as the answer tells: a person and their organisation, an organisation, or
// only which side ("A strategic partner").
function authorText(author) {
  if (!author) return t('threads.author.system');
  if (author.name) return author.organisation ? `${author.name} (${author.organisation})` : author.name;
  return author.organisation ?? t(`threads.side.${author.side}`);
}

function visibilityBadge(visibility) {
  return h('span', { class: ['badge', 'visibility', `visibility-${visibility}`], text: t(`threads.visibility.${visibility}`) });
}

// Paragraphs at blank lines; the lines inside keep their breaks (CSS white-space: pre-line).
function paragraphs(text) {
  return text.split(/\n\s*\n/).map((p) => h('p', { text: p }));
}

function messageEntry(entry) {
  const headingId = uid('msg');
  return h('li', { class: ['thread-entry', 'thread-message', `from-${entry.author?.side ?? 'system'}`], dataset: { kind: 'message', id: entry.id, visibility: entry.visibility } },
    h('article', { 'aria-labelledby': headingId },
      h('p', { class: 'thread-head' },
        h('span', { class: 'thread-author', id: headingId, text: authorText(entry.author) }), ' ',
        visibilityBadge(entry.visibility), ' ',
        h('time', { datetime: entry.at, text: dateTime(entry.at) })),
      h('div', { class: 'thread-body' }, paragraphs(entry.body)),
      entry.attachments.length
        ? h('ul', { class: 'thread-files', 'aria-label': t('threads.files_of', { who: authorText(entry.author) }) },
          entry.attachments.map((f) => h('li', {},
            h('a', { href: f.href, download: f.filename, class: 'file-link' }, f.filename), ` · ${fileSize(f.size_bytes)}`)))
        : null));
}

function stepEntry(entry) {
  const what = eventLabel(entry.entity, entry.event);
  return h('li', { class: ['thread-entry', 'thread-step'], dataset: { kind: 'step', event: entry.event, entity: entry.entity } },
    h('p', { class: 'thread-head' },
      h('strong', { text: what }),
      entry.entity !== 'proposal' && entry.entity !== 'grant' ? ` · ${label('entity', entry.entity)}` : '',
      ' · ', h('span', { class: 'thread-author', text: authorText(entry.author) }), ' ',
      h('time', { datetime: entry.at, text: dateTime(entry.at) })),
    h('blockquote', { class: 'reason' }, paragraphs(entry.reason)));
}

function entryList(items) {
  if (!items.length) return h('p', { class: 'empty', text: t('threads.empty') });
  return h('ol', { class: 'thread' }, items.map((e) => (e.kind === 'message' ? messageEntry(e) : stepEntry(e))));
}

// The choice of who reads the message: two radios when the reader may write both (no default:
// the writer chooses), else a line saying who will read it.
function visibilityChoice(mayWrite) {
  if (mayWrite.length < 2) return h('p', { class: 'hint shared-only', text: t('threads.shared_only') });
  const radio = (value, first) => {
    const id = uid('vis');
    const hintId = `${id}-hint`;
    return h('div', { class: 'choice' },
      h('input', { type: 'radio', id, name: 'visibility', value, 'aria-describedby': hintId, dataset: first ? { field: 'visibility' } : undefined }),
      h('label', { for: id, text: t(`threads.visibility.${value}`) }),
      h('span', { class: 'hint', id: hintId, text: t(`threads.visibility.${value}_hint`) }));
  };
  return h('div', { class: 'field' },
    h('fieldset', { class: 'visibility-choice' },
      h('legend', { text: t('threads.visibility.legend') }),
      radio('shared', true), radio('internal', false)));
}

// The form that writes on the thread at `path`; `onSent()` after each message.
function messageForm(path, mayWrite, onSent) {
  const bodyId = uid('body');
  const fileId = uid('files');
  const body = h('textarea', { id: bodyId, name: 'body', rows: 5, maxlength: MAX_BODY, 'aria-describedby': `${bodyId}-hint`, dataset: { field: 'body' } });
  const files = h('input', { type: 'file', id: fileId, name: 'file', multiple: true, accept: ACCEPTED_FILES, 'aria-describedby': `${fileId}-hint`, dataset: { field: 'file' } });
  const status = h('div', { class: 'send-status' });
  const button = h('button', { type: 'submit', class: 'primary', text: t('threads.send') });
  const headingId = uid('write');
  const form = h('form', { class: 'thread-form', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: t('threads.write') }),
    h('div', { class: 'field' },
      h('label', { for: bodyId, text: t('threads.body') }),
      h('p', { class: 'hint', id: `${bodyId}-hint`, text: t('threads.body_hint', { max: number(MAX_BODY) }) }),
      body),
    visibilityChoice(mayWrite),
    h('div', { class: 'field' },
      h('label', { for: fileId, text: t('threads.files') }),
      h('p', { class: 'hint', id: `${fileId}-hint`, text: t('threads.files_hint', { count: MAX_FILES }) }),
      files),
    status,
    h('div', { class: 'buttons' }, button));
  const refuse = (fieldErrors) => showFieldErrors(form, { fieldErrors }, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const chosen = [...(files.files ?? [])];
    const total = chosen.reduce((n, f) => n + f.size, 0);
    if (chosen.length > MAX_FILES) { refuse([{ field: 'file', message: `at most ${MAX_FILES} files to a message` }]); return; }
    if (total > MAX_FILE_BYTES) { refuse([{ field: 'file', message: 'the files of a message are together at most 20 MiB' }]); return; }
    const data = new FormData();
    data.append('body', body.value);
    const picked = form.querySelector('input[name="visibility"]:checked');
    if (mayWrite.length < 2) data.append('visibility', mayWrite[0]);
    else if (picked) data.append('visibility', picked.value);
    for (const f of chosen) data.append('file', f, f.name);
    button.disabled = true;
    try {
      await request('POST', path, { body: data });
      form.reset();
      toast(t('threads.sent'));
      await onSent();
      body.focus();
    } catch (err) {
      if (err.status === 401) return;
      if (!refuse(err.fieldErrors)) status.append(problemNotice(err));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// The "Messages" panel of the record `kind` ('proposal' or 'grant') with id `id`.
export async function threadPanel(kind, id) {
  const path = `/${kind}s/${id}/messages`;
  const list = h('div', { class: 'thread-list' });
  let page;
  try {
    page = await get(path);
  } catch (err) {
    if (err?.status === 401) throw err;
    return section(t('threads.title'), problemNotice(err));
  }
  mount(list, entryList(page.items ?? []));
  const refresh = async () => mount(list, entryList((await get(path)).items ?? []));
  const mayWrite = page.may_write ?? [];
  const intro = mayWrite.includes('internal') ? 'threads.intro.staff' : mayWrite.length ? 'threads.intro.city' : 'threads.intro.reader';
  const panel = section(t('threads.title'), h('p', { class: 'hint', text: t(intro) }), list,
    mayWrite.length ? messageForm(path, mayWrite, refresh) : null);
  panel.classList.add('thread-panel');
  panel.dataset.record = `${kind}:${id}`;
  return panel;
}
