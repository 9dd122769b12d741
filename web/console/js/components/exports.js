// "Export CSV" and "Export Excel" beside a list: plain links to GET /api/v1/exports/<list>.<csv|xlsx>
// with the page's filters, so the file holds every row the list has with those filters (not only
// the page on screen). The session cookie authenticates the GET; the server answers the file as
// an attachment, written to disk as it streams in.

import { withQuery } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

// `list`: proposals, reviews, grants, tranches, reports or audit; `filters`: the list's query
// parameters (empty values are left out).
export function exportLinks(list, filters = {}) {
  const link = (format, key) => h('a', {
    class: 'button export-link',
    href: `/api/v1${withQuery(`/exports/${list}.${format}`, filters)}`,
    download: true,
    title: t('export.hint'),
    dataset: { export: `${list}.${format}` },
  }, t(key));
  return h('div', { class: 'export-links buttons', role: 'group', 'aria-label': t('export.group') },
    link('csv', 'export.csv'), link('xlsx', 'export.xlsx'));
}
