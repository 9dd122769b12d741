// #/open-data: what the fund publishes as open data (GET /publisher: how many grants are marked
// publishable, under which 360Giving prefix and IATI ref), the 360Giving JSON and IATI XML files
// of the published grants (public: GET /exports/360giving.json and /exports/iati.xml), the full
// files of every grant for fund managers and auditors (?all=1), and the CSV and Excel files of
// every list (/exports/{list}.{csv|xlsx}), so that all downloads are found in one place.

import { get } from '../../api.js';
import { h } from '../../dom.js';
import { number, t } from '../../i18n.js';
import { facts, pageHeader, section, table } from '../../components/ui.js';
import { hasRole } from '../../session.js';

const EXPORTS = '/api/v1/exports';

// The open standards: [key, file, format label].
const STANDARDS = [
  ['360giving', '360giving.json', 'JSON'],
  ['iati', 'iati.xml', 'XML'],
];

// The lists, in the order of the console's navigation.
const LISTS = ['proposals', 'reviews', 'grants', 'tranches', 'reports', 'audit'];
const FORMATS = [['csv', 'CSV'], ['xlsx', 'Excel']];

function downloadLink(path, text, { primary = false, name } = {}) {
  return h('a', { href: path, download: true, class: ['button', primary ? 'primary' : null, 'download'], dataset: { export: name } }, text);
}

function code(value) {
  return value ? h('code', { text: value }) : h('span', { class: 'muted', text: t('opendata.not_set') });
}

function summary(publisher) {
  const unset = !publisher.giving_prefix || !publisher.iati_ref;
  return section(t('opendata.summary.title'),
    facts([
      [t('opendata.summary.published'), h('strong', { class: 'published-count', text: number(publisher.published_grants ?? 0) })],
      [t('opendata.summary.publisher'), publisher.fund?.name ?? '—'],
      [t('opendata.summary.giving_prefix'), code(publisher.giving_prefix)],
      [t('opendata.summary.iati_ref'), code(publisher.iati_ref)],
    ]),
    unset ? h('p', { class: 'notice warn', text: t(hasRole('admin') ? 'opendata.summary.unset_admin' : 'opendata.summary.unset') }) : null,
    h('p', { class: 'public-only', text: t('opendata.public_only') }),
    h('p', { class: 'hint', text: t('opendata.summary.how') }));
}

// One standard: what it is, the public file (with its address to share) and, for fund managers
// and auditors, the file of every grant.
function standardPanel([key, file, format], { full }) {
  const publicPath = `${EXPORTS}/${file}`;
  const address = new URL(publicPath, window.location.origin).href;
  return h('section', { class: 'panel standard', dataset: { standard: key }, 'aria-labelledby': `standard-${key}` },
    h('h2', { id: `standard-${key}`, text: t(`opendata.${key}.title`) }),
    h('p', { text: t(`opendata.${key}.what`) }),
    h('div', { class: 'buttons' },
      downloadLink(publicPath, t(`opendata.${key}.download`, { format }), { primary: true, name: key }),
      full ? downloadLink(`${publicPath}?all=1`, t(`opendata.${key}.download_all`, { format }), { name: `${key}-all` }) : null),
    full ? h('p', { class: 'hint', text: t('opendata.all_hint') }) : null,
    h('p', { class: 'hint address' }, t('opendata.address'), ' ', h('code', { class: 'public-address', text: address })));
}

function listsPanel() {
  const columns = [
    { label: t('opendata.lists.col.list'), cell: (list) => t(`opendata.lists.${list}`) },
    { label: t('opendata.lists.col.files'), cell: (list) => h('ul', { class: 'list-files' }, FORMATS.map(([ext, format]) => h('li', {},
      h('a', {
        href: `${EXPORTS}/${list}.${ext}`, download: true, dataset: { export: `${list}.${ext}` },
        'aria-label': t('opendata.lists.as', { list: t(`opendata.lists.${list}`), format }),
      }, format)))) },
  ];
  return section(t('opendata.lists.title'),
    h('p', { class: 'hint', text: t('opendata.lists.hint') }),
    table(t('opendata.lists.caption'), columns, LISTS));
}

export async function openDataView(ctx) {
  ctx.setTitle(t('opendata.title'));
  const publisher = await get('/publisher');
  const full = hasRole('fund_manager', 'auditor');
  return h('section', { class: 'page open-data-page' },
    pageHeader(t('opendata.title'),
      hasRole('admin') ? h('a', { href: '#/admin/open-data', class: 'button', text: t('opendata.settings') }) : null),
    h('p', { class: 'lead', text: t('opendata.lead') }),
    summary(publisher),
    STANDARDS.map((s) => standardPanel(s, { full })),
    full ? listsPanel() : null);
}
