// The grant page's "Open data" panel: whether the grant is in the fund's public 360Giving and IATI
// files (and since when) and its DAC sector codes (15190 first, then the service's own). A fund
// manager switches publication on or off and chooses the service's sector, saved with PUT
// /grants/{id}/publication (If-Match = the grant's version); everyone else reads it.

import { etagOf, put } from '../../api.js';
import { h, uid } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';
import { submitGuarded } from '../../components/problem.js';
import { sectorField, sectors } from '../../components/sectors.js';
import { facts, link, toast } from '../../components/ui.js';
import { hasRole } from '../../session.js';

function statusLine(grant) {
  if (!grant.publishable) return h('span', { class: 'badge publication', dataset: { published: 'false' }, text: t('grants.open_data.not_published') });
  return h('span', {},
    h('span', { class: 'badge publication state-active', dataset: { published: 'true' }, text: t('grants.open_data.published') }),
    grant.published_at ? ` ${t('grants.open_data.since', { when: dateTime(grant.published_at) })}` : null);
}

function sectorList(grant, list) {
  const codes = grant.sectors ?? [];
  if (!codes.length) return '—';
  return h('ul', { class: 'sector-list' }, codes.map((code) => {
    const name = list.find((s) => s.code === code)?.name;
    return h('li', { dataset: { sector: code } }, h('code', { text: code }), name ? [' · ', h('span', { lang: 'en', text: name })] : null);
  }));
}

// The fund manager's form: the switch and the service's sector; onSaved() / onStale() after.
function publicationForm(grant, list, { onSaved, onStale }) {
  const switchId = uid('publish');
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('grants.open_data.save') });
  const form = h('form', { class: 'publication-form', novalidate: true },
    h('div', { class: 'field checkbox switch' },
      h('input', { type: 'checkbox', role: 'switch', id: switchId, name: 'publishable', checked: grant.publishable, dataset: { field: 'publishable' }, 'aria-describedby': `${switchId}-hint` }),
      h('label', { for: switchId, text: t('grants.open_data.switch') }),
      h('p', { class: 'hint', id: `${switchId}-hint`, text: t('grants.open_data.switch_hint') })),
    sectorField({
      id: uid('grant-sector'), label: t('grants.open_data.sector'), hint: t('grants.open_data.sector_hint'), list,
      noneText: t('grants.open_data.sector_none'), selected: grant.sector_code ?? '',
    }),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { publishable: data.get('publishable') === 'on', sector_code: String(data.get('sector_code') ?? '') || null };
    submitGuarded(form, {
      submit, status, onStale,
      send: () => put(`/grants/${grant.id}/publication`, body, { etag: etagOf(grant) }),
      onSaved: (saved) => {
        toast(t((saved?.publishable ?? body.publishable) ? 'grants.open_data.saved_on' : 'grants.open_data.saved_off'));
        onSaved(saved);
      },
    });
  });
  return form;
}

// The panel for `grant`; reload() after a change.
export async function openDataPanel(grant, { reload }) {
  const list = await sectors().catch(() => []);
  const manager = hasRole('fund_manager');
  return h('section', { class: 'panel open-data-panel', 'aria-labelledby': 'open-data-h', dataset: { published: String(Boolean(grant.publishable)) } },
    h('h2', { id: 'open-data-h', text: t('grants.open_data.title') }),
    h('p', { class: 'hint', text: t('grants.open_data.hint') }),
    facts([
      [t('grants.open_data.status'), statusLine(grant)],
      [t('grants.open_data.sectors'), sectorList(grant, list)],
    ]),
    manager ? publicationForm(grant, list, { onSaved: reload, onStale: reload }) : null,
    manager ? h('p', { class: 'hint' }, link('/open-data', t('grants.open_data.files_link'))) : null);
}
