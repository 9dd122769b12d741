// What a reviewer reads beside the rubric while scoring: the proposal's English translation (the
// GCF reviews in English; a proposal written in English is its own text) and its files, each a
// download. A region of its own, scrollable beside the rubric on a wide screen.

import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { notice } from '../../components/ui.js';
import { attachmentTable } from '../proposals/attachments.js';

function englishText(v) {
  if (v.translation_en) {
    return h('div', { class: 'translation-text', lang: 'en' },
      v.translation_en.split(/\n\s*\n/).map((para) => h('p', { text: para })));
  }
  if (v.language === 'en') return h('p', { class: 'hint', text: t('scoring.written_in_english') });
  return notice(t('scoring.no_translation'), 'warn');
}

// `files`: GET /proposals/{id}/attachments items, or null when they could not be read.
export function readingPanel(proposal, files) {
  const v = proposal.current;
  return h('section', { class: 'scoring-reading panel', 'aria-labelledby': 'scoring-reading-title', tabindex: '0' },
    h('h2', { id: 'scoring-reading-title', text: t('scoring.title') }),
    h('h3', { text: t('scoring.translation') }),
    englishText(v),
    h('h3', { text: t('scoring.files') }),
    files ? attachmentTable(files) : notice(t('scoring.files_unreadable'), 'warn'));
}
