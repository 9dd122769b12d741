// The steps a proposal waits for from the reader that a guard holds back, with the server's
// reason in the reader's language (the proposal's `held`, as the inbox says it): a fund manager
// sees why "Send to review" is not offered yet, e.g. until the English translation is attached.

import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { eventLabel } from '../../components/actions.js';

export function heldNotes(proposal) {
  const held = proposal.held ?? [];
  if (!held.length) return null;
  return h('div', { class: 'held-steps' },
    h('h2', { class: 'visually-hidden', text: t('held.title') }),
    h('ul', {}, held.map((x) => h('li', { class: 'notice info held-step', dataset: { event: x.event, guard: x.guard } },
      h('strong', { text: t('held.step', { step: eventLabel('proposal', x.event) }) }), ' ', x.message))));
}
