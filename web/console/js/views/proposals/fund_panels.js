// The fund manager's panels on a proposal page: naming the supporting partner (PUT
// /proposals/{id}/supporting-partner with If-Match, between submission and decision) and
// attaching the English translation of a proposal written in another language.

import { etagOf, put } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { clearFieldErrors, showRefusal } from '../../components/problem.js';
import { field, section, toast } from '../../components/ui.js';
import { allOrganisations } from './common.js';

// The states in which the server takes a supporting partner (ProposalService::setSupportingPartner).
const PARTNER_STATES = ['submitted', 'screening', 'in_review', 'reviewed'];

// A form that PUTs what `read(form)` answers to `path`, then reloads the page.
function panelForm(ctx, { className, controls, button, path, read, etag }) {
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: button });
  const form = h('form', { class: className, novalidate: true }, controls, status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    submit.disabled = true;
    try {
      await put(path, read(form), etag ? { etag } : {});
      toast(t('common.saved'));
      ctx.reload();
    } catch (err) {
      submit.disabled = false;
      if (err.status === 401) return;
      if (err.status === 412) { toast(t('problem.stale-version')); ctx.reload(); return; }
      showRefusal(form, err, status);
    }
  });
  return form;
}

async function partnerPanel(proposal, ctx) {
  const partners = (await allOrganisations()).filter((o) => o.kind === 'partner').sort((a, b) => a.name.localeCompare(b.name));
  const options = [{ value: '', text: t('proposals.partner.choose') }, ...partners.map((o) => ({ value: o.id, text: o.name }))];
  return section(t('proposals.partner.title'),
    h('p', { class: 'hint', text: t('proposals.partner.hint') }),
    panelForm(ctx, {
      className: 'supporting-partner',
      controls: field({ label: t('proposals.partner.label'), name: 'partner_org_id', kind: 'select', options, value: proposal.supporting_org_id ?? '' }),
      button: t('proposals.partner.save'),
      path: `/proposals/${proposal.id}/supporting-partner`,
      etag: etagOf(proposal),
      read: (form) => {
        const id = Number(new FormData(form).get('partner_org_id'));
        return id ? { partner_org_id: id } : {};
      },
    }));
}

function translationPanel(proposal, ctx) {
  return section(t('proposals.translation.form_title'),
    h('p', { class: 'hint', text: t('proposals.translation.hint') }),
    panelForm(ctx, {
      className: 'translation',
      controls: field({ label: t('proposals.translation.label'), name: 'translation_en', kind: 'textarea', value: proposal.current.translation_en ?? '',
        attrs: { rows: 8, lang: 'en', maxlength: '20000' } }),
      button: t('proposals.translation.save'),
      path: `/proposals/${proposal.id}/translation`,
      read: (form) => ({ translation_en: String(new FormData(form).get('translation_en') ?? '') }),
    }));
}

// The panels for a fund manager (none for anyone else), as a list of nodes.
export async function fundPanels(proposal, ctx) {
  const out = [];
  if (PARTNER_STATES.includes(proposal.state)) out.push(await partnerPanel(proposal, ctx));
  if (proposal.full_access && (proposal.current.language !== 'en' || proposal.current.translation_en)) out.push(translationPanel(proposal, ctx));
  return out;
}
