// #/admin/organisations: the fund, the strategic partners, the cities and the donors, one table
// per kind (?kind= shows one kind), with each one's country by name, the id the open-data files
// give it and how many users it has; an admin adds an organisation (its country chosen from the
// ISO 3166-1 list, required for a city; its org-id identifier optional) and sets or clears the
// identifier of one already there.

import { get, post } from '../../api.js';
import { h } from '../../dom.js';
import { countryName, t } from '../../i18n.js';
import { clearFieldErrors, showRefusal } from '../../components/problem.js';
import { field, pageHeader, section, table, toast } from '../../components/ui.js';
import { forbiddenPage, KINDS, kindOptions, LANGUAGE_NAMES, languageOptions } from './common.js';
import { countryOptions } from './countries.js';
import { identifierCell } from './org-identifier.js';
import { hasRole } from '../../session.js';

function organisationForm(onCreated) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('admin.orgs.add') });
  const form = h('form', { class: 'admin-form org-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ label: t('admin.orgs.kind'), name: 'kind', kind: 'select', required: true, options: kindOptions(), value: 'city' }),
      field({ label: t('admin.orgs.name'), name: 'name', required: true, attrs: { autocomplete: 'off' } }),
      field({ label: t('admin.orgs.country'), name: 'country', kind: 'select', required: true, options: countryOptions([{ value: '', text: t('admin.orgs.no_country') }]), value: '', hint: t('admin.orgs.country_hint') }),
      field({ label: t('admin.orgs.region'), name: 'region', attrs: { autocomplete: 'off' } }),
      field({ label: t('admin.orgs.language'), name: 'language', kind: 'select', options: languageOptions(), value: 'en', hint: t('admin.orgs.language_hint') }),
      field({ label: t('admin.orgs.identifier'), name: 'identifier', hint: t('admin.orgs.identifier_hint'), attrs: { autocomplete: 'off', spellcheck: 'false', maxlength: '120' } })),
    status, h('div', { class: 'buttons' }, submit));
  // A city needs its country; for the other kinds it may stay empty.
  const kind = form.querySelector('select[name="kind"]');
  const country = form.querySelector('select[name="country"]');
  const countryRequired = () => {
    country.required = kind.value === 'city';
    country.closest('.field').querySelector('.required').hidden = !country.required;
  };
  kind.addEventListener('change', countryRequired);
  countryRequired();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    const data = new FormData(form);
    const text = (name) => String(data.get(name) ?? '').trim();
    const body = { kind: text('kind'), name: text('name'), language: text('language') };
    if (text('country')) body.country = text('country');
    if (text('region')) body.region = text('region');
    if (text('identifier')) body.identifier = text('identifier');
    submit.disabled = true;
    try {
      const org = await post('/organisations', body);
      toast(t('admin.orgs.added', { name: org.name }));
      onCreated?.(org);
    } catch (err) {
      if (err.status === 401) return;
      showRefusal(form, err, status);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export async function organisationsView(ctx) {
  ctx.setTitle(t('admin.orgs.title'));
  if (!hasRole('admin')) return forbiddenPage(t('admin.orgs.title'));
  const only = KINDS.includes(ctx.query.kind) ? ctx.query.kind : '';
  const [orgs, users] = await Promise.all([get('/organisations'), get('/users')]);
  const members = new Map();
  for (const u of users.items) members.set(u.org_id, (members.get(u.org_id) ?? 0) + 1);
  const columns = [
    { label: t('admin.orgs.col.name'), cell: (o) => h('strong', { text: o.name }) },
    { label: t('admin.orgs.col.country'), cell: (o) => (o.country ? h('span', { dataset: { country: o.country }, text: countryName(o.country) }) : '—') },
    { label: t('admin.orgs.col.region'), cell: (o) => o.region || '—' },
    { label: t('admin.orgs.col.language'), cell: (o) => h('span', { lang: o.language, text: LANGUAGE_NAMES[o.language] ?? o.language }) },
    { label: t('admin.orgs.col.open_id'), cell: (o) => identifierCell(o, { onStale: () => ctx.reload() }) },
    { label: t('admin.orgs.col.users'), class: 'num', cell: (o) => String(members.get(o.id) ?? 0) },
  ];
  const groups = (only ? [only] : KINDS).map((kind) => {
    const rows = orgs.items.filter((o) => o.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    return h('section', { class: 'org-group', dataset: { kind } },
      h('h2', { text: t(`admin.orgs.group.${kind}`, { count: rows.length }) }),
      table(t(`admin.orgs.caption.${kind}`), columns, rows, { empty: t('admin.orgs.none') }));
  });
  const filter = h('nav', { class: 'kind-filter', 'aria-label': t('admin.orgs.filter') },
    h('ul', {}, [['', t('common.all')], ...KINDS.map((k) => [k, t(`admin.kind.${k}`)])].map(([k, text]) =>
      h('li', {}, h('a', { href: k ? `#/admin/organisations?kind=${k}` : '#/admin/organisations', 'aria-current': k === only ? 'page' : undefined, text })))));
  return h('section', { class: 'page admin-orgs' },
    pageHeader(t('admin.orgs.title'), h('a', { href: '#/admin/users', class: 'button', text: t('admin.nav.users') }),
      h('a', { href: '#/admin/open-data', class: 'button', text: t('admin.nav.open_data') })),
    h('p', { class: 'lead', text: t('admin.orgs.lead', { count: orgs.total ?? orgs.items.length }) }),
    filter, groups,
    section(t('admin.orgs.add_title'), organisationForm(() => ctx.reload())));
}
