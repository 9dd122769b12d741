// Small pieces the admin pages share: which roles fit which kind of organisation (as the server
// checks it), the languages and kinds as options, and a yes/no confirmation dialog.

import { h } from '../../dom.js';
import { language, t } from '../../i18n.js';

export const ROLES = ['applicant', 'partner', 'fund_manager', 'admin', 'auditor'];
export const KINDS = ['fund', 'partner', 'city', 'donor'];
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français', es: 'Español', pt: 'Português' };

// The server's rule: applicants belong to a city, partners to a strategic partner, the fund's
// own roles (fund manager, admin, auditor) to the fund; no role fits a donor (donors are not users).
export function roleFits(role, kind) {
  if (role === 'applicant') return kind === 'city';
  if (role === 'partner') return kind === 'partner';
  return kind === 'fund';
}

export function languageOptions() {
  return Object.entries(LANGUAGE_NAMES).map(([value, text]) => ({ value, text }));
}

export function kindOptions() {
  return KINDS.map((k) => ({ value: k, text: t(`admin.kind.${k}`) }));
}

export function kindLabel(kind) {
  return KINDS.includes(kind) ? t(`admin.kind.${kind}`) : kind;
}

// Asks `question` in a modal dialog; resolves true when the person confirms with `confirmText`.
export function confirmDialog({ title, question, confirmText, danger = true }) {
  const yes = h('button', { type: 'submit', class: danger ? 'danger' : 'primary', text: confirmText });
  const no = h('button', { type: 'button', text: t('common.cancel') });
  const form = h('form', { method: 'dialog', class: 'action-form' },
    h('h2', { text: title }), h('p', { text: question }), h('div', { class: 'buttons' }, yes, no));
  const dialog = h('dialog', { class: 'action-dialog', 'aria-label': title }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (value) => { dialog.close(); dialog.remove(); resolve(value); };
    no.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    form.addEventListener('submit', (e) => { e.preventDefault(); close(true); });
    dialog.showModal();
    no.focus();
  });
}

// Basis points (4000) as a percentage in the chosen language ("40 %", "33,33 %").
export function percentBp(bp) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);
}

export const TRIGGERS = ['signature', 'progress_report', 'final_report'];

// The page a user sees on an admin address their roles do not open.
export function forbiddenPage(title) {
  return h('section', { class: 'page' }, h('h1', { text: title }), h('p', { class: 'notice error', role: 'alert', text: t('problem.forbidden') }));
}
