// The notices a proposal's state calls for, with the words the fund wrote: the reason of a
// revision request, the feedback on a concept note (invited or declined). They come from the
// latest matching event of the proposal's timeline.

import { h } from '../../dom.js';
import { dateTime, t } from '../../i18n.js';

// The detail object of a timeline item ({} when it has none or it is not JSON).
export function detailOf(item) {
  if (!item?.detail) return {};
  if (typeof item.detail === 'object') return item.detail;
  try { return JSON.parse(item.detail) ?? {}; } catch { return {}; }
}

// The latest timeline item of the proposal itself whose event is one of `events`.
export function latestEvent(items, events) {
  return [...(items ?? [])].reverse().find((i) => (i.entity ?? 'proposal') === 'proposal' && events.includes(i.event));
}

function box(kind, title, item, extra) {
  const reason = detailOf(item).reason;
  return h('div', { class: ['notice', kind, 'state-notice'], dataset: { event: item?.event ?? '' } },
    h('h2', { text: title }),
    reason ? h('blockquote', { class: 'fund-words' }, h('p', { text: reason })) : null,
    item ? h('p', { class: 'meta', text: t('proposals.notice.when', { when: dateTime(item.at) }) }) : null,
    extra ?? null);
}

// The notices for `proposal` given its timeline items; `editHref` adds a link to the form.
export function stateNotices(proposal, items, { editHref } = {}) {
  const edit = editHref ? h('p', {}, h('a', { href: editHref, class: 'button primary', text: t('proposals.notice.edit_now') })) : null;
  if (proposal.state === 'revision_requested') {
    const item = latestEvent(items, ['return', 'request_revision']);
    return [box('warn', t('proposals.notice.revision_title'), item,
      h('div', {}, h('p', { text: t('proposals.notice.revision_body') }), edit))];
  }
  if (proposal.state === 'concept_declined') {
    const item = latestEvent(items, ['decline_concept']);
    return [box('error', t('proposals.notice.declined_title'), item,
      proposal.eligible_future ? h('p', { class: 'eligible', text: t('proposals.notice.eligible_future') }) : null)];
  }
  if (proposal.state === 'draft') {
    const item = latestEvent(items, ['invite']);
    if (item) return [box('ok', t('proposals.notice.invited_title'), item, h('div', {}, h('p', { text: t('proposals.notice.invited_body') }), edit))];
  }
  return [];
}
