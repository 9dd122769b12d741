// The rubric of a review in progress: per criterion of the call a 1–5 score (a radio group in a
// fieldset, keyboard-usable) and an optional comment, the overall comment, the weighted mean of the
// scores given so far (live), Save (PUT /assignments/{id}/scores with If-Match) and Submit (saves,
// checks every criterion is scored and the overall comment written, then fires `submit`).

import { etagOf, get, put } from '../../api.js';
import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { openActionDialog } from '../../components/actions.js';
import { clearFieldErrors, showFieldErrors, showRefusal } from '../../components/problem.js';
import { field, toast } from '../../components/ui.js';
import { points, weightedMeanMilli } from './format.js';

const SCALE = [1, 2, 3, 4, 5];

// One criterion: its name and weight, the guidance the call gives reviewers (in the reader's
// language where the call has it, else English: the server chooses), the scale and a comment.
function criterionFieldset(c, saved) {
  const name = `score-${c.id}`;
  const guidanceId = c.guidance ? uid('guidance') : undefined;
  return h('fieldset', { class: ['field', 'criterion'], dataset: { criterion: c.code, criterionId: String(c.id) }, 'aria-describedby': guidanceId },
    h('legend', {}, c.name, ' ', h('span', { class: 'weight', text: t('reviews.rubric.weight', { weight: c.weight }) })),
    c.guidance ? h('p', { class: 'criterion-guidance', id: guidanceId }, h('span', { class: 'visually-hidden', text: `${t('scoring.guidance')}: ` }), c.guidance) : null,
    h('div', { class: 'scale' }, SCALE.map((n) => {
      const id = uid(name);
      return h('div', { class: 'scale-option' },
        h('input', { type: 'radio', id, name, value: String(n), checked: saved?.score === n }),
        h('label', { for: id }, h('span', { class: 'n', text: String(n) }), ' ', h('span', { class: 'word', text: t(`reviews.rubric.level_${n}`) })));
    })),
    field({ label: t('reviews.rubric.criterion_comment'), name: `comment-${c.id}`, kind: 'textarea', value: saved?.comment ?? '', attrs: { rows: 2, maxlength: 20000 } }));
}

function readSheet(form, criteria) {
  const data = new FormData(form);
  const scores = [];
  for (const c of criteria) {
    const score = Number(data.get(`score-${c.id}`));
    if (!score) continue;
    scores.push({ criterion_id: c.id, score, comment: String(data.get(`comment-${c.id}`) ?? '').trim() });
  }
  return { scores, comment: String(data.get('comment') ?? '').trim() };
}

// Names the controls after the API fields of the sheet about to be sent ("scores[2].score"), so that
// the server's field errors land next to the right criterion.
function nameFields(form, sheet) {
  for (const el of form.querySelectorAll('[data-field^="scores["]')) el.removeAttribute('data-field');
  sheet.scores.forEach((s, i) => {
    form.querySelector(`input[name="score-${s.criterion_id}"]`)?.setAttribute('data-field', `scores[${i}].score`);
    form.querySelector(`[name="comment-${s.criterion_id}"]`)?.setAttribute('data-field', `scores[${i}].comment`);
  });
}

// The form for `assignment` (in progress, mine) over `criteria`; `saved`: GET .../scores items.
// onSubmitted(updated) after the review was submitted; onStale() when it changed under us.
export function rubricForm(assignment, criteria, saved, { onSubmitted, onStale }) {
  let record = assignment;
  const byId = Object.fromEntries(saved.map((s) => [s.criterion_id, s]));
  const status = h('div', { class: 'form-status' });
  const mean = h('output', { class: 'live-mean', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', text: t('reviews.rubric.save') });
  const submit = h('button', { type: 'button', class: 'primary', text: t('event.review_assignment.submit') });
  const form = h('form', { class: 'rubric', novalidate: true },
    h('p', { class: 'hint', text: t('reviews.rubric.intro') }),
    criteria.map((c) => criterionFieldset(c, byId[c.id])),
    field({ label: t('reviews.rubric.overall_comment'), name: 'comment', kind: 'textarea', value: record.comment ?? '', required: true,
      hint: t('reviews.rubric.overall_hint'), attrs: { rows: 5, maxlength: 20000 } }),
    h('div', { class: 'mean-box' }, mean),
    status,
    h('div', { class: 'buttons' }, save, submit));

  const showMean = () => {
    const sheet = readSheet(form, criteria);
    const milli = weightedMeanMilli(criteria, sheet.scores);
    mean.textContent = milli === null
      ? t('reviews.rubric.mean_none')
      : t('reviews.rubric.mean', { mean: points(milli), scored: sheet.scores.length, total: criteria.length });
  };
  form.addEventListener('change', showMean);
  showMean();

  const persist = async () => {
    const sheet = readSheet(form, criteria);
    nameFields(form, sheet);
    record = await put(`/assignments/${record.id}/scores`, sheet, { etag: etagOf(record) });
    return record;
  };

  const refused = (err) => {
    if (err.status === 412) { toast(t('problem.stale-version')); onStale?.(); return; }
    showRefusal(form, err, status);
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    status.replaceChildren();
    save.disabled = true;
    try {
      await persist();
      toast(t('reviews.rubric.saved'));
      status.append(h('p', { class: 'notice ok', text: t('reviews.rubric.saved') }));
    } catch (err) {
      if (err.status !== 401) refused(err);
    } finally {
      save.disabled = false;
    }
  });

  submit.addEventListener('click', async () => {
    clearFieldErrors(form);
    status.replaceChildren();
    const sheet = readSheet(form, criteria);
    const missing = criteria.filter((c) => !sheet.scores.some((s) => s.criterion_id === c.id)).map((c) => {
      form.querySelector(`input[name="score-${c.id}"]`).setAttribute('data-field', `missing-${c.id}`);
      return { field: `missing-${c.id}`, message: t('reviews.rubric.score_missing', { criterion: c.name }) };
    });
    if (!sheet.comment) missing.push({ field: 'comment', message: t('reviews.rubric.comment_missing') });
    if (missing.length) {
      status.append(h('p', { class: 'notice error', role: 'alert', text: t('reviews.rubric.incomplete') }));
      showFieldErrors(form, { fieldErrors: missing }, status);
      return;
    }
    submit.disabled = true;
    try {
      await persist();
      const fresh = await get(`/assignments/${record.id}`);
      record = fresh;
      if (!fresh.actions.includes('submit')) {
        status.append(h('p', { class: 'notice error', role: 'alert', text: t('reviews.rubric.cannot_submit') }));
        return;
      }
      const updated = await openActionDialog('review_assignment', fresh, 'submit', { onStale });
      if (updated) onSubmitted?.(updated);
    } catch (err) {
      if (err.status !== 401) refused(err);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
