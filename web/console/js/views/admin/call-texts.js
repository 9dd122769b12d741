// The words of a call in every language (PUT /calls/{id}/texts, admins and fund managers, until
// the call is archived): its title and description and each criterion's name and the guidance
// reviewers read, in English (required) and in French, Spanish and Portuguese (optional: a
// box left empty is no translation, and readers of that language read the English). One form,
// one request, every language at once; the server's refusals land next to their boxes.

import { etagOf, put } from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { submitGuarded } from '../../components/problem.js';
import { field, section, toast } from '../../components/ui.js';
import { hasRole } from '../../session.js';

const OTHERS = ['fr', 'es', 'pt'];

// The stored text of `field` in `lang` (the record's "texts"), or "".
const stored = (texts, lang, name) => texts?.[lang]?.[name] ?? '';

// The boxes of one language: the call's title and description, then each criterion's.
function languageFields(call, lang) {
  const english = lang === 'en';
  const at = (name) => (english ? name : `translations.${lang}.${name}`);
  const atCriterion = (i, name) => (english ? `criteria[${i}].${name}` : `criteria[${i}].translations.${lang}.${name}`);
  const attrs = { lang, autocomplete: 'off' };
  return [
    field({ label: t('texts.call_title'), name: at('title'), dataField: at('title'), required: english, value: stored(call.texts, lang, 'title'), attrs }),
    field({ label: t('texts.call_description'), name: at('description'), dataField: at('description'), kind: 'textarea', value: stored(call.texts, lang, 'description'), attrs: { ...attrs, rows: 3 } }),
    call.criteria.map((c, i) => h('fieldset', { class: 'criterion-texts', dataset: { criterion: c.code } },
      h('legend', {}, t('texts.criterion', { code: c.code })),
      field({ label: t('texts.criterion_name'), name: atCriterion(i, 'name'), dataField: atCriterion(i, 'name'), required: english, value: stored(c.texts, lang, 'name'), attrs }),
      field({ label: t('texts.criterion_guidance'), name: atCriterion(i, 'guidance'), dataField: atCriterion(i, 'guidance'), kind: 'textarea', value: stored(c.texts, lang, 'guidance'), hint: english ? t('texts.guidance_hint') : undefined, attrs: { ...attrs, rows: 2 } }))),
  ];
}

// The request body from the form: English in the record's fields, the others as translations
// (empty boxes are sent as they are: the server drops them).
function readTexts(form, call) {
  const data = new FormData(form);
  const value = (name) => String(data.get(name) ?? '').trim();
  const translations = (names, prefix) => Object.fromEntries(OTHERS.map((lang) => [lang,
    Object.fromEntries(names.map((n) => [n, value(`${prefix}translations.${lang}.${n}`)]))]));
  return {
    title: value('title'),
    description: value('description'),
    translations: translations(['title', 'description'], ''),
    criteria: call.criteria.map((c, i) => ({
      code: c.code,
      name: value(`criteria[${i}].name`),
      guidance: value(`criteria[${i}].guidance`),
      translations: translations(['name', 'guidance'], `criteria[${i}].`),
    })),
  };
}

// The panel, or null for a reader who may not change the call's words (or an archived call).
export function callTextsPanel(call, { onSaved, onStale }) {
  if (!hasRole('admin', 'fund_manager') || call.state === 'archived') return null;
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('texts.save') });
  const form = h('form', { class: 'admin-form call-texts', novalidate: true },
    h('p', { class: 'hint', text: t('texts.hint') }),
    h('fieldset', { class: 'language-texts', dataset: { language: 'en' } },
      h('legend', { text: t('texts.language_required', { language: t('texts.language.en') }) }),
      languageFields(call, 'en')),
    OTHERS.map((lang) => h('details', { class: 'language-texts', dataset: { language: lang }, open: Boolean(call.texts?.[lang]) },
      h('summary', { text: t('texts.language_optional', { language: t(`texts.language.${lang}`) }) }),
      h('fieldset', {}, h('legend', { class: 'visually-hidden', text: t(`texts.language.${lang}`) }), languageFields(call, lang)))),
    status, h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // A refusal may name a box inside a closed language: open them all so it can be seen.
    const show = () => { for (const d of form.querySelectorAll('details')) d.open = true; };
    submitGuarded(form, {
      submit, status,
      send: () => put(`/calls/${call.id}/texts`, readTexts(form, call), { etag: etagOf(call) }).catch((err) => { show(); throw err; }),
      onSaved: () => { toast(t('texts.saved')); onSaved(); },
      onStale,
    });
  });
  return section(t('texts.title'), form);
}
