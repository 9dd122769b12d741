// #/admin/open-data: the fund as a publisher of open data (GET /publisher): its 360Giving prefix
// and its IATI reporting-organisation ref, which name every grant and the fund in the published
// files. An admin changes them (PUT /publisher, If-Match = the loaded version); the server's
// refusals land next to their fields.

import { get, put } from '../../api.js';
import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { submitGuarded } from '../../components/problem.js';
import { facts, field, link, pageHeader, section, toast } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { forbiddenPage } from './common.js';

function publisherForm(publisher, { onSaved, onStale }) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('common.save') });
  const form = h('form', { class: 'admin-form publisher-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('admin.publisher.giving_prefix'), name: 'giving_prefix', value: publisher.giving_prefix, hint: t('admin.publisher.giving_prefix_hint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: '40' } }),
      field({ label: t('admin.publisher.iati_ref'), name: 'iati_ref', value: publisher.iati_ref, hint: t('admin.publisher.iati_ref_hint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: '120' } })),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { giving_prefix: String(data.get('giving_prefix') ?? '').trim(), iati_ref: String(data.get('iati_ref') ?? '').trim() };
    submitGuarded(form, {
      submit, status, onStale,
      send: () => put('/publisher', body, { etag: `"v${publisher.version}"` }),
      onSaved: (saved) => { toast(t('admin.publisher.saved')); onSaved(saved); },
    });
  });
  return form;
}

export async function publisherView(ctx) {
  ctx.setTitle(t('admin.publisher.title'));
  if (!hasRole('admin')) return forbiddenPage(t('admin.publisher.title'));
  const publisher = await get('/publisher');
  const unset = !publisher.giving_prefix || !publisher.iati_ref;
  return h('section', { class: 'page admin-publisher', dataset: { version: publisher.version } },
    pageHeader(t('admin.publisher.title'),
      h('a', { href: '#/admin/organisations', class: 'button', text: t('admin.nav.organisations') }),
      h('a', { href: '#/open-data', class: 'button', text: t('admin.publisher.files') })),
    h('p', { class: 'lead', text: t('admin.publisher.lead') }),
    section(t('admin.publisher.about'),
      facts([
        [t('admin.publisher.fund'), publisher.fund?.name ?? t('admin.publisher.no_fund')],
        [t('admin.publisher.published'), h('span', { class: 'published-count', text: number(publisher.published_grants ?? 0) })],
      ]),
      unset ? h('p', { class: 'notice warn', text: t('admin.publisher.unset') }) : null),
    section(t('admin.publisher.form_title'),
      publisherForm(publisher, { onSaved: () => ctx.reload(), onStale: () => ctx.reload() }),
      h('p', { class: 'hint' }, t('admin.publisher.orgs_hint'), ' ', link('/admin/organisations', t('admin.publisher.orgs_link')))));
}
