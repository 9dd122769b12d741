// #/donors: who pays for the fund. Each donor with its funding chapters: theme, grants paid,
// and a bar of committed / allocated / disbursed money (GET /donors, allocated and disbursed over
// the grants the user may see), with a link to the donor's summary. Admins and fund managers add
// a chapter and edit one (its name, theme and commitment).

import { h } from '../../dom.js';
import { countryName, t } from '../../i18n.js';
import { link, pageHeader, section, toast } from '../../components/ui.js';
import { hasRole } from '../../session.js';
import { chapterCard } from './chapter_card.js';
import { editChapterForm, newChapterForm } from './chapter_form.js';
import { loadDonors } from './sources.js';

// The edit button of a chapter and the form it unfolds under it.
function editTools(chapter, ctx) {
  return (headingId) => {
    const holder = h('div', { class: 'chapter-edit', id: `chapter-edit-${chapter.id}`, hidden: true });
    const button = h('button', {
      type: 'button', class: 'small edit-chapter-button', id: `chapter-edit-button-${chapter.id}`,
      'aria-expanded': 'false', 'aria-controls': holder.id, 'aria-labelledby': `chapter-edit-button-${chapter.id} ${headingId}`,
    }, t('common.edit'));
    const close = () => {
      holder.hidden = true;
      holder.replaceChildren();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    };
    button.addEventListener('click', () => {
      if (!holder.hidden) { close(); return; }
      holder.replaceChildren(editChapterForm(chapter, {
        onSaved: (saved) => { toast(t('results.chapter.saved', { name: saved.name })); ctx.reload(); },
        onStale: () => ctx.reload(),
        onCancel: close,
      }));
      holder.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      holder.querySelector('input')?.focus();
    });
    return h('div', { class: 'chapter-tools' }, h('div', { class: 'buttons' }, button), holder);
  };
}

// One donor: its name and country, a link to its summary, and its chapters.
export function donorSection(donor, { canManage, ctx }) {
  const id = `donor-${donor.id}`;
  return h('section', { class: 'panel donor-panel', dataset: { donor: donor.id }, 'aria-labelledby': id },
    h('h2', { id, text: donor.name }),
    h('p', { class: 'donor-meta' },
      donor.country ? h('span', { class: 'country', dataset: { country: donor.country }, text: countryName(donor.country) }) : null,
      donor.country ? ' · ' : null,
      link(`/donors/${donor.id}`, t('results.donors.summary_link', { name: donor.name }), { class: 'summary-link' })),
    donor.chapters.length
      ? h('ul', { class: 'chapter-list' }, donor.chapters.map((c) => h('li', {}, chapterCard(c, { tools: canManage ? editTools(c, ctx) : undefined }))))
      : h('p', { class: 'empty', text: t('results.donors.no_chapters') }));
}

export async function donorsView(ctx) {
  ctx.setTitle(t('results.donors.title'));
  const donors = (await loadDonors()).slice().sort((a, b) => a.name.localeCompare(b.name));
  const canManage = hasRole('admin', 'fund_manager');
  return h('section', { class: 'page donors-page' },
    pageHeader(t('results.donors.title')),
    h('p', { class: 'lead', text: t('results.donors.intro') }),
    h('p', { class: 'hint', text: t('results.donors.scope') }),
    donors.length ? donors.map((d) => donorSection(d, { canManage, ctx })) : h('p', { class: 'empty', text: t('results.donors.none') }),
    canManage && donors.length ? section(t('results.chapter.add_title'),
      h('p', { class: 'hint', text: t('results.chapter.add_hint') }),
      newChapterForm(donors, (chapter) => { toast(t('results.chapter.added', { name: chapter.name })); ctx.reload(); })) : null);
}
