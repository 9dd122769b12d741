// The actuals of a progress or final report against the targets of its period: per indicator
// of report.targets (required ones marked in words) the target, the actual total, the
// breakdown grid with the target beside each cell and live totals, a comment, and the files
// attached to the report ticked as evidence. Read into the "results" member of PUT
// /reports/{id}; each control is named after its place in the request when it is read, so the
// server's field errors ("results[0].actual.breakdown.sex") land next to it.

import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { breakdownGrid } from '../../components/breakdown_grid.js';
import { dimensionsOf, indicatorName } from '../../components/indicators.js';
import { formatValue, valueControl } from '../../components/measure.js';
import { field } from '../../components/ui.js';

const P = 'grants.results';

export function unitWords(indicator, currency) {
  return t('grants.results.unit_hint', { unit: t(`grants.results.unit.${indicator.unit}`, { currency }),
    aggregation: t(`grants.results.aggregation.${indicator.aggregation}`) });
}

function evidenceBox(attachment, checked) {
  return field({ label: attachment.filename, name: 'evidence', kind: 'checkbox', value: checked, attrs: { value: String(attachment.id) } });
}

function indicatorBlock(entry, result, catalog, { currency, period, attachments }) {
  const indicator = catalog.byCode.get(entry.indicator) ?? { code: entry.indicator, unit: 'people', aggregation: 'sum', dimensions: [], names: {} };
  const name = indicatorName(indicator);
  const value = (v) => formatValue(v, indicator.unit, { currency, prefix: P });
  const legendId = uid('res');
  const errors = h('div', { class: 'field indicator-errors', tabindex: '-1', dataset: { field: `results.${entry.indicator}` } });
  const totalId = uid('actual');
  const targetId = `${totalId}-target`;
  const total = valueControl({ unit: indicator.unit, currency, value: result?.actual?.total, prefix: P, attrs: { id: totalId, 'aria-describedby': targetId } });
  const dimensions = dimensionsOf(indicator, catalog);
  const grid = dimensions.length ? breakdownGrid({
    dimensions, cells: result?.actual?.breakdown, targets: entry.target?.breakdown ?? {}, context: t('grants.results.actual_context', { name }), prefix: P,
    totalOf: () => { const r = total.readValue(); return r.error ? Number.NaN : r.value; },
  }) : null;
  if (grid) total.addEventListener('input', grid.refresh);
  const comment = field({ label: t('grants.results.comment'), name: `comment_${entry.indicator}`, kind: 'textarea', value: result?.comment ?? '',
    hint: t('grants.results.comment_hint'), attrs: { rows: 3, maxlength: 2000 } });
  const cited = new Set(result?.evidence ?? []);
  const boxes = h('div', { class: 'evidence-boxes' }, attachments.map((a) => evidenceBox(a, cited.has(a.id))));
  const noFiles = h('p', { class: 'hint', text: t('grants.results.no_files') });
  noFiles.hidden = attachments.length > 0;
  const evidence = h('div', { class: 'field evidence', tabindex: '-1' },
    h('fieldset', {}, h('legend', { text: t('grants.results.evidence', { name }) }), noFiles, boxes));
  const node = h('fieldset', { class: 'report-indicator', dataset: { indicator: entry.indicator }, 'aria-describedby': `${legendId}-about` },
    h('legend', { id: legendId }, name,
      h('span', { class: entry.required ? 'required-tag' : 'optional-tag', text: t(entry.required ? 'grants.results.required' : 'grants.results.optional') })),
    h('p', { class: 'hint', id: `${legendId}-about`, text: unitWords(indicator, currency) }),
    errors,
    h('div', { class: 'field actual-total' },
      h('label', { for: totalId }, h('span', { class: 'visually-hidden', text: `${name}: ` }), t('grants.results.actual')),
      h('p', { class: 'target-line', id: targetId }, t('grants.results.target_of_period', { period, value: value(entry.target?.total) })),
      total),
    grid ? [h('p', { class: 'hint', text: t('grants.results.breakdown_hint') }), grid.node] : null,
    comment, evidence);
  const addFile = (a) => { boxes.append(evidenceBox(a, false)); noFiles.hidden = true; };
  return { node, entry, errors, total, grid, comment: comment.querySelector('textarea'), evidence, boxes, addFile };
}

// Reads one indicator: null when nothing was stated for it, else {result, errors} for index `i`.
function readIndicator(block, i) {
  const checked = [...block.boxes.querySelectorAll('input:checked')].map((b) => Number(b.value));
  const touched = block.total.value.trim() || block.grid?.touched() || block.comment.value.trim() || checked.length;
  if (!touched) {
    block.errors.dataset.field = `results.${block.entry.indicator}`;
    for (const el of block.node.querySelectorAll('[data-field]')) if (el !== block.errors) delete el.dataset.field;
    return null;
  }
  const at = `results[${i}]`;
  const errors = [];
  block.errors.dataset.field = at;
  block.total.dataset.field = `${at}.actual.total`;
  block.comment.dataset.field = `${at}.comment`;
  block.evidence.dataset.field = `${at}.evidence`;
  const total = block.total.readValue();
  if (total.error) errors.push({ field: `${at}.actual.total`, message: total.error });
  else if (total.value === null) errors.push({ field: `${at}.actual.total`, message: t('grants.results.error.actual_needed') });
  const cells = block.grid ? block.grid.read(`${at}.actual.breakdown`) : { breakdown: {}, errors: [] };
  errors.push(...cells.errors);
  return {
    result: { indicator: block.entry.indicator, actual: { total: total.value ?? 0, breakdown: cells.breakdown }, comment: block.comment.value.trim(), evidence: checked },
    errors,
  };
}

// The actuals of `report` (report.targets, report.results, report.period) in `currency`;
// `attachments` are the report's files [{id, filename}]. Answers {node, read(), snapshot(),
// addFile(attachment)}.
export function reportResults(report, { catalog, currency, attachments = [] }) {
  const stated = new Map((report.results ?? []).map((r) => [r.indicator, r]));
  const blocks = (report.targets ?? []).map((entry) => indicatorBlock(entry, stated.get(entry.indicator), catalog, { currency, period: report.period, attachments }));
  const node = h('fieldset', { class: 'report-results' },
    h('legend', { text: t('grants.results.title', { period: report.period }) }),
    h('p', { class: 'hint', text: t('grants.results.intro') }),
    blocks.length ? blocks.map((b) => b.node) : h('p', { class: 'empty', text: t('grants.results.no_targets') }));
  const read = () => {
    const results = [];
    const errors = [];
    for (const block of blocks) {
      const one = readIndicator(block, results.length);
      if (!one) continue;
      results.push(one.result);
      errors.push(...one.errors);
    }
    return { results, errors };
  };
  const snapshot = () => JSON.stringify([...node.querySelectorAll('input, textarea, select')].map((el) => (el.type === 'checkbox' ? el.checked : el.value)));
  const addFile = (a) => blocks.forEach((b) => b.addFile(a));
  return { node, read, snapshot, addFile };
}

// `error` with its "results.<code>" field errors (a required result left out) in words.
export function withResultsWords(error) {
  const fieldErrors = (error.fieldErrors ?? []).map((fe) => (/^results\.[a-z0-9_]+$/.test(fe.field)
    ? { ...fe, message: t('grants.results.error.required_indicator') } : fe));
  return Object.create(error, { fieldErrors: { value: fieldErrors } });
}
